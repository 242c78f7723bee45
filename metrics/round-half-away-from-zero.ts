/**
 * Rounds half away from zero to a number of decimals, on the decimal a person sees:
 *
 *   round(v, d) = sign(v) · ⌊|v| · 10^d + 0.5⌋ / 10^d
 *
 * computed by shifting the decimal exponent of the shortest representation of v
 * (String(v)), not by multiplying in binary, so 0.09995 → 0.1 (not 0.0999 because the
 * double nearest 0.09995 lies just below it) and −0.29995 → −0.3.
 * Non-finite values are returned unchanged.
 */
export function roundHalfAwayFromZero(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const scaled = Math.round(shiftDecimal(Math.abs(value), decimals));
  const rounded = shiftDecimal(scaled, -decimals);
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

/**
 * |v| rounded half away from zero to `decimals` decimals, as a whole number of units of
 * 10^−decimals (0.09995 at 4 decimals → 1000). Exact integer arithmetic for comparisons.
 */
export function roundedUnits(value: number, decimals: number): number {
  return Math.round(shiftDecimal(Math.abs(value), decimals));
}

/** v · 10^places, by rewriting the exponent of v's decimal representation. */
function shiftDecimal(value: number, places: number): number {
  const [mantissa, exponent] = String(value).split("e");
  return Number(`${mantissa}e${Number(exponent ?? 0) + places}`);
}
