import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rankByScore } from "./rank";

describe("rankByScore", () => {
  it("ranks the highest score first", () => {
    const ranks = rankByScore([
      { id: "B", score: 0.4 },
      { id: "A", score: 0.9 },
      { id: "C", score: 0.7 },
    ]);
    expect([...ranks]).toEqual([
      ["B", 3],
      ["A", 1],
      ["C", 2],
    ]);
  });

  it("breaks ties by id, deterministically", () => {
    const ranks = rankByScore([
      { id: "p-2", score: 1 },
      { id: "p-10", score: 1 },
      { id: "p-1", score: 1 },
    ]);
    expect(ranks.get("p-1")).toBe(1);
    expect(ranks.get("p-10")).toBe(2);
    expect(ranks.get("p-2")).toBe(3);
  });

  it("gives no rank to entities without a score", () => {
    const ranks = rankByScore([
      { id: "A", score: null },
      { id: "B", score: 0 },
    ]);
    expect(ranks.get("A")).toBeNull();
    expect(ranks.get("B")).toBe(1);
  });

  it("gives a permutation of 1 … m whatever the input order", () => {
    const entries = fc.uniqueArray(
      fc.record({
        id: fc.string(),
        score: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
      }),
      { selector: (entry) => entry.id },
    );
    fc.assert(
      fc.property(entries, (list) => {
        const ranks = rankByScore(list);
        const given = [...ranks.values()]
          .filter((rank): rank is number => rank !== null)
          .sort((a, b) => a - b);
        expect(given).toEqual(given.map((_, i) => i + 1));
        expect(rankByScore([...list].reverse())).toEqual(ranks);
      }),
    );
  });
});
