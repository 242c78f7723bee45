/**
 * Moderation of a round through the real server: the leader's view (scores, spread,
 * flags, ICC), starting moderation, returning a score (the evaluator may revise that
 * criterion only, and resubmits), closing (refused while a return is pending; the final
 * scores stored once, through the framework with a KPI-bound criterion), and the stored
 * scores on the project and department pages. Hand-computed figures throughout.
 *
 * Framework FW v1: D1 (0.6): C1 (0.5, 0–100), C2 (0.5, 0–10); D2 (0.4): K1 (0.5, KPI
 * budget_execution on 0–1), C3 (0.5, 0–100). Threshold 20. Projects PRJ-A, PRJ-B, each
 * scored by evaluator and evaluator2; evaluator3 never submits (its 0 on PRJ-A's C1 must
 * not count).
 */
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.server";
import { findResultRound, roundResultsOf } from "../../db/queries/evaluation-results.server";
import { closeRound, startModeration } from "../../db/queries/round-moderation.server";
import { rebuildAllRollups } from "../../db/rollups/rebuild.server";
import * as schema from "../../db/schema/index";
import { createAppHandler, TestClient } from "../support/app-client";
import { FIXTURE_PASSWORD, loadFixture, type Fixture } from "../support/fixture";
import { createTestDatabase } from "../setup/test-database";

let handle: DbHandle;
let fixture: Fixture;
let handler: (request: Request) => Promise<Response>;
let roundId: number;
let criteria: Record<"C1" | "C2" | "K1" | "C3", number>;
/** Assignment ids by "project evaluator". */
const assignmentOf = new Map<string, number>();

const MODERATION = "/evaluation/rounds/R1/moderation";
/** Only evaluator2's justifications hold this: never in a page of evaluator's. */
const SECOND_OPINION = "乙评价人的独立意见";

async function signedIn(username: string): Promise<TestClient> {
  const client = new TestClient(handler, `198.51.100.${Math.floor(Math.random() * 200) + 20}`);
  const response = await client.signIn(username, FIXTURE_PASSWORD);
  expect(response.status, `sign-in of ${username}`).toBe(302);
  return client;
}

/** Per project: C1, C2, C3 of evaluator, then of evaluator2. */
const GIVEN: Record<string, [number, number, number, number, number, number]> = {
  "PRJ-A": [60, 8, 70, 85, 9, 80],
  "PRJ-B": [50, 4, 90, 55, 6, 60],
};

async function submitDirectly(project: string) {
  const values = GIVEN[project]!;
  for (const [index, evaluator] of (["evaluator", "evaluator2"] as const).entries()) {
    const assignmentId = assignmentOf.get(`${project} ${evaluator}`)!;
    await handle.db
      .update(schema.assignments)
      .set({ noConflictDeclaredAt: new Date(), state: "submitted", submittedAt: new Date() })
      .where(eq(schema.assignments.id, assignmentId));
    await handle.db.insert(schema.scores).values(
      (["C1", "C2", "C3"] as const).map((code, position) => ({
        assignmentId,
        criterionId: criteria[code],
        value: String(values[index * 3 + position]),
        justification: evaluator === "evaluator2" ? SECOND_OPINION : null,
      })),
    );
  }
}

async function scoreRow(project: string, evaluator: string, code: keyof typeof criteria) {
  const [row] = await handle.db
    .select()
    .from(schema.scores)
    .where(
      and(
        eq(schema.scores.assignmentId, assignmentOf.get(`${project} ${evaluator}`)!),
        eq(schema.scores.criterionId, criteria[code]),
      ),
    );
  return row!;
}

async function audits(action: string) {
  return handle.db
    .select()
    .from(schema.auditEvents)
    .where(eq(schema.auditEvents.action, action))
    .orderBy(schema.auditEvents.id);
}

/** The text of a page without tags, spaces squeezed: what a reader sees. */
async function textOf(response: Response): Promise<string> {
  return (await response.text())
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<!--.*?-->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, " ");
}

beforeAll(async () => {
  handle = await createTestDatabase();
  fixture = await loadFixture(handle);
  const db = handle.db;
  const [round] = await db.select().from(schema.evaluationRounds);
  roundId = round!.id;
  await db
    .update(schema.evaluationRounds)
    .set({ state: "open" })
    .where(eq(schema.evaluationRounds.id, roundId));
  const node = async (
    code: string,
    weight: string,
    parentId: number | null,
    extra: Partial<typeof schema.frameworkNodes.$inferInsert> = {},
  ) => {
    const [row] = await db
      .insert(schema.frameworkNodes)
      .values({
        frameworkId: round!.frameworkId,
        parentId,
        kind: parentId === null ? "dimension" : "criterion",
        code,
        name: `指标${code}`,
        weight,
        position: Number(code.slice(1)) + (parentId === null ? 0 : 10),
        ...extra,
      })
      .returning();
    return row!.id;
  };
  const scored = (max: string) => ({ scoring: "evaluator" as const, minScore: "0", maxScore: max });
  const d1 = await node("D1", "0.6", null);
  const d2 = await node("D2", "0.4", null);
  criteria = {
    C1: await node("C1", "0.5", d1, scored("100")),
    C2: await node("C2", "0.5", d1, scored("10")),
    K1: await node("K1", "0.5", d2, {
      scoring: "kpi",
      kpiKey: "budget_execution",
      minScore: "0",
      maxScore: "1",
    }),
    C3: await node("C3", "0.5", d2, scored("100")),
  };
  const projects = await db.select().from(schema.projects);
  const idOf = new Map(projects.map((project) => [project.code, project.id]));
  // PRJ-A spent 90 % of its plan by the end of the period: budget execution 0.9 → 90.
  await db.insert(schema.budgetLines).values({
    projectId: idOf.get("PRJ-A")!,
    period: "2026-03-01",
    plannedYuan: "100000.00",
    actualYuan: "90000.00",
  });
  await rebuildAllRollups(db, "Asia/Shanghai");
  const [third] = await db
    .insert(schema.users)
    .values({
      username: "evaluator3",
      displayName: "Test evaluator3",
      role: "evaluator",
      passwordHash: "not-a-hash",
    })
    .returning();
  const extra = await db
    .insert(schema.assignments)
    .values([
      { roundId, projectId: idOf.get("PRJ-B")!, evaluatorId: fixture.users.evaluator },
      { roundId, projectId: idOf.get("PRJ-A")!, evaluatorId: fixture.users.evaluator2 },
      {
        roundId,
        projectId: idOf.get("PRJ-A")!,
        evaluatorId: third!.id,
        noConflictDeclaredAt: new Date(),
      },
    ])
    .returning();
  assignmentOf.set("PRJ-A evaluator", fixture.assignments.evaluator);
  assignmentOf.set("PRJ-B evaluator2", fixture.assignments.evaluator2);
  assignmentOf.set("PRJ-B evaluator", extra[0]!.id);
  assignmentOf.set("PRJ-A evaluator2", extra[1]!.id);
  await db
    .insert(schema.scores)
    .values({ assignmentId: extra[2]!.id, criterionId: criteria.C1, value: "0" });
  handler = await createAppHandler(handle);
});

afterAll(async () => {
  await handle.close();
});

describe("moderation of an evaluation round", () => {
  it("is for leaders and admins: evaluators and stewards get 403", async () => {
    await submitDirectly("PRJ-A");
    for (const username of ["evaluator", "steward"]) {
      const client = await signedIn(username);
      expect((await client.get(MODERATION)).status, username).toBe(403);
      expect((await client.get(`${MODERATION}.data`)).status, username).toBe(403);
      expect((await client.get(`${MODERATION}/close`)).status, username).toBe(403);
      const post = await client.post(MODERATION, { intent: "start" });
      expect(post.status, username).toBe(403);
    }
    const admin = await signedIn("admin");
    expect((await admin.get(MODERATION)).status).toBe(200);
    expect((await admin.get("/evaluation/rounds/NO-SUCH/moderation")).status).toBe(404);
  });

  it("shows no ICC with one project scored by both, then the hand-computed figures", async () => {
    const leader = await signedIn("leader");
    const before = await textOf(await leader.get(MODERATION));
    // Only PRJ-A submitted: fewer than 2 projects, so no criterion has an ICC.
    expect(before.match(/无数据（少于 2 个项目或 2 位评价人）/g)).toHaveLength(3);

    await submitDirectly("PRJ-B");
    const text = await textOf(await leader.get(MODERATION));
    // PRJ-A C1: 60 and 85 → mean 72.5, spread 25 > 20: flagged; PRJ-B C3: 90, 60 → 30.
    expect(text).toContain("Test evaluator: 60");
    expect(text).toContain("Test evaluator2: 85");
    expect(text).toContain("72.5 25 ⚑ 需复核：极差 25 超过 20");
    expect(text).toContain("75 30 ⚑ 需复核：极差 30 超过 20");
    // PRJ-A C3: 70 and 80 → mean 75, spread 10: not flagged.
    expect(text).toContain("75 10 未标记");
    expect(text).toContain("2 / 6 个“项目—指标”组合的评分极差超过阈值 20");
    // ICC(2,1), C1 over (60, 85), (50, 55): MSR 400, MSC 225, MSE 100 →
    // 300 / (400 + 100 + 2 · 125 / 2) = 0.48. C2 over (8, 9), (4, 6): MSR 12.25,
    // MSC 2.25, MSE 0.25 → 12 / (12.5 + 2) = 0.8276.
    expect(text).toContain("C1 指标C1 0.480");
    expect(text).toContain("C2 指标C2 0.828");
    expect(text).toContain("K1 指标K1 绑定指标，不评分");
    // The KPI-bound criterion's value for the round's period: 90 000 / 100 000.
    expect(text).toContain("绑定指标 budget_execution：0.9");
    // evaluator3 never submitted: its 0 is not shown.
    expect(text).not.toContain("Test evaluator3");

    const flagged = await textOf(await leader.get(`${MODERATION}?flagged=1`));
    expect(flagged).toContain("72.5 25 ⚑");
    expect(flagged).not.toContain("75 10 未标记");
    expect(flagged).not.toContain("绑定指标 budget_execution");
  });

  it("never shows an evaluator the other evaluator's scores", async () => {
    const evaluator = await signedIn("evaluator");
    const own = assignmentOf.get("PRJ-A evaluator")!;
    for (const path of ["/evaluation", `/evaluation/assignments/${own}`]) {
      const html = await (await evaluator.get(path)).text();
      expect(html, path).not.toContain(SECOND_OPINION);
    }
    const other = assignmentOf.get("PRJ-A evaluator2")!;
    expect((await evaluator.get(`/evaluation/assignments/${other}`)).status).toBe(404);
  });

  it("starts moderation: evaluators can no longer submit", async () => {
    const leader = await signedIn("leader");
    const started = await leader.post(MODERATION, { intent: "start" });
    expect(started.status).toBe(302);
    expect(started.headers.get("location")).toBe(`${MODERATION}?started=1`);
    const [round] = await handle.db
      .select()
      .from(schema.evaluationRounds)
      .where(eq(schema.evaluationRounds.id, roundId));
    expect(round!.state).toBe("moderation");
    expect(await audits("round.moderation_started")).toHaveLength(1);
    expect((await leader.post(MODERATION, { intent: "start" })).status).toBe(409);
  });

  it("returns one score with a required comment; the evaluator revises only that one", async () => {
    const leader = await signedIn("leader");
    const c1 = await scoreRow("PRJ-A", "evaluator", "C1");
    const form = await (await leader.get(`${MODERATION}?return=${c1.id}`)).text();
    expect(form).toContain('name="comment"');
    const empty = await leader.post(MODERATION, {
      intent: "return",
      scoreId: String(c1.id),
      comment: "  ",
    });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("请填写退回意见");
    const comment = "请对照验收报告复核制度建设得分";
    const returned = await leader.post(MODERATION, {
      intent: "return",
      scoreId: String(c1.id),
      comment,
    });
    expect(returned.status).toBe(302);
    const stored = await scoreRow("PRJ-A", "evaluator", "C1");
    expect(stored.returnComment).toBe(comment);
    expect(stored.returnedAt).not.toBeNull();
    expect(stored.returnedBy).toBe(fixture.users.leader);
    const [assignment] = await handle.db
      .select()
      .from(schema.assignments)
      .where(eq(schema.assignments.id, assignmentOf.get("PRJ-A evaluator")!));
    expect(assignment!.state).toBe("draft");
    const [event] = await audits("score.returned");
    expect(event!.after).toMatchObject({ comment, criterion: "C1" });
    expect(event!.before).toMatchObject({ value: "60" });
    expect(await textOf(await leader.get(MODERATION))).toContain(`已退回，待重新提交：${comment}`);

    const evaluator = await signedIn("evaluator");
    expect(await textOf(await evaluator.get("/evaluation"))).toContain("评分被退回，待修改");
    const id = assignmentOf.get("PRJ-A evaluator")!;
    const page = await (await evaluator.get(`/evaluation/assignments/${id}`)).text();
    expect(page).toContain(comment);
    expect(page).toContain(`name="score-${criteria.C1}"`);
    expect(page).not.toContain(`name="score-${criteria.C2}"`);
    expect(page).not.toContain(`name="score-${criteria.C3}"`);

    // A crafted POST on a criterion not returned is refused, and changes nothing.
    const crafted = await evaluator.post(`/evaluation/assignments/${id}`, {
      intent: "save",
      [`score-${criteria.C1}`]: "75",
      [`score-${criteria.C2}`]: "1",
    });
    expect(crafted.status).toBe(409);
    expect(await crafted.text()).toContain("C2 指标C2");
    const draft = await evaluator.post(`/evaluation/assignments/${id}/draft`, {
      [`score-${criteria.C3}`]: "10",
    });
    expect(draft.status).toBe(409);
    expect((await scoreRow("PRJ-A", "evaluator", "C2")).value).toBe("8");
    expect((await scoreRow("PRJ-A", "evaluator", "C3")).value).toBe("70");
    expect((await scoreRow("PRJ-A", "evaluator", "C1")).value).toBe("60");

    // Another evaluator's assessment, not returned, stays locked in moderation.
    const other = assignmentOf.get("PRJ-B evaluator")!;
    const locked = await evaluator.post(`/evaluation/assignments/${other}`, {
      intent: "save",
      [`score-${criteria.C1}`]: "99",
    });
    expect(locked.status).toBe(409);
  });

  it("refuses to close while a returned score is pending, and names it", async () => {
    const leader = await signedIn("leader");
    const preview = await textOf(await leader.get(`${MODERATION}/close`));
    expect(preview).toContain("甲项目 · C1 · Test evaluator");
    expect(preview).not.toContain("结束轮次并保存最终得分");
    const refused = await leader.post(`${MODERATION}/close`, { intent: "close" });
    expect(refused.status).toBe(409);
    expect(await textOf(refused)).toContain("不能结束轮次：甲项目 · C1 · Test evaluator");
    const [stored] = await handle.db.select({ n: count() }).from(schema.roundResults);
    expect(stored!.n).toBe(0);
  });

  it("takes the resubmission: the return is cleared, the audit keeps both values", async () => {
    const evaluator = await signedIn("evaluator");
    const id = assignmentOf.get("PRJ-A evaluator")!;
    const resubmitted = await evaluator.post(`/evaluation/assignments/${id}`, {
      intent: "submit",
      [`score-${criteria.C1}`]: "80",
      [`justification-${criteria.C1}`]: "已对照验收报告复核",
    });
    expect(resubmitted.status).toBe(302);
    const c1 = await scoreRow("PRJ-A", "evaluator", "C1");
    expect(c1).toMatchObject({ value: "80", returnComment: null, returnedAt: null });
    expect((await scoreRow("PRJ-A", "evaluator", "C2")).value).toBe("8");
    const [event] = await audits("assessment.resubmitted");
    expect(event!.before).toMatchObject({
      returned: [
        { criterionId: criteria.C1, value: "60", comment: "请对照验收报告复核制度建设得分" },
      ],
    });
    expect(event!.after).toMatchObject({
      state: "submitted",
      scores: [{ criterionId: criteria.C1, value: "80" }],
    });
    expect(await textOf(await evaluator.get("/evaluation"))).not.toContain("评分被退回");
  });

  it("closes once, storing the final scores through the framework", async () => {
    const leader = await signedIn("leader");
    const preview = await textOf(await leader.get(`${MODERATION}/close`));
    expect(preview).toContain("将为 2 个项目保存最终得分");
    expect(preview).toContain("甲项目 · Test evaluator3：草稿未提交");
    // Two closes at once: one closes, the other is refused; the results are stored once.
    const [first, second] = await Promise.all([
      leader.post(`${MODERATION}/close`, { intent: "close" }),
      leader.post(`${MODERATION}/close`, { intent: "close" }),
    ]);
    expect([first.status, second.status].sort()).toEqual([302, 409]);
    const results = await handle.db
      .select({ project: schema.projects.code, score: schema.roundResults.score })
      .from(schema.roundResults)
      .innerJoin(schema.projects, eq(schema.projects.id, schema.roundResults.projectId))
      .orderBy(schema.projects.code);
    // PRJ-A: C1 (80 + 85)/2 = 82.5, C2 8.5 → 85, K1 0.9 → 90, C3 75:
    // 0.6 · (0.5 · 82.5 + 0.5 · 85) + 0.4 · (0.5 · 90 + 0.5 · 75) = 50.25 + 33 = 83.25.
    // PRJ-B: C1 52.5, C2 5 → 50, K1 no data, C3 75 (D2 renormalised over C3):
    // 0.6 · 51.25 + 0.4 · 75 = 60.75.
    expect(results.map((row) => row.project)).toEqual(["PRJ-A", "PRJ-B"]);
    expect(Number(results[0]!.score)).toBeCloseTo(83.25, 10);
    expect(Number(results[1]!.score)).toBeCloseTo(60.75, 10);
    const [round] = await handle.db
      .select()
      .from(schema.evaluationRounds)
      .where(eq(schema.evaluationRounds.id, roundId));
    expect(round).toMatchObject({ state: "closed", closedBy: fixture.users.leader });
    expect(round!.closedAt).not.toBeNull();
    const closedEvents = await audits("round.closed");
    expect(closedEvents).toHaveLength(1);
    expect(closedEvents[0]!.after).toMatchObject({ results: 2 });
    const states = await handle.db
      .select({ state: schema.assignments.state })
      .from(schema.assignments)
      .where(eq(schema.assignments.roundId, roundId));
    expect(states.filter((row) => row.state === "final")).toHaveLength(4);
    expect(states.filter((row) => row.state === "draft")).toHaveLength(1);
  });

  it("reads the stored scores after closing, not the scores as they are now", async () => {
    // A later change to a score (none can happen through the app) moves nothing.
    await handle.db
      .update(schema.scores)
      .set({ value: "0" })
      .where(eq(schema.scores.id, (await scoreRow("PRJ-A", "evaluator2", "C1")).id));
    const leader = await signedIn("leader");
    const project = await textOf(await leader.get("/dashboard/projects/PRJ-A"));
    expect(project).toMatch(/Round \(R1\) 已结束 FW 第1版 2 \/ 3 83\.3/);
    const department = await textOf(await leader.get("/dashboard/departments/DEPT-A"));
    expect(department).toContain("第三方评价最终得分");
    expect(department).toContain("Round（R1）· 评价框架 FW 第1版");
    expect(department).toContain("甲项目 83.3");
    const steward = await signedIn("steward");
    expect(await textOf(await steward.get("/dashboard/departments/DEPT-A"))).toContain(
      "甲项目 83.3",
    );
    const other = await textOf(await leader.get("/dashboard/departments/DEPT-B"));
    expect(other).toContain("乙项目 60.8");
    const round = await findResultRound(handle.db, "R1");
    const results = await roundResultsOf(handle.db, round!);
    expect(results.projects.map((p) => p.score)).toEqual([83.25, 60.75]);
    const a = results.projects[0]!;
    expect(a.criteria.find((c) => c.code === "C1")?.scores).toEqual({
      [String(fixture.users.evaluator)]: 80,
      [String(fixture.users.evaluator2)]: 85,
    });
    expect(a.criteria.find((c) => c.code === "K1")?.kpi).toEqual({
      key: "budget_execution",
      value: 0.9,
    });
    // The closed round's view: the stored final score, and still no evaluator.
    expect(await textOf(await leader.get(MODERATION))).toContain("最终得分：83.3");
    const evaluator = await signedIn("evaluator");
    expect((await evaluator.get(MODERATION)).status).toBe(403);
  });

  it("refuses a second close and a return once closed, in the db functions too", async () => {
    const actor = { id: fixture.users.leader, name: "leader", ip: null };
    expect(await closeRound(handle.db, roundId, actor)).toMatchObject({
      ok: false,
      reason: "not_moderation",
    });
    expect(await startModeration(handle.db, roundId, actor)).toMatchObject({
      ok: false,
      reason: "not_open",
    });
    const [stored] = await handle.db.select({ n: count() }).from(schema.roundResults);
    expect(stored!.n).toBe(2);
  });
});
