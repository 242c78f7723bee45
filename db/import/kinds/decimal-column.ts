import { readDecimal, type DecimalValue } from "../values/decimal-text";
import { toHalfWidth } from "../values/half-width";
import { EXPECTED_NUMBER } from "../values/parse-number";
import { failure, parsed, type ParseResult } from "../values/parse-result";
import type { RowReader } from "./row-reader";

/** A number as written, kept exact for a numeric column: its decimal text and its value. */
export interface ExactNumber {
  /** Plain decimal text without exponent or trailing zeros: "0.2", "-12", "1250000". */
  text: string;
  value: DecimalValue;
}

/**
 * A number cell for a numeric column, exact (never through a double): the numerals of
 * parseNumber, `12.5%` included as 0.125. `20%` is "0.2", `1.2e3` is "1200".
 */
export function parseExactNumber(text: string): ParseResult<ExactNumber> {
  const folded = toHalfWidth(text).trim();
  const isPercent = folded.endsWith("%");
  const decimal = readDecimal(isPercent ? folded.slice(0, -1).trimEnd() : folded, EXPECTED_NUMBER);
  if (!decimal.ok) return decimal;
  const value = isPercent
    ? { ...decimal.value, exponent: decimal.value.exponent - 2 }
    : decimal.value;
  return parsed({ text: decimalText(value), value });
}

/** Plain decimal text of an exact decimal: "-0.125", "1200", "0" (never "-0"). */
export function decimalText({ negative, coefficient, exponent }: DecimalValue): string {
  if (coefficient === 0n) return "0";
  let digits = coefficient.toString();
  let scale = -exponent;
  while (scale > 0 && digits.endsWith("0")) {
    digits = digits.slice(0, -1);
    scale -= 1;
  }
  const sign = negative ? "-" : "";
  if (scale <= 0) return `${sign}${digits}${"0".repeat(-scale)}`;
  const padded = digits.padStart(scale + 1, "0");
  return `${sign}${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
}

/** −1, 0 or 1 as a is below, equal to or above b, exactly. */
export function compareDecimals(a: DecimalValue, b: DecimalValue): number {
  const exponent = Math.min(a.exponent, b.exponent);
  const scaled = (x: DecimalValue) =>
    (x.negative ? -1n : 1n) * x.coefficient * 10n ** BigInt(x.exponent - exponent);
  const difference = scaled(a) - scaled(b);
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}

/** Below 10^6 once rounded to 6 decimals: what fits numeric(12, 6). */
const WEIGHT_LIMIT: DecimalValue = {
  negative: false,
  coefficient: 9_999_999_999_995n,
  exponent: -7,
};

/**
 * A weight (权重) for a numeric(12, 6) column: a number of 0 or more and below 1,000,000,
 * a percentage allowed (`20%` is "0.2").
 */
export function weightColumn(
  reader: RowReader,
  column: string,
  required: boolean,
): string | null | undefined {
  const parse = (text: string): ParseResult<string> => {
    const result = parseExactNumber(text);
    if (!result.ok) return result;
    const { value } = result.value;
    if (value.negative && value.coefficient !== 0n) {
      return failure("expected a weight of 0 or more, such as 0.2 or 20%");
    }
    if (compareDecimals(value, WEIGHT_LIMIT) >= 0) {
      return failure("expected a weight below 1,000,000, such as 0.2 or 20%");
    }
    return parsed(result.value.text);
  };
  return required ? reader.required(column, parse) : reader.optional(column, parse);
}
