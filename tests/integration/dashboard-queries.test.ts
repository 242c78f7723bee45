import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.server";
import { resolveDashboardScope } from "../../db/queries/dashboard-scope.server";
import { APPEAL_ROWS_PER_PAGE, listDepartmentAppeals } from "../../db/queries/appeal-rows.server";
import { loadDataQuality } from "../../db/queries/data-quality.server";
import { loadDepartmentPage } from "../../db/queries/department-page.server";
import { findResultRound, loadRoundResults } from "../../db/queries/evaluation-results.server";
import { loadOverview } from "../../db/queries/overview.server";
import { loadProjectPage } from "../../db/queries/project-page.server";
import { loadAppealClock } from "../../db/rollups/clock.server";
import * as schema from "../../db/schema/index";
import { appealFacts } from "../../metrics/appeal-facts";
import { appealKpis } from "../../metrics/appeal-kpis";
import { projectEarnedValue } from "../../metrics/earned-value";
import { portfolioEarnedValue } from "../../metrics/portfolio-earned-value";
import { serviceKpis } from "../../metrics/service-kpis";
import { localDateOf } from "../../metrics/time-zone";
import { seedDemoIfEmpty } from "../../seeds/demo/seed-demo.server";
import { createTestDatabase } from "../setup/test-database";

/*
 * The dashboard's page queries on the seeded demo county give the same figures as the
 * pure KPI functions over the raw rows (what a page shows is what metrics/ defines).
 */
const TZ = "Asia/Shanghai";
const range = { from: "2026-01-01", to: "2026-10-31" };

describe("dashboard page queries on the demo county", () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedDemoIfEmpty(handle, TZ);
  }, 180_000);
  afterAll(async () => {
    await handle.close();
  });

  /** Earned value of every project from raw budget lines and milestones. */
  async function rawEarnedValue(cutoff: string, departmentId?: number) {
    const projects = await handle.db
      .select()
      .from(schema.projects)
      .orderBy(asc(schema.projects.code));
    const lines = await handle.db.select().from(schema.budgetLines);
    const plan = await handle.db.select().from(schema.milestones);
    return projects
      .filter((project) => departmentId === undefined || project.departmentId === departmentId)
      .map((project) => ({
        code: project.code,
        ev: projectEarnedValue(
          {
            bacYuan: Number(project.budgetYuan),
            budgetLines: lines
              .filter((line) => line.projectId === project.id)
              .map((line) => ({
                period: line.period,
                plannedYuan: Number(line.plannedYuan),
                actualYuan: Number(line.actualYuan),
              })),
            milestones: plan
              .filter((m) => m.projectId === project.id)
              .map((m) => ({
                weight: Number(m.weight),
                plannedDate: m.plannedDate,
                actualDate: m.actualDate,
                forecastDate: m.forecastDate,
              })),
          },
          cutoff,
        ),
      }));
  }

  it("overview: tiles, heatmap and flags equal the KPI functions over the raw rows", async () => {
    const scope = await resolveDashboardScope(handle.db, null, {});
    expect(scope.departmentIds).toBeUndefined();
    const overview = await loadOverview(handle.db, scope, { range });
    const clock = await loadAppealClock(handle.db, TZ);
    const appeals = await handle.db.select().from(schema.appeals);
    const expected = appealKpis(appeals, clock, range);
    // Everything but the median, which the overview neither shows nor reads.
    expect({ ...overview.appeals.current, medianReplyWorkingDays: null }).toEqual({
      ...expected,
      medianReplyWorkingDays: null,
    });
    const tile = (kpi: string) => overview.tiles.find((t) => t.kpi === kpi)!;
    expect(tile("reply_rate").value).toBe(expected.replyRate);
    expect(tile("on_time_reply_rate").value).toBe(expected.onTimeReplyRate);
    expect(tile("satisfaction_rate").value).toBe(expected.satisfactionRate);
    expect(tile("satisfaction_rate").ratedShare).toBe(expected.ratedShare);
    const lastYear = appealKpis(appeals, clock, { from: "2025-01-01", to: "2025-10-31" });
    expect(tile("reply_rate").lastYear).toBe(lastYear.replyRate);
    expect(tile("reply_rate").change).toBeCloseTo(expected.replyRate! - lastYear.replyRate!, 12);
    // reply rate target 99 %, amber from 97 %.
    expect(tile("reply_rate").band).toBe(
      expected.replyRate! >= 0.99 ? "green" : expected.replyRate! >= 0.97 ? "amber" : "red",
    );

    const items = await handle.db.select().from(schema.serviceItems);
    const stats = await handle.db.select().from(schema.serviceStats);
    const statsInRange = stats
      .filter((row) => row.period >= "2026-01-01" && row.period <= "2026-10-01")
      .map((row) => ({ ...row }));
    const services = serviceKpis(items, statsInRange);
    expect(tile("service_coverage").value).toBe(services.coverage);
    expect(tile("digital_take_up").value).toBeCloseTo(services.digitalTakeUp!, 12);

    const evs = await rawEarnedValue(range.to);
    const portfolio = portfolioEarnedValue(evs.map((p) => p.ev));
    expect(tile("budget_execution").value).toBeCloseTo(portfolio.budgetExecution!, 12);
    expect(tile("cpi").value).toBeCloseTo(portfolio.cpi!, 12);
    expect(tile("spi").value).toBeCloseTo(portfolio.spi!, 12);
    expect(tile("cpi").series).toHaveLength(12);
    expect(tile("cpi").series.at(-1)?.value).toBeCloseTo(portfolio.cpi!, 12);

    // The heatmap row of one department equals its own raw figures.
    const department = scope.departments[3]!;
    const row = overview.heatmap.find((r) => r.code === department.code)!;
    const own = appealKpis(
      appeals.filter((a) => a.departmentId === department.id),
      clock,
      range,
    );
    expect(row.values.reply_rate).toBe(own.replyRate);
    expect(row.values.satisfaction_rate).toBe(own.satisfactionRate);
    // Its services too, and the take-up series' last month, from the raw statistics.
    const ownItems = items.filter((item) => item.departmentId === department.id);
    const ownItemIds = new Set(ownItems.map((item) => item.id));
    const ownServices = serviceKpis(
      ownItems,
      statsInRange.filter((stat) => ownItemIds.has(stat.itemId)),
    );
    expect(row.values.service_coverage).toBe(ownServices.coverage);
    expect(row.values.digital_take_up).toBeCloseTo(ownServices.digitalTakeUp!, 12);
    const lastMonth = tile("digital_take_up").series.at(-1)!;
    expect(lastMonth.value).toBeCloseTo(
      serviceKpis(
        [],
        stats.filter((stat) => stat.period === lastMonth.period),
      ).digitalTakeUp!,
      12,
    );
    expect(overview.heatmap).toHaveLength(scope.departments.length);

    // Projects by stage add up; every flag names something in view.
    expect(overview.stages.reduce((sum, s) => sum + s.projects, 0)).toBe(evs.length);
    for (const flag of overview.flags) {
      const known =
        flag.subject === "project" ? evs.map((p) => p.code) : scope.departments.map((d) => d.code);
      expect(known).toContain(flag.code);
      expect(flag.name.length).toBeGreaterThan(0);
    }
    const red = overview.projects.filter((p) => p.costBand === "red").map((p) => p.code);
    expect(
      overview.flags
        .filter((f) => f.rule === "cost-variance-red")
        .map((f) => f.code)
        .sort(),
    ).toEqual(red.sort());

    // The trend's months sum to the appeals of those months.
    const october = overview.trend.find((m) => m.month === "2026-10-01")!;
    expect(october.received).toBe(
      appeals.filter((a) => localDateOf(a.receivedAt, TZ).startsWith("2026-10")).length,
    );
    // The period ends with a whole month: no month is marked as counted only in part.
    expect(overview.trend.filter((m) => m.through !== null)).toEqual([]);
    expect(overview.tiles.flatMap((t) => t.series).filter((p) => p.through)).toEqual([]);
  });

  it("overview: the month the period ends part way through says the day it is counted to", async () => {
    const scope = await resolveDashboardScope(handle.db, null, {});
    const overview = await loadOverview(handle.db, scope, {
      range: { from: range.from, to: "2026-10-15" },
    });
    const last = overview.trend.at(-1)!;
    expect(last).toMatchObject({ month: "2026-10-01", through: "2026-10-15" });
    expect(overview.trend.slice(0, -1).every((m) => m.through === null)).toBe(true);
    const appeals = await handle.db.select().from(schema.appeals);
    expect(last.received).toBe(
      appeals.filter((a) => {
        const day = localDateOf(a.receivedAt, TZ);
        return day >= "2026-10-01" && day <= "2026-10-15";
      }).length,
    );
    const replyRate = overview.tiles.find((t) => t.kpi === "reply_rate")!;
    expect(replyRate.series.at(-1)).toMatchObject({ period: "2026-10-01", through: "2026-10-15" });
    expect(replyRate.series.slice(0, -1).every((p) => p.through === undefined)).toBe(true);
  });

  it("a scoped overview (one department) counts only that department", async () => {
    const [department] = await handle.db
      .select()
      .from(schema.departments)
      .orderBy(asc(schema.departments.code))
      .limit(1);
    const scope = await resolveDashboardScope(handle.db, [department!.id], {});
    expect(scope.departmentIds).toEqual([department!.id]);
    expect(scope.choices.departments).toHaveLength(1);
    const overview = await loadOverview(handle.db, scope, { range });
    const clock = await loadAppealClock(handle.db, TZ);
    const appeals = await handle.db
      .select()
      .from(schema.appeals)
      .where(eq(schema.appeals.departmentId, department!.id));
    expect({ ...overview.appeals.current, medianReplyWorkingDays: null }).toEqual({
      ...appealKpis(appeals, clock, range),
      medianReplyWorkingDays: null,
    });
    const evs = await rawEarnedValue(range.to, department!.id);
    expect(overview.projects.map((p) => p.code)).toEqual(evs.map((p) => p.code));
  });

  it("department page: appeals, reply-time distribution, types and services", async () => {
    const [department] = await handle.db
      .select()
      .from(schema.departments)
      .orderBy(asc(schema.departments.code))
      .limit(1);
    const page = await loadDepartmentPage(handle.db, department!.id, range);
    const clock = await loadAppealClock(handle.db, TZ);
    const appeals = await handle.db
      .select()
      .from(schema.appeals)
      .where(eq(schema.appeals.departmentId, department!.id));
    const expected = appealKpis(appeals, clock, range);
    expect(page.appeals.current).toEqual(expected);
    expect(page.appeals.replyDays.reduce((sum, bin) => sum + bin.replies, 0)).toBe(
      expected.replied,
    );
    expect(page.appeals.byType.reduce((sum, t) => sum + t.kpis.received, 0)).toBe(
      expected.received,
    );
    const items = await handle.db
      .select()
      .from(schema.serviceItems)
      .where(eq(schema.serviceItems.departmentId, department!.id));
    expect(page.services.kpis.coverage).toBe(serviceKpis(items, []).coverage);
    expect(page.services.byMaturity.reduce((sum, level) => sum + level.items, 0)).toBe(
      items.length,
    );
    expect(page.services.takeUpTrend).toHaveLength(24);
    expect(page.appeals.trend.filter((m) => m.through !== null)).toEqual([]);
    // A period ending on the 15th: its last month says so, and counts to that day.
    const partial = await loadDepartmentPage(handle.db, department!.id, {
      from: range.from,
      to: "2026-10-15",
    });
    expect(partial.appeals.trend.at(-1)).toMatchObject({
      month: "2026-10-01",
      through: "2026-10-15",
      received: appeals.filter((a) => {
        const day = localDateOf(a.receivedAt, TZ);
        return day >= "2026-10-01" && day <= "2026-10-15";
      }).length,
    });
  });

  it("project page: earned value, spend curve up to the cut-off, indicators and sources", async () => {
    // A project that has spent something, so the curve has actual figures.
    const expected = (await rawEarnedValue(range.to)).find((p) => p.ev.ac > 0 && p.ev.ev !== null);
    const page = await loadProjectPage(handle.db, expected!.code, range.to);
    expect(page).not.toBeNull();
    expect(page!.earnedValue).toEqual(expected!.ev);
    const known = page!.spendCurve.filter((point) => point.ac !== null);
    expect(known.at(-1)?.ac).toBe(expected!.ev.ac);
    // The curves run to the cut-off (flat once spending stops), not just to the last line.
    expect(page!.spendCurve.at(-1)!.month >= "2026-10-01").toBe(true);
    expect(
      page!.spendCurve.filter((point) => point.month > range.to).every((p) => p.ac === null),
    ).toBe(true);
    expect(await loadProjectPage(handle.db, "NO-SUCH-PROJECT", range.to)).toBeNull();
  });

  it("project page: a closed round's final score through the framework, from the submitted scores", async () => {
    const page = await loadProjectPage(handle.db, "XM-2023-008", range.to);
    const rounds = page!.evaluations;
    expect(
      rounds.map(({ code, state, submitted, assignments }) => ({
        code,
        state,
        submitted,
        assignments,
      })),
    ).toEqual([
      { code: "R2026", state: "open", submitted: 0, assignments: 2 },
      { code: "R2025", state: "closed", submitted: 2, assignments: 2 },
    ]);
    expect(rounds[0]!.score).toBeNull();
    expect(rounds[1]!.framework).toEqual({ code: "MJ-EGOV", version: 1 });
    // The same figure as the whole round's results (the command line's), and each scored
    // criterion's mean is the plain mean of its two raw scores.
    const round = await findResultRound(handle.db, "R2025");
    const results = await loadRoundResults(handle.db, round!);
    const project = results.projects.find((p) => p.code === "XM-2023-008")!;
    expect(rounds[1]!.score).toBe(project.score);
    const raw = await handle.db
      .select({ criterion: schema.frameworkNodes.code, value: schema.scores.value })
      .from(schema.scores)
      .innerJoin(schema.assignments, eq(schema.assignments.id, schema.scores.assignmentId))
      .innerJoin(schema.frameworkNodes, eq(schema.frameworkNodes.id, schema.scores.criterionId))
      .innerJoin(schema.projects, eq(schema.projects.id, schema.assignments.projectId))
      .where(eq(schema.projects.code, "XM-2023-008"));
    const scored = project.criteria.filter((criterion) => criterion.kpi === undefined);
    expect(scored.map((c) => c.code)).toEqual(["D1.1", "D1.2", "D2.3", "D3.2", "D4.2", "D4.3"]);
    for (const criterion of scored) {
      const values = raw.filter((r) => r.criterion === criterion.code).map((r) => Number(r.value));
      expect(values).toHaveLength(2);
      expect(criterion.mean).toBeCloseTo((values[0]! + values[1]!) / 2, 12);
    }
    expect(project.criteria.reduce((sum, c) => sum + c.weight, 0)).toBeCloseTo(1, 12);
    if (project.criteria.every((c) => c.mean !== null)) {
      const sum = project.criteria.reduce((s, c) => s + c.weight * c.mean!, 0);
      expect(project.score).toBeCloseTo(sum, 10);
    }
    expect(project.score).toBeGreaterThan(0);
    expect(project.score).toBeLessThanOrEqual(100);
  });

  it("the appeals behind a department's figures: a page at a time, newest first, no caller data", async () => {
    const [department] = await handle.db
      .select()
      .from(schema.departments)
      .orderBy(asc(schema.departments.code))
      .limit(1);
    const clock = await loadAppealClock(handle.db, TZ);
    const own = (
      await handle.db
        .select()
        .from(schema.appeals)
        .where(eq(schema.appeals.departmentId, department!.id))
    ).filter((a) => {
      const day = localDateOf(a.receivedAt, TZ);
      return day >= range.from && day <= range.to;
    });
    const first = await listDepartmentAppeals(handle.db, department!.id, range, {
      timeZone: TZ,
      page: 1,
    });
    expect(first.total).toBe(own.length);
    expect(first.rows).toHaveLength(Math.min(APPEAL_ROWS_PER_PAGE, own.length));
    const newest = [...own].sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime())[0]!;
    expect(first.rows[0]!.externalId).toBe(newest.externalId);
    expect(first.rows[0]!.repliedOnTime).toBe(appealFacts(newest, clock).repliedOnTime);
    expect(Object.keys(first.rows[0]!)).not.toContain("callerHash");
    const last = await listDepartmentAppeals(handle.db, department!.id, range, {
      timeZone: TZ,
      page: first.pages,
    });
    expect((first.pages - 1) * APPEAL_ROWS_PER_PAGE + last.rows.length).toBe(own.length);
    const complaints = await listDepartmentAppeals(handle.db, department!.id, range, {
      timeZone: TZ,
      page: 1,
      type: "complaint",
    });
    expect(complaints.total).toBe(own.filter((a) => a.type === "complaint").length);
  });

  it("data quality: the latest data date per department and the calendar's coverage", async () => {
    const scope = await resolveDashboardScope(handle.db, null, {});
    const quality = await loadDataQuality(handle.db, scope.departments, {
      from: "2026-01-01",
      to: "2027-03-31",
    });
    const department = scope.departments[0]!;
    const appeals = await handle.db
      .select()
      .from(schema.appeals)
      .where(eq(schema.appeals.departmentId, department.id));
    const latest = appeals
      .map((a) => localDateOf(a.receivedAt, TZ))
      .sort()
      .at(-1);
    const row = quality.rows.find((r) => r.code === department.code)!;
    expect(row.cells.appeals.latestData).toBe(latest);
    // 2026-10-31 is more than 45 days before 2027-03-31: stale.
    expect(row.cells.appeals.stale).toBe(true);
    expect(quality.rows).toHaveLength(scope.departments.length);
    // The packaged calendar covers 2025; nobody has published 2099's holidays.
    const covered = await loadDataQuality(handle.db, [department], {
      from: "2025-01-01",
      to: "2025-12-31",
    });
    expect(covered.yearsWithoutCalendar).toEqual([]);
    expect(covered.rows[0]!.cells.appeals.stale).toBe(false);
    const future = await loadDataQuality(handle.db, [department], {
      from: "2099-01-01",
      to: "2099-12-31",
    });
    expect(future.yearsWithoutCalendar).toEqual([2099]);
  });
});
