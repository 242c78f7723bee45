import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareToTarget } from "./target-comparison";
import { targetEdgeProblems } from "./target-edges";

describe("targetEdgeProblems", () => {
  it("accepts the default targets of DESIGN.md", () => {
    expect(targetEdgeProblems({ direction: "at_least", target: 0.95, amberFrom: 0.9 })).toEqual([]);
    expect(targetEdgeProblems({ direction: "at_most", target: 0.02, amberTo: 0.05 })).toEqual([]);
    expect(
      targetEdgeProblems({
        direction: "between",
        target: 0.9,
        targetMax: 1.1,
        amberFrom: 0.7,
        amberTo: 1.3,
      }),
    ).toEqual([]);
    expect(targetEdgeProblems({ direction: "at_least", target: 1 })).toEqual([]);
  });

  it("names an amber edge inside the green band", () => {
    expect(targetEdgeProblems({ direction: "at_least", target: 0.95, amberFrom: 0.97 })).toEqual([
      { field: "amberFrom", problem: "wrongSide" },
    ]);
    expect(targetEdgeProblems({ direction: "at_least", target: 0.95, amberFrom: 0.95 })).toEqual([
      { field: "amberFrom", problem: "wrongSide" },
    ]);
    expect(targetEdgeProblems({ direction: "at_most", target: 0.02, amberTo: 0.01 })).toEqual([
      { field: "amberTo", problem: "wrongSide" },
    ]);
    expect(
      targetEdgeProblems({
        direction: "between",
        target: 0.9,
        targetMax: 1.1,
        amberFrom: 0.95,
        amberTo: 1.05,
      }),
    ).toEqual([
      { field: "amberFrom", problem: "wrongSide" },
      { field: "amberTo", problem: "wrongSide" },
    ]);
  });

  it("needs an upper edge at or above the lower one for between, and none otherwise", () => {
    expect(targetEdgeProblems({ direction: "between", target: 0.9 })).toEqual([
      { field: "targetMax", problem: "required" },
    ]);
    expect(targetEdgeProblems({ direction: "between", target: 0.9, targetMax: 0.8 })).toEqual([
      { field: "targetMax", problem: "belowMin" },
    ]);
    expect(targetEdgeProblems({ direction: "between", target: 1, targetMax: 1 })).toEqual([]);
    expect(
      targetEdgeProblems({ direction: "at_least", target: 0.9, targetMax: 1, amberTo: 2 }),
    ).toEqual([
      { field: "targetMax", problem: "notAllowed" },
      { field: "amberTo", problem: "notAllowed" },
    ]);
    expect(targetEdgeProblems({ direction: "at_most", target: 0.9, amberFrom: 0.5 })).toEqual([
      { field: "amberFrom", problem: "notAllowed" },
    ]);
  });

  it("consistent at_least edges colour values in band order: green above amber above red", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        (target, amberFrom, low, high) => {
          const edges = { direction: "at_least" as const, target, amberFrom };
          if (targetEdgeProblems(edges).length > 0) return;
          const rank = { red: 0, amber: 1, green: 2 };
          const [a, b] = low <= high ? [low, high] : [high, low];
          expect(rank[compareToTarget(a, edges)!]).toBeLessThanOrEqual(
            rank[compareToTarget(b, edges)!],
          );
          expect(compareToTarget(amberFrom, edges)).toBe("amber");
        },
      ),
    );
  });
});
