import { ratio } from "./ratio";

/** How many ratings of each score: index 0 counts score 1, …, index 4 counts score 5. */
export type RatingCounts = readonly [number, number, number, number, number];

/** The three figures of a set of 1–5 ratings. */
export interface RatingSummary {
  /** Ratings counted (appeals with a satisfaction value, or 好差评 ratings). */
  readonly rated: number;
  /** Share rated 4 or 5. */
  readonly satisfactionRate: number | null;
  /** 差评率: share rated 1 or 2. */
  readonly badReviewRate: number | null;
  /** Mean score, 1–5. */
  readonly meanRating: number | null;
}

/** Rating counts being filled in (see countRating). */
export type MutableRatingCounts = [number, number, number, number, number];

/**
 * Adds one 1–5 score to counts in place; throws a RangeError on anything else (imports
 * only let 1–5 in).
 */
export function countRating(counts: MutableRatingCounts, score: number): void {
  if (!Number.isInteger(score) || score < 1 || score > 5) {
    throw new RangeError(`A rating must be a whole number from 1 to 5, not ${score}`);
  }
  counts[score - 1] = (counts[score - 1] ?? 0) + 1;
}

/** Counts scores 1–5 (nulls skipped); see countRating. */
export function ratingCountsOf(scores: Iterable<number | null>): RatingCounts {
  const counts: MutableRatingCounts = [0, 0, 0, 0, 0];
  for (const score of scores) if (score !== null) countRating(counts, score);
  return counts;
}

/** Adds rating counts score by score (for roll-ups). */
export function addRatingCounts(a: RatingCounts, b: RatingCounts): RatingCounts {
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3], a[4] + b[4]];
}

/**
 * Satisfaction figures from counts per score (c1 … c5):
 *
 *   rated             = c1 + c2 + c3 + c4 + c5
 *   satisfaction rate = (c4 + c5) / rated
 *   bad-review rate   = (c1 + c2) / rated
 *   mean rating       = (1·c1 + 2·c2 + 3·c3 + 4·c4 + 5·c5) / rated
 *
 * each null when rated = 0.
 */
export function ratingSummaryFromCounts(counts: RatingCounts): RatingSummary {
  const [c1, c2, c3, c4, c5] = counts;
  const rated = c1 + c2 + c3 + c4 + c5;
  return {
    rated,
    satisfactionRate: ratio(c4 + c5, rated),
    badReviewRate: ratio(c1 + c2, rated),
    meanRating: ratio(c1 + 2 * c2 + 3 * c3 + 4 * c4 + 5 * c5, rated),
  };
}

/**
 * Service rating (好差评) of a service item or project, and appeals' satisfaction: the
 * figures of ratingSummaryFromCounts over the 1–5 scores given (nulls skipped).
 */
export function ratingSummary(scores: Iterable<number | null>): RatingSummary {
  return ratingSummaryFromCounts(ratingCountsOf(scores));
}
