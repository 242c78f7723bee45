/**
 * Small-count suppression (小数抑制) of a public breakdown of counts: how many ratings gave
 * each score, how many appeals of each type. A count of 1–4 could point at a person (the
 * one complaint about a small office), so it is never published; and since the total and
 * the other cells are, further cells are hidden until no hidden one can be worked out.
 *
 * The rule, for one breakdown c₁ … cₙ (whole counts ≥ 0) and its total T = Σ cᵢ:
 *
 *   1. primary:        every cell with 1 ≤ cᵢ < 5 is suppressed;
 *   2. small total:    when 1 ≤ T < 5, every non-zero cell and the total are suppressed;
 *   3. complementary:  while the suppressed cells can be recovered, suppress the smallest
 *                      non-zero cell still shown (ties: the first); when none is left,
 *                      suppress the total.
 *
 * Zeros are shown: an empty cell holds nobody, and "no bad reviews" is a fact worth
 * publishing. So a reader knows every hidden cell holds at least 1, and with the total
 * shown, that the hidden cells sum to S = T − Σ shown. Each hidden cell can then be
 * anything from 1 to S − (k − 1) (k hidden cells): it is recovered exactly when k = 1 or
 * when S = k (every hidden cell is 1). Step 3 repeats until neither holds.
 *
 * Breakdowns are one-dimensional on purpose: a 2-D table (type × month) needs the rule
 * along rows and columns at once, which no public page needs; publish 1-D margins instead.
 */

/** Counts under this are never published. */
export const SUPPRESSION_THRESHOLD = 5;

export interface SuppressedBreakdown {
  /** Each cell's count, or null when suppressed (in the input's order). */
  readonly cells: ReadonlyArray<number | null>;
  /** T, or null when suppressed. */
  readonly total: number | null;
}

const isSmall = (count: number) => count >= 1 && count < SUPPRESSION_THRESHOLD;

/** True when a reader can work out a hidden cell from the total and the cells shown. */
function recoverable(counts: readonly number[], hidden: ReadonlySet<number>): boolean {
  if (hidden.size === 0) return false;
  if (hidden.size === 1) return true;
  let sum = 0;
  for (const index of hidden) sum += counts[index] ?? 0;
  return sum === hidden.size;
}

/** Applies the rule above to one breakdown; throws a RangeError on a negative or fractional count. */
export function suppressSmallCounts(counts: readonly number[]): SuppressedBreakdown {
  for (const count of counts) {
    if (!Number.isInteger(count) || count < 0)
      throw new RangeError(`A count must be a whole number ≥ 0, not ${count}`);
  }
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (isSmall(total)) {
    return { cells: counts.map((count) => (count === 0 ? 0 : null)), total: null };
  }
  const hidden = new Set<number>();
  counts.forEach((count, index) => {
    if (isSmall(count)) hidden.add(index);
  });
  let totalShown = true;
  while (totalShown && recoverable(counts, hidden)) {
    let next = -1;
    counts.forEach((count, index) => {
      if (count > 0 && !hidden.has(index) && (next === -1 || count < (counts[next] ?? 0)))
        next = index;
    });
    if (next === -1) totalShown = false;
    else hidden.add(next);
  }
  return {
    cells: counts.map((count, index) => (hidden.has(index) ? null : count)),
    total: totalShown ? total : null,
  };
}

/**
 * Whether a share over some cells of a suppressed breakdown (satisfaction = cells 4 and 5
 * over the total) may be published beside it. The reader knows the total and the shown
 * cells, hence the sum of the hidden ones; a share over a set of cells tells them that
 * set's sum. It adds nothing when the set holds no hidden cell or every hidden cell, and
 * splits the hidden cells (giving one away, or narrowing them) otherwise. A share of a
 * suppressed total is never published.
 */
export function shareIsPublishable(
  breakdown: SuppressedBreakdown,
  cellIndices: readonly number[],
): boolean {
  if (breakdown.total === null) return false;
  const hidden = breakdown.cells.flatMap((count, index) => (count === null ? [index] : []));
  const inSet = hidden.filter((index) => cellIndices.includes(index)).length;
  return inSet === 0 || inSet === hidden.length;
}
