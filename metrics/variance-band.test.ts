import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { varianceBand } from "./variance-band";

const order = { green: 0, amber: 1, red: 2 } as const;

describe("varianceBand", () => {
  it("bands |v| at 10 % and 30 % after rounding to 4 decimals", () => {
    expect(varianceBand(0)).toBe("green");
    expect(varianceBand(0.099949)).toBe("green");
    expect(varianceBand(0.09995)).toBe("amber");
    expect(varianceBand(0.1)).toBe("amber");
    expect(varianceBand(-0.12)).toBe("amber");
    expect(varianceBand(0.29994)).toBe("amber");
    expect(varianceBand(-0.29995)).toBe("red");
    expect(varianceBand(0.3)).toBe("red");
    expect(varianceBand(-2.5)).toBe("red");
  });

  it("is null where the variance is", () => {
    expect(varianceBand(null)).toBeNull();
    expect(varianceBand(Number.NaN)).toBeNull();
  });

  it("is red for an infinite variance", () => {
    expect(varianceBand(Number.NEGATIVE_INFINITY)).toBe("red");
  });

  it("is monotone in |v| and symmetric in sign", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        (a, b) => {
          const [small, large] = Math.abs(a) <= Math.abs(b) ? [a, b] : [b, a];
          const lo = varianceBand(small);
          const hi = varianceBand(large);
          expect(lo).not.toBeNull();
          expect(hi).not.toBeNull();
          expect(order[lo ?? "green"]).toBeLessThanOrEqual(order[hi ?? "green"]);
          expect(varianceBand(-a)).toBe(varianceBand(a));
        },
      ),
    );
  });
});
