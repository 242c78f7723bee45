import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { distanceToTarget, minMaxNormalise } from "./normalise";

describe("minMaxNormalise", () => {
  it("maps min to 0 and max to 1, reversed where lower is better", () => {
    expect(minMaxNormalise([10, 20, 15], "higher")).toEqual([0, 1, 0.5]);
    expect(minMaxNormalise([10, 20, 15], "lower")).toEqual([1, 0, 0.5]);
  });

  it("gives every entity 1 when max = min, and keeps nulls", () => {
    expect(minMaxNormalise([7, 7, null], "higher")).toEqual([1, 1, null]);
    expect(minMaxNormalise([null, 3, 5], "higher")).toEqual([null, 0, 1]);
    expect(minMaxNormalise([], "lower")).toEqual([]);
  });

  it("stays in [0, 1] and keeps order", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1 }),
        (values) => {
          const normalised = minMaxNormalise(values, "higher");
          normalised.forEach((x, i) => {
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(1);
            const j = (i + 1) % values.length;
            if ((values[i] ?? 0) < (values[j] ?? 0))
              expect(x).toBeLessThanOrEqual(normalised[j] ?? 0);
          });
        },
      ),
    );
  });
});

describe("distanceToTarget", () => {
  it("is min(value / target, 1) where higher is better", () => {
    expect(distanceToTarget(0.9, 0.99, "higher")).toBeCloseTo(0.909091, 6);
    expect(distanceToTarget(0.995, 0.99, "higher")).toBe(1);
  });

  it("is min(target / value, 1) where lower is better", () => {
    expect(distanceToTarget(0.04, 0.02, "lower")).toBe(0.5);
    expect(distanceToTarget(0.01, 0.02, "lower")).toBe(1);
  });

  it("handles zeros without dividing by them", () => {
    expect(distanceToTarget(0, 0, "higher")).toBe(1);
    expect(distanceToTarget(0, 5, "higher")).toBe(0);
    expect(distanceToTarget(0, 0.02, "lower")).toBe(1);
    expect(distanceToTarget(0.01, 0, "lower")).toBe(0);
  });

  it("stays in [0, 1] for non-negative values and targets", () => {
    const n = fc.double({ min: 0, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(
        n,
        n,
        fc.constantFrom("higher" as const, "lower" as const),
        (value, target, direction) => {
          const x = distanceToTarget(value, target, direction);
          return x >= 0 && x <= 1;
        },
      ),
    );
  });
});
