/**
 * A rate or ratio where a zero denominator means "no data".
 *
 *   ratio(n, d) = n / d, or null when d = 0 (or either side is null or not finite)
 *
 * Never 0 % or 100 % for an empty set: the page shows "—".
 */
export function ratio(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null) return null;
  if (denominator === 0 || !Number.isFinite(numerator) || !Number.isFinite(denominator)) {
    return null;
  }
  return numerator / denominator;
}
