/**
 * Range of the evaluators' scores of one criterion on one project:
 *
 *   range = max − min   (null without scores)
 */
export function scoreRange(scores: Iterable<number | null>): number | null {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const score of scores) {
    if (score === null || Number.isNaN(score)) continue;
    if (score < min) min = score;
    if (score > max) max = score;
  }
  return min > max ? null : max - min;
}

/**
 * A criterion on a project is flagged for moderation when its scores range more than
 * the round's threshold:
 *
 *   flagged = (max − min) > threshold   (false with fewer than 2 scores)
 */
export function needsModeration(scores: Iterable<number | null>, threshold: number): boolean {
  const range = scoreRange(scores);
  return range !== null && range > threshold;
}
