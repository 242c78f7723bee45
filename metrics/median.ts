/**
 * Median of the known values; an even count takes the mean of the two middle values:
 *
 *   median = x[(n − 1) / 2]                       (n odd, x sorted, 0-based)
 *          = (x[n / 2 − 1] + x[n / 2]) / 2        (n even)
 *
 * null values are skipped; null when none is left.
 */
export function median(values: Iterable<number | null>): number | null {
  const known: number[] = [];
  for (const value of values) if (value !== null && !Number.isNaN(value)) known.push(value);
  known.sort((a, b) => a - b);
  const n = known.length;
  if (n === 0) return null;
  const upper = known[Math.floor(n / 2)] as number;
  if (n % 2 === 1) return upper;
  return ((known[n / 2 - 1] as number) + upper) / 2;
}

/** A histogram: value → how many times it occurs (e.g. reply working days → appeals). */
export type Histogram = ReadonlyMap<number, number>;

/** Counts each known value: histogramOf([2, 0, 2]) = {0 → 1, 2 → 2}. */
export function histogramOf(values: Iterable<number | null>): Map<number, number> {
  const counts = new Map<number, number>();
  for (const value of values) {
    if (value === null || Number.isNaN(value)) continue;
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

/** Sums histograms bucket by bucket (to roll days, types or departments up). */
export function mergeHistograms(histograms: Iterable<Histogram>): Map<number, number> {
  const merged = new Map<number, number>();
  for (const histogram of histograms) addToHistogram(merged, histogram);
  return merged;
}

/** Adds a histogram's counts into `total`, bucket by bucket, in place. */
export function addToHistogram(total: Map<number, number>, histogram: Histogram): void {
  for (const [value, count] of histogram) total.set(value, (total.get(value) ?? 0) + count);
}

/**
 * The median of the values a histogram counts, the same as median() over the raw
 * values: with N = Σ count and the values in ascending order, the median is the value at
 * position (N − 1) / 2 when N is odd and the mean of those at N / 2 − 1 and N / 2 when N
 * is even (0-based positions). Buckets with a count ≤ 0 are ignored; null when N = 0.
 * Takes a Map or any iterable of [value, count] pairs (e.g. a roll-up's rows).
 */
export function medianFromHistogram(
  histogram: Iterable<readonly [value: number, count: number]>,
): number | null {
  const buckets = [...histogram].filter(([, count]) => count > 0).sort((a, b) => a[0] - b[0]);
  const total = buckets.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  const lowerPosition = Math.floor((total - 1) / 2);
  const upperPosition = Math.floor(total / 2);
  let lower: number | null = null;
  let seen = 0;
  for (const [value, count] of buckets) {
    seen += count;
    if (lower === null && seen > lowerPosition) lower = value;
    if (seen > upperPosition) return ((lower ?? value) + value) / 2;
  }
  return null;
}
