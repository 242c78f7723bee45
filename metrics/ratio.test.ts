import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ratio } from "./ratio";

describe("ratio", () => {
  it("divides", () => {
    expect(ratio(52_711, 53_242)).toBeCloseTo(0.990027, 6);
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(0, 5)).toBe(0);
  });

  it("is null, never 0 or 1, when the denominator is zero", () => {
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(3, 0)).toBeNull();
  });

  it("is null when either side is missing or not finite", () => {
    expect(ratio(null, 3)).toBeNull();
    expect(ratio(3, null)).toBeNull();
    expect(ratio(Number.NaN, 3)).toBeNull();
    expect(ratio(3, Number.POSITIVE_INFINITY)).toBeNull();
  });

  it("stays in [0, 1] for a part over its whole", () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (a, b) => {
        const part = Math.min(a, b);
        const whole = Math.max(a, b);
        const rate = ratio(part, whole);
        if (whole === 0) return rate === null;
        return rate !== null && rate >= 0 && rate <= 1;
      }),
    );
  });
});
