import { quantile as d3Quantile } from "d3";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quantile, quantileSorted } from "./quantile";

describe("quantileSorted", () => {
  it("interpolates linearly between order statistics: h = (n − 1) p", () => {
    // numpy.quantile([1, 2, 3, 4], 0.05) = 1.15; 0.95 → 3.85
    expect(quantileSorted([1, 2, 3, 4], 0.05)).toBeCloseTo(1.15, 12);
    expect(quantileSorted([1, 2, 3, 4], 0.95)).toBeCloseTo(3.85, 12);
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([10, 20], 0.25)).toBe(12.5);
  });

  it("returns the ends at p = 0 and p = 1, and the only value of one", () => {
    expect(quantileSorted([3, 7, 9], 0)).toBe(3);
    expect(quantileSorted([3, 7, 9], 1)).toBe(9);
    expect(quantileSorted([5], 0.3)).toBe(5);
  });

  it("is null for no values", () => {
    expect(quantileSorted([], 0.5)).toBeNull();
    expect(quantile([null, null], 0.5)).toBeNull();
  });

  it("sorts and skips nulls in quantile", () => {
    expect(quantile([4, null, 1, 3, 2], 0.05)).toBeCloseTo(1.15, 12);
  });

  it("agrees with d3.quantile", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 50 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, p) => {
          const expected = d3Quantile(values, p) ?? Number.NaN;
          expect(quantile(values, p)).toBeCloseTo(expected, 9);
        },
      ),
    );
  });
});
