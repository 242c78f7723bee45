import { toHalfWidth } from "./half-width";
import { failure, parsed, type ParseResult } from "./parse-result";

/** An exact decimal: (negative ? −1 : 1) · coefficient · 10^exponent. */
export interface DecimalValue {
  readonly negative: boolean;
  readonly coefficient: bigint;
  readonly exponent: number;
}

const MAX_EXPONENT = 1000;
const STRICT = /^([+-])?(?:([1-9]\d{0,2}(?:,\d{3})+|\d+)(?:\.(\d+))?|\.(\d+))(?:[eE]([+-]?\d+))?$/;
/** Digits and commas where a number would be: a separator problem, not a stray word. */
const WITH_COMMAS = /^[+-]?[\d,.]*\d[\d,.]*(?:[eE][+-]?\d+)?$/;

export const MISPLACED_SEPARATORS =
  "expected thousands separators between groups of three digits, as in 1,234,567.5 (a decimal comma such as 1,5 is not accepted: write 1.5)";

/**
 * Reads a decimal numeral exactly, for numbers and amounts:
 *
 *   value = (negative ? −1 : 1) · coefficient · 10^exponent
 *
 * Accepted: an optional sign (`+`, `-`, `−`), digits with or without thousands separators
 * (`1234.5`, `1,234.5`, `1,234,567`), a fraction with or without leading digits (`.5`),
 * and an exponent (`1.2e5`, `1.25E+05`); full-width digits and punctuation fold to ASCII
 * (`１，２３４．５`). Separators must sit between groups of three digits, with a first group
 * of 1–3 digits not starting with 0: `1,23`, `12,3456`, `0,123` and `1.234,5` are
 * refused, as they are most likely a typo or a decimal comma (MISPLACED_SEPARATORS);
 * `expected` is the reason given when the text is no numeral at all. Exponents beyond
 * ±1000 are refused.
 */
export function readDecimal(text: string, expected: string): ParseResult<DecimalValue> {
  const folded = toHalfWidth(text).trim();
  const match = STRICT.exec(folded);
  if (match === null) {
    return failure(
      folded.includes(",") && WITH_COMMAS.test(folded) ? MISPLACED_SEPARATORS : expected,
    );
  }
  const [, sign, wholeDigits, fractionDigits, bareFraction, exponentText] = match;
  const whole = (wholeDigits ?? "").replaceAll(",", "");
  const fraction = fractionDigits ?? bareFraction ?? "";
  const writtenExponent = exponentText === undefined ? 0 : Number(exponentText);
  if (Math.abs(writtenExponent) > MAX_EXPONENT) {
    return failure(`expected an exponent between -${MAX_EXPONENT} and ${MAX_EXPONENT}`);
  }
  return parsed({
    negative: sign === "-",
    coefficient: BigInt(`${whole}${fraction}` || "0"),
    exponent: writtenExponent - fraction.length,
  });
}

/** The nearest double to a decimal value (0, never −0, for zero). */
export function decimalToNumber(value: DecimalValue): number {
  const number = Number(`${value.negative ? "-" : ""}${value.coefficient}e${value.exponent}`);
  return number === 0 ? 0 : number;
}
