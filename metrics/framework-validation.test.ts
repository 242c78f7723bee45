import { describe, expect, it } from "vitest";
import { FRAMEWORK_KPI_KEYS } from "./framework-kpis";
import {
  frameworkIssues,
  justificationRequired,
  nodeIssues,
  type FrameworkNodeDraft,
} from "./framework-validation";

const dimension = (code: string, weight: number, name = `维度 ${code}`): FrameworkNodeDraft => ({
  code,
  parentCode: null,
  kind: "dimension",
  name,
  weight,
  scoring: null,
  kpiKey: null,
  min: null,
  max: null,
  justifyBelow: null,
  justifyAbove: null,
  levels: [],
});

const criterion = (
  code: string,
  parentCode: string | null,
  weight: number,
  more: Partial<FrameworkNodeDraft> = {},
): FrameworkNodeDraft => ({
  code,
  parentCode,
  kind: "criterion",
  name: `指标 ${code}`,
  weight,
  scoring: "evaluator",
  kpiKey: null,
  min: 0,
  max: 100,
  justifyBelow: null,
  justifyAbove: null,
  levels: [],
  ...more,
});

/** A valid two-level tree: D1 (0.4: C1 0.5, C2 0.5), D2 (0.6: K1 KPI-bound 1). */
const valid: FrameworkNodeDraft[] = [
  dimension("D1", 0.4),
  criterion("C1", "D1", 0.5, {
    justifyBelow: 60,
    justifyAbove: 95,
    levels: [
      { label: "优", min: 90, max: 100 },
      { label: "良", min: 60, max: 89.99 },
      { label: "差", min: 0, max: 59.99 },
    ],
  }),
  criterion("C2", "D1", 0.5),
  dimension("D2", 0.6),
  criterion("K1", "D2", 1, { scoring: "kpi", kpiKey: "cpi", min: 0, max: 1 }),
];

describe("frameworkIssues", () => {
  it("finds nothing wrong with a valid tree", () => {
    expect(frameworkIssues(valid)).toEqual([]);
  });

  it("accepts weights that sum to 1 within 1e-6 (thirds stored with 6 decimals)", () => {
    const thirds = [
      dimension("D1", 1),
      criterion("A", "D1", 0.333333),
      criterion("B", "D1", 0.333333),
      criterion("C", "D1", 0.333334),
    ];
    expect(frameworkIssues(thirds)).toEqual([]);
    const short = thirds.map((node) => (node.code === "C" ? { ...node, weight: 0.333332 } : node));
    expect(frameworkIssues(short)).toEqual([
      { kind: "weight_sum", node: { code: "D1", name: "维度 D1" }, sum: 0.999998 },
    ]);
  });

  it("names the level whose weights do not sum to 1, and the sum found", () => {
    const nodes = valid.map((node) =>
      node.code === "D2"
        ? { ...node, weight: 0.5 }
        : node.code === "C2"
          ? { ...node, weight: 0.6 }
          : node,
    );
    const issues = frameworkIssues(nodes);
    expect(issues).toHaveLength(2);
    expect(issues[0]).toMatchObject({ kind: "weight_sum", node: null });
    expect(issues[0]?.kind === "weight_sum" && issues[0].sum).toBeCloseTo(0.9, 12);
    expect(issues[1]).toMatchObject({ kind: "weight_sum", node: { code: "D1", name: "维度 D1" } });
    expect(issues[1]?.kind === "weight_sum" && issues[1].sum).toBeCloseTo(1.1, 12);
  });

  it("refuses a framework without nodes, and a dimension without children", () => {
    expect(frameworkIssues([])).toEqual([{ kind: "empty_framework", node: null }]);
    const issues = frameworkIssues([...valid, dimension("D3", 0)]);
    expect(issues).toEqual([{ kind: "empty_dimension", node: { code: "D3", name: "维度 D3" } }]);
  });

  it("refuses duplicate codes, unknown parents, looping parents and criteria with children", () => {
    const issues = frameworkIssues([
      ...valid,
      criterion("C1", "D2", 0),
      criterion("X", "NOPE", 0),
      criterion("L1", "L2", 0),
      criterion("L2", "L1", 0),
      criterion("UNDER", "C2", 0),
    ]);
    expect(issues.map((issue) => [issue.kind, issue.node?.code])).toEqual([
      ["duplicate_code", "C1"],
      ["unknown_parent", "X"],
      ["criterion_has_children", "C2"],
      ["parent_cycle", "L1"],
      ["parent_cycle", "L2"],
    ]);
  });

  it("checks every criterion's own rules through the tree", () => {
    const nodes = valid.map((node) => (node.code === "C2" ? { ...node, min: 10, max: 10 } : node));
    expect(frameworkIssues(nodes)).toEqual([
      { kind: "score_range", node: { code: "C2", name: "指标 C2" }, min: 10, max: 10 },
    ]);
  });
});

describe("nodeIssues", () => {
  it("needs min < max on an evaluator-scored and a KPI-bound criterion", () => {
    expect(nodeIssues(criterion("A", null, 1, { min: 100, max: 0 }))).toEqual([
      { kind: "score_range", node: { code: "A", name: "指标 A" }, min: 100, max: 0 },
    ]);
    expect(nodeIssues(criterion("A", null, 1, { min: null }))[0]).toMatchObject({
      kind: "score_range",
      min: null,
    });
    expect(
      nodeIssues(criterion("K", null, 1, { scoring: "kpi", kpiKey: "spi", min: null, max: null })),
    ).toMatchObject([{ kind: "score_range" }]);
  });

  it("keeps the justification thresholds inside the range, below ≤ above", () => {
    expect(nodeIssues(criterion("A", null, 1, { justifyBelow: -5, justifyAbove: 101 }))).toEqual([
      {
        kind: "justify_outside",
        node: { code: "A", name: "指标 A" },
        side: "below",
        value: -5,
        min: 0,
        max: 100,
      },
      {
        kind: "justify_outside",
        node: { code: "A", name: "指标 A" },
        side: "above",
        value: 101,
        min: 0,
        max: 100,
      },
    ]);
    expect(nodeIssues(criterion("A", null, 1, { justifyBelow: 80, justifyAbove: 40 }))).toEqual([
      { kind: "justify_order", node: { code: "A", name: "指标 A" }, below: 80, above: 40 },
    ]);
    // The ends of the range are inside it, and one threshold alone is fine.
    expect(nodeIssues(criterion("A", null, 1, { justifyBelow: 0, justifyAbove: 100 }))).toEqual([]);
    expect(nodeIssues(criterion("A", null, 1, { justifyAbove: 95 }))).toEqual([]);
  });

  it("keeps rubric levels ordered, inside the range and apart", () => {
    const issues = nodeIssues(
      criterion("A", null, 1, {
        levels: [
          { label: "高", min: 60, max: 100 },
          { label: "中", min: 40, max: 60 },
          { label: "反", min: 30, max: 20 },
          { label: "超", min: 90, max: 120 },
        ],
      }),
    );
    expect(issues).toEqual([
      {
        kind: "level_order",
        node: { code: "A", name: "指标 A" },
        label: "反",
        levelMin: 30,
        levelMax: 20,
      },
      {
        kind: "level_outside",
        node: { code: "A", name: "指标 A" },
        label: "超",
        levelMin: 90,
        levelMax: 120,
        min: 0,
        max: 100,
      },
      { kind: "level_overlap", node: { code: "A", name: "指标 A" }, label: "高", other: "中" },
      { kind: "level_overlap", node: { code: "A", name: "指标 A" }, label: "超", other: "高" },
    ]);
  });

  it("binds a KPI criterion to a known key only, without thresholds", () => {
    for (const key of FRAMEWORK_KPI_KEYS)
      expect(nodeIssues(criterion("K", null, 1, { scoring: "kpi", kpiKey: key }))).toEqual([]);
    expect(nodeIssues(criterion("K", null, 1, { scoring: "kpi", kpiKey: "roi" }))).toEqual([
      { kind: "unknown_kpi", node: { code: "K", name: "指标 K" }, kpiKey: "roi" },
    ]);
    expect(nodeIssues(criterion("K", null, 1, { scoring: "kpi", kpiKey: null }))).toMatchObject([
      { kind: "unknown_kpi", kpiKey: null },
    ]);
    expect(
      nodeIssues(criterion("K", null, 1, { scoring: "kpi", kpiKey: "cpi", justifyBelow: 0.5 })),
    ).toMatchObject([{ kind: "justify_on_kpi" }]);
  });

  it("keeps a weight in [0, 1]", () => {
    expect(nodeIssues(dimension("D", 1.5))).toEqual([
      { kind: "weight_range", node: { code: "D", name: "维度 D" }, weight: 1.5 },
    ]);
    expect(nodeIssues(dimension("D", Number.NaN))).toMatchObject([{ kind: "weight_range" }]);
  });
});

describe("justificationRequired", () => {
  const thresholds = { justifyBelow: 60, justifyAbove: 95 };
  it("asks for one strictly below or above the thresholds", () => {
    expect(justificationRequired(59.99, thresholds)).toBe(true);
    expect(justificationRequired(60, thresholds)).toBe(false);
    expect(justificationRequired(95, thresholds)).toBe(false);
    expect(justificationRequired(95.5, thresholds)).toBe(true);
    expect(justificationRequired(null, thresholds)).toBe(false);
    expect(justificationRequired(0, { justifyBelow: null, justifyAbove: null })).toBe(false);
  });
});
