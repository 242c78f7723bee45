import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.server";
import { runImport } from "../../db/import/run-import.server";
import {
  answerCase,
  decideCase,
  getCase,
  listCases,
  loadRectificationFigures,
  openSupervisionNotice,
  type CaseActor,
} from "../../db/queries/rectification.server";
import * as schema from "../../db/schema/index";
import { loadFixture, type Fixture } from "../support/fixture";
import { createTestDatabase } from "../setup/test-database";

const TZ = "Asia/Shanghai";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mingjing-rectification-"));

/** National Day 2025: 1–8 October off; Sunday 28 September and Saturday 11 October worked. */
const NATIONAL_DAY_2025 = [
  ...["01", "02", "03", "06", "07", "08"].map((day) => ({
    date: `2025-10-${day}`,
    isWorking: false,
    source: "import" as const,
  })),
  { date: "2025-09-28", isWorking: true, source: "import" as const },
  { date: "2025-10-11", isWorking: true, source: "import" as const },
];

describe("rectification cases", () => {
  let handle: DbHandle;
  let fixture: Fixture;
  let fileNumber = 0;
  let actors: Record<"admin" | "leader" | "steward" | "evaluator", CaseActor>;

  async function importRatings(lines: string[]) {
    fileNumber += 1;
    const filePath = path.join(dir, `${fileNumber}-ratings.csv`);
    fs.writeFileSync(filePath, `${lines.join("\n")}\n`, "utf8");
    const report = await runImport(handle.db, {
      kind: "ratings",
      filePath,
      actor: { id: null, name: "test", ip: null },
      scope: null,
      timeZone: TZ,
    });
    expect(report.outcome, JSON.stringify(report.errors)).toBe("committed");
  }

  const cases = () =>
    handle.db
      .select({
        id: schema.rectificationCases.id,
        ratingId: schema.rectificationCases.ratingId,
        departmentId: schema.rectificationCases.departmentId,
        openedOn: schema.rectificationCases.openedOn,
        deadline: schema.rectificationCases.deadline,
        limit: schema.rectificationCases.limitWorkingDays,
        state: schema.rectificationCases.state,
      })
      .from(schema.rectificationCases)
      .orderBy(asc(schema.rectificationCases.id));

  beforeAll(async () => {
    handle = await createTestDatabase();
    fixture = await loadFixture(handle);
    // The packaged official days hold these already; stated here so the test reads alone.
    await handle.db
      .insert(schema.calendarDays)
      .values(NATIONAL_DAY_2025)
      .onConflictDoUpdate({
        target: schema.calendarDays.date,
        set: { isWorking: sql`excluded.is_working` },
      });
    const actor = (
      name: keyof Fixture["users"] & keyof typeof actors,
      departments: number[] | null,
    ): CaseActor => ({
      id: fixture.users[name],
      name,
      role: name,
      departments,
      ip: null,
    });
    actors = {
      admin: actor("admin", null),
      leader: actor("leader", null),
      steward: actor("steward", [fixture.departments.a.id]),
      evaluator: actor("evaluator", []),
    };
    await importRatings([
      "external_id,target,target_code,score,rated_at,comment",
      `RT-1,project,${fixture.projects.a},1,2025-09-30 10:00,等了两个小时`,
      `RT-2,project,${fixture.projects.a},5,2025-09-30 11:00,很好`,
      `RT-3,project,${fixture.projects.b},2,2025-10-09 23:30,`,
    ]);
  });

  afterAll(async () => {
    await handle?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("opens one case per bad review on import, due in 5 working days across the holiday", async () => {
    expect(await cases()).toMatchObject([
      // Tuesday 30 Sep + 5: 9, 10, Sat 11 (调休), 13, 14 October.
      {
        departmentId: fixture.departments.a.id,
        openedOn: "2025-09-30",
        deadline: "2025-10-14",
        limit: 5,
        state: "open",
      },
      // Thursday 9 Oct, late evening in Beijing: 10, 11, 13, 14, 15 October.
      {
        departmentId: fixture.departments.b.id,
        openedOn: "2025-10-09",
        deadline: "2025-10-15",
        limit: 5,
        state: "open",
      },
    ]);
  });

  it("opens no second case when the same ratings are imported again", async () => {
    await importRatings([
      "external_id,target,target_code,score,rated_at",
      `RT-1,project,${fixture.projects.a},1,2025-09-30 10:00`,
      `RT-3,project,${fixture.projects.b},2,2025-10-09 23:30`,
    ]);
    expect(await cases()).toHaveLength(2);
  });

  it("applies a changed limit to new cases only", async () => {
    await handle.db
      .update(schema.rectificationLimits)
      .set({ workingDays: 10 })
      .where(eq(schema.rectificationLimits.source, "rating"));
    await importRatings([
      "external_id,target,target_code,score,rated_at",
      `RT-4,project,${fixture.projects.a},1,2025-10-20 09:00`,
    ]);
    const [first, second, third] = await cases();
    expect([first?.limit, second?.limit, third?.limit]).toEqual([5, 5, 10]);
    expect(first?.deadline).toBe("2025-10-14");
    // Monday 20 October + 10 working days.
    expect(third?.deadline).toBe("2025-11-03");
  });

  it("lets a steward see and answer only their departments' cases", async () => {
    const [a, b] = await cases();
    const today = "2025-10-20";
    const mine = await listCases(handle.db, actors.steward, {}, today);
    expect(mine.map((row) => row.id).sort()).toEqual(
      (await cases()).filter((c) => c.departmentId === fixture.departments.a.id).map((c) => c.id),
    );
    expect(await getCase(handle.db, actors.steward, b!.id, today)).toBeUndefined();
    expect(await getCase(handle.db, actors.evaluator, a!.id, today)).toBeUndefined();
    const answer = { found: "属实", done: "已增加窗口", evidence: null };
    expect(await answerCase(handle.db, actors.steward, b!.id, answer)).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await answerCase(handle.db, actors.leader, a!.id, answer)).toEqual({
      ok: false,
      reason: "forbidden",
    });
    const [stored] = await handle.db
      .select({ state: schema.rectificationCases.state })
      .from(schema.rectificationCases)
      .where(eq(schema.rectificationCases.id, b!.id));
    expect(stored?.state).toBe("open");
  });

  it("goes answered → returned → answered → closed, each step audited", async () => {
    const [a] = await cases();
    const answer = { found: "属实", done: "已增加窗口", evidence: "https://example.org/e/1" };
    const decide = (decision: "accept" | "return", comment: string | null) =>
      decideCase(handle.db, actors.leader, a!.id, { decision, comment }, TZ);
    expect(await decide("accept", null)).toEqual({ ok: false, reason: "wrong_state" });
    expect(await answerCase(handle.db, actors.steward, a!.id, answer)).toEqual({ ok: true });
    expect(await answerCase(handle.db, actors.steward, a!.id, answer)).toEqual({
      ok: false,
      reason: "wrong_state",
    });
    expect(
      await decideCase(handle.db, actors.steward, a!.id, { decision: "accept", comment: null }, TZ),
    ).toEqual({ ok: false, reason: "forbidden" });
    expect(await decide("return", "请补充照片")).toEqual({ ok: true });
    expect(await answerCase(handle.db, actors.steward, a!.id, answer)).toEqual({ ok: true });
    expect(await decide("accept", null)).toEqual({ ok: true });

    const detail = await getCase(handle.db, actors.leader, a!.id, "2025-10-20");
    expect(detail?.state).toBe("closed");
    expect(detail?.steps.map((step) => step.kind)).toEqual([
      "answered",
      "returned",
      "answered",
      "accepted",
    ]);
    expect(detail?.steps[1]?.comment).toBe("请补充照片");
    expect(detail?.ratingComment).toBeNull(); // pending moderation: never shown
    const actions = await handle.rows<{ action: string }>(
      sql`select action from audit_events where object_kind = 'rectification_case'
          and object_id = ${String(a!.id)} order by id`,
    );
    expect(actions.map((row) => row.action)).toEqual([
      "rectification.answered",
      "rectification.returned",
      "rectification.answered",
      "rectification.accepted",
    ]);
  });

  it("opens one supervision notice per flag when two leaders decide at once", async () => {
    const notice = {
      departmentId: fixture.departments.b.id,
      flagRule: "cost-variance-red",
      flagSubject: `project:${fixture.projects.b}`,
      note: "成本偏差超过30%，请说明原因并提出整改措施",
    };
    const results = await Promise.all([
      openSupervisionNotice(handle.db, actors.leader, notice, TZ),
      openSupervisionNotice(handle.db, actors.admin, notice, TZ),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: "already_open" }]);
    expect(await openSupervisionNotice(handle.db, actors.steward, notice, TZ)).toEqual({
      ok: false,
      reason: "forbidden",
    });
    const [created] = await handle.db
      .select({ limit: schema.rectificationCases.limitWorkingDays })
      .from(schema.rectificationCases)
      .where(eq(schema.rectificationCases.source, "red_flag"));
    expect(created?.limit).toBe(15);
    // Listed under the flagged project's name, not the stored "project:CODE".
    const [listed] = await listCases(
      handle.db,
      actors.leader,
      { source: "red_flag" },
      "2026-12-06",
    );
    expect(listed?.subject).toBe("乙项目");
  });

  it("computes the figures from the stored cases", async () => {
    // Put the closed case's closing day where the hand count below expects it.
    const [a, b] = await cases();
    await handle.db
      .update(schema.rectificationCases)
      .set({ closedOn: "2025-10-13" })
      .where(eq(schema.rectificationCases.id, a!.id));
    const figures = await loadRectificationFigures(handle.db, {
      from: "2025-09-01",
      to: "2025-10-31",
      today: "2026-12-06",
      departments: null,
    });
    // Opened in the period: RT-1 (30 Sep), RT-3 (9 Oct), RT-4 (20 Oct); the notice opened
    // today, after the period. Closed: RT-1 on 13 Oct, in time (deadline 14 Oct), after 4
    // working days (9, 10, 11, 13 Oct). Overdue and open on 31 Oct: RT-3 (due 15 Oct).
    expect(figures).toEqual({
      opened: 3,
      closed: 1,
      closedOnTime: 1,
      onTimeRate: 1,
      overdueOpen: 1,
      medianWorkingDaysToClose: 4,
    });
    const departmentB = await loadRectificationFigures(handle.db, {
      from: "2025-09-01",
      to: "2025-10-31",
      today: "2026-12-06",
      departments: [fixture.departments.b.id],
    });
    expect(departmentB).toMatchObject({ opened: 1, closed: 0, overdueOpen: 1 });
    expect(b!.departmentId).toBe(fixture.departments.b.id);
  });
});
