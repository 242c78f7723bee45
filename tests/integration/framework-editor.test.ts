/**
 * The admin's framework editor through the real server: create, edit, validate, publish,
 * new versions, the lock on published versions (also against crafted posts and a
 * publication racing an edit), JSON export and import, roles, and the audit trail.
 */
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.server";
import {
  addNode,
  createFramework,
  loadFrameworkVersion,
  publishFramework,
  type NodeInput,
} from "../../db/queries/frameworks.server";
import * as schema from "../../db/schema/index";
import { createAppHandler, TestClient } from "../support/app-client";
import { FIXTURE_PASSWORD, loadFixture, type Fixture } from "../support/fixture";
import { createTestDatabase } from "../setup/test-database";

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

const page = (id: number) => `/admin/frameworks/${id}`;

function idOf(response: Response): number {
  const location = response.headers.get("Location") ?? "";
  const match = /\/admin\/frameworks\/(\d+)/.exec(location);
  if (!match) throw new Error(`no framework in the redirect: ${location}`);
  return Number(match[1]);
}

async function nodesOf(frameworkId: number) {
  return handle.db
    .select()
    .from(schema.frameworkNodes)
    .where(eq(schema.frameworkNodes.frameworkId, frameworkId))
    .orderBy(asc(schema.frameworkNodes.code));
}

async function frameworkRow(id: number) {
  const [row] = await handle.db
    .select()
    .from(schema.frameworks)
    .where(eq(schema.frameworks.id, id));
  return row;
}

async function auditActions(frameworkId: number): Promise<string[]> {
  const rows = await handle.db
    .select({ action: schema.auditEvents.action })
    .from(schema.auditEvents)
    .where(
      and(
        eq(schema.auditEvents.objectKind, "framework"),
        eq(schema.auditEvents.objectId, String(frameworkId)),
      ),
    )
    .orderBy(schema.auditEvents.id);
  return rows.map((row) => row.action);
}

/** The fields of the add form for one node. */
function newNode(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = { intent: "add-node" };
  for (const [name, value] of Object.entries(fields)) out[`new-${name}`] = value;
  return out;
}

/** Posts a JSON file to the import form, as a browser's multipart upload. */
async function importJson(client: TestClient, text: string, fileName = "framework.json") {
  const form = new FormData();
  form.set("csrf", await client.csrfToken());
  form.set("intent", "import");
  form.set("file", new File([text], fileName, { type: "application/json" }));
  return client.request("/admin/frameworks?index", {
    method: "POST",
    body: form,
    headers: { Origin: client.origin },
  });
}

const ACTOR = { id: 0, name: "test", ip: null };

const node = (fields: Partial<NodeInput> & { code: string; weight: string }): NodeInput => ({
  name: `指标 ${fields.code}`,
  description: null,
  scoring: "evaluator",
  kpiKey: null,
  minScore: "0",
  maxScore: "100",
  justifyBelow: null,
  justifyAbove: null,
  ...fields,
});

beforeAll(async () => {
  handle = await createTestDatabase();
  fixture = await loadFixture(handle);
  handler = await createAppHandler(handle);
  admin = await signedIn("admin");
});

afterAll(async () => {
  await handle?.close();
});

describe("the framework editor", () => {
  let draftId: number;
  let dimensionId: number;

  it("creates a framework as draft version 1, refusing a code already used", async () => {
    const created = await admin.post("/admin/frameworks?index", {
      intent: "create",
      code: "EGOV",
      name: "电子政务评价框架",
      description: "",
    });
    expect(created.status).toBe(302);
    draftId = idOf(created);
    expect(await frameworkRow(draftId)).toMatchObject({
      code: "EGOV",
      version: 1,
      publishedAt: null,
    });
    const again = await admin.post("/admin/frameworks?index", {
      intent: "create",
      code: "EGOV",
      name: "Again",
    });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("EGOV");
    const bad = await admin.post("/admin/frameworks?index", {
      intent: "create",
      code: "a b",
      name: "",
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('href="#code"');
    expect(html).toContain('href="#name"');
  });

  it("adds dimensions and criteria and shows what keeps the draft from publishing", async () => {
    const dimension = await admin.post(
      page(draftId),
      newNode({ kind: "dimension", parentId: "", code: "D1", name: "过程", weight: "1" }),
    );
    expect(dimension.status).toBe(302);
    dimensionId = (await nodesOf(draftId)).find((row) => row.code === "D1")!.id;
    const criterion = await admin.post(
      page(draftId),
      newNode({
        kind: "criterion",
        parentId: String(dimensionId),
        code: "D1.1",
        name: "管理制度",
        weight: "0.6",
        scoring: "evaluator",
        minScore: "0",
        maxScore: "100",
        justifyBelow: "60",
        justifyAbove: "95",
      }),
    );
    expect(criterion.status).toBe(302);
    const html = await (await admin.get(page(draftId))).text();
    // The level is named by its parent's code and name, with the sum found.
    expect(html).toMatch(/D1 过程 的下级的权重之和为 0\.6|children of D1 过程 sum to 0\.6/);
    expect(html).toContain("D1.1");
    // The criterion's path weight: 1 × 0.6.
    expect(html).toMatch(/60(\.00)?%/);

    const publish = await admin.post(page(draftId), { intent: "publish" });
    expect(publish.status).toBe(400);
    expect((await frameworkRow(draftId))?.publishedAt).toBeNull();
  });

  it("refuses a node that contradicts itself, naming the node and the values", async () => {
    const response = await admin.post(
      page(draftId),
      newNode({
        kind: "criterion",
        parentId: String(dimensionId),
        code: "D1.2",
        name: "质量",
        weight: "0.4",
        minScore: "100",
        maxScore: "0",
      }),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('href="#new-minScore"');
    expect(html).toMatch(/D1\.2 质量/);
    expect(html).toMatch(/100–0/);
    expect((await nodesOf(draftId)).map((row) => row.code)).toEqual(["D1", "D1.1"]);
    const weight = await admin.post(
      page(draftId),
      newNode({
        kind: "criterion",
        parentId: String(dimensionId),
        code: "X",
        name: "x",
        weight: "2",
      }),
    );
    expect(weight.status).toBe(400);
    expect(await weight.text()).toContain('href="#new-weight"');
  });

  it("edits a criterion, adds rubric levels, reorders, and publishes once valid", async () => {
    const added = await admin.post(
      page(draftId),
      newNode({
        kind: "criterion",
        parentId: String(dimensionId),
        code: "D1.2",
        name: "质量",
        weight: "0.3",
        scoring: "kpi",
        kpiKey: "cpi",
        minScore: "0",
        maxScore: "1",
      }),
    );
    expect(added.status).toBe(302);
    const second = (await nodesOf(draftId)).find((row) => row.code === "D1.2")!;
    expect(second).toMatchObject({ scoring: "kpi", kpiKey: "cpi", justifyBelow: null });
    const edited = await admin.post(page(draftId), {
      intent: "edit-node",
      nodeId: String(second.id),
      "edit-code": "D1.2",
      "edit-name": "成本绩效",
      "edit-weight": "0.4",
      "edit-scoring": "kpi",
      "edit-kpiKey": "cpi",
      "edit-minScore": "0",
      "edit-maxScore": "1.2",
    });
    expect(edited.status).toBe(302);
    expect((await nodesOf(draftId)).find((row) => row.id === second.id)).toMatchObject({
      name: "成本绩效",
      weight: "0.400000",
      maxScore: "1.2",
    });

    const first = (await nodesOf(draftId)).find((row) => row.code === "D1.1")!;
    const level = (label: string, min: string, max: string) =>
      admin.post(page(draftId), {
        intent: "add-level",
        nodeId: String(first.id),
        "level-label": label,
        "level-minScore": min,
        "level-maxScore": max,
        "level-description": `${label} 说明`,
      });
    expect((await level("优", "90", "100")).status).toBe(302);
    expect((await level("良", "60", "89.99")).status).toBe(302);
    const overlapping = await level("中", "80", "85");
    expect(overlapping.status).toBe(400);
    expect(await overlapping.text()).toMatch(/“中”.*“良”|“良”.*“中”/);

    const moved = await admin.post(page(draftId), {
      intent: "move",
      nodeId: String(second.id),
      direction: "up",
    });
    expect(moved.status).toBe(302);
    const version = await loadFrameworkVersion(handle.db, draftId);
    expect(version?.nodes.map((row) => row.code)).toEqual(["D1", "D1.2", "D1.1"]);
    expect(version?.nodes.find((row) => row.code === "D1.1")?.levels.map((l) => l.label)).toEqual([
      "优",
      "良",
    ]);

    const publish = await admin.post(page(draftId), { intent: "publish" });
    expect(publish.status).toBe(302);
    expect((await frameworkRow(draftId))?.publishedAt).not.toBeNull();
    const html = await (await admin.get(page(draftId))).text();
    expect(html).not.toContain('value="add-node"');
    expect(html).toContain('value="new-version"');
  });

  it("never edits a published version, whatever is posted", async () => {
    const before = await nodesOf(draftId);
    const d11 = before.find((row) => row.code === "D1.1")!;
    const posts: Array<Record<string, string>> = [
      newNode({ kind: "dimension", parentId: "", code: "D9", name: "新", weight: "0" }),
      {
        intent: "edit-node",
        nodeId: String(d11.id),
        "edit-code": "D1.1",
        "edit-name": "改",
        "edit-weight": "0.6",
        "edit-minScore": "0",
        "edit-maxScore": "100",
      },
      { intent: "remove-node", nodeId: String(d11.id) },
      { intent: "move", nodeId: String(d11.id), direction: "up" },
      {
        intent: "add-level",
        nodeId: String(d11.id),
        "level-label": "差",
        "level-minScore": "0",
        "level-maxScore": "59",
        "level-description": "差",
      },
      { intent: "header", "header-name": "改名" },
      { intent: "publish" },
    ];
    for (const fields of posts) {
      const response = await admin.post(page(draftId), fields);
      expect(response.status, fields.intent).toBe(409);
    }
    const [level] = await handle.db
      .select()
      .from(schema.rubricLevels)
      .where(eq(schema.rubricLevels.criterionId, d11.id));
    const removeLevel = await admin.post(page(draftId), {
      intent: "remove-level",
      levelId: String(level!.id),
    });
    expect(removeLevel.status).toBe(409);
    expect(await nodesOf(draftId)).toEqual(before);
    expect((await frameworkRow(draftId))?.name).toBe("电子政务评价框架");
  });

  it("makes a new version as a draft copy of the latest, one draft at a time", async () => {
    const response = await admin.post(page(draftId), { intent: "new-version" });
    expect(response.status).toBe(302);
    const copyId = idOf(response);
    expect(await frameworkRow(copyId)).toMatchObject({
      code: "EGOV",
      version: 2,
      publishedAt: null,
    });
    const strip = async (id: number) => {
      const version = await loadFrameworkVersion(handle.db, id);
      return version!.nodes.map(({ id: _id, parentId, levels, ...rest }) => ({
        ...rest,
        parent: version!.nodes.find((row) => row.id === parentId)?.code ?? null,
        levels: levels.map(({ id: _level, ...level }) => level),
      }));
    };
    expect(await strip(copyId)).toEqual(await strip(draftId));
    // The copy's children hang under the copy's own dimension, not the published one's.
    const copied = await nodesOf(copyId);
    const ownIds = new Set(copied.map((row) => row.id));
    expect(copied.every((row) => row.parentId === null || ownIds.has(row.parentId))).toBe(true);
    const again = await admin.post(page(draftId), { intent: "new-version" });
    expect(again.status).toBe(409);
    expect(await auditActions(copyId)).toEqual(["framework.version_created"]);
  });

  it("records every change as an audit event", async () => {
    expect(await auditActions(draftId)).toEqual([
      "framework.created",
      "framework.node_added",
      "framework.node_added",
      "framework.node_added",
      "framework.node_updated",
      "framework.node_level_added",
      "framework.node_level_added",
      "framework.node_moved",
      "framework.published",
    ]);
  });
});

describe("a publication racing an edit", () => {
  it("lets one of them happen first: never an edit inside a published version", async () => {
    for (let round = 0; round < 4; round++) {
      const created = await createFramework(
        handle.db,
        { code: `RACE-${round}`, name: "竞争", description: null },
        ACTOR,
      );
      if (!created.ok) throw new Error("create");
      const top = await addNode(
        handle.db,
        {
          frameworkId: created.id,
          parentId: null,
          kind: "criterion",
          node: node({ code: "C1", weight: "1" }),
        },
        ACTOR,
      );
      expect(top.ok).toBe(true);
      // Valid now; the edit would make the top level sum to 1.5.
      const [publish, edit] = await Promise.all([
        publishFramework(handle.db, { frameworkId: created.id }, ACTOR),
        addNode(
          handle.db,
          {
            frameworkId: created.id,
            parentId: null,
            kind: "criterion",
            node: node({ code: "C2", weight: "0.5" }),
          },
          ACTOR,
        ),
      ]);
      const published = (await frameworkRow(created.id))?.publishedAt !== null;
      const codes = (await nodesOf(created.id)).map((row) => row.code);
      if (publish.ok) {
        expect(edit).toEqual({ ok: false, reason: "published" });
        expect(published).toBe(true);
        expect(codes).toEqual(["C1"]);
      } else {
        expect(publish.ok ? null : publish.reason).toBe("invalid");
        expect(edit.ok).toBe(true);
        expect(published).toBe(false);
        expect(codes).toEqual(["C1", "C2"]);
      }
    }
  });
});

describe("JSON export and import", () => {
  let exported: Record<string, unknown>;
  let publishedId: number;

  beforeAll(async () => {
    const [row] = await handle.db
      .select()
      .from(schema.frameworks)
      .where(and(eq(schema.frameworks.code, "EGOV"), eq(schema.frameworks.version, 1)));
    publishedId = row!.id;
  });

  it("exports a version as a JSON download in the documented shape", async () => {
    const response = await admin.get(`${page(publishedId)}.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(response.headers.get("Content-Disposition")).toMatch(/attachment.*EGOV-v1\.json/);
    exported = (await response.json()) as Record<string, unknown>;
    expect(exported).toMatchObject({
      format: "mingjing-framework/1",
      code: "EGOV",
      version: 1,
      nodes: [
        {
          kind: "dimension",
          code: "D1",
          weight: 1,
          children: [
            { code: "D1.2", scoring: "kpi", kpiKey: "cpi", min: 0, max: 1.2, weight: 0.4 },
            {
              code: "D1.1",
              scoring: "evaluator",
              min: 0,
              max: 100,
              justifyBelow: 60,
              justifyAbove: 95,
              weight: 0.6,
              rubricLevels: [
                { label: "优", min: 90, max: 100, description: "优 说明" },
                { label: "良", min: 60, max: 89.99, description: "良 说明" },
              ],
            },
          ],
        },
      ],
    });
    expect((await admin.get(`${page(999999)}.json`)).status).toBe(404);
  });

  it("imports the file as a new framework whose export is the same tree", async () => {
    const copy = { ...exported, code: "EGOV-COPY", name: "副本" };
    const response = await importJson(admin, JSON.stringify(copy));
    expect(response.status).toBe(302);
    const id = idOf(response);
    expect(await frameworkRow(id)).toMatchObject({
      code: "EGOV-COPY",
      version: 1,
      publishedAt: null,
    });
    const again = (await (await admin.get(`${page(id)}.json`)).json()) as Record<string, unknown>;
    expect(again).toEqual({ ...exported, code: "EGOV-COPY", name: "副本", version: 1 });
    expect(await auditActions(id)).toEqual(["framework.imported"]);
  });

  it("imports an existing code as its next version, refused while it has a draft", async () => {
    // EGOV has draft version 2 (the new version made above).
    const refused = await importJson(admin, JSON.stringify(exported));
    expect(refused.status).toBe(409);
    const [draft] = await handle.db
      .select()
      .from(schema.frameworks)
      .where(and(eq(schema.frameworks.code, "EGOV"), eq(schema.frameworks.version, 2)));
    expect((await admin.post(page(draft!.id), { intent: "publish" })).status).toBe(302);
    const response = await importJson(admin, JSON.stringify(exported));
    expect(response.status).toBe(302);
    expect(await frameworkRow(idOf(response))).toMatchObject({ code: "EGOV", version: 3 });
  });

  it("names the JSON path and the value of every error", async () => {
    const bad = structuredClone(exported) as {
      nodes: Array<{ children: Array<Record<string, unknown>> }>;
      code: string;
    };
    bad.code = "BAD";
    bad.nodes[0]!.children[1]!.weight = "0.6x";
    bad.nodes[0]!.children[0]!.kpiKey = "roi";
    const response = await importJson(admin, JSON.stringify(bad));
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("nodes[0].children[1].weight");
    expect(html).toContain("&quot;0.6x&quot;");
    expect(html).toContain("nodes[0].children[0].kpiKey");
    expect(html).toContain("&quot;roi&quot;");

    const syntax = await importJson(admin, '{"format": "mingjing-framework/1",');
    expect(syntax.status).toBe(400);
    expect(await syntax.text()).toMatch(/not valid JSON/);

    // Well-formed but invalid as a framework: the validation names the level and sum.
    const sums = structuredClone(exported) as typeof bad;
    sums.code = "SUMS";
    sums.nodes[0]!.children[1]!.weight = 0.5;
    const invalid = await importJson(admin, JSON.stringify(sums));
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toMatch(/D1 过程.*0\.9/);
    const codes = (await handle.db.select().from(schema.frameworks)).map((row) => row.code);
    expect(codes).not.toContain("BAD");
    expect(codes).not.toContain("SUMS");
  });
});

describe("who may use the editor", () => {
  it("answers 403 to every other role and sends the anonymous to sign in", async () => {
    const [framework] = await handle.db.select().from(schema.frameworks);
    const urls = [
      "/admin",
      "/admin/frameworks",
      page(framework!.id),
      `${page(framework!.id)}.json`,
    ];
    for (const role of ["leader", "steward", "evaluator"] as const) {
      const client = await signedIn(role);
      for (const url of urls) expect((await client.get(url)).status, `${role} ${url}`).toBe(403);
      const post = await client.post("/admin/frameworks?index", {
        intent: "create",
        code: `BY-${role}`,
        name: "x",
      });
      expect(post.status, role).toBe(403);
      const publish = await client.post(page(framework!.id), { intent: "publish" });
      expect(publish.status, role).toBe(403);
    }
    const anonymous = new TestClient(handler);
    for (const url of urls) {
      const response = await anonymous.get(url);
      expect(response.status, url).toBe(302);
      expect(response.headers.get("Location")).toMatch(/^\/login/);
    }
    const codes = (await handle.db.select().from(schema.frameworks)).map((row) => row.code);
    expect(codes.some((code) => code.startsWith("BY-"))).toBe(false);
    expect(fixture.users.admin).toBeGreaterThan(0);
  });
});

describe("justification thresholds in the evaluator's rubric form", () => {
  it("keeps a draft score that needs a justification, marked, and refuses to submit it", async () => {
    const db = handle.db;
    const [round] = await db
      .select()
      .from(schema.evaluationRounds)
      .where(eq(schema.evaluationRounds.code, "R1"));
    await db
      .update(schema.evaluationRounds)
      .set({ state: "open" })
      .where(eq(schema.evaluationRounds.id, round!.id));
    const [criterion] = await db
      .insert(schema.frameworkNodes)
      .values({
        frameworkId: round!.frameworkId,
        kind: "criterion",
        code: "T1",
        name: "功能完成质量",
        weight: "1",
        scoring: "evaluator",
        minScore: "0",
        maxScore: "100",
        justifyBelow: "60",
        justifyAbove: "95",
      })
      .returning();
    const evaluator = await signedIn("evaluator");
    const url = `/evaluation/assignments/${fixture.assignments.evaluator}`;
    expect((await evaluator.post(url, { intent: "declare", declaration: "none" })).status).toBe(
      302,
    );
    const field = `score-${criterion!.id}`;
    const justification = `justification-${criterion!.id}`;

    const form = await (await evaluator.get(url)).text();
    expect(form).toMatch(/below 60 or above 95|低于 60 分或高于 95 分/);

    const draft = await evaluator.post(`${url}/draft`, { [field]: "50" });
    expect(draft.status).toBe(200);
    const [stored] = await db
      .select()
      .from(schema.scores)
      .where(eq(schema.scores.assignmentId, fixture.assignments.evaluator));
    expect(stored).toMatchObject({ value: "50", justification: null });
    expect(await (await evaluator.get(url)).text()).toContain(`${justification}-needed`);

    const refused = await evaluator.post(url, { intent: "submit", [field]: "96" });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain(`href="#${justification}"`);
    expect(html).toMatch(/T1 功能完成质量.*96/);
    const [assignment] = await db
      .select()
      .from(schema.assignments)
      .where(eq(schema.assignments.id, fixture.assignments.evaluator));
    expect(assignment?.state).toBe("draft");

    // With its justification the same kind of score goes through.
    const submitted = await evaluator.post(url, {
      intent: "submit",
      [field]: "40",
      [justification]: "未提供验收报告",
    });
    expect(submitted.status).toBe(302);
  });
});
