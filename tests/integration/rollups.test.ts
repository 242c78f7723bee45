import { asc, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.server";
import {
  appealKpisFromRollups,
  projectKpisFromRollups,
  serviceKpisFromRollups,
} from "../../db/queries/kpis.server";
import {
  cellsAffectedByCalendar,
  refreshAppealCells,
  type AppealCell,
} from "../../db/rollups/appeal-rollups.server";
import { loadAppealClock } from "../../db/rollups/clock.server";
import { rebuildAllRollups } from "../../db/rollups/rebuild.server";
import {
  refreshProjectSpendRollups,
  refreshServiceRollups,
} from "../../db/rollups/service-rollups.server";
import * as schema from "../../db/schema/index";
import type { AppealClock } from "../../metrics/appeal-facts";
import { appealCounts, appealKpis, type AppealCounts } from "../../metrics/appeal-kpis";
import {
  appealTalliesByDepartment,
  appealTalliesByMonth,
  appealTalliesByType,
} from "../../db/queries/appeal-figures.server";
import { projectEarnedValue } from "../../metrics/earned-value";
import { addCalendarDays } from "../../metrics/iso-date";
import { mulberry32 } from "../../metrics/prng";
import { serviceKpis } from "../../metrics/service-kpis";
import { localDateOf } from "../../metrics/time-zone";
import { createTestDatabase } from "../setup/test-database";

const TZ = "Asia/Shanghai";
const HOUR = 3_600_000;
const random = mulberry32(20_251_001);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const maybe = <T>(probability: number, value: () => T): T | null =>
  random() < probability ? value() : null;

type AppealInsert = typeof schema.appeals.$inferInsert;

/** Appeals around National Day 2025 (a holiday week and an adjusted Saturday), some near local midnight. */
function randomAppeals(
  count: number,
  departmentIds: number[],
  firstDay: string,
  days: number,
  prefix: string,
): AppealInsert[] {
  return Array.from({ length: count }, (_, index) => {
    const day = addCalendarDays(firstDay, Math.floor(random() * days));
    const receivedAt = new Date(
      Date.parse(`${day}T00:00:00+08:00`) + Math.floor(random() * 24 * HOUR),
    );
    const after = (maxHours: number) =>
      new Date(receivedAt.getTime() + Math.floor(random() * maxHours * HOUR));
    return {
      externalId: `${prefix}-${index}`,
      departmentId: pick(departmentIds),
      type: pick(schema.APPEAL_TYPES),
      receivedAt,
      firstContactAt: maybe(0.8, () => after(72)),
      repliedAt: maybe(0.9, () => after(24 * 20)),
      dueAt: maybe(0.1, () => after(24 * 6)),
      satisfaction: maybe(0.6, () => 1 + Math.floor(random() * 5)),
    };
  });
}

describe("roll-ups give the same KPIs as the pure functions over the raw rows", () => {
  let handle: DbHandle;
  let departmentIds: number[];

  beforeAll(async () => {
    handle = await createTestDatabase();
    const inserted = await handle.db
      .insert(schema.departments)
      .values([
        { code: "R-A", name: "甲" },
        { code: "R-B", name: "乙" },
        { code: "R-C", name: "丙" },
      ])
      .returning();
    departmentIds = inserted.map((department) => department.id);
    // A deployment's own calendar day, and a shorter limit for complaints.
    await handle.db
      .insert(schema.calendarDays)
      .values({ date: "2025-10-20", isWorking: false, name: "县级停工日", source: "import" })
      .onConflictDoUpdate({
        target: schema.calendarDays.date,
        set: { isWorking: false, source: "import" },
      });
    await handle.db
      .update(schema.replyTimeLimits)
      .set({ workingDays: 3 })
      .where(sql`appeal_type = 'complaint'`);
    const rows = randomAppeals(2_000, departmentIds, "2025-09-15", 50, "E");
    for (let start = 0; start < rows.length; start += 500) {
      await handle.db.insert(schema.appeals).values(rows.slice(start, start + 500));
    }
    await rebuildAllRollups(handle.db, TZ);
  });
  afterAll(async () => {
    await handle.close();
  });

  const rawAppeals = () => handle.db.select().from(schema.appeals);
  const rollupContent = async () => ({
    days: await handle.db
      .select()
      .from(schema.appealDayRollups)
      .orderBy(
        asc(schema.appealDayRollups.departmentId),
        asc(schema.appealDayRollups.day),
        asc(schema.appealDayRollups.type),
      ),
    replies: await handle.db
      .select()
      .from(schema.appealReplyDayRollups)
      .orderBy(
        asc(schema.appealReplyDayRollups.departmentId),
        asc(schema.appealReplyDayRollups.day),
        asc(schema.appealReplyDayRollups.type),
        asc(schema.appealReplyDayRollups.workingDays),
      ),
    // The derived roll-ups must follow every refresh exactly as a rebuild makes them.
    derived: await Promise.all(
      [
        "appeal_month_rollups order by department_id, month, type",
        "appeal_reply_month_rollups order by department_id, month, working_days",
        "appeal_total_day_rollups order by day, type",
        "appeal_total_reply_day_rollups order by day, working_days",
      ].map((table) => handle.rows(sql.raw(`select * from ${table}`))),
    ),
  });

  const withoutHistogram = ({ replyWorkingDaysHistogram: _, ...tallies }: AppealCounts) => tallies;

  /** Per month, department and type, the roll-up tallies equal appealCounts over the raw rows. */
  async function expectBreakdowns(
    raw: Array<typeof schema.appeals.$inferSelect>,
    clock: AppealClock,
    range: { from: string; to: string },
    scope: number[] | undefined,
  ) {
    const inRange = raw.filter((appeal) => {
      const day = localDateOf(appeal.receivedAt, TZ);
      return day >= range.from && day <= range.to;
    });
    const expectGroups = <K>(
      actual: Map<K, unknown>,
      keyOf: (appeal: (typeof raw)[number]) => K,
    ) => {
      const groups = new Map<K, typeof raw>();
      for (const appeal of inRange)
        groups.set(keyOf(appeal), [...(groups.get(keyOf(appeal)) ?? []), appeal]);
      expect(
        new Map(
          [...groups].map(([key, rows]) => [key, withoutHistogram(appealCounts(rows, clock))]),
        ),
      ).toEqual(actual);
    };
    const byMonth = await appealTalliesByMonth(handle.db, range, scope);
    expectGroups(
      new Map(byMonth.map((row) => [row.month, row.tallies])),
      (appeal) => `${localDateOf(appeal.receivedAt, TZ).slice(0, 7)}-01`,
    );
    expectGroups(
      await appealTalliesByDepartment(handle.db, range, scope),
      (appeal) => appeal.departmentId,
    );
    expectGroups(await appealTalliesByType(handle.db, range, scope), (appeal) => appeal.type);
  }

  async function expectAppealEquivalence(ranges: Array<{ from: string; to: string }>) {
    const clock = await loadAppealClock(handle.db, TZ);
    const all = await rawAppeals();
    for (const range of ranges) {
      for (const scope of [
        undefined,
        [departmentIds[0]!],
        [departmentIds[1]!, departmentIds[2]!],
      ]) {
        const raw = all.filter((appeal) => !scope || scope.includes(appeal.departmentId));
        const expected = appealKpis(raw, clock, range);
        const actual = await appealKpisFromRollups(handle.db, range, scope);
        expect(actual, `${range.from}..${range.to} ${scope ?? "all"}`).toEqual(expected);
        await expectBreakdowns(raw, clock, range, scope);
      }
    }
  }

  it("appeals: any whole-day range, any set of departments, across holidays and 调休", async () => {
    const ranges = [
      { from: "2025-09-01", to: "2025-11-30" },
      { from: "2025-09-28", to: "2025-09-28" },
      { from: "2025-10-01", to: "2025-10-08" },
      { from: "2025-09-15", to: "2025-10-20" },
    ];
    for (let n = 0; n < 6; n++) {
      const from = addCalendarDays("2025-09-10", Math.floor(random() * 50));
      ranges.push({ from, to: addCalendarDays(from, Math.floor(random() * 30)) });
    }
    await expectAppealEquivalence(ranges);
  });

  it("an empty range is no data, not 0 %", async () => {
    const kpis = await appealKpisFromRollups(handle.db, { from: "2020-01-01", to: "2020-01-31" });
    expect(kpis.received).toBe(0);
    expect(kpis.replyRate).toBeNull();
    expect(kpis.medianReplyWorkingDays).toBeNull();
  });

  it("an import's refresh of the cells it touched equals a full rebuild", async () => {
    const clock = await loadAppealClock(handle.db, TZ);
    const added = randomAppeals(200, departmentIds, "2025-10-09", 1, "INC");
    await handle.db.insert(schema.appeals).values(added);
    // A changed row moves: both its old and its new cell are touched.
    const [moved] = await handle.db
      .select()
      .from(schema.appeals)
      .where(sql`external_id = 'E-7'`);
    const newReceived = new Date(Date.parse("2025-10-10T23:30:00+08:00"));
    await handle.db
      .update(schema.appeals)
      .set({
        receivedAt: newReceived,
        repliedAt: new Date(newReceived.getTime() + 30 * HOUR),
        departmentId: departmentIds[2]!,
      })
      .where(sql`external_id = 'E-7'`);
    const cells: AppealCell[] = [
      ...added.map((appeal) => ({
        departmentId: appeal.departmentId,
        day: localDateOf(appeal.receivedAt, TZ),
      })),
      { departmentId: moved!.departmentId, day: localDateOf(moved!.receivedAt, TZ) },
      { departmentId: departmentIds[2]!, day: "2025-10-10" },
    ];
    await handle.db.transaction((tx) => refreshAppealCells(tx, cells, clock));
    const incremental = await rollupContent();
    await rebuildAllRollups(handle.db, TZ);
    expect(incremental).toEqual(await rollupContent());
    await expectAppealEquivalence([{ from: "2025-10-09", to: "2025-10-10" }]);
  });

  it("refreshing cells of two departments in two months rewrites those months only", async () => {
    const clock = await loadAppealClock(handle.db, TZ);
    const [first, , third] = departmentIds as [number, number, number];
    // New appeals in (first, September) and (third, October); the same departments'
    // other months, between them, keep the rows they have.
    const added = [
      ...randomAppeals(20, [first], "2025-09-20", 1, "PAIR-A"),
      ...randomAppeals(20, [third], "2025-10-20", 1, "PAIR-C"),
    ];
    await handle.db.insert(schema.appeals).values(added);
    const cells: AppealCell[] = [
      { departmentId: first, day: "2025-09-20" },
      { departmentId: third, day: "2025-10-20" },
    ];
    await handle.db.transaction((tx) => refreshAppealCells(tx, cells, clock));
    const incremental = await rollupContent();
    await rebuildAllRollups(handle.db, TZ);
    expect(incremental).toEqual(await rollupContent());
  });

  it("a calendar change refreshes exactly the cells it affects", async () => {
    await handle.db
      .insert(schema.calendarDays)
      .values({ date: "2025-10-14", isWorking: false, name: "临时停工", source: "import" })
      .onConflictDoUpdate({
        target: schema.calendarDays.date,
        set: { isWorking: false, source: "import" },
      });
    const clock = await loadAppealClock(handle.db, TZ);
    const cells = await cellsAffectedByCalendar(handle.db, ["2025-10-14"], TZ, 5);
    expect(cells.length).toBeGreaterThan(0);
    await handle.db.transaction((tx) => refreshAppealCells(tx, cells, clock));
    const incremental = await rollupContent();
    await rebuildAllRollups(handle.db, TZ);
    expect(incremental).toEqual(await rollupContent());
  });

  it("another time zone moves appeals to other local days; a rebuild follows it", async () => {
    await rebuildAllRollups(handle.db, "America/New_York");
    const clock = await loadAppealClock(handle.db, "America/New_York");
    const range = { from: "2025-09-20", to: "2025-10-12" };
    expect(await appealKpisFromRollups(handle.db, range)).toEqual(
      appealKpis(await rawAppeals(), clock, range),
    );
    await rebuildAllRollups(handle.db, TZ);
  });

  it("services: coverage, take-up and on-time completion over the months of a range", async () => {
    const items = await handle.db
      .insert(schema.serviceItems)
      .values(
        Array.from({ length: 24 }, (_, index) => ({
          code: `S-${index}`,
          name: `事项${index}`,
          departmentId: departmentIds[index % 3]!,
          maturity: index % 5,
          oneVisit: index % 2 === 0,
          highFrequency: index % 4 === 0,
        })),
      )
      .returning();
    const stats = items.flatMap((item) =>
      ["2025-01-01", "2025-02-01", "2025-03-01", "2025-04-01"].map((period) => {
        const transactions = Math.floor(random() * 500);
        const completed = maybe(0.9, () => Math.floor(transactions * 0.95));
        return {
          itemId: item.id,
          period,
          transactions,
          online: maybe(0.85, () => Math.floor(transactions * random())),
          completed,
          completedOnTime:
            completed === null ? null : maybe(0.9, () => Math.floor(completed * random())),
        };
      }),
    );
    await handle.db.insert(schema.serviceStats).values(stats);
    await rebuildAllRollups(handle.db, TZ);
    for (const scope of [undefined, [departmentIds[1]!]]) {
      const inScope = items.filter((item) => !scope || scope.includes(item.departmentId));
      const months = stats.filter(
        (row) =>
          row.period >= "2025-02-01" &&
          row.period <= "2025-03-01" &&
          inScope.some((item) => item.id === row.itemId),
      );
      expect(
        await serviceKpisFromRollups(handle.db, { from: "2025-02-14", to: "2025-03-03" }, scope),
      ).toEqual(serviceKpis(inScope, months));
    }
  });

  it("refreshing one department's services or one project's spend equals a full rebuild", async () => {
    const content = async () => ({
      services: await handle.db
        .select()
        .from(schema.serviceMonthRollups)
        .orderBy(
          asc(schema.serviceMonthRollups.departmentId),
          asc(schema.serviceMonthRollups.period),
        ),
      spend: await handle.db
        .select()
        .from(schema.projectMonthSpendRollups)
        .orderBy(
          asc(schema.projectMonthSpendRollups.projectId),
          asc(schema.projectMonthSpendRollups.period),
        ),
    });
    await handle.db.execute(
      sql`update service_stats set online = null where item_id in (select id from service_items where department_id = ${departmentIds[1]!})`,
    );
    await handle.db.transaction((tx) => refreshServiceRollups(tx, [departmentIds[1]!]));
    const [project] = await handle.db
      .insert(schema.projects)
      .values({
        code: "P-SPEND",
        name: "支出",
        departmentId: departmentIds[2]!,
        budgetYuan: "10.00",
      })
      .returning();
    await handle.db.insert(schema.budgetLines).values({
      projectId: project!.id,
      period: "2025-05-01",
      plannedYuan: "3.50",
      actualYuan: "4.25",
    });
    await handle.db.transaction((tx) => refreshProjectSpendRollups(tx, [project!.id]));
    const incremental = await content();
    expect(
      incremental.spend.some((row) => row.projectId === project!.id && row.actualYuan === "4.25"),
    ).toBe(true);
    await rebuildAllRollups(handle.db, TZ);
    expect(incremental).toEqual(await content());
  });

  it("projects: earned value from the spend roll-up equals the pure function over budget lines", async () => {
    const [project] = await handle.db
      .insert(schema.projects)
      .values({
        code: "P-EV",
        name: "项目",
        departmentId: departmentIds[0]!,
        budgetYuan: "1000000.00",
      })
      .returning();
    const lines = ["2025-01-01", "2025-02-01", "2025-03-01"].flatMap((period) =>
      (["hardware", "software", null] as const).map((category) => ({
        projectId: project!.id,
        period,
        category,
        plannedYuan: (random() * 100_000).toFixed(2),
        actualYuan: (random() * 100_000).toFixed(2),
      })),
    );
    await handle.db.insert(schema.budgetLines).values(lines);
    const milestones = [
      { name: "设计", weight: "0.3", plannedDate: "2025-01-20", actualDate: "2025-01-25" },
      { name: "开发", weight: "0.5", plannedDate: "2025-02-20", actualDate: "2025-03-10" },
      {
        name: "验收",
        weight: "0.2",
        plannedDate: "2025-03-31",
        actualDate: null,
        forecastDate: "2025-04-30",
      },
    ];
    await handle.db
      .insert(schema.milestones)
      .values(milestones.map((m) => ({ ...m, projectId: project!.id })));
    await rebuildAllRollups(handle.db, TZ);
    for (const cutoff of ["2025-02-27", "2025-02-28", "2025-03-31"]) {
      const { byProject } = await projectKpisFromRollups(handle.db, cutoff, {
        projectCode: "P-EV",
      });
      const expected = projectEarnedValue(
        {
          bacYuan: 1_000_000,
          budgetLines: lines.map((line) => ({
            period: line.period,
            plannedYuan: Number(line.plannedYuan),
            actualYuan: Number(line.actualYuan),
          })),
          milestones: milestones.map((m) => ({ ...m, weight: Number(m.weight) })),
        },
        cutoff,
      );
      const { code: _code, name: _name, departmentCode: _department, ...actual } = byProject[0]!;
      for (const [key, value] of Object.entries(expected)) {
        if (typeof value === "number")
          expect((actual as Record<string, unknown>)[key], `${cutoff} ${key}`).toBeCloseTo(
            value,
            6,
          );
        else expect((actual as Record<string, unknown>)[key], `${cutoff} ${key}`).toBe(value);
      }
    }
  });
});

describe("a known answer: a county's 2021 hotline totals", () => {
  it("53,242 appeals received and 52,711 replied give a 99.0 % reply rate", async () => {
    const handle = await createTestDatabase();
    try {
      const [department] = await handle.db
        .insert(schema.departments)
        .values({ code: "HOTLINE", name: "12345热线" })
        .returning();
      const start = Date.parse("2021-01-01T09:00:00+08:00");
      const rows: AppealInsert[] = Array.from({ length: 53_242 }, (_, index) => {
        const receivedAt = new Date(start + Math.floor((index / 53_242) * 364 * 24) * HOUR);
        return {
          externalId: `K-${index}`,
          departmentId: department!.id,
          type: "consultation",
          receivedAt,
          repliedAt: index < 52_711 ? new Date(receivedAt.getTime() + 26 * HOUR) : null,
        };
      });
      for (let from = 0; from < rows.length; from += 5_000) {
        await handle.db.insert(schema.appeals).values(rows.slice(from, from + 5_000));
      }
      await rebuildAllRollups(handle.db, TZ);
      const kpis = await appealKpisFromRollups(handle.db, { from: "2021-01-01", to: "2021-12-31" });
      expect(kpis.received).toBe(53_242);
      expect(kpis.replied).toBe(52_711);
      expect(Number(kpis.replyRate?.toFixed(3))).toBe(0.99);
      expect(kpis.perDay).toBeCloseTo(53_242 / 365, 9);
    } finally {
      await handle.close();
    }
  });
});
