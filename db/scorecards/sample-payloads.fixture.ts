/**
 * Published payloads for unit tests: every list non-empty, so every figure a payload can
 * hold appears (the diff labels' test walks them all). Parsed by the schema, so a change
 * of the payload's shape breaks here first.
 */
import {
  departmentPayloadSchema,
  projectPayloadSchema,
  type DepartmentPayload,
  type KpiFigure,
  type ProjectPayload,
} from "./payload";

export const figure = (
  kpi: string,
  value: number | null,
  band: KpiFigure["band"] = null,
  suppressed = false,
): KpiFigure => ({
  kpi,
  value: suppressed ? null : value,
  suppressed,
  target: { direction: "at_least", target: 0.9, targetMax: null },
  band,
});

const breakdown = (keys: string[], counts: Array<number | null>) => ({
  cells: keys.map((key, index) => ({
    key,
    count: counts[index] ?? null,
    suppressed: counts[index] === null,
  })),
  total: counts.every((count) => count !== null)
    ? counts.reduce<number>((sum, count) => sum + (count ?? 0), 0)
    : null,
  totalSuppressed: !counts.every((count) => count !== null),
});

const ratings = (satisfactionRate: number | null, suppressed = false) => ({
  rated: suppressed ? 7 : 60,
  suppressed,
  meanRating: suppressed ? null : 4.1,
  satisfactionRate: suppressed ? null : satisfactionRate,
  badReviewRate: suppressed ? null : 0.05,
  byScore: breakdown(
    ["1", "2", "3", "4", "5"],
    suppressed ? [null, 0, null, 0, 5] : [3, 0, 7, 20, 30],
  ),
});

export function sampleProject(
  code: string,
  overrides: { cpi?: KpiFigure; spi?: KpiFigure; acYuan?: number } = {},
): ProjectPayload {
  return projectPayloadSchema.parse({
    format: 1,
    subject: "project",
    code,
    name: `项目 ${code}`,
    dataCutoff: "2026-10-31",
    department: { code: "DEPT-A", name: "甲局" },
    facts: {
      stage: "construction",
      category: "平台",
      plannedStart: "2026-01-01",
      plannedEnd: "2027-06-30",
      bacYuan: 1_000_000,
      acYuan: overrides.acYuan ?? 400_000,
      eacYuan: 1_100_000,
    },
    kpis: [
      figure("budget_execution", 0.95, "green"),
      overrides.cpi ?? figure("cpi", 0.91, "green"),
      overrides.spi ?? figure("spi", 0.8, "amber"),
      figure("outcome_achievement", 0.7, "red"),
    ],
    variances: [
      { key: "cost", value: -0.1, band: "amber" },
      { key: "schedule", value: -0.2, band: "amber" },
      { key: "budget", value: 0.05, band: "green" },
      { key: "forecast", value: 0.1, band: "amber" },
    ],
    outcomes: [
      {
        code: "OI-1",
        name: "办件时长",
        unit: "天",
        direction: "lower",
        baseline: 10,
        target: 5,
        actual: 7,
        achievement: 0.6,
      },
    ],
    milestones: {
      total: 1,
      completed: 1,
      scheduleSlipDays: 3,
      items: [
        {
          name: "上线",
          plannedDate: "2026-06-01",
          actualDate: "2026-06-04",
          forecastDate: null,
          completed: true,
        },
      ],
    },
    spendCurve: [{ month: "2026-01-31", pv: 100, ac: 90, ev: 80 }],
    evaluation: {
      round: { code: "R1", name: "2026 年度评价", periodEnd: "2026-12-31" },
      framework: { code: "FW", version: 2 },
      score: 82.5,
    },
    ratings: ratings(0.83),
  } satisfies ProjectPayload);
}

export function sampleDepartment(
  code: string,
  overrides: {
    replyRate?: KpiFigure;
    satisfactionRate?: KpiFigure;
    ratingSatisfaction?: number | null;
    ratingsSuppressed?: boolean;
  } = {},
): DepartmentPayload {
  return departmentPayloadSchema.parse({
    format: 1,
    subject: "department",
    code,
    name: `部门 ${code}`,
    dataCutoff: "2026-10-31",
    period: { from: "2026-01-01", to: "2026-10-31" },
    kpis: [
      overrides.replyRate ?? figure("reply_rate", 0.99, "green"),
      figure("on_time_reply_rate", 0.93, "amber"),
      figure("first_contact_rate", 0.96, "green"),
      overrides.satisfactionRate ?? figure("satisfaction_rate", 0.9, "green"),
      figure("service_coverage", 0.8, "green"),
      figure("high_frequency_coverage", 0.9, "amber"),
      figure("digital_take_up", 0.7, "amber"),
      figure("on_time_completion", 0.99, "green"),
    ],
    appeals: {
      byType: breakdown(
        ["complaint", "consultation", "suggestion", "praise"],
        [20, 30, null, null],
      ),
      medianReplyWorkingDays: 2,
      ratedShare: 0.6,
      trend: [
        {
          month: "2026-01-01",
          through: null,
          suppressed: false,
          replyRate: 1,
          onTimeReplyRate: 0.9,
          satisfactionRate: 0.8,
        },
      ],
    },
    services: {
      items: 12,
      oneVisitShare: 0.5,
      takeUpTrend: [{ month: "2026-01-01", digitalTakeUp: 0.6 }],
    },
    projects: [
      {
        code: "PRJ-A",
        name: "项目甲",
        stage: "operation",
        cpi: 1.02,
        spi: 0.95,
        outcome: 0.9,
        costBand: "green",
        scheduleBand: "green",
        budgetBand: "amber",
      },
    ],
    ratings: ratings(overrides.ratingSatisfaction ?? 0.9, overrides.ratingsSuppressed),
  } satisfies DepartmentPayload);
}
