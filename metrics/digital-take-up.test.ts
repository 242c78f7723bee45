import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { digitalTakeUp } from "./digital-take-up";

describe("digitalTakeUp", () => {
  it("sums online and transactions over rows reporting both, then divides", () => {
    const rows = [
      { transactions: 100, online: 80 },
      { transactions: 50, online: 10 },
      { transactions: 1000, online: null }, // not reported: left out of both sums
    ];
    expect(digitalTakeUp(rows)).toBe(90 / 150);
  });

  it("is a ratio of sums, not a mean of ratios", () => {
    expect(
      digitalTakeUp([
        { transactions: 1, online: 1 },
        { transactions: 99, online: 0 },
      ]),
    ).toBe(0.01);
  });

  it("is no data without reporting rows or transactions", () => {
    expect(digitalTakeUp([])).toBeNull();
    expect(digitalTakeUp([{ transactions: 10, online: null }])).toBeNull();
    expect(digitalTakeUp([{ transactions: 0, online: 0 }])).toBeNull();
  });

  it("stays in [0, 1] when online never exceeds transactions", () => {
    const row = fc.tuple(fc.nat(10_000), fc.nat(10_000), fc.boolean()).map(([a, b, reported]) => ({
      transactions: Math.max(a, b),
      online: reported ? Math.min(a, b) : null,
    }));
    fc.assert(
      fc.property(fc.array(row), (rows) => {
        const rate = digitalTakeUp(rows);
        return rate === null || (rate >= 0 && rate <= 1);
      }),
    );
  });
});
