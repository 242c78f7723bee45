import { decimalToNumber, readDecimal } from "./decimal-text";
import { toHalfWidth } from "./half-width";
import { failure, parsed, type ParseResult } from "./parse-result";

/** Options of parseNumber. */
export interface NumberOptions {
  /** Accept `12.5%` as 0.125 (default true). */
  readonly allowPercent?: boolean;
}

export const EXPECTED_NUMBER = "expected a number such as 1234.5, 1,234.5, -12 or 12.5%";
const EXPECTED_PLAIN_NUMBER = "expected a number such as 1234.5, 1,234.5 or -12 (not a percentage)";

/**
 * A number cell. Accepted forms (surrounding white space ignored, full-width forms folded):
 *
 *   1234.5   1,234.5   -12   +12   .5   1.2e5   1.25E+05   １，２３４
 *   12.5%    12.5％     → 0.125 (a percentage is divided by 100)
 *
 * Thousands separators must sit between groups of three digits (`1,23` is refused). The
 * result is the nearest double to the written decimal (a percentage is shifted by two
 * decimal places before rounding, so `12.3%` is exactly the double nearest 0.123).
 * Anything else, units and words included, is refused.
 */
export function parseNumber(text: string, options: NumberOptions = {}): ParseResult<number> {
  const allowPercent = options.allowPercent ?? true;
  const folded = toHalfWidth(text).trim();
  const isPercent = folded.endsWith("%");
  if (isPercent && !allowPercent) return failure(EXPECTED_PLAIN_NUMBER);
  const numeral = isPercent ? folded.slice(0, -1).trimEnd() : folded;
  const decimal = readDecimal(numeral, allowPercent ? EXPECTED_NUMBER : EXPECTED_PLAIN_NUMBER);
  if (!decimal.ok) return decimal;
  const value = decimalToNumber(
    isPercent ? { ...decimal.value, exponent: decimal.value.exponent - 2 } : decimal.value,
  );
  if (!Number.isFinite(value)) return failure("expected a number of at most about 1.8e308");
  return parsed(value);
}
