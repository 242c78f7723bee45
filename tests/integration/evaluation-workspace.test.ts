/**
 * The evaluator workspace through the real server: conflict of interest first, the
 * rubric form's drafts and submission, the locks, the scope, and the audit trail.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.server";
import * as schema from "../../db/schema/index";
import { createAppHandler, TestClient } from "../support/app-client";
import { FIXTURE_PASSWORD, loadFixture, type Fixture } from "../support/fixture";
import { createTestDatabase } from "../setup/test-database";

/** What only the project's internal figures contain: never in a page before the declaration. */
const SECRET_MILESTONE = "甲项目上线验收里程碑";
const SECRET_INDICATOR = "甲项目办件量目标";

let handle: DbHandle;
let fixture: Fixture;
let handler: (request: Request) => Promise<Response>;
let criteria: { c1: number; c2: number; kpi: number };
/** A second assignment of `evaluator` (on project B), for the conflict case. */
let conflictAssignment: number;

async function signedIn(username: string): Promise<TestClient> {
  const client = new TestClient(handler, `198.51.100.${Math.floor(Math.random() * 200) + 20}`);
  const response = await client.signIn(username, FIXTURE_PASSWORD);
  expect(response.status, `sign-in of ${username}`).toBe(302);
  return client;
}

const page = (id: number) => `/evaluation/assignments/${id}`;

async function auditActions(objectId: number): Promise<string[]> {
  const rows = await handle.db
    .select({ action: schema.auditEvents.action })
    .from(schema.auditEvents)
    .where(
      and(
        eq(schema.auditEvents.objectKind, "assignment"),
        eq(schema.auditEvents.objectId, String(objectId)),
      ),
    )
    .orderBy(schema.auditEvents.id);
  return rows.map((row) => row.action);
}

async function storedScores(assignmentId: number) {
  return handle.db
    .select()
    .from(schema.scores)
    .where(eq(schema.scores.assignmentId, assignmentId))
    .orderBy(schema.scores.criterionId);
}

beforeAll(async () => {
  handle = await createTestDatabase();
  fixture = await loadFixture(handle);
  const db = handle.db;
  const [round] = await db.select().from(schema.evaluationRounds);
  if (!round) throw new Error("fixture round");
  await db
    .update(schema.evaluationRounds)
    .set({ state: "open" })
    .where(eq(schema.evaluationRounds.id, round.id));
  const [dimension] = await db
    .insert(schema.frameworkNodes)
    .values({
      frameworkId: round.frameworkId,
      kind: "dimension",
      code: "D1",
      name: "过程",
      weight: "1",
    })
    .returning();
  const [c1, c2, kpi] = await db
    .insert(schema.frameworkNodes)
    .values([
      {
        frameworkId: round.frameworkId,
        parentId: dimension!.id,
        kind: "criterion" as const,
        code: "D1.1",
        name: "管理制度健全性",
        weight: "0.5",
        position: 1,
        scoring: "evaluator" as const,
        minScore: "0",
        maxScore: "100",
      },
      {
        frameworkId: round.frameworkId,
        parentId: dimension!.id,
        kind: "criterion" as const,
        code: "D1.2",
        name: "功能完成质量",
        weight: "0.3",
        position: 2,
        scoring: "evaluator" as const,
        minScore: "0",
        maxScore: "10",
      },
      {
        frameworkId: round.frameworkId,
        parentId: dimension!.id,
        kind: "criterion" as const,
        code: "D1.3",
        name: "成本绩效",
        weight: "0.2",
        position: 3,
        scoring: "kpi" as const,
        kpiKey: "cpi",
      },
    ])
    .returning();
  criteria = { c1: c1!.id, c2: c2!.id, kpi: kpi!.id };
  await db.insert(schema.rubricLevels).values([
    {
      criterionId: c1!.id,
      label: "优",
      minScore: "90",
      maxScore: "100",
      description: "制度完备且执行到位",
    },
    {
      criterionId: c1!.id,
      label: "差",
      minScore: "0",
      maxScore: "59.99",
      description: "制度缺失",
    },
  ]);
  const [projectA] = await db
    .select()
    .from(schema.projects)
    .where(eq(schema.projects.code, fixture.projects.a));
  const [projectB] = await db
    .select()
    .from(schema.projects)
    .where(eq(schema.projects.code, fixture.projects.b));
  await db.insert(schema.milestones).values({
    projectId: projectA!.id,
    name: SECRET_MILESTONE,
    weight: "1",
    plannedDate: "2026-06-30",
  });
  await db.insert(schema.outcomeIndicators).values({
    projectId: projectA!.id,
    code: "OI-1",
    name: SECRET_INDICATOR,
    direction: "higher",
    baseline: "100",
    target: "200",
  });
  const [extra] = await db
    .insert(schema.assignments)
    .values({ roundId: round.id, projectId: projectB!.id, evaluatorId: fixture.users.evaluator })
    .returning();
  conflictAssignment = extra!.id;
  handler = await createAppHandler(handle);
});

afterAll(async () => {
  await handle.close();
});

describe("evaluator workspace", () => {
  it("lists the evaluator's own assignments with department, state and progress", async () => {
    const evaluator = await signedIn("evaluator");
    const html = await (await evaluator.get("/evaluation")).text();
    expect(html).toContain("甲项目");
    expect(html).toContain("甲部门");
    expect(html).toContain("0 / 2"); // zh: 已评 0 / 2 项指标
    expect(html).toContain("待声明利益冲突");
    // Not even the project's code before the declaration, in the page or its data.
    expect(html).not.toContain(fixture.projects.a);
    const data = await (await evaluator.get("/evaluation.data")).text();
    expect(data).not.toContain(fixture.projects.a);
    const other = await signedIn("evaluator2");
    const otherHtml = await (await other.get("/evaluation")).text();
    expect(otherHtml).toContain("乙项目");
    expect(otherHtml).not.toContain("甲项目");
  });

  it("shows only name, department and round before the declaration, and refuses scores", async () => {
    const evaluator = await signedIn("evaluator");
    const id = fixture.assignments.evaluator;
    const response = await evaluator.get(page(id));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("甲项目");
    expect(html).toContain("甲部门");
    expect(html).toContain('name="declaration"');
    for (const secret of [SECRET_MILESTONE, SECRET_INDICATOR, fixture.projects.a, "score-"])
      expect(html, `the page before the declaration holds ${secret}`).not.toContain(secret);

    const save = await evaluator.post(page(id), { intent: "save", [`score-${criteria.c1}`]: "80" });
    expect(save.status).toBe(409);
    expect(await save.text()).toContain("请先声明利益冲突");
    const draft = await evaluator.post(`${page(id)}/draft`, { [`score-${criteria.c1}`]: "80" });
    expect(draft.status).toBe(409);
    expect(await storedScores(id)).toEqual([]);
  });

  it("asks for a statement with a conflict, naming the field", async () => {
    const evaluator = await signedIn("evaluator");
    const response = await evaluator.post(page(conflictAssignment), {
      intent: "declare",
      declaration: "conflict",
      statement: "  ",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('href="#statement"');
    expect(html).toContain("请说明利益冲突的性质");
    const none = await evaluator.post(page(conflictAssignment), { intent: "declare" });
    expect(none.status).toBe(400);
    expect(await none.text()).toContain('href="#declaration"');
  });

  it("a declared conflict takes the assignment out of the evaluator's work and tells the leader", async () => {
    const evaluator = await signedIn("evaluator");
    const response = await evaluator.post(page(conflictAssignment), {
      intent: "declare",
      declaration: "conflict",
      statement: "本人曾为乙部门提供咨询服务",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/evaluation?conflict=1");
    const list = await (await evaluator.get("/evaluation?conflict=1")).text();
    expect(list).toContain("已记录您的利益冲突声明");
    expect(list).not.toContain(`/evaluation/assignments/${conflictAssignment}"`);
    expect((await evaluator.get(page(conflictAssignment))).status).toBe(404);
    const save = await evaluator.post(`${page(conflictAssignment)}/draft`, {
      [`score-${criteria.c1}`]: "80",
    });
    expect(save.status).toBe(404);

    const leader = await signedIn("leader");
    const leaderList = await (await leader.get("/evaluation")).text();
    expect(leaderList).toContain("评价人申报的利益冲突");
    expect(leaderList).toContain("本人曾为乙部门提供咨询服务");
    const leaderPage = await (await leader.get(page(conflictAssignment))).text();
    expect(leaderPage).toContain("已申报利益冲突：本人曾为乙部门提供咨询服务");
    expect(await auditActions(conflictAssignment)).toEqual(["assignment.declare_conflict"]);
  });

  it("after declaring no conflict: the project's figures and the rubric, KPI criteria not scored", async () => {
    const evaluator = await signedIn("evaluator");
    const id = fixture.assignments.evaluator;
    const declared = await evaluator.post(page(id), { intent: "declare", declaration: "none" });
    expect(declared.status).toBe(302);
    const again = await evaluator.post(page(id), {
      intent: "declare",
      declaration: "conflict",
      statement: "x",
    });
    expect(again.status).toBe(409);
    const html = await (await evaluator.get(page(id))).text();
    expect(html).toContain(SECRET_MILESTONE);
    expect(html).toContain(SECRET_INDICATOR);
    expect(html).toContain(`id="score-${criteria.c1}"`);
    expect(html).toContain(`id="score-${criteria.c2}"`);
    expect(html).not.toContain(`id="score-${criteria.kpi}"`);
    expect(html).toContain("由KPI引擎计算（cpi）");
    expect(html).toContain("制度完备且执行到位");
    expect(await auditActions(id)).toEqual(["assignment.declare_no_conflict"]);
  });

  it("saves a draft on the server, shown again after a reload", async () => {
    const evaluator = await signedIn("evaluator");
    const id = fixture.assignments.evaluator;
    const response = await evaluator.post(page(id), {
      intent: "save",
      [`score-${criteria.c1}`]: "85.5",
      [`justification-${criteria.c1}`]: "制度齐全，执行记录完整",
      [`evidence-${criteria.c1}`]: "https://example.org/evidence/1",
      [`score-${criteria.c2}`]: "",
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("草稿已于");
    const stored = await storedScores(id);
    expect(stored.map((score) => [score.criterionId, score.value])).toEqual([
      [criteria.c1, "85.5"],
    ]);
    const html = await (await evaluator.get(page(id))).text();
    expect(html).toContain('value="85.5"');
    expect(html).toContain("制度齐全，执行记录完整");
    expect(html).toContain('value="https://example.org/evidence/1"');
    const list = await (await evaluator.get("/evaluation")).text();
    expect(list).toContain("1 / 2");

    // The autosave endpoint answers JSON and stores the same way.
    const autosave = await evaluator.post(`${page(id)}/draft`, {
      [`score-${criteria.c1}`]: "86",
      [`justification-${criteria.c1}`]: "制度齐全，执行记录完整",
      [`score-${criteria.c2}`]: "7",
    });
    expect(autosave.status).toBe(200);
    const answer = (await autosave.json()) as { savedAt: string };
    expect(Number.isNaN(Date.parse(answer.savedAt))).toBe(false);
    expect((await storedScores(id)).map((score) => score.value)).toEqual(["86", "7"]);
    expect((await auditActions(id)).filter((a) => a === "assignment.save_draft")).toHaveLength(2);
  });

  it("refuses a submission with errors named per field, keeping the typed values", async () => {
    const evaluator = await signedIn("evaluator");
    const id = fixture.assignments.evaluator;
    const response = await evaluator.post(page(id), {
      intent: "submit",
      [`score-${criteria.c1}`]: "120",
      [`evidence-${criteria.c1}`]: "javascript:alert(1)",
      [`score-${criteria.c2}`]: "",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('class="error-summary"');
    expect(html).toContain(`href="#score-${criteria.c1}"`);
    expect(html).toContain(`href="#evidence-${criteria.c1}"`);
    expect(html).toContain(`href="#score-${criteria.c2}"`);
    expect(html).toContain("“D1.1 管理制度健全性”的得分 120 超出范围：请输入 0–100 之间的数");
    expect(html).toContain("请为“D1.2 功能完成质量”打分（0–10）");
    expect(html).toContain("不是网址");
    expect(html).toContain('value="120"');
    const [assignment] = await handle.db
      .select()
      .from(schema.assignments)
      .where(eq(schema.assignments.id, id));
    expect(assignment?.state).toBe("draft");

    const notANumber = await evaluator.post(page(id), {
      intent: "submit",
      [`score-${criteria.c1}`]: "abc",
    });
    expect(notANumber.status).toBe(400);
    expect(await notANumber.text()).toContain("“D1.1 管理制度健全性”的得分“abc”不是数字");
  });

  it("submits valid scores, then locks them: later saves are refused", async () => {
    const evaluator = await signedIn("evaluator");
    const id = fixture.assignments.evaluator;
    const response = await evaluator.post(page(id), {
      intent: "submit",
      [`score-${criteria.c1}`]: "88",
      [`justification-${criteria.c1}`]: "制度齐全",
      [`evidence-${criteria.c1}`]: "https://example.org/evidence/1",
      [`score-${criteria.c2}`]: "7.5",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${page(id)}?submitted=1`);
    const html = await (await evaluator.get(`${page(id)}?submitted=1`)).text();
    expect(html).toContain("提交并锁定");
    expect(html).not.toContain(`id="score-${criteria.c1}"`);
    expect((await storedScores(id)).map((score) => score.value)).toEqual(["88", "7.5"]);

    const later = await evaluator.post(page(id), {
      intent: "save",
      [`score-${criteria.c1}`]: "10",
    });
    expect(later.status).toBe(409);
    expect(await later.text()).toContain("评分已提交并锁定，不能再修改。");
    const laterDraft = await evaluator.post(`${page(id)}/draft`, {
      [`score-${criteria.c1}`]: "10",
    });
    expect(laterDraft.status).toBe(409);
    const resubmit = await evaluator.post(page(id), {
      intent: "submit",
      [`score-${criteria.c1}`]: "10",
      [`score-${criteria.c2}`]: "1",
    });
    expect(resubmit.status).toBe(409);
    expect((await storedScores(id)).map((score) => score.value)).toEqual(["88", "7.5"]);
    const actions = await auditActions(id);
    expect(actions.filter((a) => a === "assignment.submit")).toHaveLength(1);
    expect(actions.at(-1)).toBe("assignment.submit");
  });

  it("another evaluator gets 404 on the assignment, its actions and its draft endpoint", async () => {
    const other = await signedIn("evaluator2");
    const id = fixture.assignments.evaluator;
    expect((await other.get(page(id))).status).toBe(404);
    for (const intent of ["declare", "save", "submit"]) {
      const response = await other.post(page(id), {
        intent,
        declaration: "none",
        [`score-${criteria.c1}`]: "1",
      });
      expect(response.status, intent).toBe(404);
    }
    expect((await other.post(`${page(id)}/draft`, { [`score-${criteria.c1}`]: "1" })).status).toBe(
      404,
    );
    // Its own assignment, declared, never shows the first evaluator's scores.
    const own = fixture.assignments.evaluator2;
    expect((await other.post(page(own), { intent: "declare", declaration: "none" })).status).toBe(
      302,
    );
    const html = await (await other.get(page(own))).text();
    expect(html).not.toContain("制度齐全");
    expect(html).not.toContain('value="88"');
  });

  it("refuses a write without the CSRF token, and a leader's write (403)", async () => {
    const evaluator = await signedIn("evaluator2");
    const own = fixture.assignments.evaluator2;
    const noToken = await evaluator.post(
      page(own),
      { intent: "save", [`score-${criteria.c1}`]: "5" },
      { csrf: null },
    );
    expect(noToken.status).toBe(403);
    const noTokenDraft = await evaluator.post(
      `${page(own)}/draft`,
      { [`score-${criteria.c1}`]: "5" },
      { csrf: null },
    );
    expect(noTokenDraft.status).toBe(403);
    const leader = await signedIn("leader");
    expect((await leader.post(page(own), { intent: "save" })).status).toBe(403);
    expect(await storedScores(own)).toEqual([]);
  });
});
