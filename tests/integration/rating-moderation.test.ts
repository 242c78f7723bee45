/**
 * Citizen ratings (好差评) through the real server: comments scrubbed at import, the
 * service rating figures (an upheld appeal leaves them, a dismissed one stays), the
 * moderation queue's scope per role, appeals and their audit trail.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.server";
import { runImport } from "../../db/import/run-import.server";
import { previewImportFile } from "../../db/import/preview.server";
import { loadProjectRatings } from "../../db/queries/rating-figures.server";
import * as schema from "../../db/schema/index";
import { createAppHandler, TestClient } from "../support/app-client";
import { FIXTURE_PASSWORD, loadFixture, type Fixture } from "../support/fixture";
import { createTestDatabase } from "../setup/test-database";

const TZ = "Asia/Shanghai";
const PHONE = "13812345678";
const ID_NUMBER = "11010519491231002X";
const EMAIL = "zhang.wei@example.com";
/** The dashboard period the figures are read over, and a day inside it. */
const RANGE = "from=2025-01-01&to=2025-12-31";
const RATED_AT = new Date("2025-06-15T02:00:00Z");

let handle: DbHandle;
let fixture: Fixture;
let handler: (request: Request) => Promise<Response>;
let directory: string;
/** Ratings inserted for the tests, by a name. */
const ids: Record<string, number> = {};

async function signedIn(username: string): Promise<TestClient> {
  const client = new TestClient(handler, `198.51.100.${Math.floor(Math.random() * 200) + 20}`);
  const response = await client.signIn(username, FIXTURE_PASSWORD);
  expect(response.status, `sign-in of ${username}`).toBe(302);
  return client;
}

async function projectId(code: string): Promise<number> {
  const [row] = await handle.db
    .select({ id: schema.projects.id })
    .from(schema.projects)
    .where(eq(schema.projects.code, code));
  return row!.id;
}

async function rating(name: string) {
  const [row] = await handle.db
    .select()
    .from(schema.ratings)
    .where(eq(schema.ratings.id, ids[name]!));
  return row!;
}

async function auditOf(objectKind: string, objectId: number): Promise<string[]> {
  const rows = await handle.db
    .select({ action: schema.auditEvents.action })
    .from(schema.auditEvents)
    .where(
      and(
        eq(schema.auditEvents.objectKind, objectKind),
        eq(schema.auditEvents.objectId, String(objectId)),
      ),
    )
    .orderBy(schema.auditEvents.id);
  return rows.map((row) => row.action);
}

async function appealOf(name: string) {
  const [row] = await handle.db
    .select()
    .from(schema.ratingAppeals)
    .where(eq(schema.ratingAppeals.ratingId, ids[name]!));
  return row;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  fixture = await loadFixture(handle);
  directory = fs.mkdtempSync(path.join(os.tmpdir(), "mingjing-ratings-"));
  await handle.db.insert(schema.serviceItems).values([
    { code: "SI-A", name: "甲事项", departmentId: fixture.departments.a.id, maturity: 3 },
    { code: "SI-B", name: "乙事项", departmentId: fixture.departments.b.id, maturity: 3 },
  ]);
  const projectA = await projectId(fixture.projects.a);
  const projectB = await projectId(fixture.projects.b);
  const rows: Array<
    [string, number, number, string | null, "pending" | "approved" | "rejected" | null]
  > = [
    // Project A: scores 5, 4, 3, 2 (appeal dismissed), 1, and a 1 whose appeal is upheld.
    ["a5", projectA, 5, "甲项目好评已通过", "approved"],
    ["a4", projectA, 4, "甲项目待审核评论", "pending"],
    ["a3", projectA, 3, "甲项目已驳回评论", "rejected"],
    ["a2", projectA, 2, null, null],
    ["a1", projectA, 1, null, null],
    ["a1malicious", projectA, 1, "恶意差评", "pending"],
    ["b1", projectB, 1, "乙项目的评论", "pending"],
  ];
  for (const [name, project, score, comment, commentState] of rows) {
    const [inserted] = await handle.db
      .insert(schema.ratings)
      .values({
        externalId: `T-${name}`,
        target: "project",
        projectId: project,
        score,
        ratedAt: RATED_AT,
        comment,
        commentState,
      })
      .returning({ id: schema.ratings.id });
    ids[name] = inserted!.id;
  }
  handler = await createAppHandler(handle);
});

afterAll(async () => {
  await handle.close();
  fs.rmSync(directory, { recursive: true, force: true });
});

describe("importing ratings", () => {
  it("scrubs phone, ID and e-mail from comments: never stored, previewed or reported", async () => {
    const file = path.join(directory, "ratings.csv");
    fs.writeFileSync(
      file,
      [
        "external_id,target,target_code,score,rated_at,comment",
        `IMP-1,service,SI-A,2,2025-06-01 10:00,请回电 ${PHONE} 或 ${EMAIL}`,
        `IMP-2,事项,SI-A,1,2025-06-02 10:00,身份证 ${ID_NUMBER} 办不了`,
        // Invalid (a score out of range): reported without its comment's phone.
        `IMP-3,service,SI-A,9,2025-06-03 10:00,电话 ${PHONE}`,
      ].join("\n"),
    );
    const preview = await previewImportFile(file, { kind: "ratings" });
    expect(JSON.stringify(preview.rows)).not.toContain(PHONE);
    expect(JSON.stringify(preview.rows)).toContain("〔已隐去电话〕");
    const report = await runImport(handle.db, {
      kind: "ratings",
      filePath: file,
      actor: { id: null, name: "test", ip: null },
      scope: null,
      timeZone: TZ,
      skipInvalid: true,
    });
    expect(report.outcome).toBe("committed");
    expect(report.rowsAccepted).toBe(2);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ column: "score", value: "9" });
    expect(JSON.stringify(report)).not.toContain(PHONE);
    const stored = await handle.db
      .select({ comment: schema.ratings.comment, state: schema.ratings.commentState })
      .from(schema.ratings)
      .where(inArray(schema.ratings.externalId, ["IMP-1", "IMP-2"]))
      .orderBy(schema.ratings.externalId);
    expect(stored).toEqual([
      { comment: "请回电 〔已隐去电话〕 或 〔已隐去邮箱〕", state: "pending" },
      { comment: "身份证 〔已隐去证件号〕 办不了", state: "pending" },
    ]);
    const anywhere = await handle.rows<{ n: number }>(
      sql`select count(*)::int as n from ratings where comment like ${`%${PHONE.slice(3)}%`}
          or comment like ${`%${ID_NUMBER.slice(6, 14)}%`} or comment like '%@%'`,
    );
    expect(anywhere[0]?.n).toBe(0);
  });
});

describe("moderation scope", () => {
  it("refuses the evaluator (403) and sends the anonymous to sign in", async () => {
    const evaluator = await signedIn("evaluator");
    for (const url of [
      "/dashboard/ratings",
      "/dashboard/ratings/appeals",
      `/dashboard/ratings/${ids.a4}`,
    ])
      expect((await evaluator.get(url)).status, url).toBe(403);
    const post = await evaluator.post("/dashboard/ratings", { one: `approved:${ids.a4}` });
    expect(post.status).toBe(403);
    const anonymous = new TestClient(handler);
    expect((await anonymous.get("/dashboard/ratings")).status).toBe(302);
  });

  it("shows a steward only its departments' ratings, pending first", async () => {
    const steward = await signedIn("steward");
    const html = await (await steward.get("/dashboard/ratings")).text();
    expect(html).toContain("甲项目待审核评论");
    expect(html).toContain("恶意差评");
    expect(html).not.toContain("乙项目的评论");
    expect(html).not.toContain("甲项目好评已通过"); // approved: not in the pending view
    const leader = await signedIn("leader");
    const all = await (await leader.get("/dashboard/ratings")).text();
    expect(all).toContain("乙项目的评论");
    const approved = await (await leader.get("/dashboard/ratings?state=approved")).text();
    expect(approved).toContain("甲项目好评已通过");
    expect(approved).not.toContain("甲项目待审核评论");
    const onlyB = await (
      await leader.get(`/dashboard/ratings?department=${fixture.departments.b.code}`)
    ).text();
    expect(onlyB).toContain("乙项目的评论");
    expect(onlyB).not.toContain("甲项目待审核评论");
  });

  it("answers 404 to a steward for another department's filter, rating and writes", async () => {
    const steward = await signedIn("steward");
    expect(
      (await steward.get(`/dashboard/ratings?department=${fixture.departments.b.code}`)).status,
    ).toBe(404);
    expect((await steward.get(`/dashboard/ratings/${ids.b1}`)).status).toBe(404);
    expect(
      (await steward.get(`/dashboard/ratings/appeals?department=${fixture.departments.b.code}`))
        .status,
    ).toBe(404);
    expect((await steward.post("/dashboard/ratings", { one: `approved:${ids.b1}` })).status).toBe(
      404,
    );
    // One id outside the scope refuses the whole selection.
    const bulk = new URLSearchParams({ bulk: "approved", csrf: await steward.csrfToken() });
    bulk.append("id", String(ids.a4));
    bulk.append("id", String(ids.b1));
    const mixed = await steward.request("/dashboard/ratings", {
      method: "POST",
      body: bulk,
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: steward.origin,
      },
    });
    expect(mixed.status).toBe(404);
    expect(
      (await steward.post(`/dashboard/ratings/${ids.b1}`, { intent: "approved" })).status,
    ).toBe(404);
    expect(
      (await steward.post(`/dashboard/ratings/${ids.b1}`, { intent: "appeal", reason: "恶意" }))
        .status,
    ).toBe(404);
    expect((await rating("b1")).commentState).toBe("pending");
    expect((await rating("a4")).commentState).toBe("pending");
    expect(await appealOf("b1")).toBeUndefined();
  });
});

describe("moderating comments", () => {
  it("pending and rejected comments never reach the project or department page", async () => {
    const leader = await signedIn("leader");
    for (const url of [
      `/dashboard/projects/${fixture.projects.a}?${RANGE}`,
      `/dashboard/departments/${fixture.departments.a.code}?${RANGE}`,
    ]) {
      const html = await (await leader.get(url)).text();
      expect(html, url).toContain("甲项目好评已通过");
      expect(html, url).not.toContain("甲项目待审核评论");
      expect(html, url).not.toContain("甲项目已驳回评论");
      expect(html, url).not.toContain("恶意差评");
      const data = await (await leader.get(url.replace("?", ".data?"))).text();
      expect(data, url).not.toContain("甲项目待审核评论");
    }
  });

  it("a steward accepts one comment and rejects the selected, each an audit event", async () => {
    const steward = await signedIn("steward");
    const one = await steward.post("/dashboard/ratings?state=pending", {
      one: `approved:${ids.a4}`,
    });
    expect(one.status).toBe(303);
    expect(one.headers.get("location")).toBe("/dashboard/ratings?state=pending&done=1");
    const approved = await rating("a4");
    expect(approved.commentState).toBe("approved");
    expect(approved.moderatedBy).toBe(fixture.users.steward);
    expect(approved.moderatedAt).not.toBeNull();
    expect(await auditOf("rating", ids.a4!)).toEqual(["rating.comment_approved"]);

    const bulk = new URLSearchParams({ bulk: "rejected", csrf: await steward.csrfToken() });
    bulk.append("id", String(ids.a1malicious));
    const rejected = await steward.request("/dashboard/ratings", {
      method: "POST",
      body: bulk,
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: steward.origin },
    });
    expect(rejected.status).toBe(303);
    expect((await rating("a1malicious")).commentState).toBe("rejected");
    expect(await auditOf("rating", ids.a1malicious!)).toEqual(["rating.comment_rejected"]);

    const page = await (
      await steward.get(`/dashboard/projects/${fixture.projects.a}?${RANGE}`)
    ).text();
    expect(page).toContain("甲项目待审核评论");
    expect(page).not.toContain("恶意差评");
  });

  it("says so when nothing is selected, and refuses a rating without a comment", async () => {
    const leader = await signedIn("leader");
    const none = await leader.post("/dashboard/ratings", { bulk: "approved" });
    expect(none.status).toBe(400);
    expect(await none.text()).toContain("请至少选择一条评价");
    const noComment = await leader.post("/dashboard/ratings", { one: `approved:${ids.a2}` });
    expect(noComment.status).toBe(409);
  });
});

describe("appeals", () => {
  it("files one appeal per rating, with a reason, from the rated department's steward", async () => {
    const steward = await signedIn("steward");
    const empty = await steward.post(`/dashboard/ratings/${ids.a1malicious}`, {
      intent: "appeal",
      reason: "  ",
    });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('href="#reason"');
    for (const name of ["a1malicious", "a2"]) {
      const filed = await steward.post(`/dashboard/ratings/${ids[name]}`, {
        intent: "appeal",
        reason: `恶意评价：${name}`,
      });
      expect(filed.status, name).toBe(303);
    }
    const again = await steward.post(`/dashboard/ratings/${ids.a2}`, {
      intent: "appeal",
      reason: "再次申诉",
    });
    expect(again.status).toBe(409);
    const appeal = await appealOf("a1malicious");
    expect(appeal).toMatchObject({ state: "pending", filedBy: fixture.users.steward });
    expect(await auditOf("rating_appeal", appeal!.id)).toEqual(["rating.appeal_filed"]);
    // The steward reads the list but does not decide.
    const list = await (await steward.get("/dashboard/ratings/appeals")).text();
    expect(list).toContain("恶意评价：a1malicious");
    const decide = await steward.post("/dashboard/ratings/appeals", {
      appeal: String(appeal!.id),
      decision: "upheld",
      reason: "x",
    });
    expect(decide.status).toBe(403);
  });

  it("the leader decides with a required reason; two decisions at once: one wins", async () => {
    const leader = await signedIn("leader");
    const upheld = (await appealOf("a1malicious"))!;
    const dismissed = (await appealOf("a2"))!;
    const noReason = await leader.post("/dashboard/ratings/appeals", {
      appeal: String(upheld.id),
      decision: "upheld",
      reason: " ",
    });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain(`href="#reason-${upheld.id}"`);
    // Two leaders' decisions sent at once: the appeal row's lock lets one through.
    const reasons = ["系统日志证实为批量提交", "同一设备连续差评，系统日志证实为批量提交"];
    const answers = await Promise.all(
      reasons.map((reason) =>
        leader.post("/dashboard/ratings/appeals", {
          appeal: String(upheld.id),
          decision: "upheld",
          reason,
        }),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([303, 409]);
    const winner = reasons[answers.findIndex((answer) => answer.status === 303)];
    const decided = (await appealOf("a1malicious"))!;
    expect(decided).toMatchObject({
      state: "upheld",
      decisionReason: winner,
      decidedBy: fixture.users.leader,
    });
    const dismiss = await leader.post("/dashboard/ratings/appeals", {
      appeal: String(dismissed.id),
      decision: "dismissed",
      reason: "评价者确曾办理，差评有据",
    });
    expect(dismiss.status).toBe(303);
    expect(await auditOf("rating_appeal", upheld.id)).toEqual([
      "rating.appeal_filed",
      "rating.appeal_upheld",
    ]);
    expect(await auditOf("rating_appeal", dismissed.id)).toEqual([
      "rating.appeal_filed",
      "rating.appeal_dismissed",
    ]);
    const list = await (await leader.get("/dashboard/ratings/appeals?state=upheld")).text();
    expect(list).toContain(winner!);
    expect(list).not.toContain("评价者确曾办理");
  });

  it("figures leave out the upheld appeal's rating and keep the dismissed one's", async () => {
    // Counted: 5, 4, 3, 2 (dismissed), 1; the upheld 1 is out. Mean 15 / 5 = 3, bad 2 / 5.
    const figures = await loadProjectRatings(
      handle.db,
      await projectId(fixture.projects.a),
      { from: "2025-01-01", to: "2025-12-31" },
      TZ,
    );
    expect(figures.figures).toEqual({ rated: 5, meanRating: 3, badReviewRate: 0.4 });
    const leader = await signedIn("leader");
    const html = await (
      await leader.get(`/dashboard/projects/${fixture.projects.a}?${RANGE}`)
    ).text();
    const section = html.slice(html.indexOf('id="service-rating"'));
    expect(section).toMatch(/平均分<\/dt><dd><strong>3\.00<\/strong>/);
    expect(section).toMatch(/差评率（1–2 分）<\/dt><dd><strong>40\.0%<\/strong>/);
    expect(section).toMatch(/评价数<\/dt><dd><strong>5<\/strong>/);
    const department = await (
      await leader.get(`/dashboard/departments/${fixture.departments.a.code}?${RANGE}`)
    ).text();
    // The department adds its service item's two imported ratings (2 and 1): 7 counted.
    const part = department.slice(department.indexOf('id="service-rating"'));
    expect(part).toMatch(/评价数<\/dt><dd><strong>7<\/strong>/);
    expect(part).toMatch(/差评率（1–2 分）<\/dt><dd><strong>57\.1%<\/strong>/);
  });
});
