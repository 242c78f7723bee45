/**
 * The leader's evaluation rounds through the real server and their queries: creating on
 * a published framework only, editing and filling a planned round, opening it, assigning
 * and unassigning evaluators under the rules, progress against hand-counted figures,
 * conflicts told to the leader, deadline reminders, what evaluators see of planned
 * rounds (nothing), concurrency, and the audit trail.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.server";
import type { Actor } from "../../db/queries/assessments.server";
import {
  addRoundProject,
  assignEvaluator,
  createRound,
  openRound,
  removeAssignment,
  type RoundSettings,
} from "../../db/queries/rounds.server";
import * as schema from "../../db/schema/index";
import { addCalendarDays } from "../../metrics/iso-date";
import { localDateOf } from "../../metrics/time-zone";
import { createAppHandler, TestClient } from "../support/app-client";
import { FIXTURE_PASSWORD, loadFixture, type Fixture } from "../support/fixture";
import { createTestDatabase } from "../setup/test-database";

let handle: DbHandle;
let fixture: Fixture;
let handler: (request: Request) => Promise<Response>;
/** A published framework (two evaluator-scored criteria, one KPI-bound) and the fixture's draft one. */
let published: number;
let unpublished: number;
let criteria: { c1: number; c2: number };
let projectIds: { a: number; b: number };
/** evaluator3: active; retired: an evaluator whose account is disabled. */
let extraUsers: { evaluator3: number; retired: number };
let leaderActor: Actor;

const TODAY = localDateOf(new Date(), "Asia/Shanghai");
const FUTURE = "2099-12-31";

async function signedIn(username: string): Promise<TestClient> {
  const client = new TestClient(handler, `198.51.100.${Math.floor(Math.random() * 200) + 20}`);
  const response = await client.signIn(username, FIXTURE_PASSWORD);
  expect(response.status, `sign-in of ${username}`).toBe(302);
  return client;
}

function settings(overrides: Partial<RoundSettings> = {}): RoundSettings {
  return {
    name: "测试轮次",
    frameworkId: published,
    periodStart: "2026-01-01",
    periodEnd: "2026-12-31",
    deadline: FUTURE,
    disagreementThreshold: "20",
    ...overrides,
  };
}

/** A round made straight in the database: its id. */
async function makeRound(
  code: string,
  state: "planning" | "open" | "moderation" | "closed",
  options: { deadline?: string; projects?: number[] } = {},
): Promise<number> {
  const [round] = await handle.db
    .insert(schema.evaluationRounds)
    .values({
      code,
      name: `轮次 ${code}`,
      frameworkId: published,
      periodStart: "2026-01-01",
      periodEnd: "2026-12-31",
      deadline: options.deadline ?? FUTURE,
      state,
    })
    .returning();
  for (const projectId of options.projects ?? [projectIds.a, projectIds.b])
    await handle.db.insert(schema.roundProjects).values({ roundId: round!.id, projectId });
  return round!.id;
}

async function assign(
  roundId: number,
  projectId: number,
  evaluatorId: number,
  values: Partial<typeof schema.assignments.$inferInsert> = {},
): Promise<number> {
  const [row] = await handle.db
    .insert(schema.assignments)
    .values({ roundId, projectId, evaluatorId, ...values })
    .returning();
  return row!.id;
}

async function roundOf(code: string) {
  const [row] = await handle.db
    .select()
    .from(schema.evaluationRounds)
    .where(eq(schema.evaluationRounds.code, code));
  return row;
}

async function auditOf(objectKind: string, objectId: string | number) {
  return handle.db
    .select()
    .from(schema.auditEvents)
    .where(
      and(
        eq(schema.auditEvents.objectKind, objectKind),
        eq(schema.auditEvents.objectId, String(objectId)),
      ),
    )
    .orderBy(schema.auditEvents.id);
}

beforeAll(async () => {
  handle = await createTestDatabase();
  fixture = await loadFixture(handle);
  const db = handle.db;
  const [fixtureFramework] = await db.select().from(schema.frameworks);
  unpublished = fixtureFramework!.id;
  const [framework] = await db
    .insert(schema.frameworks)
    .values({ code: "PUB", version: 2, name: "已发布框架", publishedAt: new Date("2026-01-15") })
    .returning();
  published = framework!.id;
  const [dimension] = await db
    .insert(schema.frameworkNodes)
    .values({ frameworkId: published, kind: "dimension", code: "D1", name: "过程", weight: "1" })
    .returning();
  const criterion = (code: string, weight: string) => ({
    frameworkId: published,
    parentId: dimension!.id,
    kind: "criterion" as const,
    code,
    name: `指标 ${code}`,
    weight,
    scoring: "evaluator" as const,
    minScore: "0",
    maxScore: "100",
  });
  const [c1, c2] = await db
    .insert(schema.frameworkNodes)
    .values([criterion("D1.1", "0.4"), criterion("D1.2", "0.4")])
    .returning();
  await db.insert(schema.frameworkNodes).values({
    frameworkId: published,
    parentId: dimension!.id,
    kind: "criterion",
    code: "D1.3",
    name: "成本绩效",
    weight: "0.2",
    scoring: "kpi",
    kpiKey: "cpi",
  });
  criteria = { c1: c1!.id, c2: c2!.id };
  const projects = await db.select().from(schema.projects).orderBy(schema.projects.code);
  projectIds = { a: projects[0]!.id, b: projects[1]!.id };
  const [passwordHash] = await db
    .select({ hash: schema.users.passwordHash })
    .from(schema.users)
    .where(eq(schema.users.id, fixture.users.evaluator));
  const made = await db
    .insert(schema.users)
    .values([
      {
        username: "evaluator3",
        displayName: "Test evaluator3",
        role: "evaluator",
        passwordHash: passwordHash!.hash,
      },
      {
        username: "retired",
        displayName: "Retired evaluator",
        role: "evaluator",
        passwordHash: passwordHash!.hash,
        disabledAt: new Date(),
      },
    ])
    .returning();
  extraUsers = { evaluator3: made[0]!.id, retired: made[1]!.id };
  leaderActor = { id: fixture.users.leader, name: "leader", ip: null };
  handler = await createAppHandler(handle);
});

afterAll(async () => {
  await handle.close();
});

describe("who may open the round pages", () => {
  it("gives evaluators and stewards 403, on every page and action", async () => {
    for (const username of ["evaluator", "steward"]) {
      const client = await signedIn(username);
      for (const path of [
        "/evaluation/rounds",
        "/evaluation/rounds/new",
        "/evaluation/rounds/R1",
        "/evaluation/rounds/R1/edit",
      ]) {
        expect((await client.get(path)).status, `${username} GET ${path}`).toBe(403);
        // The list has no action (405 for everyone); the others refuse the role first.
        if (path === "/evaluation/rounds") continue;
        expect(
          (await client.post(path, { intent: "open" })).status,
          `${username} POST ${path}`,
        ).toBe(403);
      }
    }
    expect((await (await signedIn("admin")).get("/evaluation/rounds")).status).toBe(200);
  });

  it("answers 404 for an unknown code", async () => {
    const leader = await signedIn("leader");
    expect((await leader.get("/evaluation/rounds/NO-SUCH")).status).toBe(404);
    expect((await leader.get("/evaluation/rounds/NO-SUCH/edit")).status).toBe(404);
    expect((await leader.post("/evaluation/rounds/NO-SUCH", { intent: "open" })).status).toBe(404);
  });

  it("links the rounds list from the leader's evaluation page, not the evaluator's", async () => {
    const leader = await (await (await signedIn("leader")).get("/evaluation")).text();
    expect(leader).toContain('href="/evaluation/rounds"');
    const evaluator = await (await (await signedIn("evaluator")).get("/evaluation")).text();
    expect(evaluator).not.toContain('href="/evaluation/rounds"');
  });
});

describe("creating and editing a round", () => {
  it("creates a planned round on a published framework, with its projects, and audits it", async () => {
    const leader = await signedIn("leader");
    const form = await (await leader.get("/evaluation/rounds/new")).text();
    expect(form).toContain("PUB 第2版");
    expect(form).not.toContain("FW 第1版");
    const response = await leader.post("/evaluation/rounds/new", {
      code: "R-NEW",
      name: "新轮次",
      frameworkId: String(published),
      periodStart: "2026-01-01",
      periodEnd: "2026-06-30",
      deadline: "2026-07-31",
      disagreementThreshold: "15.5",
      projectIds: String(projectIds.a),
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/evaluation/rounds/R-NEW?done=created");
    const round = await roundOf("R-NEW");
    expect(round).toMatchObject({
      state: "planning",
      frameworkId: published,
      deadline: "2026-07-31",
      disagreementThreshold: "15.5",
    });
    const inRound = await handle.db
      .select()
      .from(schema.roundProjects)
      .where(eq(schema.roundProjects.roundId, round!.id));
    expect(inRound.map((row) => row.projectId)).toEqual([projectIds.a]);
    const audit = await auditOf("round", "R-NEW");
    expect(audit.map((event) => event.action)).toEqual(["round.created"]);
    expect(audit[0]!.after).toMatchObject({ code: "R-NEW", projects: [fixture.projects.a] });
    const page = await (await leader.get("/evaluation/rounds/R-NEW?done=created")).text();
    expect(page).toContain("已创建评价轮次");
    expect(page).toContain("筹备中");
  });

  it("refuses an unpublished framework version, in the form and in the query", async () => {
    const leader = await signedIn("leader");
    const response = await leader.post("/evaluation/rounds/new", {
      code: "R-DRAFT",
      name: "草稿框架",
      frameworkId: String(unpublished),
      periodStart: "2026-01-01",
      periodEnd: "2026-06-30",
      deadline: "2026-07-31",
      disagreementThreshold: "20",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('href="#frameworkId"');
    expect(html).toContain("只能使用已发布的评价框架版本");
    const direct = await createRound(
      handle.db,
      { ...settings({ frameworkId: unpublished }), code: "R-DRAFT", projectIds: [] },
      leaderActor,
    );
    expect(direct).toEqual({ ok: false, reason: "framework_not_published" });
    expect(await roundOf("R-DRAFT")).toBeUndefined();
  });

  it("names each bad field and its value, and refuses a taken code", async () => {
    const leader = await signedIn("leader");
    const response = await leader.post("/evaluation/rounds/new", {
      code: "new",
      name: "",
      frameworkId: String(published),
      periodStart: "2026-13-01",
      periodEnd: "2026-06-30",
      deadline: "2026-07-31",
      disagreementThreshold: "0",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    for (const field of ["code", "name", "periodStart", "disagreementThreshold"])
      expect(html, field).toContain(`href="#${field}"`);
    expect(html).toContain("“2026-13-01”");
    const order = await leader.post("/evaluation/rounds/new", {
      code: "R-ORDER",
      name: "期间颠倒",
      frameworkId: String(published),
      periodStart: "2026-06-30",
      periodEnd: "2026-01-01",
      deadline: "2026-07-31",
      disagreementThreshold: "20",
    });
    expect(await order.text()).toContain("不能早于开始日期");
    const taken = await leader.post("/evaluation/rounds/new", {
      code: "R1",
      name: "重复",
      frameworkId: String(published),
      periodStart: "2026-01-01",
      periodEnd: "2026-06-30",
      deadline: "2026-07-31",
      disagreementThreshold: "20",
    });
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain("编码已被其他轮次使用");
  });

  it("edits a planned round's settings, and no longer once it is open", async () => {
    const leader = await signedIn("leader");
    await makeRound("R-EDIT", "planning");
    const fields = {
      name: "改名后的轮次",
      frameworkId: String(published),
      periodStart: "2026-02-01",
      periodEnd: "2026-11-30",
      deadline: "2099-01-15",
      disagreementThreshold: "25",
    };
    const response = await leader.post("/evaluation/rounds/R-EDIT/edit", fields);
    expect(response.status).toBe(302);
    expect(await roundOf("R-EDIT")).toMatchObject({
      name: "改名后的轮次",
      periodStart: "2026-02-01",
      deadline: "2099-01-15",
      disagreementThreshold: "25",
    });
    const audit = await auditOf("round", "R-EDIT");
    expect(audit.map((event) => event.action)).toEqual(["round.updated"]);
    expect(audit[0]!.before).toMatchObject({ name: "轮次 R-EDIT", deadline: FUTURE });
    const unpublishedEdit = await leader.post("/evaluation/rounds/R-EDIT/edit", {
      ...fields,
      frameworkId: String(unpublished),
    });
    expect(unpublishedEdit.status).toBe(400);

    await makeRound("R-EDIT-OPEN", "open");
    const refused = await leader.post("/evaluation/rounds/R-EDIT-OPEN/edit", fields);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("只有筹备中的轮次可以修改设置");
    expect((await roundOf("R-EDIT-OPEN"))!.name).toBe("轮次 R-EDIT-OPEN");
  });

  it("adds and removes projects while planned, with their audit events", async () => {
    const leader = await signedIn("leader");
    const roundId = await makeRound("R-PROJ", "planning", { projects: [projectIds.a] });
    await assign(roundId, projectIds.a, fixture.users.evaluator);
    const added = await leader.post("/evaluation/rounds/R-PROJ", {
      intent: "add_project",
      projectId: String(projectIds.b),
    });
    expect(added.status).toBe(302);
    const again = await leader.post("/evaluation/rounds/R-PROJ", {
      intent: "add_project",
      projectId: String(projectIds.b),
    });
    expect(again.status).toBe(409);
    const removed = await leader.post("/evaluation/rounds/R-PROJ", {
      intent: "remove_project",
      projectId: String(projectIds.a),
    });
    expect(removed.status).toBe(302);
    const left = await handle.db
      .select()
      .from(schema.roundProjects)
      .where(eq(schema.roundProjects.roundId, roundId));
    expect(left.map((row) => row.projectId)).toEqual([projectIds.b]);
    const audit = await auditOf("round", "R-PROJ");
    expect(audit.map((event) => event.action)).toEqual([
      "round.project_added",
      "round.project_removed",
    ]);
    expect(audit[1]!.before).toEqual({ project: fixture.projects.a, assignments: ["evaluator"] });

    await makeRound("R-PROJ-OPEN", "open", { projects: [projectIds.a] });
    expect(await addRoundProject(handle.db, "R-PROJ-OPEN", projectIds.b, leaderActor)).toEqual({
      ok: false,
      reason: "not_planning",
    });
  });
});

describe("opening a round", () => {
  it("needs a project, an assignment and a deadline ahead; then opens and audits", async () => {
    const empty = await makeRound("R-OPEN", "planning", { projects: [] });
    expect(await openRound(handle.db, "R-OPEN", TODAY, leaderActor)).toEqual({
      ok: false,
      reason: "no_projects",
    });
    await handle.db
      .insert(schema.roundProjects)
      .values({ roundId: empty, projectId: projectIds.a });
    expect(await openRound(handle.db, "R-OPEN", TODAY, leaderActor)).toEqual({
      ok: false,
      reason: "no_assignments",
    });
    await assign(empty, projectIds.a, fixture.users.evaluator);
    expect(await openRound(handle.db, "R-OPEN", "2100-01-01", leaderActor)).toEqual({
      ok: false,
      reason: "deadline_passed",
    });
    const leader = await signedIn("leader");
    const before = await (await leader.get("/evaluation/rounds/R-OPEN")).text();
    expect(before).toContain('name="intent" value="open"');
    expect(before).not.toContain("/evaluation/rounds/R-OPEN/moderation");
    const response = await leader.post("/evaluation/rounds/R-OPEN", { intent: "open" });
    expect(response.status).toBe(302);
    expect((await roundOf("R-OPEN"))!.state).toBe("open");
    const after = await (await leader.get("/evaluation/rounds/R-OPEN?done=opened")).text();
    expect(after).toContain('href="/evaluation/rounds/R-OPEN/moderation"');
    expect(after).not.toContain('name="intent" value="open"');
    const twice = await leader.post("/evaluation/rounds/R-OPEN", { intent: "open" });
    expect(twice.status).toBe(409);
    expect((await auditOf("round", "R-OPEN")).map((event) => event.action)).toEqual([
      "round.opened",
    ]);
  });

  it("opens once when two leaders open at the same moment", async () => {
    const roundId = await makeRound("R-RACE", "planning", { projects: [projectIds.a] });
    await assign(roundId, projectIds.a, fixture.users.evaluator);
    const results = await Promise.all([
      openRound(handle.db, "R-RACE", TODAY, leaderActor),
      openRound(handle.db, "R-RACE", TODAY, { ...leaderActor, name: "admin" }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toEqual({ ok: false, reason: "not_planning" });
    expect((await auditOf("round", "R-RACE")).map((event) => event.action)).toEqual([
      "round.opened",
    ]);
  });
});

describe("assigning evaluators", () => {
  it("assigns an active evaluator to a project of the round, and audits it", async () => {
    await makeRound("R-ASSIGN", "open");
    const leader = await signedIn("leader");
    const response = await leader.post("/evaluation/rounds/R-ASSIGN", {
      intent: "assign",
      projectId: String(projectIds.a),
      evaluatorId: String(extraUsers.evaluator3),
    });
    expect(response.status).toBe(302);
    const [row] = await handle.db
      .select()
      .from(schema.assignments)
      .where(eq(schema.assignments.evaluatorId, extraUsers.evaluator3));
    expect(row).toBeDefined();
    const audit = await auditOf("assignment", row!.id);
    expect(audit.map((event) => event.action)).toEqual(["assignment.created"]);
    expect(audit[0]!.after).toEqual({
      round: "R-ASSIGN",
      project: fixture.projects.a,
      evaluator: "evaluator3",
    });
  });

  it("refuses non-evaluators, disabled ones, duplicates, declared conflicts and frozen rounds", async () => {
    const roundId = await makeRound("R-RULES", "open", { projects: [projectIds.a] });
    await assign(roundId, projectIds.a, fixture.users.evaluator);
    await assign(roundId, projectIds.a, fixture.users.evaluator2, {
      conflictStatement: "曾为该部门提供咨询",
    });
    const attempt = (evaluatorId: number, projectId = projectIds.a, code = "R-RULES") =>
      assignEvaluator(handle.db, code, { projectId, evaluatorId }, leaderActor);
    expect(await attempt(fixture.users.leader)).toEqual({ ok: false, reason: "not_evaluator" });
    expect(await attempt(extraUsers.retired)).toEqual({ ok: false, reason: "not_evaluator" });
    expect(await attempt(fixture.users.evaluator)).toEqual({
      ok: false,
      reason: "already_assigned",
    });
    expect(await attempt(fixture.users.evaluator2)).toEqual({
      ok: false,
      reason: "conflict_declared",
    });
    expect(await attempt(extraUsers.evaluator3, projectIds.b)).toEqual({
      ok: false,
      reason: "project_not_in_round",
    });
    for (const state of ["moderation", "closed"] as const) {
      await makeRound(`R-${state}`, state, { projects: [projectIds.a] });
      expect(await attempt(extraUsers.evaluator3, projectIds.a, `R-${state}`)).toEqual({
        ok: false,
        reason: "round_not_assignable",
      });
    }
    // Through the form: the refusal is the error of the project's evaluator field.
    const leader = await signedIn("leader");
    const response = await leader.post("/evaluation/rounds/R-RULES", {
      intent: "assign",
      projectId: String(projectIds.a),
      evaluatorId: String(fixture.users.evaluator2),
    });
    expect(response.status).toBe(409);
    const html = await response.text();
    expect(html).toContain(`href="#evaluator-${projectIds.a}"`);
    expect(html).toContain("已就此项目申报利益冲突");
    const missing = await leader.post("/evaluation/rounds/R-RULES", {
      intent: "assign",
      projectId: String(projectIds.a),
    });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("请选择评价人");
  });

  it("assigns once when the same assignment is sent twice at once", async () => {
    await makeRound("R-TWICE", "planning", { projects: [projectIds.b] });
    const results = await Promise.all(
      [1, 2].map(() =>
        assignEvaluator(
          handle.db,
          "R-TWICE",
          { projectId: projectIds.b, evaluatorId: extraUsers.evaluator3 },
          leaderActor,
        ),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toEqual({ ok: false, reason: "already_assigned" });
    const round = await roundOf("R-TWICE");
    const rows = await handle.db
      .select()
      .from(schema.assignments)
      .where(eq(schema.assignments.roundId, round!.id));
    expect(rows).toHaveLength(1);
  });

  it("removes an assignment only while nothing of it was submitted, and never a conflict", async () => {
    const roundId = await makeRound("R-UNASSIGN", "open", { projects: [projectIds.a] });
    const drafted = await assign(roundId, projectIds.a, fixture.users.evaluator, {
      noConflictDeclaredAt: new Date(),
    });
    await handle.db
      .insert(schema.scores)
      .values({ assignmentId: drafted, criterionId: criteria.c1, value: "70" });
    const submitted = await assign(roundId, projectIds.a, fixture.users.evaluator2, {
      noConflictDeclaredAt: new Date(),
      state: "submitted",
      submittedAt: new Date(),
    });
    const withdrawn = await assign(roundId, projectIds.a, extraUsers.evaluator3, {
      conflictStatement: "亲属在该部门任职",
    });
    expect(await removeAssignment(handle.db, "R-UNASSIGN", submitted, leaderActor)).toEqual({
      ok: false,
      reason: "assignment_submitted",
    });
    expect(await removeAssignment(handle.db, "R-UNASSIGN", withdrawn, leaderActor)).toEqual({
      ok: false,
      reason: "assignment_withdrawn",
    });
    // Another round's assignment is not this round's to remove.
    expect(
      await removeAssignment(handle.db, "R-UNASSIGN", fixture.assignments.evaluator, leaderActor),
    ).toEqual({ ok: false, reason: "assignment_not_found" });
    const leader = await signedIn("leader");
    const page = await (await leader.get("/evaluation/rounds/R-UNASSIGN")).text();
    expect(page).toContain(`name="assignmentId" value="${drafted}"`);
    expect(page).not.toContain(`name="assignmentId" value="${submitted}"`);
    expect(page).not.toContain(`name="assignmentId" value="${withdrawn}"`);
    const response = await leader.post("/evaluation/rounds/R-UNASSIGN", {
      intent: "unassign",
      assignmentId: String(drafted),
    });
    expect(response.status).toBe(302);
    const left = await handle.db
      .select({ id: schema.assignments.id })
      .from(schema.assignments)
      .where(eq(schema.assignments.roundId, roundId))
      .orderBy(schema.assignments.id);
    expect(left.map((row) => row.id)).toEqual([submitted, withdrawn]);
    const audit = await auditOf("assignment", drafted);
    expect(audit.map((event) => event.action)).toEqual(["assignment.removed"]);
    expect(audit[0]!.before).toMatchObject({ round: "R-UNASSIGN", evaluator: "evaluator" });
  });
});

describe("progress and conflicts on the leader's pages", () => {
  it("shows hand-counted progress, the conflict with its statement, and counts it on the list", async () => {
    // A: evaluator submitted 2/2; evaluator2 declared, 1/2 in draft. B: evaluator3 pending;
    // evaluator2 withdrew with a conflict. Active 3, submitted 1, scored 3 of 6.
    const roundId = await makeRound("R-PROGRESS", "open");
    const done = await assign(roundId, projectIds.a, fixture.users.evaluator, {
      noConflictDeclaredAt: new Date(),
      state: "submitted",
      submittedAt: new Date(),
    });
    const drafting = await assign(roundId, projectIds.a, fixture.users.evaluator2, {
      noConflictDeclaredAt: new Date(),
    });
    await assign(roundId, projectIds.b, extraUsers.evaluator3);
    await assign(roundId, projectIds.b, fixture.users.evaluator2, {
      conflictStatement: "本人曾参与乙项目的建设方案编制",
    });
    await handle.db.insert(schema.scores).values([
      { assignmentId: done, criterionId: criteria.c1, value: "80" },
      { assignmentId: done, criterionId: criteria.c2, value: "70" },
      { assignmentId: drafting, criterionId: criteria.c1, value: "65" },
      // A justification without a value is not a scored criterion.
      { assignmentId: drafting, criterionId: criteria.c2, value: null, justification: "待补" },
    ]);
    const leader = await signedIn("leader");
    const page = await (await leader.get("/evaluation/rounds/R-PROGRESS")).text();
    expect(page).toContain(
      "4 份分派：1 份已提交，2 份已声明无冲突，1 份待声明，1 份申报冲突；已评 3 / 6 项指标。",
    );
    expect(page).toContain("利益冲突：需要另行分派");
    expect(page).toContain(
      `Test evaluator2 就 乙项目 (${fixture.projects.b}) 申报利益冲突：“本人曾参与乙项目的建设方案编制”。该项目需要另一位评价人（现有 1 位未申报冲突）。`,
    );
    const list = await (await leader.get("/evaluation/rounds")).text();
    const row = list.slice(
      list.indexOf(">R-PROGRESS<"),
      list.indexOf("</tr>", list.indexOf(">R-PROGRESS<")),
    );
    expect(row).toContain("1 / 3 份");
    expect(row).toContain("1 项冲突");
    const workspace = await (await leader.get("/evaluation")).text();
    expect(workspace).toContain("本人曾参与乙项目的建设方案编制");
    expect(workspace).toContain('href="/evaluation/rounds/R-PROGRESS"');
  });
});

describe("what evaluators see of rounds and deadlines", () => {
  it("shows nothing of a planned round: not listed, its assignment 404, no declaration", async () => {
    const roundId = await makeRound("R-HIDDEN", "planning", { projects: [projectIds.a] });
    const hidden = await assign(roundId, projectIds.a, extraUsers.evaluator3);
    const evaluator = await signedIn("evaluator3");
    const list = await (await evaluator.get("/evaluation")).text();
    expect(list).not.toContain("轮次 R-HIDDEN");
    expect(list).not.toContain(`/evaluation/assignments/${hidden}"`);
    expect((await evaluator.get(`/evaluation/assignments/${hidden}`)).status).toBe(404);
    const declare = await evaluator.post(`/evaluation/assignments/${hidden}`, {
      intent: "declare",
      declaration: "none",
    });
    expect(declare.status).toBe(404);
    const draft = await evaluator.post(`/evaluation/assignments/${hidden}/draft`, {
      [`score-${criteria.c1}`]: "80",
    });
    expect(draft.status).toBe(404);
    const [row] = await handle.db
      .select()
      .from(schema.assignments)
      .where(eq(schema.assignments.id, hidden));
    expect(row!.noConflictDeclaredAt).toBeNull();
    // Once the leader opens it, the assignment is the evaluator's.
    await openRound(handle.db, "R-HIDDEN", TODAY, leaderActor);
    expect((await evaluator.get(`/evaluation/assignments/${hidden}`)).status).toBe(200);
  });

  it("counts the days to each deadline and reminds from 3 days before", async () => {
    const evaluatorId = (
      await handle.db
        .insert(schema.users)
        .values({
          username: "deadlines",
          displayName: "Deadline evaluator",
          role: "evaluator",
          passwordHash: (
            await handle.db
              .select({ hash: schema.users.passwordHash })
              .from(schema.users)
              .where(eq(schema.users.id, fixture.users.evaluator))
          )[0]!.hash,
        })
        .returning()
    )[0]!.id;
    const dated = async (code: string, offset: number, submitted = false) => {
      const roundId = await makeRound(code, "open", {
        deadline: addCalendarDays(TODAY, offset),
        projects: [projectIds.a],
      });
      await assign(roundId, projectIds.a, evaluatorId, {
        noConflictDeclaredAt: new Date(),
        ...(submitted ? { state: "submitted" as const, submittedAt: new Date() } : {}),
      });
    };
    await dated("R-FAR", 10);
    await dated("R-SOON", 3);
    await dated("R-TODAY", 0);
    await dated("R-LATE", -2);
    await dated("R-DONE", -5, true);
    const evaluator = await signedIn("deadlines");
    const html = await (await evaluator.get("/evaluation")).text();
    expect(html).toContain("10 天后截止");
    expect(html).toContain("3 天后截止");
    expect(html).toContain("今天截止");
    expect(html).toContain("已逾期 2 天");
    expect(html).not.toContain("已逾期 5 天");
    const notice = html.slice(
      html.indexOf("评分截止提醒"),
      html.indexOf("</section>", html.indexOf("评分截止提醒")),
    );
    expect(notice).toContain("轮次 R-SOON");
    expect(notice).toContain("轮次 R-TODAY");
    expect(notice).toContain("轮次 R-LATE");
    expect(notice).not.toContain("轮次 R-FAR");
    expect(notice).not.toContain("轮次 R-DONE");
    // The leader's page of the late round marks it overdue; the far one's does not.
    const leader = await signedIn("leader");
    const late = await (await leader.get("/evaluation/rounds/R-LATE")).text();
    expect(late).toContain("1 份分派已逾期未提交");
    expect(late).toContain('class="overdue-mark"');
    const far = await (await leader.get("/evaluation/rounds/R-FAR")).text();
    expect(far).not.toContain('class="overdue-mark"');
  });

  it("shows no reminder when nothing is due within 3 days", async () => {
    const evaluator = await signedIn("evaluator3");
    expect(await (await evaluator.get("/evaluation")).text()).not.toContain("评分截止提醒");
  });
});
