import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { disagreementFigures, needsModeration, scoreRange } from "./score-disagreement";

describe("scoreRange", () => {
  it("is max − min", () => {
    expect(scoreRange([7, 9, 4])).toBe(5);
    expect(scoreRange([6])).toBe(0);
    expect(scoreRange([null, 3, 8])).toBe(5);
    expect(scoreRange([])).toBeNull();
  });
});

describe("needsModeration", () => {
  it("flags a range strictly above the threshold", () => {
    expect(needsModeration([7, 9, 4], 4)).toBe(true);
    expect(needsModeration([7, 9, 5], 4)).toBe(false); // range 4 = threshold
    expect(needsModeration([9], 0)).toBe(false);
    expect(needsModeration([], 0)).toBe(false);
  });

  it("never flags when every evaluator agrees, and a higher threshold flags less", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 })),
        fc.nat(50),
        fc.nat(50),
        (scores, a, b) => {
          if (needsModeration(scores, Math.min(a, b)) === false) {
            expect(needsModeration(scores, Math.max(a, b))).toBe(false);
          }
          expect(
            needsModeration(
              scores.map(() => 5),
              0,
            ),
          ).toBe(false);
        },
      ),
    );
  });
});

describe("disagreementFigures", () => {
  it("gives the mean, the spread and the flag of one criterion's scores", () => {
    expect(disagreementFigures([60, 85], 20)).toEqual({ mean: 72.5, spread: 25, flagged: true });
    expect(disagreementFigures([70, 90], 20)).toEqual({ mean: 80, spread: 20, flagged: false });
    expect(disagreementFigures([], 20)).toEqual({ mean: null, spread: null, flagged: false });
  });
});
