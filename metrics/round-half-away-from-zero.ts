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
  const scaled = roundedUnits(value, decimals);
  // Whole units over a power of ten: IEEE division rounds correctly, so this is the
  // double nearest the decimal, as Number(`${scaled}e-${decimals}`) would be.
  const rounded =
    decimals >= 0 && decimals <= 22 ? scaled / 10 ** decimals : shiftDecimal(scaled, -decimals);
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

/**
 * |v| rounded half away from zero to `decimals` decimals, as a whole number of units of
 * 10^−decimals (0.09995 at 4 decimals → 1000). Exact integer arithmetic for comparisons.
 */
export function roundedUnits(value: number, decimals: number): number {
  const abs = Math.abs(value);
  // Fast path: far from a half, the binary product rounds the same way as the decimal
  // one (its error is below 1e-10 for products under 1e6). Near a half, or for large
  // products, rewrite the exponent of the decimal representation (a string round trip,
  // ~30 times slower; dashboards band thousands of variances per page).
  if (decimals >= 0 && decimals <= 15) {
    const product = abs * 10 ** decimals;
    if (product < 1e6 && Math.abs(product - Math.floor(product) - 0.5) > 1e-7) {
      return Math.round(product);
    }
  }
  return Math.round(shiftDecimal(abs, decimals));
}

/** v · 10^places, by rewriting the exponent of v's decimal representation. */
function shiftDecimal(value: number, places: number): number {
  const [mantissa, exponent] = String(value).split("e");
  return Number(`${mantissa}e${Number(exponent ?? 0) + places}`);
}
