import { describe, expect, it } from "vitest";
import {
  rankDepartmentSnapshots,
  rankingFramework,
  rankProjects,
  snapshotSetKey,
} from "./public-ranking";
import type { DepartmentPayload, KpiFigure, ProjectPayload, Snapshot } from "./payload";

const atLeast = (target: number) => ({ direction: "at_least" as const, target, targetMax: null });
const kpi = (name: string, value: number | null, target = atLeast(0.9)): KpiFigure => ({
  kpi: name,
  value,
  suppressed: false,
  target,
  band: null,
});
const emptyBreakdown = { cells: [], total: 0, totalSuppressed: false };
const ratings = {
  rated: 0,
  suppressed: false,
  meanRating: null,
  satisfactionRate: null,
  badReviewRate: null,
  byScore: emptyBreakdown,
};

function project(
  code: string,
  figures: { cpi: number | null; spi: number | null; score: number | null },
  framework: { code: string; version: number } | null = { code: "FW", version: 2 },
): Snapshot {
  const payload: ProjectPayload = {
    format: 1,
    subject: "project",
    code,
    name: `Project ${code}`,
    dataCutoff: "2026-10-31",
    department: { code: "D", name: "D" },
    facts: {
      stage: "construction",
      category: null,
      plannedStart: null,
      plannedEnd: null,
      bacYuan: 1,
      acYuan: 1,
      eacYuan: null,
    },
    kpis: [kpi("cpi", figures.cpi), kpi("spi", figures.spi)],
    variances: [],
    outcomes: [],
    milestones: { total: 0, completed: 0, scheduleSlipDays: null, items: [] },
    spendCurve: [],
    evaluation: framework
      ? {
          round: { code: "R", name: "R", periodEnd: "2026-06-30" },
          framework,
          score: figures.score,
        }
      : null,
    ratings,
  };
  return {
    subject: "project",
    code,
    version: 1,
    publishedAt: "2026-11-02T02:00:00.000Z",
    dataCutoff: "2026-10-31",
    correctionReason: null,
    payload,
  };
}

// Evaluation 0.4 (C1 0.6·0.5 + C3 0.4·0.25), cpi 0.3 + 0.1 = 0.4, spi 0.2.
const nodes = [
  { code: "D1", parentCode: null, weight: 0.6 },
  { code: "C1", parentCode: "D1", weight: 0.5 },
  { code: "C2", parentCode: "D1", weight: 0.5, kpiKey: "cpi" },
  { code: "D2", parentCode: null, weight: 0.4 },
  { code: "C3", parentCode: "D2", weight: 0.25 },
  { code: "C4", parentCode: "D2", weight: 0.5, kpiKey: "spi" },
  { code: "C5", parentCode: "D2", weight: 0.25, kpiKey: "cpi" },
];

describe("rankProjects", () => {
  const snapshots = [
    project("P2", { cpi: 0.8, spi: 1.0, score: 70 }),
    project("P1", { cpi: 1.0, spi: 0.8, score: 90 }),
    project("P3", { cpi: 0.9, spi: 0.9, score: 80 }, null),
    project("P4", { cpi: 0.9, spi: 0.9, score: 80 }, { code: "FW", version: 1 }),
  ];

  it("weights the snapshots' figures by the framework most of them were evaluated through", () => {
    expect(rankingFramework(snapshots)).toEqual({ code: "FW", version: 2 });
    const ranking = rankProjects(snapshots, { code: "FW", version: 2 }, nodes, 200);
    expect(ranking.indicators).toEqual([
      { id: "evaluation_score", weight: expect.closeTo(0.4, 12) },
      { id: "cpi", weight: expect.closeTo(0.4, 12) },
      { id: "spi", weight: expect.closeTo(0.2, 12) },
    ]);
    // Min–max over P1 and P2: P1 (1, 1, 0) → 0.8, P2 (0, 0, 1) → 0.2.
    expect(ranking.ranked.map((row) => [row.code, row.rank, row.rankP5, row.rankP95])).toEqual([
      ["P1", 1, 1, 1],
      ["P2", 2, 2, 2],
    ]);
    expect(ranking.ranked[0]).toMatchObject({
      name: "Project P1",
      version: 1,
      dataCutoff: "2026-10-31",
      publishedAt: "2026-11-02T02:00:00.000Z",
      score: expect.closeTo(0.8, 12),
    });
    expect(ranking.unranked.map((row) => [row.code, row.reason, row.framework])).toEqual([
      ["P3", "not_evaluated", null],
      ["P4", "other_framework", { code: "FW", version: 1 }],
    ]);
  });

  it("ranks no project when the framework version is not published", () => {
    const ranking = rankProjects(snapshots, { code: "FW", version: 2 }, null, 50);
    expect(ranking.ranked).toEqual([]);
    expect(ranking.unranked.filter((row) => row.reason === "framework_not_public")).toHaveLength(2);
  });
});

function department(
  code: string,
  values: Record<string, number | null>,
  rectification: number | null | undefined,
): Snapshot {
  const payload: DepartmentPayload = {
    format: 1,
    subject: "department",
    code,
    name: `Department ${code}`,
    dataCutoff: "2026-10-31",
    period: { from: "2026-01-01", to: "2026-10-31" },
    kpis: Object.entries(values).map(([name, value]) => kpi(name, value)),
    appeals: { byType: emptyBreakdown, medianReplyWorkingDays: null, ratedShare: null, trend: [] },
    services: { items: 0, oneVisitShare: null, takeUpTrend: [] },
    projects: [],
    ratings,
    ...(rectification === undefined
      ? {}
      : {
          rectification: {
            opened: { count: 10, suppressed: false },
            closed: emptyBreakdown,
            onTimeRate: kpi("rectification_on_time_rate", rectification, atLeast(0.95)),
            overdueOpen: { count: 0, suppressed: false },
            medianWorkingDaysToClose: null,
          },
        }),
  };
  return {
    subject: "department",
    code,
    version: 1,
    publishedAt: "2026-11-02T02:00:00.000Z",
    dataCutoff: "2026-10-31",
    correctionReason: null,
    payload,
  };
}

describe("rankDepartmentSnapshots", () => {
  const same = {
    reply_rate: 0.98,
    on_time_reply_rate: 0.93,
    satisfaction_rate: 0.9,
    service_coverage: 0.7,
    digital_take_up: 0.75,
  };

  it("ranks on the department KPIs the snapshots hold, the rectification rate among them", () => {
    const ranking = rankDepartmentSnapshots(
      [
        department("A", same, 0.6),
        department("B", same, 1),
        // Published before issue #22: no rectification field, ranked on the rest.
        department("C", { ...same, reply_rate: 0.5 }, undefined),
        department("E", { reply_rate: 0.99 }, undefined),
      ],
      200,
    );
    expect(ranking.indicators.map((indicator) => indicator.id)).toContain(
      "rectification_on_time_rate",
    );
    expect(ranking.ranked.map((row) => row.code)).toEqual(["B", "A", "C"]);
    // E holds 1 of 7 equally weighted KPIs: under half the weight.
    expect(ranking.unranked).toMatchObject([
      { code: "E", reason: "too_few_figures", coveredWeight: expect.closeTo(1 / 7, 12) },
    ]);
  });
});

describe("snapshotSetKey", () => {
  it("names the set, whatever the order", () => {
    expect(
      snapshotSetKey("projects", [
        { code: "B", version: 2 },
        { code: "A", version: 1 },
      ]),
    ).toBe(
      snapshotSetKey("projects", [
        { code: "A", version: 1 },
        { code: "B", version: 2 },
      ]),
    );
  });
});
