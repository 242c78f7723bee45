import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { percentagePointChange, relativeChange } from "./year-on-year";

describe("relativeChange (counts and amounts)", () => {
  it("is (this − last) / last", () => {
    expect(relativeChange(53_242, 48_000)).toBeCloseTo(0.109208, 6);
    expect(relativeChange(75, 100)).toBe(-0.25);
    expect(relativeChange(0, 10)).toBe(-1);
  });

  it("is null when last year is zero or missing", () => {
    expect(relativeChange(10, 0)).toBeNull();
    expect(relativeChange(10, null)).toBeNull();
    expect(relativeChange(null, 10)).toBeNull();
  });

  it("is never below −100 % for non-negative counts", () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1 }), (current, previous) => {
        const change = relativeChange(current, previous);
        return change !== null && change >= -1;
      }),
    );
  });
});

describe("percentagePointChange (rates)", () => {
  it("is this − last", () => {
    expect(percentagePointChange(0.99, 0.97)).toBeCloseTo(0.02, 12);
    expect(percentagePointChange(0.5, 0.75)).toBe(-0.25);
  });

  it("is null when either rate is missing", () => {
    expect(percentagePointChange(null, 0.5)).toBeNull();
    expect(percentagePointChange(0.5, null)).toBeNull();
  });

  it("is zero for an unchanged rate and can use last year's zero rate", () => {
    expect(percentagePointChange(0.3, 0.3)).toBe(0);
    expect(percentagePointChange(0.3, 0)).toBe(0.3);
  });
});
