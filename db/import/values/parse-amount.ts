import { readDecimal } from "./decimal-text";
import { toHalfWidth } from "./half-width";
import { failure, parsed, type ParseResult } from "./parse-result";

/** Options of parseAmount. */
export interface AmountOptions {
  /** The header said 万元 (`budget_wan`, `批复金额(万元)`): a bare number is in 万元. */
  readonly unitIsWan?: boolean;
  /** Accept negative amounts (default false: budgets and spending are never negative). */
  readonly allowNegative?: boolean;
}

export const EXPECTED_AMOUNT =
  "expected an amount such as 12500, 12,500.50, 12,500元, ¥12,500 or 12.5万";

const AMOUNT = /^([+-]?)\s*(¥?)\s*(.*?)\s*(万元|万|亿元|亿|元)?$/u;
const FEN_LIMIT = 10n ** 18n; // 10^16 yuan

const UNIT_POWER: Record<string, number> = { 元: 0, 万: 4, 万元: 4, 亿: 8, 亿元: 8 };

/**
 * An amount of money, as yuan exact to the fen: a decimal string with two decimals
 * ("125000.00"), ready for a numeric(18, 2) column. Accepted cells (white space around
 * and between the parts ignored, full-width forms folded):
 *
 *   12500   12,500.5   -12,500   1.25e4      a number: in 元, or in 万元 under a 万元 header
 *   12,500元   ¥12,500   ￥12,500元          the cell says 元: yuan, whatever the header says
 *   12.5万   12.5万元   ¥12.5万              the cell says 万 (万元): × 10,000
 *   1.2亿   1.2亿元                          the cell says 亿 (亿元): × 100,000,000
 *
 * The sign may stand before or after `¥` (`-¥12`, `¥-12`). The arithmetic is exact
 * (decimal, never binary floating point: `0.1万` is "1000.00"), rounded to the fen half
 * away from zero (`12.345678万` is "123456.78", `-0.005` is "-0.01"). Refused: negative
 * amounts unless `allowNegative`, percentages, other units, and amounts of 10^16 yuan or
 * more (they do not fit numeric(18, 2)).
 */
export function parseAmount(text: string, options: AmountOptions = {}): ParseResult<string> {
  // ￥ (U+FFE5) is the full-width ¥ (U+00A5).
  const folded = toHalfWidth(text)
    .replace(/\uffe5/g, "¥")
    .trim();
  const match = AMOUNT.exec(folded);
  if (match === null) return failure(EXPECTED_AMOUNT);
  const [, outerSign = "", , rest = "", unit] = match;
  if (outerSign !== "" && /^[+-]/.test(rest)) return failure(EXPECTED_AMOUNT); // "-¥-12"
  const decimal = readDecimal(`${outerSign}${rest}`, EXPECTED_AMOUNT);
  if (!decimal.ok) return decimal;
  const { negative, coefficient, exponent } = decimal.value;
  if (negative && coefficient !== 0n && options.allowNegative !== true) {
    return failure("expected an amount that is not negative");
  }
  const unitPower = unit === undefined ? (options.unitIsWan === true ? 4 : 0) : UNIT_POWER[unit];
  const fen = roundHalfAwayFromZero(coefficient, exponent + (unitPower ?? 0) + 2);
  if (fen >= FEN_LIMIT) {
    return failure("expected an amount below 10,000,000,000,000,000 yuan (10^16)");
  }
  return parsed(formatFen(negative ? -fen : fen));
}

/** coefficient · 10^power rounded to a whole number, half away from zero (coefficient ≥ 0). */
function roundHalfAwayFromZero(coefficient: bigint, power: number): bigint {
  if (power >= 0) {
    // Anything over 10^18 fen is refused; do not build huge powers for it.
    if (coefficient !== 0n && power > 40) return FEN_LIMIT;
    return coefficient * 10n ** BigInt(power);
  }
  const divisor = 10n ** BigInt(-power);
  const quotient = coefficient / divisor;
  return 2n * (coefficient % divisor) >= divisor ? quotient + 1n : quotient;
}

/** "-1234.50" from −123450 fen; zero is "0.00", never "-0.00". */
function formatFen(fen: bigint): string {
  const sign = fen < 0n ? "-" : "";
  const magnitude = (fen < 0n ? -fen : fen).toString().padStart(3, "0");
  return `${sign}${magnitude.slice(0, -2)}.${magnitude.slice(-2)}`;
}
