import crypto from "node:crypto";
import { rollup, sum } from "d3";
import { describe, expect, it } from "vitest";
import { officialDays } from "../../db/calendar/official-days";
import { LIFECYCLE_STAGES } from "../../db/schema/enums";
import { createWorkingDayCalendar } from "../../metrics/working-days";
import { DEMO_KINDS, type DemoData } from "./demo-data";
import { generateRoundScores } from "./evaluation-scores";
import { frameworkIssues } from "../../metrics/framework-validation";
import { DEMO_CLOSED_ROUND, DEMO_FRAMEWORK, DEMO_RUBRIC, type DemoCriterion } from "./framework";
import { DEFAULT_DEMO_SEED, DEFAULT_LAST_DAY, generateDemo } from "./generate";
import { defaultDemo } from "./seed-demo.server";
import { toCsv } from "./write-csv.server";

const calendar = createWorkingDayCalendar(officialDays());

function checksums(data: DemoData): Record<string, string> {
  return Object.fromEntries(
    DEMO_KINDS.map((kind) => [
      kind,
      crypto.createHash("sha256").update(toCsv(kind, data[kind])).digest("hex"),
    ]),
  );
}

const demo = defaultDemo();
const localDate = (iso: unknown) => String(iso).slice(0, 10);
const share = (part: number, whole: number) => part / whole;

describe("demo generator", () => {
  it("is deterministic: the same seed gives the same rows, another seed other rows", () => {
    const again = generateDemo({
      seed: DEFAULT_DEMO_SEED,
      lastDay: DEFAULT_LAST_DAY,
      calendar,
      appeals: 60_000,
    });
    expect(checksums(again)).toEqual(checksums(demo));
    const other = generateDemo({
      seed: DEFAULT_DEMO_SEED + 1,
      lastDay: DEFAULT_LAST_DAY,
      calendar,
      appeals: 60_000,
    });
    expect(checksums(other).appeals).not.toBe(checksums(demo).appeals);
    expect(checksums(other).departments).toBe(checksums(demo).departments);
  });

  it("builds one county with 18 departments and 130 service items, 50 high-frequency", () => {
    expect(demo.regions.map((region) => region.level)).toEqual(["province", "city", "county"]);
    expect(demo.departments).toHaveLength(18);
    expect(demo["service-items"]).toHaveLength(130);
    expect(demo["service-items"].filter((item) => item.high_frequency)).toHaveLength(50);
    const maturities = new Set(demo["service-items"].map((item) => item.maturity));
    expect([...maturities].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it("has 36 months of statistics for every service item", () => {
    const periods = new Set(demo["service-stats"].map((row) => row.period));
    expect(periods.size).toBe(36);
    expect(demo["service-stats"]).toHaveLength(130 * 36);
    expect([...periods].sort().at(-1)).toBe(DEFAULT_LAST_DAY.slice(0, 7));
  });

  it("spreads about 30 projects over every lifecycle stage, some late, some over budget", () => {
    expect(demo.projects.length).toBeGreaterThanOrEqual(25);
    expect(new Set(demo.projects.map((project) => project.stage))).toEqual(
      new Set(LIFECYCLE_STAGES),
    );
    const late = demo.milestones.filter(
      (m) => String(m.actual_date ?? m.forecast_date) > String(m.planned_date),
    );
    expect(late.length).toBeGreaterThan(10);
    const spend = new Map<string, { planned: number; actual: number }>();
    for (const line of demo["budget-lines"]) {
      const entry = spend.get(String(line.project_code)) ?? { planned: 0, actual: 0 };
      entry.planned += Number(line.planned);
      entry.actual += Number(line.actual);
      spend.set(String(line.project_code), entry);
    }
    const overBudget = [...spend.values()].filter((entry) => entry.actual > entry.planned * 1.1);
    expect(overBudget.length).toBeGreaterThan(2);
    const weightByProject = rollup(
      demo.milestones,
      (milestones) => sum(milestones, (m) => Number(m.weight)),
      (m) => String(m.project_code),
    );
    for (const [code, total] of weightByProject) expect(total, code).toBeCloseTo(1, 6);
  });

  it("has outcome indicators, some of them missed", () => {
    const latest = new Map<string, number>();
    for (const value of demo["outcome-values"])
      latest.set(`${value.project_code}/${value.indicator_code}`, Number(value.actual));
    const missed = demo["outcome-indicators"].filter((indicator) => {
      const actual = latest.get(`${indicator.project_code}/${indicator.code}`);
      const [baseline, target] = [Number(indicator.baseline), Number(indicator.target)];
      return actual !== undefined && (actual - baseline) / (target - baseline) < 0.9;
    });
    expect(demo["outcome-indicators"].length).toBeGreaterThan(20);
    expect(missed.length).toBeGreaterThan(3);
  });

  it("has ~60,000 appeals over three years, ~99 % replied, ~91 % satisfied, most within 5 working days", () => {
    const appeals = demo.appeals;
    expect(appeals.length).toBeGreaterThan(55_000);
    expect(appeals.length).toBeLessThan(65_000);
    expect(new Set(appeals.map((a) => a.type))).toEqual(
      new Set(["complaint", "consultation", "suggestion", "praise"]),
    );
    const replied = appeals.filter((a) => a.replied_at !== null);
    expect(share(replied.length, appeals.length)).toBeGreaterThan(0.985);
    expect(share(replied.length, appeals.length)).toBeLessThan(0.995);
    const rated = appeals.filter((a) => a.satisfaction !== null);
    const satisfied = rated.filter((a) => Number(a.satisfaction) >= 4);
    expect(share(satisfied.length, rated.length)).toBeGreaterThan(0.89);
    expect(share(satisfied.length, rated.length)).toBeLessThan(0.93);
    const days = replied.map((a) =>
      calendar.workingDaysBetween(localDate(a.received_at), localDate(a.replied_at)),
    );
    const withinFive = days.filter((d) => d <= 5).length;
    expect(share(withinFive, days.length)).toBeGreaterThan(0.85);
    expect(share(withinFive, days.length)).toBeLessThan(0.99);
    expect(Math.min(...days)).toBe(0);
    for (const appeal of appeals.slice(0, 2000)) {
      if (appeal.replied_at)
        expect(String(appeal.replied_at) >= String(appeal.received_at)).toBe(true);
      if (appeal.first_contact_at)
        expect(String(appeal.first_contact_at) >= String(appeal.received_at)).toBe(true);
    }
  });

  it("has citizen ratings of services and projects", () => {
    expect(new Set(demo.ratings.map((rating) => rating.target))).toEqual(
      new Set(["service", "project"]),
    );
  });

  it("ships a framework whose weights sum to 1 on every level", () => {
    const dimensions = DEMO_FRAMEWORK.dimensions;
    expect(dimensions.reduce((sum, d) => sum + d.weight, 0)).toBeCloseTo(1, 9);
    for (const dimension of dimensions) {
      expect(
        dimension.criteria.reduce((sum, c) => sum + c.weight, 0),
        dimension.code,
      ).toBeCloseTo(1, 9);
    }
  });

  it("ships a framework the editor would publish", () => {
    const nodes = DEMO_FRAMEWORK.dimensions.flatMap((dimension) => [
      {
        code: dimension.code,
        parentCode: null,
        kind: "dimension" as const,
        name: dimension.name,
        weight: dimension.weight,
        scoring: null,
        kpiKey: null,
        min: null,
        max: null,
        justifyBelow: null,
        justifyAbove: null,
        levels: [],
      },
      ...dimension.criteria.map((criterion: DemoCriterion) => ({
        code: criterion.code,
        parentCode: dimension.code,
        kind: "criterion" as const,
        name: criterion.name,
        weight: criterion.weight,
        scoring: criterion.kpiKey ? ("kpi" as const) : ("evaluator" as const),
        kpiKey: criterion.kpiKey ?? null,
        min: criterion.kpiRange?.[0] ?? 0,
        max: criterion.kpiRange?.[1] ?? 100,
        justifyBelow: criterion.justifyBelow ?? null,
        justifyAbove: criterion.justifyAbove ?? null,
        levels: criterion.kpiKey
          ? []
          : DEMO_RUBRIC.map((level) => ({
              label: level.label,
              min: level.minScore,
              max: level.maxScore,
            })),
      })),
    ]);
    expect(frameworkIssues(nodes)).toEqual([]);
    expect(nodes.filter((node) => node.justifyBelow !== null).length).toBeGreaterThan(0);
  });

  it("scores the closed round: every pair twice, in range, a few pairs flagged", () => {
    const options = {
      seed: DEMO_CLOSED_ROUND.seed,
      projects: DEMO_CLOSED_ROUND.projects,
      criteria: ["A", "B", "C", "D", "E", "F"].map((code) => ({ code, min: 0, max: 100 })),
      evaluators: DEMO_CLOSED_ROUND.evaluators,
      threshold: DEMO_CLOSED_ROUND.disagreementThreshold,
      disagreements: DEMO_CLOSED_ROUND.disagreements,
    };
    const scores = generateRoundScores(options);
    expect(generateRoundScores(options)).toEqual(scores);
    expect(scores).toHaveLength(8 * 6 * 2);
    expect(scores.every((s) => Number.isInteger(s.value) && s.value >= 0 && s.value <= 100)).toBe(
      true,
    );
    const ranges = rollup(
      scores,
      (pair) => Math.max(...pair.map((s) => s.value)) - Math.min(...pair.map((s) => s.value)),
      (s) => `${s.project} ${s.criterion}`,
    );
    const flagged = [...ranges.values()].filter((range) => range > options.threshold);
    expect(flagged).toHaveLength(DEMO_CLOSED_ROUND.disagreements);
    // Not all the same: the scores carry information (the evaluators mostly agree).
    expect(new Set(scores.map((s) => s.value)).size).toBeGreaterThan(15);
  });
});
