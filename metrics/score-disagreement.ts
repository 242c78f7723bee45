import { criterionScore } from "./evaluation-score";

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

/** What the moderation view shows of one criterion on one project. */
export interface DisagreementFigures {
  /** criterionScore: the mean of the scores, on the criterion's range; null without scores. */
  mean: number | null;
  /** scoreRange: max − min; null without scores. */
  spread: number | null;
  /** needsModeration: the spread passes the round's threshold. */
  flagged: boolean;
}

/** The mean, spread and flag of one criterion's scores on one project. */
export function disagreementFigures(
  scores: readonly (number | null)[],
  threshold: number,
): DisagreementFigures {
  return {
    mean: criterionScore(scores),
    spread: scoreRange(scores),
    flagged: needsModeration(scores, threshold),
  };
}
