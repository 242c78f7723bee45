/**
 * The admin's settings page through the real server: each setting saved by a POST (with
 * the CSRF token) changes what the app computes at once — a reply limit the on-time rate
 * read from roll-ups (equal to a rebuild from scratch), a calendar override the working
 * days and the deadline of a new rectification case but not of an open one, a
 * rectification limit new cases only, a target the colour of a tile, the stale period the
 * data-quality flags. Invalid input answers 400 with the field named and stores nothing;
 * every change leaves an audit event with before and after; only admins get in.
 */
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.server";
import { loadDataQuality } from "../../db/queries/data-quality.server";
import { appealKpisFromRollups } from "../../db/queries/kpis.server";
import { openCasesForBadReviews } from "../../db/queries/rectification.server";
import { rebuildAllRollups } from "../../db/rollups/rebuild.server";
import * as schema from "../../db/schema/index";
import { createAppHandler, TestClient } from "../support/app-client";
import { FIXTURE_PASSWORD, loadFixture, type Fixture } from "../support/fixture";
import { createTestDatabase } from "../setup/test-database";

const TZ = "Asia/Shanghai";
/** Two plain weeks of March 2025: no official holiday, no 调休. */
const MARCH = { from: "2025-03-01", to: "2025-03-31" };

let handle: DbHandle;
let fixture: Fixture;
let handler: (request: Request) => Promise<Response>;
let admin: TestClient;

async function signedIn(username: string): Promise<TestClient> {
  const client = new TestClient(handler, `198.51.100.${Math.floor(Math.random() * 200) + 20}`);
  const response = await client.signIn(username, FIXTURE_PASSWORD);
  expect(response.status, `sign-in of ${username}`).toBe(302);
  return client;
}

const at = (local: string) => new Date(`${local}+08:00`);

async function lastAudit(action: string) {
  const [row] = await handle.db
    .select()
    .from(schema.auditEvents)
    .where(eq(schema.auditEvents.action, action))
    .orderBy(desc(schema.auditEvents.id))
    .limit(1);
  return row;
}

const auditCount = async () =>
  (await handle.db.select({ id: schema.auditEvents.id }).from(schema.auditEvents)).length;

/** Every appeal roll-up table, in a fixed order, to compare with a rebuild from scratch. */
async function rollupContent() {
  return Promise.all(
    [
      "appeal_day_rollups order by department_id, day, type",
      "appeal_month_rollups order by department_id, month, type",
      "appeal_total_day_rollups order by day, type",
    ].map((table) => handle.rows(sql.raw(`select * from ${table}`))),
  );
}

async function expectRollupsAsRebuilt() {
  const incremental = await rollupContent();
  await rebuildAllRollups(handle.db, TZ);
  expect(incremental).toEqual(await rollupContent());
}

const settings = (fields: Record<string, string>) => admin.post("/admin/settings", fields);

/** The page a saved form redirects to: it renders, with the notice of what was saved. */
async function followed(response: Response): Promise<string> {
  expect(response.status).toBe(302);
  const page = await admin.get(response.headers.get("location")!.replace(/#.*/, ""));
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('class="notice" role="status"');
  return html;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  fixture = await loadFixture(handle);
  const departmentId = fixture.departments.a.id;
  // Received on Monday 3 March; replies 5, 2 and 5 working days later.
  await handle.db.insert(schema.appeals).values([
    {
      externalId: "S-1",
      departmentId,
      type: "complaint",
      receivedAt: at("2025-03-03T10:00:00"),
      repliedAt: at("2025-03-10T10:00:00"),
    },
    {
      externalId: "S-2",
      departmentId,
      type: "complaint",
      receivedAt: at("2025-03-03T11:00:00"),
      repliedAt: at("2025-03-05T11:00:00"),
    },
    {
      externalId: "S-3",
      departmentId,
      type: "consultation",
      receivedAt: at("2025-03-03T12:00:00"),
      repliedAt: at("2025-03-10T12:00:00"),
    },
  ]);
  await rebuildAllRollups(handle.db, TZ);
  handler = await createAppHandler(handle);
  admin = await signedIn("admin");
});

afterAll(async () => {
  await handle?.close();
});

describe("who may use the settings page", () => {
  it("shows an admin every setting, linked from the admin index", async () => {
    const index = await (await admin.get("/admin")).text();
    expect(index).toContain('href="/admin/settings"');
    const response = await admin.get("/admin/settings?year=2025");
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const id of [
      "targets",
      "reply-limits",
      "rectification-limits",
      "data-quality",
      "calendar",
    ])
      expect(html).toContain(`id="${id}"`);
    expect(html).toContain('id="on_time_reply_rate-amberFrom"');
    expect(html).toContain('id="reply-complaint"');
    // The packaged official days of 2025: Spring Festival, and a 调休 working Sunday.
    expect(html).toMatch(/春节/);
    expect(html).toContain('dateTime="2025-01-26"');
  });

  it("refuses other roles (403) and sends anonymous visitors to sign in", async () => {
    for (const role of ["leader", "steward", "evaluator"]) {
      const client = await signedIn(role);
      expect((await client.get("/admin/settings")).status, role).toBe(403);
      const before = await auditCount();
      const post = await client.post("/admin/settings", { intent: "stale", staleAfterDays: "9" });
      expect(post.status, role).toBe(403);
      expect(await auditCount()).toBe(before);
    }
    const anonymous = new TestClient(handler);
    const response = await anonymous.get("/admin/settings");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/login/);
  });

  it("refuses a post without the CSRF token", async () => {
    const response = await admin.post(
      "/admin/settings",
      { intent: "stale", staleAfterDays: "9" },
      { csrf: null },
    );
    expect(response.status).toBe(403);
  });

  it("answers 400 for a year that is not one", async () => {
    expect((await admin.get("/admin/settings?year=20x5")).status).toBe(400);
  });
});

describe("reply time limits", () => {
  it("a shorter complaint limit lowers the on-time rate at once, as a rebuild would", async () => {
    expect((await appealKpisFromRollups(handle.db, MARCH)).onTimeReplyRate).toBe(1);
    const response = await settings({
      intent: "replyLimits",
      "reply-complaint": "3",
      "reply-consultation": "5",
      "reply-suggestion": "5",
      "reply-praise": "5",
    });
    expect(response.headers.get("location")).toContain("done=replyLimits");
    await followed(response);
    // S-1 replied on the 5th working day: late with 3; S-2 and the consultation stay on time.
    expect((await appealKpisFromRollups(handle.db, MARCH)).onTimeReplyRate).toBeCloseTo(2 / 3);
    const event = await lastAudit("settings.reply_limits_update");
    expect(event).toMatchObject({
      actorName: "admin",
      before: { complaint: 5 },
      after: { complaint: 3 },
    });
    await expectRollupsAsRebuilt();
    const html = await (await admin.get("/admin/settings")).text();
    expect(html).toMatch(/id="reply-complaint"[^>]*value="3"/);
  });

  it("refuses a limit out of 1..365 with the field named, storing nothing", async () => {
    const before = await auditCount();
    const response = await settings({
      intent: "replyLimits",
      "reply-complaint": "0",
      "reply-consultation": "366",
      "reply-suggestion": "x",
      "reply-praise": "5",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    for (const id of ["reply-complaint", "reply-consultation", "reply-suggestion"]) {
      expect(html).toContain(`id="${id}-error"`);
      expect(html).toContain(`href="#${id}"`);
    }
    expect(html).not.toContain('id="reply-praise-error"');
    const limits = await handle.db.select().from(schema.replyTimeLimits);
    expect(Object.fromEntries(limits.map((row) => [row.appealType, row.workingDays]))).toEqual({
      complaint: 3,
      consultation: 5,
      suggestion: 5,
      praise: 5,
    });
    expect(await auditCount()).toBe(before);
  });
});

describe("targets and bands", () => {
  const tileBand = async () => {
    const html = await (await admin.get(`/dashboard?from=${MARCH.from}&to=${MARCH.to}`)).text();
    return /class="kpi-tile band-(\w+)" aria-labelledby="tile-on_time_reply_rate"/.exec(html)?.[1];
  };
  const target = async (kpi: string) =>
    (await handle.db.select().from(schema.kpiTargets).where(eq(schema.kpiTargets.kpi, kpi)))[0];

  it("a lower target recolours the tile", async () => {
    // On-time 2/3 ≈ 66.7 % against ≥ 95 % (amber from 90 %): red.
    expect(await tileBand()).toBe("red");
    const response = await settings({
      intent: "target",
      kpi: "on_time_reply_rate",
      direction: "at_least",
      target: "0.7",
      targetMax: "",
      amberFrom: "0.6",
      amberTo: "",
    });
    expect(await followed(response)).toMatch(/已保存目标值 按时答复率|Saved the target of On-time/);
    expect(await tileBand()).toBe("amber");
    const event = await lastAudit("settings.target_update");
    expect(event).toMatchObject({
      objectKind: "setting",
      objectId: "on_time_reply_rate",
      before: { direction: "at_least", target: 0.95, amberFrom: 0.9, targetMax: null },
      after: { direction: "at_least", target: 0.7, amberFrom: 0.6, targetMax: null },
    });
  });

  it("refuses an amber edge on the wrong side, naming it, and stores nothing", async () => {
    const before = await auditCount();
    const response = await settings({
      intent: "target",
      kpi: "on_time_reply_rate",
      direction: "at_least",
      target: "0.7",
      targetMax: "",
      amberFrom: "0.8",
      amberTo: "",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('id="on_time_reply_rate-amberFrom-error"');
    expect(html).toContain('href="#on_time_reply_rate-amberFrom"');
    // The posted value is shown again for correction.
    expect(html).toMatch(/id="on_time_reply_rate-amberFrom"[^>]*value="0.8"/);
    expect((await target("on_time_reply_rate"))?.amberFrom).toBe("0.6");
    expect(await auditCount()).toBe(before);
  });

  it("refuses a between target whose upper edge is below the lower one", async () => {
    const response = await settings({
      intent: "target",
      kpi: "budget_execution",
      direction: "between",
      target: "1.1",
      targetMax: "0.9",
      amberFrom: "0.7",
      amberTo: "1.3",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('id="budget_execution-targetMax-error"');
    expect(await target("budget_execution")).toMatchObject({ target: "0.90", targetMax: "1.10" });
  });

  it("refuses an unknown KPI or a number that is not one", async () => {
    const unknown = await settings({
      intent: "target",
      kpi: "no_such_kpi",
      direction: "at_least",
      target: "1",
      targetMax: "",
      amberFrom: "",
      amberTo: "",
    });
    expect(unknown.status).toBe(400);
    const nan = await settings({
      intent: "target",
      kpi: "cpi",
      direction: "at_least",
      target: "abc",
      targetMax: "",
      amberFrom: "",
      amberTo: "",
    });
    expect(nan.status).toBe(400);
    expect(await nan.text()).toContain('id="cpi-target-error"');
    expect((await target("cpi"))?.target).toBe("0.90");
  });
});

describe("the calendar", () => {
  it("an override by date changes working days at once, as a rebuild would", async () => {
    expect((await appealKpisFromRollups(handle.db, MARCH)).medianReplyWorkingDays).toBe(5);
    const response = await settings({
      intent: "calendarSet",
      date: "2025-03-04",
      working: "no",
      name: "县级停工日",
    });
    expect(response.headers.get("location")).toContain("year=2025");
    expect(await followed(response)).toContain("县级停工日");
    // Tuesday off: replies took 4, 1 and 4 working days.
    expect((await appealKpisFromRollups(handle.db, MARCH)).medianReplyWorkingDays).toBe(4);
    await expectRollupsAsRebuilt();
    const [row] = await handle.db
      .select()
      .from(schema.calendarDays)
      .where(eq(schema.calendarDays.date, "2025-03-04"));
    expect(row).toMatchObject({ isWorking: false, source: "import", batchId: null });
    expect(await lastAudit("calendar.override_set")).toMatchObject({
      objectId: "2025-03-04",
      before: null,
      after: { isWorking: false, name: "县级停工日", source: "import" },
    });
    const html = await (await admin.get("/admin/settings?year=2025")).text();
    expect(html).toContain('dateTime="2025-03-04"');
    expect(html).toContain("县级停工日");
  });

  it("removing the override brings back the default rule and the figures", async () => {
    const response = await settings({ intent: "calendarRemove", date: "2025-03-04" });
    await followed(response);
    expect((await appealKpisFromRollups(handle.db, MARCH)).medianReplyWorkingDays).toBe(5);
    expect(
      await handle.db
        .select()
        .from(schema.calendarDays)
        .where(eq(schema.calendarDays.date, "2025-03-04")),
    ).toEqual([]);
    expect(await lastAudit("calendar.override_remove")).toMatchObject({
      objectId: "2025-03-04",
      before: { isWorking: false, source: "import" },
      after: null,
    });
    await expectRollupsAsRebuilt();
  });

  it("an override of an official day falls back to the official day when removed", async () => {
    // 2025-01-26 is a 调休 working Sunday in the package.
    await settings({ intent: "calendarSet", date: "2025-01-26", working: "no", name: "" });
    await settings({ intent: "calendarRemove", date: "2025-01-26" });
    const [row] = await handle.db
      .select()
      .from(schema.calendarDays)
      .where(eq(schema.calendarDays.date, "2025-01-26"));
    expect(row).toMatchObject({ isWorking: true, source: "package" });
  });

  it("refuses a date that does not exist, and removing a day without an override", async () => {
    const before = await auditCount();
    const bad = await settings({ intent: "calendarSet", date: "2025-02-30", working: "no" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('id="calendar-date-error"');
    const missing = await settings({ intent: "calendarSet", date: "2025-03-07", working: "" });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('id="calendar-working-error"');
    const official = await settings({ intent: "calendarRemove", date: "2025-01-28" });
    expect(official.status).toBe(400);
    expect(await auditCount()).toBe(before);
    expect(
      await handle.db
        .select()
        .from(schema.calendarDays)
        .where(eq(schema.calendarDays.date, "2025-03-07")),
    ).toEqual([]);
  });

  it("flags a year the packaged holiday data does not cover", async () => {
    const html = await (await admin.get("/admin/settings?year=2099")).text();
    expect(html).toMatch(/2099 年没有官方节假日数据|No official holiday data for 2099/);
    const covered = await (await admin.get("/admin/settings?year=2025")).text();
    expect(covered).not.toMatch(/2025 年没有官方节假日数据|No official holiday data for 2025/);
  });
});

describe("rectification limits and the calendar for cases", () => {
  let ratingCount = 0;
  /** A bad review of department A's project rated on Monday 3 March 2025, and its case. */
  async function newCase() {
    ratingCount += 1;
    const [project] = await handle.db
      .select({ id: schema.projects.id })
      .from(schema.projects)
      .where(eq(schema.projects.code, fixture.projects.a));
    const [rating] = await handle.db
      .insert(schema.ratings)
      .values({
        externalId: `SET-${ratingCount}`,
        target: "project",
        projectId: project!.id,
        score: 1,
        ratedAt: at("2025-03-03T09:00:00"),
      })
      .returning({ id: schema.ratings.id });
    await handle.db.transaction((tx) =>
      openCasesForBadReviews(tx, { timeZone: TZ, ratingIds: [rating!.id] }),
    );
    const [found] = await handle.db
      .select()
      .from(schema.rectificationCases)
      .where(eq(schema.rectificationCases.ratingId, rating!.id));
    return found!;
  }
  const caseNow = async (id: number) =>
    (
      await handle.db
        .select()
        .from(schema.rectificationCases)
        .where(eq(schema.rectificationCases.id, id))
    )[0]!;

  it("a calendar override moves a new case's deadline, not an open one's", async () => {
    const open = await newCase();
    expect(open).toMatchObject({ limitWorkingDays: 5, deadline: "2025-03-10" });
    await settings({ intent: "calendarSet", date: "2025-03-05", working: "no", name: "停工" });
    const later = await newCase();
    expect(later.deadline).toBe("2025-03-11");
    expect((await caseNow(open.id)).deadline).toBe("2025-03-10");
    await settings({ intent: "calendarRemove", date: "2025-03-05" });
  });

  it("a changed limit applies to new cases only, as the page says", async () => {
    const open = await newCase();
    const html = await (await admin.get("/admin/settings")).text();
    expect(html).toMatch(/只适用于此后新开的案件|applies to new cases only/);
    const response = await settings({
      intent: "rectificationLimits",
      "rectification-rating": "3",
      "rectification-red_flag": "10",
    });
    expect(response.status).toBe(302);
    const later = await newCase();
    expect(later).toMatchObject({ limitWorkingDays: 3, deadline: "2025-03-06" });
    expect(await caseNow(open.id)).toMatchObject({ limitWorkingDays: 5, deadline: "2025-03-10" });
    expect(await lastAudit("settings.rectification_limits_update")).toMatchObject({
      before: { rating: 5, red_flag: 15 },
      after: { rating: 3, red_flag: 10 },
    });
  });

  it("refuses a limit out of range and stores nothing", async () => {
    const response = await settings({
      intent: "rectificationLimits",
      "rectification-rating": "400",
      "rectification-red_flag": "10",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('id="rectification-rating-error"');
    const rows = await handle.db
      .select()
      .from(schema.rectificationLimits)
      .orderBy(asc(schema.rectificationLimits.source));
    expect(rows.map((row) => row.workingDays)).toEqual([3, 10]);
  });
});

describe("the stale-data period", () => {
  const departments = () => [{ ...fixture.departments.a, name: "甲部门" }];
  // The latest appeal day is 3 March; 30 days later the data is stale only under 30 days.
  const range = { from: "2025-03-01", to: "2025-04-02" };

  it("is 45 days until changed, then what the admin set, on the data-quality page too", async () => {
    let quality = await loadDataQuality(handle.db, departments(), range);
    expect(quality.staleAfterDays).toBe(45);
    expect(quality.rows[0]?.cells.appeals.stale).toBe(false);
    const response = await settings({ intent: "stale", staleAfterDays: "20" });
    expect(response.status).toBe(302);
    quality = await loadDataQuality(handle.db, departments(), range);
    expect(quality.staleAfterDays).toBe(20);
    expect(quality.rows[0]?.cells.appeals.stale).toBe(true);
    const [meta] = await handle.db
      .select()
      .from(schema.appMeta)
      .where(eq(schema.appMeta.key, "data_quality_stale_after_days"));
    expect(meta?.value).toBe("20");
    expect(await lastAudit("settings.stale_period_update")).toMatchObject({
      before: { days: 45 },
      after: { days: 20 },
    });
    const page = await (
      await admin.get(`/dashboard/data-quality?from=${range.from}&to=${range.to}`)
    ).text();
    expect(page).toMatch(/20 天|20 days/);
  });

  it("refuses a period that is not a whole number of days from 1 to 3650", async () => {
    for (const value of ["0", "3651", "1.5", ""]) {
      const response = await settings({ intent: "stale", staleAfterDays: value });
      expect(response.status, value).toBe(400);
      expect(await response.text()).toContain('id="staleAfterDays-error"');
    }
    const rows = await handle.db
      .select()
      .from(schema.appMeta)
      .where(and(eq(schema.appMeta.key, "data_quality_stale_after_days")));
    expect(rows[0]?.value).toBe("20");
  });

  it("answers 400 to an unknown intent", async () => {
    expect((await settings({ intent: "nonsense" })).status).toBe(400);
  });
});
