/**
 * The rectification loop's pages through the real server: the case list per role, a case
 * answered, returned, answered again and accepted over HTTP, the forms' validation (which
 * changes nothing), the scope (another department's case is a 404) and a supervision
 * notice issued from the red-flags page.
 */
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.server";
import { openCasesForBadReviews } from "../../db/queries/rectification.server";
import * as schema from "../../db/schema/index";
import { createAppHandler, TestClient } from "../support/app-client";
import { FIXTURE_PASSWORD, loadFixture, type Fixture } from "../support/fixture";
import { createTestDatabase } from "../setup/test-database";

let handle: DbHandle;
let fixture: Fixture;
let handler: (request: Request) => Promise<Response>;
/** The bad review's case of each department. */
let caseA: number;
let caseB: number;

async function signedIn(username: string): Promise<TestClient> {
  const client = new TestClient(handler, `198.51.100.${Math.floor(Math.random() * 200) + 20}`);
  const response = await client.signIn(username, FIXTURE_PASSWORD);
  expect(response.status, `sign-in of ${username}`).toBe(302);
  return client;
}

const page = (id: number) => `/supervision/cases/${id}`;

async function stored(id: number) {
  const [row] = await handle.db
    .select({
      state: schema.rectificationCases.state,
      closedOn: schema.rectificationCases.closedOn,
    })
    .from(schema.rectificationCases)
    .where(eq(schema.rectificationCases.id, id));
  const steps = await handle.db
    .select({ kind: schema.rectificationSteps.kind, comment: schema.rectificationSteps.comment })
    .from(schema.rectificationSteps)
    .where(eq(schema.rectificationSteps.caseId, id))
    .orderBy(asc(schema.rectificationSteps.id));
  return { state: row?.state, closedOn: row?.closedOn ?? null, steps: steps.map((s) => s.kind) };
}

async function auditActions(id: number): Promise<string[]> {
  const rows = await handle.db
    .select({ action: schema.auditEvents.action })
    .from(schema.auditEvents)
    .where(
      and(
        eq(schema.auditEvents.objectKind, "rectification_case"),
        eq(schema.auditEvents.objectId, String(id)),
      ),
    )
    .orderBy(asc(schema.auditEvents.id));
  return rows.map((row) => row.action);
}

beforeAll(async () => {
  handle = await createTestDatabase();
  fixture = await loadFixture(handle);
  const db = handle.db;
  const projects = await db
    .select({ id: schema.projects.id, code: schema.projects.code })
    .from(schema.projects);
  const projectId = (code: string) => projects.find((p) => p.code === code)!.id;
  await db.insert(schema.ratings).values([
    {
      externalId: "SUP-A",
      target: "project",
      projectId: projectId(fixture.projects.a),
      score: 1,
      ratedAt: new Date(),
      comment: "窗口排队两个小时无人处理",
      commentState: "approved",
    },
    {
      externalId: "SUP-B",
      target: "project",
      projectId: projectId(fixture.projects.b),
      score: 2,
      ratedAt: new Date(),
    },
  ]);
  await db.transaction((tx) => openCasesForBadReviews(tx, { timeZone: "Asia/Shanghai" }));
  const cases = await db
    .select({
      id: schema.rectificationCases.id,
      departmentId: schema.rectificationCases.departmentId,
    })
    .from(schema.rectificationCases);
  caseA = cases.find((c) => c.departmentId === fixture.departments.a.id)!.id;
  caseB = cases.find((c) => c.departmentId === fixture.departments.b.id)!.id;
  handler = await createAppHandler(handle);
});

afterAll(async () => {
  await handle?.close();
});

describe("the case list", () => {
  it("shows a leader every department's cases, with counts and the year's figures", async () => {
    const leader = await signedIn("leader");
    const response = await leader.get("/supervision/cases");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`href="${page(caseA)}"`);
    expect(html).toContain(`href="${page(caseB)}"`);
    expect(html).toContain("甲部门");
    expect(html).toContain("乙部门");
    expect(html).toMatch(/差评（1 分）|Bad review \(score 1\)/);
    expect(html).toMatch(/未关闭|Open \(not closed\)/);
    expect(html).toMatch(/按期整改率|On-time rate/);
  });

  it("shows a steward only its department's cases", async () => {
    const steward = await signedIn("steward");
    const html = await (await steward.get("/supervision/cases")).text();
    expect(html).toContain(`href="${page(caseA)}"`);
    expect(html).not.toContain(`href="${page(caseB)}"`);
    expect(html).not.toContain("乙部门");
  });

  it("filters by department and state from the URL", async () => {
    const leader = await signedIn("leader");
    const byDepartment = await (
      await leader.get(`/supervision/cases?department=${fixture.departments.b.code}`)
    ).text();
    expect(byDepartment).toContain(`href="${page(caseB)}"`);
    expect(byDepartment).not.toContain(`href="${page(caseA)}"`);
    const closed = await (await leader.get("/supervision/cases?state=closed&source=rating")).text();
    expect(closed).not.toContain(`href="${page(caseA)}"`);
  });

  it("refuses an evaluator (403) and sends the anonymous to sign in", async () => {
    const evaluator = await signedIn("evaluator");
    expect((await evaluator.get("/supervision/cases")).status).toBe(403);
    expect((await evaluator.get(page(caseA))).status).toBe(403);
    const anonymous = new TestClient(handler);
    const response = await anonymous.get("/supervision/cases");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/login/);
  });

  it("puts the section in the navigation of leader, admin and steward only", async () => {
    for (const username of ["leader", "admin", "steward"]) {
      const client = await signedIn(username);
      const html = await (await client.get("/dashboard")).text();
      expect(html, username).toContain('href="/supervision/cases"');
    }
    const evaluator = await signedIn("evaluator");
    expect(await (await evaluator.get("/evaluation")).text()).not.toContain(
      'href="/supervision/cases"',
    );
  });
});

describe("a case", () => {
  it("is a 404 for another department's steward, an unknown id and an id beyond int", async () => {
    const steward = await signedIn("steward");
    expect((await steward.get(page(caseB))).status).toBe(404);
    const before = await stored(caseB);
    const answer = await steward.post(page(caseB), {
      intent: "answer",
      found: "x",
      done: "y",
      evidence: "",
    });
    expect(answer.status).toBe(404);
    expect(await stored(caseB)).toEqual(before);
    expect((await steward.get("/supervision/cases/999999")).status).toBe(404);
    expect((await steward.get("/supervision/cases/2147483648")).status).toBe(404);
    expect((await steward.get("/supervision/cases/01")).status).toBe(404);
  });

  it("shows the approved comment, the limit in force at opening and the answer form", async () => {
    const steward = await signedIn("steward");
    const html = await (await steward.get(page(caseA))).text();
    expect(html).toContain("窗口排队两个小时无人处理");
    expect(html).toMatch(/5 个工作日|5 working days/);
    expect(html).toMatch(/时限以立案时的设置为准|the one in force when the case opened/);
    expect(html).toContain('name="found"');
    expect(html).not.toContain('value="decide"');
  });

  it("refuses an incomplete answer or a bad evidence link, changing nothing", async () => {
    const steward = await signedIn("steward");
    const empty = await steward.post(page(caseA), {
      intent: "answer",
      found: " ",
      done: "",
      evidence: "",
    });
    expect(empty.status).toBe(400);
    const emptyHtml = await empty.text();
    expect(emptyHtml).toContain('class="error-summary"');
    expect(emptyHtml).toContain('href="#found"');
    expect(emptyHtml).toContain('href="#done"');
    const badLink = await steward.post(page(caseA), {
      intent: "answer",
      found: "排队叫号系统故障",
      done: "已更换叫号设备",
      evidence: "javascript:alert(1)",
    });
    expect(badLink.status).toBe(400);
    const badHtml = await badLink.text();
    expect(badHtml).toContain('href="#evidence"');
    // What was typed is kept, so nothing is lost.
    expect(badHtml).toContain("排队叫号系统故障");
    expect(await stored(caseA)).toMatchObject({ state: "open", steps: [] });
  });

  it("goes through answer → return → answer → accept over HTTP, each step audited", async () => {
    const steward = await signedIn("steward");
    const leader = await signedIn("leader");

    // A leader cannot answer for the department.
    const leaderAnswer = await leader.post(page(caseA), {
      intent: "answer",
      found: "x",
      done: "y",
      evidence: "",
    });
    expect(leaderAnswer.status).toBe(403);

    const answered = await steward.post(page(caseA), {
      intent: "answer",
      found: "排队叫号系统故障",
      done: "已更换叫号设备并增加窗口",
      evidence: "https://example.gov.cn/evidence/1",
    });
    expect(answered.status).toBe(302);
    expect(answered.headers.get("Location")).toBe(`${page(caseA)}?done=answered`);
    expect((await stored(caseA)).state).toBe("answered");

    // A steward cannot decide; a return needs its comment.
    expect((await steward.post(page(caseA), { intent: "decide", decision: "accept" })).status).toBe(
      403,
    );
    const noComment = await leader.post(page(caseA), {
      intent: "decide",
      decision: "return",
      comment: "  ",
    });
    expect(noComment.status).toBe(400);
    expect(await noComment.text()).toContain('href="#comment"');
    expect((await stored(caseA)).state).toBe("answered");

    const leaderView = await (await leader.get(page(caseA))).text();
    expect(leaderView).toContain('value="decide"');
    expect(leaderView).toContain('href="https://example.gov.cn/evidence/1"');

    const returned = await leader.post(page(caseA), {
      intent: "decide",
      decision: "return",
      comment: "请补充整改前后对比照片",
    });
    expect(returned.status).toBe(302);
    expect((await stored(caseA)).state).toBe("returned");

    const again = await steward.post(page(caseA), {
      intent: "answer",
      found: "排队叫号系统故障",
      done: "已补充对比照片",
      evidence: "",
    });
    expect(again.status).toBe(302);

    const accepted = await leader.post(page(caseA), {
      intent: "decide",
      decision: "accept",
      comment: "",
    });
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("Location")).toBe(`${page(caseA)}?done=accepted`);
    const final = await stored(caseA);
    expect(final.state).toBe("closed");
    expect(final.closedOn).not.toBeNull();
    expect(final.steps).toEqual(["answered", "returned", "answered", "accepted"]);

    const html = await (await steward.get(page(caseA))).text();
    expect(html).toContain("请补充整改前后对比照片");
    expect(html).toContain("已补充对比照片");
    expect(html).toMatch(/验收通过|Accepted/);
    expect(html).not.toContain('name="found"');
    expect(await auditActions(caseA)).toEqual([
      "rectification.answered",
      "rectification.returned",
      "rectification.answered",
      "rectification.accepted",
    ]);
  });

  it("tells the second of two deciding leaders that the state changed, changing nothing", async () => {
    // An admin may answer for any department.
    const admin = await signedIn("admin");
    await admin.post(page(caseB), { intent: "answer", found: "a", done: "b", evidence: "" });
    const leader = await signedIn("leader");
    expect(
      (await leader.post(page(caseB), { intent: "decide", decision: "accept", comment: "" }))
        .status,
    ).toBe(302);
    const late = await admin.post(page(caseB), {
      intent: "decide",
      decision: "return",
      comment: "再改",
    });
    expect(late.status).toBe(409);
    expect(await late.text()).toMatch(/案件状态已变化|state has changed/);
    expect((await stored(caseB)).steps).toEqual(["answered", "accepted"]);
  });

  it("refuses a post without the CSRF token", async () => {
    const steward = await signedIn("steward");
    const response = await steward.post(
      page(caseA),
      { intent: "answer", found: "x", done: "y" },
      { csrf: null },
    );
    expect(response.status).toBe(403);
  });
});

describe("a supervision notice from the red-flags page", () => {
  const flag = { rule: "cost-variance-red", subject: "project" };

  it("opens a case for the flagged project's department and leads to it", async () => {
    const leader = await signedIn("leader");
    const missingNote = await leader.post("/dashboard/red-flags", {
      ...flag,
      code: fixture.projects.b,
      note: "",
    });
    expect(missingNote.status).toBe(400);
    expect(await missingNote.text()).toContain('class="error-summary"');
    const unknown = await leader.post("/dashboard/red-flags", {
      ...flag,
      code: "NO-SUCH-PROJECT",
      note: "请说明",
    });
    expect(unknown.status).toBe(400);
    const mismatched = await leader.post("/dashboard/red-flags", {
      rule: "cost-variance-red",
      subject: "department",
      code: fixture.departments.b.code,
      note: "请说明",
    });
    expect(mismatched.status).toBe(400);
    expect(
      await handle.db
        .select()
        .from(schema.rectificationCases)
        .where(eq(schema.rectificationCases.source, "red_flag")),
    ).toHaveLength(0);

    const issued = await leader.post("/dashboard/red-flags", {
      ...flag,
      code: fixture.projects.b,
      note: "成本偏差超过红线，请十五个工作日内说明原因",
    });
    expect(issued.status).toBe(302);
    const location = issued.headers.get("Location") ?? "";
    const id = Number(/^\/supervision\/cases\/(\d+)\?done=notice$/.exec(location)?.[1]);
    const [notice] = await handle.db
      .select()
      .from(schema.rectificationCases)
      .where(eq(schema.rectificationCases.id, id));
    expect(notice).toMatchObject({
      source: "red_flag",
      departmentId: fixture.departments.b.id,
      flagRule: "cost-variance-red",
      flagSubject: `project:${fixture.projects.b}`,
      limitWorkingDays: 15,
      openedBy: fixture.users.leader,
    });
    const html = await (await leader.get(location)).text();
    expect(html).toContain("成本偏差超过红线");

    // A second press leads to the open case instead of a second one.
    const again = await leader.post("/dashboard/red-flags", {
      ...flag,
      code: fixture.projects.b,
      note: "再次督办",
    });
    expect(again.headers.get("Location")).toBe(`/supervision/cases/${id}`);
    // Not A's steward's case: a 404 for them.
    const steward = await signedIn("steward");
    expect((await steward.get(`/supervision/cases/${id}`)).status).toBe(404);
  });

  it("is refused to a steward, who sees no notice form", async () => {
    const steward = await signedIn("steward");
    const response = await steward.post("/dashboard/red-flags", {
      ...flag,
      code: fixture.projects.a,
      note: "督办",
    });
    expect(response.status).toBe(403);
    const html = await (await steward.get("/dashboard/red-flags")).text();
    expect(html).not.toContain('name="note"');
  });
});
