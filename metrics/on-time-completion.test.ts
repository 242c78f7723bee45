import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { onTimeCompletion } from "./on-time-completion";

describe("onTimeCompletion", () => {
  it("sums over rows reporting both counts, then divides", () => {
    const rows = [
      { completed: 200, completedOnTime: 196 },
      { completed: 50, completedOnTime: 49 },
      { completed: 80, completedOnTime: null },
      { completed: null, completedOnTime: 5 },
    ];
    expect(onTimeCompletion(rows)).toBe(245 / 250);
  });

  it("is no data without completed transactions", () => {
    expect(onTimeCompletion([])).toBeNull();
    expect(onTimeCompletion([{ completed: 0, completedOnTime: 0 }])).toBeNull();
    expect(onTimeCompletion([{ completed: 7, completedOnTime: null }])).toBeNull();
  });

  it("stays in [0, 1] when on time never exceeds completed", () => {
    const row = fc
      .tuple(fc.nat(10_000), fc.nat(10_000))
      .map(([a, b]) => ({ completed: Math.max(a, b), completedOnTime: Math.min(a, b) }));
    fc.assert(
      fc.property(fc.array(row), (rows) => {
        const rate = onTimeCompletion(rows);
        return rate === null || (rate >= 0 && rate <= 1);
      }),
    );
  });
});
