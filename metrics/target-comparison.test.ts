import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareToTarget, type KpiTarget } from "./target-comparison";

const replyRate: KpiTarget = { direction: "at_least", target: 0.99, amberFrom: 0.95 };
const badReviews: KpiTarget = { direction: "at_most", target: 0.02, amberTo: 0.05 };
const budgetExecution: KpiTarget = {
  direction: "between",
  target: 0.9,
  targetMax: 1.1,
  amberFrom: 0.8,
  amberTo: 1.2,
};

describe("compareToTarget", () => {
  it("at_least: green from target, amber from amberFrom, else red", () => {
    expect(compareToTarget(0.990027, replyRate)).toBe("green");
    expect(compareToTarget(0.99, replyRate)).toBe("green");
    expect(compareToTarget(0.95, replyRate)).toBe("amber");
    expect(compareToTarget(0.9499, replyRate)).toBe("red");
  });

  it("at_least without amberFrom has no amber band", () => {
    expect(compareToTarget(0.98, { direction: "at_least", target: 0.99 })).toBe("red");
  });

  it("at_most mirrors with amberTo", () => {
    expect(compareToTarget(0.01, badReviews)).toBe("green");
    expect(compareToTarget(0.02, badReviews)).toBe("green");
    expect(compareToTarget(0.05, badReviews)).toBe("amber");
    expect(compareToTarget(0.0501, badReviews)).toBe("red");
    expect(compareToTarget(0.03, { direction: "at_most", target: 0.02 })).toBe("red");
  });

  it("between: green inside [target, targetMax], amber inside [amberFrom, amberTo]", () => {
    expect(compareToTarget(1, budgetExecution)).toBe("green");
    expect(compareToTarget(0.9, budgetExecution)).toBe("green");
    expect(compareToTarget(1.1, budgetExecution)).toBe("green");
    expect(compareToTarget(0.85, budgetExecution)).toBe("amber");
    expect(compareToTarget(1.15, budgetExecution)).toBe("amber");
    expect(compareToTarget(0.79, budgetExecution)).toBe("red");
    expect(compareToTarget(1.21, budgetExecution)).toBe("red");
  });

  it("between without amber edges has no amber band", () => {
    const bare: KpiTarget = { direction: "between", target: 0.9, targetMax: 1.1 };
    expect(compareToTarget(0.89, bare)).toBe("red");
    expect(compareToTarget(1.11, bare)).toBe("red");
  });

  it("is null for no data", () => {
    expect(compareToTarget(null, replyRate)).toBeNull();
  });

  it("at_least gets no worse as the value rises", () => {
    const rank = { red: 0, amber: 1, green: 2 } as const;
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, b) => {
          const lo = compareToTarget(Math.min(a, b), replyRate) ?? "red";
          const hi = compareToTarget(Math.max(a, b), replyRate) ?? "red";
          expect(rank[lo]).toBeLessThanOrEqual(rank[hi]);
        },
      ),
    );
  });
});
