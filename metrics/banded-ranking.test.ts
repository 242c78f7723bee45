import { describe, expect, it } from "vitest";
import {
  bandedRanking,
  coveredWeight,
  kpiIndicator,
  kpiIndicatorValue,
  MIN_COVERED_WEIGHT,
} from "./banded-ranking";
import type { IndexIndicator } from "./composite-index";

// A framework's weights (see framework-weighting.test.ts): evaluation 0.4, cpi 0.4, spi 0.2.
const indicators: IndexIndicator[] = [
  kpiIndicator("evaluation_score", 0.4, null),
  kpiIndicator("cpi", 0.4, { direction: "at_least", target: 0.9, targetMax: null }),
  kpiIndicator("spi", 0.2, { direction: "at_least", target: 0.9, targetMax: null }),
];

describe("kpiIndicator and kpiIndicatorValue", () => {
  it("turns targets into directions, and a range into the distance outside it", () => {
    expect(kpiIndicator("x", 1, { direction: "at_most", target: 0.02, targetMax: null })).toEqual({
      id: "x",
      weight: 1,
      direction: "lower",
      target: 0.02,
    });
    const range = { direction: "between", target: 0.9, targetMax: 1.1 } as const;
    expect(kpiIndicator("b", 1, range)).toEqual({
      id: "b",
      weight: 1,
      direction: "lower",
      target: null,
    });
    expect(kpiIndicatorValue(0.95, range)).toBe(0);
    expect(kpiIndicatorValue(1.25, range)).toBeCloseTo(0.15, 12);
    expect(kpiIndicatorValue(0.7, range)).toBeCloseTo(0.2, 12);
    expect(kpiIndicatorValue(0.7, null)).toBe(0.7);
    expect(kpiIndicatorValue(null, range)).toBeNull();
  });
});

describe("bandedRanking", () => {
  it("ranks the entities with enough figures and sets the others aside with the reason", () => {
    const { ranked, unranked } = bandedRanking(
      [
        { id: "P2", values: { evaluation_score: 70, cpi: 0.8, spi: 1.0 } },
        { id: "P1", values: { evaluation_score: 90, cpi: 1.0, spi: 0.8 } },
        // Only the evaluation score: 0.4 of the weight, under MIN_COVERED_WEIGHT.
        { id: "P3", values: { evaluation_score: 80, cpi: null, spi: null } },
        { id: "P4", values: {} },
      ],
      indicators,
      { seed: 7 },
    );
    expect(MIN_COVERED_WEIGHT).toBe(0.5);
    // Min–max over P1 and P2: P1 = (1, 1, 0), P2 = (0, 0, 1);
    // scores 0.4·1 + 0.4·1 + 0.2·0 = 0.8 and 0.2·1 = 0.2.
    expect(ranked.map((entry) => entry.id)).toEqual(["P1", "P2"]);
    expect(ranked[0]!.score).toBeCloseTo(0.8, 12);
    expect(ranked[1]!.score).toBeCloseTo(0.2, 12);
    // P2's spi (weight ≤ 0.2·1.25 / (0.2·1.25 + 0.8·0.75) ≈ 0.29) never outweighs P1's lead,
    // under either normalisation: no uncertainty.
    expect(ranked[0]).toMatchObject({ rank: 1, medianRank: 1, rankP5: 1, rankP95: 1 });
    expect(ranked[1]).toMatchObject({ rank: 2, medianRank: 2, rankP5: 2, rankP95: 2 });
    expect(unranked).toEqual([
      { id: "P3", reason: "too_few_figures", coveredWeight: 0.4 },
      { id: "P4", reason: "no_figures", coveredWeight: 0 },
    ]);
  });

  it("widens the band where entities trade indicators off, the band holding the median", () => {
    const { ranked } = bandedRanking(
      [
        { id: "A", values: { evaluation_score: 90, cpi: 0.7, spi: 0.9 } },
        { id: "B", values: { evaluation_score: 70, cpi: 0.95, spi: 0.9 } },
        { id: "C", values: { evaluation_score: 80, cpi: 0.8, spi: 0.5 } },
      ],
      indicators,
      { seed: 11 },
    );
    const widths = ranked.map((entry) => entry.rankP95 - entry.rankP5);
    expect(Math.max(...widths)).toBeGreaterThan(0);
    for (const entry of ranked) {
      expect(entry.rankP5).toBeLessThanOrEqual(entry.medianRank);
      expect(entry.medianRank).toBeLessThanOrEqual(entry.rankP95);
    }
  });

  it("counts the covered weight over the indicators with a value", () => {
    expect(coveredWeight({ id: "x", values: { cpi: 1, spi: null } }, indicators)).toBeCloseTo(
      0.4,
      12,
    );
  });
});
