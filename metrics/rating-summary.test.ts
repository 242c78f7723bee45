import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addRatingCounts,
  ratingCountsOf,
  ratingSummary,
  ratingSummaryFromCounts,
} from "./rating-summary";

describe("ratingSummary", () => {
  it("computes satisfaction, bad-review rate and mean rating", () => {
    // 4 or 5: five of eight; 1 or 2: two; sum of scores 29.
    const summary = ratingSummary([5, 5, 4, 3, 2, 1, 5, 4]);
    expect(summary.rated).toBe(8);
    expect(summary.satisfactionRate).toBe(5 / 8);
    expect(summary.badReviewRate).toBe(2 / 8);
    expect(summary.meanRating).toBe(29 / 8);
  });

  it("skips unrated and is null when nothing is rated", () => {
    expect(ratingSummary([null, 4, null])).toEqual({
      rated: 1,
      satisfactionRate: 1,
      badReviewRate: 0,
      meanRating: 4,
    });
    expect(ratingSummary([null])).toEqual({
      rated: 0,
      satisfactionRate: null,
      badReviewRate: null,
      meanRating: null,
    });
  });

  it("rejects scores outside 1–5", () => {
    expect(() => ratingSummary([0])).toThrow(RangeError);
    expect(() => ratingSummary([6])).toThrow(RangeError);
    expect(() => ratingSummary([4.5])).toThrow(RangeError);
  });

  it("keeps rates in [0, 1] and the mean in [1, 5], and roll-ups agree", () => {
    const scores = fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }));
    fc.assert(
      fc.property(scores, scores, (a, b) => {
        const summary = ratingSummary([...a, ...b]);
        if (summary.rated === 0) {
          expect(summary.satisfactionRate).toBeNull();
          return;
        }
        for (const rate of [summary.satisfactionRate, summary.badReviewRate]) {
          expect(rate).toBeGreaterThanOrEqual(0);
          expect(rate).toBeLessThanOrEqual(1);
        }
        expect(summary.meanRating).toBeGreaterThanOrEqual(1);
        expect(summary.meanRating).toBeLessThanOrEqual(5);
        const rolledUp = ratingSummaryFromCounts(
          addRatingCounts(ratingCountsOf(a), ratingCountsOf(b)),
        );
        expect(rolledUp).toEqual(summary);
      }),
    );
  });
});
