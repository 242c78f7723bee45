import { describe, expect, it } from "vitest";
import {
  criterionPathWeights,
  frameworkTree,
  projectEvaluation,
  roundIcc,
  rubricPercent,
  type FlatFrameworkNode,
} from "./evaluation-result";

// D1 (0.6): C1 (0.5, 0–100), C2 (0.5, 0–10); D2 (0.4): C3 (1, the SPI on 0–1).
const nodes: FlatFrameworkNode[] = [
  { code: "D1", parentCode: null, weight: 0.6 },
  { code: "C1", parentCode: "D1", weight: 0.5, min: 0, max: 100 },
  { code: "C2", parentCode: "D1", weight: 0.5, min: 0, max: 10 },
  { code: "D2", parentCode: null, weight: 0.4 },
  { code: "C3", parentCode: "D2", weight: 1, min: 0, max: 1, kpiKey: "spi" },
];

describe("criterionPathWeights", () => {
  it("is the product of the weights on the path, summing to 1", () => {
    const weights = criterionPathWeights(frameworkTree(nodes));
    expect([...weights.keys()]).toEqual(["C1", "C2", "C3"]);
    expect(weights.get("C1")).toBeCloseTo(0.3, 12);
    expect(weights.get("C2")).toBeCloseTo(0.3, 12);
    expect(weights.get("C3")).toBeCloseTo(0.4, 12);
  });

  it("refuses a node whose parent is not in the framework", () => {
    expect(() => frameworkTree([{ code: "C9", parentCode: "D9", weight: 1 }])).toThrow(
      /unknown parent D9/,
    );
  });
});

describe("rubricPercent", () => {
  it("places a value on the rubric's range, 0–100", () => {
    expect(rubricPercent(8.5, 0, 10)).toBe(85);
    expect(rubricPercent(3, 1, 5)).toBe(50);
  });

  it("clamps values beyond the range and is no data without a value or a range", () => {
    expect(rubricPercent(1.2, 0, 1)).toBe(100);
    expect(rubricPercent(-1, 0, 1)).toBe(0);
    expect(rubricPercent(null, 0, 1)).toBeNull();
    expect(rubricPercent(0.5, null, 1)).toBeNull();
    expect(rubricPercent(0.5, 1, 1)).toBeNull();
  });
});

describe("projectEvaluation", () => {
  const scores = [
    { criterion: "C1", evaluator: "7", value: 80 },
    { criterion: "C1", evaluator: "8", value: 60 },
    { criterion: "C2", evaluator: "7", value: 8 },
    { criterion: "C2", evaluator: "8", value: 9 },
  ];

  it("is Σ weight × mean over the criteria, a KPI-bound one from the KPI's value", () => {
    const result = projectEvaluation(nodes, scores, new Map([["spi", 0.9]]));
    // C1 mean 70 → 70; C2 mean 8.5 on 0–10 → 85; C3 SPI 0.9 on 0–1 → 90.
    // 0.3·70 + 0.3·85 + 0.4·90 = 21 + 25.5 + 36 = 82.5
    expect(result.score).toBeCloseTo(82.5, 12);
    expect(result.criteria.map(({ code, n, mean }) => ({ code, n, mean }))).toEqual([
      { code: "C1", n: 2, mean: 70 },
      { code: "C2", n: 2, mean: 85 },
      { code: "C3", n: 0, mean: 90 },
    ]);
    expect(result.criteria[0]?.scores).toEqual({ "7": 80, "8": 60 });
    expect(result.criteria[2]).toMatchObject({ scores: {}, kpi: { key: "spi", value: 0.9 } });
  });

  it("renormalises over the criteria with a mean when a KPI has no value", () => {
    const result = projectEvaluation(nodes, scores);
    expect(result.criteria[2]).toMatchObject({ mean: null, n: 0, kpi: { value: null } });
    // D2 has no score: the project is D1 = 0.5·70 + 0.5·85 = 77.5
    expect(result.score).toBeCloseTo(77.5, 12);
  });

  it("is no data without any score", () => {
    expect(projectEvaluation(nodes, []).score).toBeNull();
  });
});

describe("roundIcc", () => {
  it("is ICC(2,1) per criterion, null where it cannot be computed", () => {
    // Projects × 2 evaluators: (1, 2), (3, 4), (5, 6): MSR = 8, MSC = 1.5, MSE = 0,
    // ICC = 8 / (8 + 0 + 2 · 1.5 / 3) = 8 / 9.
    const scores = [
      ["P1", 1, 2],
      ["P2", 3, 4],
      ["P3", 5, 6],
    ].flatMap(([project, a, b]) => [
      { project: String(project), criterion: "C1", evaluator: "7", value: Number(a) },
      { project: String(project), criterion: "C1", evaluator: "8", value: Number(b) },
    ]);
    const icc = roundIcc(["C1", "C3"], scores);
    expect(icc.C1).toBeCloseTo(8 / 9, 12);
    expect(icc.C3).toBeNull();
  });
});
