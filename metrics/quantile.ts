/**
 * The p-quantile of ascending values by linear interpolation between order statistics
 * (d3.quantileSorted, numpy's default "linear", Hyndman & Fan type 7):
 *
 *   h = (n − 1) · p,  Q(p) = x[⌊h⌋] + (h − ⌊h⌋) · (x[⌊h⌋ + 1] − x[⌊h⌋])
 *
 * with x sorted ascending and 0-based. p is clamped to [0, 1]; null for no values.
 */
export function quantileSorted(sortedValues: ArrayLike<number>, p: number): number | null {
  const n = sortedValues.length;
  if (n === 0 || Number.isNaN(p)) return null;
  const h = (n - 1) * Math.min(1, Math.max(0, p));
  const lower = Math.floor(h);
  const low = sortedValues[lower] as number;
  if (lower >= n - 1) return sortedValues[n - 1] as number;
  const high = sortedValues[lower + 1] as number;
  return low + (h - lower) * (high - low);
}

/** The p-quantile (see quantileSorted) of values in any order; null values are skipped. */
export function quantile(values: Iterable<number | null>, p: number): number | null {
  const known: number[] = [];
  for (const value of values) if (value !== null && !Number.isNaN(value)) known.push(value);
  known.sort((a, b) => a - b);
  return quantileSorted(known, p);
}
