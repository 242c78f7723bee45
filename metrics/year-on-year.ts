/**
 * Year-on-year change of a count or an amount, relative to last year:
 *
 *   (this − last) / last
 *
 * null when last is 0 or either value is null (no base to compare with).
 * 0.25 means +25 %.
 */
export function relativeChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / previous;
}

/**
 * Year-on-year change of a rate, in percentage points (as a fraction):
 *
 *   this − last
 *
 * null when either rate is null. 0.012 means +1.2 percentage points.
 */
export function percentagePointChange(
  current: number | null,
  previous: number | null,
): number | null {
  if (current === null || previous === null) return null;
  return current - previous;
}
