import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { effectiveWeights } from "./framework-weights";

describe("effectiveWeights", () => {
  it("multiplies the weights down the tree (hand-computed)", () => {
    const weights = effectiveWeights([
      { id: "D1", parentId: null, weight: 0.6 },
      { id: "D2", parentId: null, weight: 0.4 },
      { id: "C1", parentId: "D1", weight: 0.5 },
      { id: "C2", parentId: "D1", weight: 0.5 },
      { id: "C3", parentId: "D2", weight: 0.25 },
      { id: "C4", parentId: "D2", weight: 0.75 },
    ]);
    expect(weights.get("D1")).toBe(0.6);
    expect(weights.get("C1")).toBeCloseTo(0.3, 12);
    expect(weights.get("C3")).toBeCloseTo(0.1, 12);
    expect(weights.get("C4")).toBeCloseTo(0.3, 12);
  });

  it("gives leaves that sum to 1 when every level sums to 1", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 5 }), {
          minLength: 1,
          maxLength: 5,
        }),
        (tree) => {
          const top = tree.map(() => 1 / tree.length);
          const nodes = tree.flatMap((children, d) => {
            const sum = children.reduce((a, b) => a + b, 0);
            return [
              { id: `D${d}`, parentId: null, weight: top[d] ?? 0 },
              ...children.map((raw, c) => ({
                id: `D${d}C${c}`,
                parentId: `D${d}`,
                weight: raw / sum,
              })),
            ];
          });
          const weights = effectiveWeights(nodes);
          const leaves = nodes.filter((node) => node.parentId !== null);
          const total = leaves.reduce((sum, node) => sum + (weights.get(node.id) ?? 0), 0);
          expect(total).toBeCloseTo(1, 9);
        },
      ),
    );
  });

  it("refuses a cycle", () => {
    expect(() =>
      effectiveWeights([
        { id: 1, parentId: 2, weight: 1 },
        { id: 2, parentId: 1, weight: 1 },
      ]),
    ).toThrow(RangeError);
  });
});
