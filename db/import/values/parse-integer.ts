import { readDecimal } from "./decimal-text";
import { failure, parsed, type ParseResult } from "./parse-result";

export const EXPECTED_INTEGER = "expected a whole number such as 12 or 1,234";

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * A whole-number cell: the numerals of parseNumber without percentages (`1234`, `1,234`,
 * `+12`, `-3`, `1e3`, `１２`) whose exact written value is a whole number within
 * ±(2^53 − 1). `12.0` is 12; `12.5`, `12.0000000000000001` and `12%` are refused. Range
 * checks (a score of 1–5, a maturity of 0–4) are the caller's.
 */
export function parseInteger(text: string): ParseResult<number> {
  const decimal = readDecimal(text, EXPECTED_INTEGER);
  if (!decimal.ok) return decimal;
  const { negative, coefficient, exponent } = decimal.value;
  let magnitude: bigint;
  if (exponent >= 0) {
    if (exponent > 20 && coefficient !== 0n) return failure(`${EXPECTED_INTEGER}, too large`);
    magnitude = coefficient * 10n ** BigInt(exponent);
  } else {
    const divisor = 10n ** BigInt(-exponent);
    if (coefficient % divisor !== 0n) return failure(`${EXPECTED_INTEGER}, without a fraction`);
    magnitude = coefficient / divisor;
  }
  if (magnitude > MAX) {
    return failure(`${EXPECTED_INTEGER}, between -9,007,199,254,740,991 and 9,007,199,254,740,991`);
  }
  const value = Number(magnitude);
  return parsed(negative && value !== 0 ? -value : value);
}
