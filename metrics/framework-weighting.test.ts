import { describe, expect, it } from "vitest";
import { EVALUATION_SCORE_INDICATOR, frameworkIndicatorWeights } from "./framework-weighting";

describe("frameworkIndicatorWeights", () => {
  it("weighs each KPI by its criteria's path weights and pools the evaluators' criteria", () => {
    // D1 (0.6): C1 scored by evaluators 0.5, C2 bound to cpi 0.5
    // D2 (0.4): C3 scored by evaluators 0.25, C4 bound to spi 0.5, C5 bound to cpi 0.25
    //   evaluation_score = 0.6·0.5 + 0.4·0.25 = 0.3 + 0.1 = 0.4
    //   cpi              = 0.6·0.5 + 0.4·0.25 = 0.3 + 0.1 = 0.4
    //   spi              = 0.4·0.5            = 0.2
    const weights = frameworkIndicatorWeights([
      { code: "D1", parentCode: null, weight: 0.6 },
      { code: "C1", parentCode: "D1", weight: 0.5 },
      { code: "C2", parentCode: "D1", weight: 0.5, kpiKey: "cpi" },
      { code: "D2", parentCode: null, weight: 0.4 },
      { code: "C3", parentCode: "D2", weight: 0.25, kpiKey: null },
      { code: "C4", parentCode: "D2", weight: 0.5, kpiKey: "spi" },
      { code: "C5", parentCode: "D2", weight: 0.25, kpiKey: "cpi" },
    ]);
    expect(weights.map((w) => w.id)).toEqual([EVALUATION_SCORE_INDICATOR, "cpi", "spi"]);
    expect(weights[0]!.weight).toBeCloseTo(0.4, 12);
    expect(weights[1]!.weight).toBeCloseTo(0.4, 12);
    expect(weights[2]!.weight).toBeCloseTo(0.2, 12);
  });

  it("leaves out the evaluation score when every criterion is bound to a KPI", () => {
    const weights = frameworkIndicatorWeights([
      { code: "D", parentCode: null, weight: 1 },
      { code: "A", parentCode: "D", weight: 0.7, kpiKey: "spi" },
      { code: "B", parentCode: "D", weight: 0.3, kpiKey: "budget_execution" },
    ]);
    expect(weights).toEqual([
      { id: "spi", weight: 0.7 },
      { id: "budget_execution", weight: 0.3 },
    ]);
  });
});
