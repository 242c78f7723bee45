/**
 * Published scorecards through the real server: who may publish, what the public and
 * the open data API see, that a published version never moves when internal data does,
 * corrections and their diffs, small-count suppression, ETags and the OpenAPI document.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.server";
import { runImport } from "../../db/import/run-import.server";
import { buildDraft, publishScorecard } from "../../db/queries/scorecard-snapshots.server";
import * as schema from "../../db/schema/index";
import { createAppHandler, TestClient } from "../support/app-client";
import { FIXTURE_PASSWORD, loadFixture, type Fixture } from "../support/fixture";
import { createTestDatabase } from "../setup/test-database";
import { mainOf } from "../support/page-main";

const TZ = "Asia/Shanghai";
const CUTOFF = "2026-10-31";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mingjing-scorecards-"));

let handle: DbHandle;
let fixture: Fixture;
let handler: (request: Request) => Promise<Response>;

async function signedIn(username: string): Promise<TestClient> {
  const client = new TestClient(handler, `198.51.100.${Math.floor(Math.random() * 200) + 20}`);
  const response = await client.signIn(username, FIXTURE_PASSWORD);
  expect(response.status, `sign-in of ${username}`).toBe(302);
  return client;
}

const anonymous = () => new TestClient(handler);

/** What a page shows: the <main> element (the header holds per-request CSRF tokens). */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

async function importCsv(kind: "appeals" | "projects", name: string, lines: string[]) {
  const filePath = path.join(dir, name);
  fs.writeFileSync(filePath, lines.join("\n"));
  const report = await runImport(handle.db, {
    kind,
    filePath,
    actor: { id: fixture.users.admin, name: "admin", ip: null },
    scope: null,
    timeZone: TZ,
  });
  expect(report.outcome, JSON.stringify(report.errors.slice(0, 3))).toBe("committed");
}

const APPEALS_HEADER =
  "external_id,channel,department_code,type,received_at,replied_at,satisfaction";
const appeal = (id: string, type: string, day: number) =>
  `${id},12345,DEPT-A,${type},2026-03-${String(day).padStart(2, "0")} 09:00,2026-03-${String(day).padStart(2, "0")} 15:00,5`;

async function auditActions(): Promise<string[]> {
  const rows = await handle.db
    .select({ action: schema.auditEvents.action, objectId: schema.auditEvents.objectId })
    .from(schema.auditEvents)
    .where(eq(schema.auditEvents.objectKind, "scorecard"))
    .orderBy(schema.auditEvents.id);
  return rows.map((row) => `${row.action} ${row.objectId}`);
}

beforeAll(async () => {
  handle = await createTestDatabase();
  fixture = await loadFixture(handle);
  handler = await createAppHandler(handle);
  const db = handle.db;
  const [project] = await db
    .select()
    .from(schema.projects)
    .where(eq(schema.projects.code, "PRJ-A"));
  // Ratings of PRJ-A per score 1–5: 3, 0, 7, 20, 30; one more 1 withdrawn by an upheld appeal.
  const counts = [3, 0, 7, 20, 30];
  const ratings = counts.flatMap((n, index) =>
    Array.from({ length: n }, (_, k) => ({
      externalId: `R-${index + 1}-${k}`,
      target: "project" as const,
      projectId: project!.id,
      score: index + 1,
      ratedAt: new Date("2026-05-01T02:00:00Z"),
    })),
  );
  await db.insert(schema.ratings).values(ratings);
  const [withdrawn] = await db
    .insert(schema.ratings)
    .values({
      externalId: "R-malicious",
      target: "project",
      projectId: project!.id,
      score: 1,
      ratedAt: new Date("2026-05-02T02:00:00Z"),
    })
    .returning();
  await db.insert(schema.ratingAppeals).values({
    ratingId: withdrawn!.id,
    reason: "The same person rated 1 from many accounts.",
    filedBy: fixture.users.steward,
    state: "upheld",
    decisionReason: "Confirmed by the hotline's records.",
    decidedBy: fixture.users.leader,
    decidedAt: new Date("2026-05-10T02:00:00Z"),
  });
  // The fixture's round, closed, with PRJ-A's stored final score.
  const [round] = await db.select().from(schema.evaluationRounds);
  await db
    .update(schema.evaluationRounds)
    .set({
      state: "closed",
      closedAt: new Date("2026-06-01T00:00:00Z"),
      closedBy: fixture.users.leader,
    })
    .where(eq(schema.evaluationRounds.id, round!.id));
  await db.insert(schema.roundResults).values({
    roundId: round!.id,
    projectId: project!.id,
    frameworkId: round!.frameworkId,
    score: "83.50",
    criteria: {},
  });
  // DEPT-A's appeals: 2 complaints (under 5) and 12 consultations.
  await importCsv("appeals", "appeals-1.csv", [
    APPEALS_HEADER,
    appeal("C1", "complaint", 2),
    appeal("C2", "complaint", 3),
    ...Array.from({ length: 12 }, (_, k) => appeal(`Q${k}`, "consultation", 4 + k)),
  ]);
});

afterAll(async () => {
  await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const publishForm = (cutoff: string, reason?: string) => ({
  cutoff,
  ...(reason === undefined ? {} : { reason }),
});

/** Publishes as a leader does: opens the draft at the cut-off, then posts its form. */
async function publishViaForm(
  client: TestClient,
  pathname: string,
  cutoff: string,
  reason?: string,
) {
  const page = await client.get(`${pathname}?cutoff=${cutoff}`);
  const digest = /name="draft" value="([^"]*)"/.exec(await page.text())?.[1];
  if (!digest) throw new Error(`no draft digest on ${pathname}`);
  return client.post(pathname, { ...publishForm(cutoff, reason), draft: digest });
}

describe("publishing: who may", () => {
  it("shows nothing to the public before publishing", async () => {
    const client = anonymous();
    expect((await client.get("/scorecards/projects/PRJ-A")).status).toBe(404);
    expect((await client.get("/api/v1/scorecards/projects/PRJ-A")).status).toBe(404);
    expect((await client.get("/api/v1/scorecards/projects/PRJ-A/versions")).status).toBe(404);
  });

  it("sends anonymous visitors to sign in, and refuses evaluators and stewards (403)", async () => {
    const visitor = anonymous();
    const list = await visitor.get("/dashboard/scorecards");
    expect(list.status).toBe(302);
    expect(list.headers.get("location")).toMatch(/^\/login/);
    for (const username of ["evaluator", "steward"]) {
      const client = await signedIn(username);
      expect((await client.get("/dashboard/scorecards")).status, username).toBe(403);
      expect((await client.get("/dashboard/scorecards/projects/PRJ-A")).status, username).toBe(403);
      const post = await client.post("/dashboard/scorecards/projects/PRJ-A", publishForm(CUTOFF));
      expect(post.status, username).toBe(403);
    }
    expect(await auditActions()).toEqual([]);
  });

  it("lets a leader review the draft and publish version 1", async () => {
    const leader = await signedIn("leader");
    const list = await leader.get("/dashboard/scorecards");
    expect(list.status).toBe(200);
    const listText = textOf(await mainOf(list));
    expect(listText).toContain("PRJ-A");
    expect(listText).toContain("DEPT-B");

    const draft = await leader.get(`/dashboard/scorecards/projects/PRJ-A?cutoff=${CUTOFF}`);
    expect(draft.status).toBe(200);
    const draftHtml = await mainOf(draft);
    expect(draftHtml).toContain("甲项目");
    expect(draftHtml).toContain('name="cutoff"');
    expect((await leader.get("/dashboard/scorecards/projects/NO-SUCH")).status).toBe(404);
    expect((await leader.get("/dashboard/scorecards/rounds/PRJ-A")).status).toBe(404);

    const published = await publishViaForm(leader, "/dashboard/scorecards/projects/PRJ-A", CUTOFF);
    expect(published.status).toBe(302);
    expect(published.headers.get("location")).toBe("/scorecards/projects/PRJ-A?version=1");
    const department = await publishViaForm(
      leader,
      "/dashboard/scorecards/departments/DEPT-A",
      CUTOFF,
    );
    expect(department.status).toBe(302);
    expect(await auditActions()).toEqual([
      "scorecard.published project/PRJ-A/1",
      "scorecard.published department/DEPT-A/1",
    ]);
    // The draft shown to the leader is the page the public now gets, panel for panel
    // (but for the stamps: "draft" there, the publication date here).
    const publicPage = await mainOf(await anonymous().get("/scorecards/projects/PRJ-A"));
    const panels = (html: string) =>
      textOf(
        html
          .slice(
            html.indexOf('id="kpis-heading"'),
            html.indexOf('<section class="scorecard-panel" aria-labelledby="changelog') >>> 0,
          )
          .replace(/<p class="scorecard-stamp">[^<]*<\/p>/g, ""),
      );
    expect(panels(publicPage)).toContain("83.5");
    expect(panels(publicPage)).toBe(panels(draftHtml));
  });

  it("refuses a cut-off after today or not a date, naming the value", async () => {
    const leader = await signedIn("leader");
    const response = await publishViaForm(
      leader,
      "/dashboard/scorecards/projects/PRJ-B",
      "2999-01-01",
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("2999-01-01");
  });
  it("refuses to publish a draft whose data moved after the leader reviewed it (409)", async () => {
    const leader = await signedIn("leader");
    const pathname = "/dashboard/scorecards/departments/DEPT-B";
    const page = await leader.get(`${pathname}?cutoff=${CUTOFF}`);
    const digest = /name="draft" value="([^"]*)"/.exec(await page.text())?.[1] ?? "";
    await importCsv("appeals", "appeals-b.csv", [
      APPEALS_HEADER,
      ...Array.from(
        { length: 6 },
        (_, k) => `B${k},12345,DEPT-B,complaint,2026-04-0${k + 1} 09:00,,`,
      ),
    ]);
    const refused = await leader.post(pathname, { ...publishForm(CUTOFF), draft: digest });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("数据在您审阅后有变化");
    expect((await anonymous().get("/api/v1/scorecards/departments/DEPT-B")).status).toBe(404);
    expect(await publishViaForm(leader, pathname, CUTOFF)).toHaveProperty("status", 302);
  });
});

describe("what the public sees", () => {
  it("shows the project's published figures, suppressing small counts and their complement", async () => {
    const page = await anonymous().get("/scorecards/projects/PRJ-A");
    expect(page.status).toBe(200);
    const text = textOf(await mainOf(page));
    expect(text).toContain("甲项目");
    expect(text).toContain("83.5");
    expect(text).toContain("FW");
    expect(text).toContain("数据截至 2026年10月31日");
    expect(text).toContain("不予公布");

    const api = await anonymous().get("/api/v1/scorecards/projects/PRJ-A");
    const body = (await api.json()) as {
      version: number;
      payload: {
        ratings: {
          rated: number;
          byScore: {
            cells: Array<{ key: string; count: number | null; suppressed: boolean }>;
            total: number;
          };
        };
        evaluation: { score: number; framework: { code: string; version: number } };
      };
    };
    expect(body.version).toBe(1);
    // 60 counted: the upheld appeal's rating is out of every figure.
    expect(body.payload.ratings.rated).toBe(60);
    expect(body.payload.ratings.byScore.total).toBe(60);
    expect(body.payload.ratings.byScore.cells.map((cell) => cell.count)).toEqual([
      null,
      0,
      null,
      20,
      30,
    ]);
    expect(body.payload.ratings.byScore.cells.map((cell) => cell.suppressed)).toEqual([
      true,
      false,
      true,
      false,
      false,
    ]);
    // 3 bad reviews of 60 would be a 5.0 % share, and the mean would tell the 1s from the
    // 3s: both go with the cells. The satisfied share (4s and 5s, both shown) is no secret.
    expect(body.payload.ratings).toMatchObject({
      suppressed: true,
      meanRating: null,
      badReviewRate: null,
      satisfactionRate: 50 / 60,
    });
    expect(body.payload.evaluation).toMatchObject({
      score: 83.5,
      framework: { code: "FW", version: 1 },
    });
    // Neither the 3 nor its complement 7 appears anywhere in the ratings published.
    expect(JSON.stringify(body.payload.ratings)).not.toMatch(/"count":(3|7)\b/);
  });

  it("suppresses the complaint count and its complement on the department's page and API", async () => {
    const api = await anonymous().get("/api/v1/scorecards/departments/DEPT-A");
    expect(api.status).toBe(200);
    const body = (await api.json()) as {
      payload: {
        appeals: { byType: { cells: Array<{ key: string; count: number | null }>; total: number } };
      };
    };
    expect(body.payload.appeals.byType.total).toBe(14);
    expect(
      Object.fromEntries(body.payload.appeals.byType.cells.map((cell) => [cell.key, cell.count])),
    ).toEqual({ complaint: null, consultation: null, suggestion: 0, praise: 0 });
    const page = await anonymous().request("/scorecards/departments/DEPT-A", {
      headers: { "Accept-Language": "en" },
    });
    expect(page.status).toBe(200);
    const html = await mainOf(page);
    const byType = html.slice(
      html.indexOf("Appeals by type"),
      html.indexOf("Replies and satisfaction"),
    );
    expect(byType).not.toMatch(/>\s*(2|12)\s*</);
  });

  it("answers 404 for an unknown code or version", async () => {
    const client = anonymous();
    for (const url of [
      "/scorecards/projects/NO-SUCH",
      "/scorecards/projects/PRJ-A?version=2",
      "/scorecards/projects/PRJ-A?version=abc",
      "/scorecards/projects/PRJ-A?version=0",
      "/scorecards/departments/PRJ-A",
      "/api/v1/scorecards/projects/PRJ-A?version=9",
      "/api/v1/scorecards/departments/NO-SUCH",
    ]) {
      expect((await client.get(url)).status, url).toBe(404);
    }
  });
});

describe("a published version never moves", () => {
  it("answers byte for byte the same after an import changes the internal data", async () => {
    const client = anonymous();
    const before = {
      project: await client.get("/api/v1/scorecards/projects/PRJ-A?version=1"),
      department: await client.get("/api/v1/scorecards/departments/DEPT-A"),
    };
    const bodies = {
      project: await before.project.text(),
      department: await before.department.text(),
    };
    const pages = {
      project: await mainOf(await client.get("/scorecards/projects/PRJ-A")),
      department: await mainOf(await client.get("/scorecards/departments/DEPT-A")),
    };
    const draftBefore = await buildDraft(handle.db, "department", "DEPT-A", CUTOFF, TZ);

    await importCsv("appeals", "appeals-2.csv", [
      APPEALS_HEADER,
      ...Array.from({ length: 9 }, (_, k) => appeal(`N${k}`, "complaint", 5 + k)),
    ]);
    await importCsv("projects", "projects.csv", [
      "code,name,department_code,budget,stage",
      "PRJ-A,甲项目（更名）,DEPT-A,1500000,operation",
    ]);

    // The internal figures did change: a new draft differs.
    const draftAfter = await buildDraft(handle.db, "department", "DEPT-A", CUTOFF, TZ);
    expect(draftAfter).not.toEqual(draftBefore);
    const project = await client.get("/api/v1/scorecards/projects/PRJ-A?version=1");
    const department = await client.get("/api/v1/scorecards/departments/DEPT-A");
    expect(await project.text()).toBe(bodies.project);
    expect(await department.text()).toBe(bodies.department);
    expect(project.headers.get("etag")).toBe(before.project.headers.get("etag"));
    expect(await mainOf(await client.get("/scorecards/projects/PRJ-A"))).toBe(pages.project);
    expect(await mainOf(await client.get("/scorecards/departments/DEPT-A"))).toBe(pages.department);
    expect(pages.project).not.toContain("更名");
  });
});

describe("corrections", () => {
  it("needs a reason, then publishes version 2 with a change log and a diff", async () => {
    const leader = await signedIn("leader");
    const refused = await publishViaForm(
      leader,
      "/dashboard/scorecards/projects/PRJ-A",
      CUTOFF,
      "  ",
    );
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("更正原因");
    const draft = await leader.get("/dashboard/scorecards/projects/PRJ-A");
    expect(await mainOf(draft)).toContain('name="reason"');

    const reason = "项目名称与批复金额经复核更正";
    const corrected = await publishViaForm(
      leader,
      "/dashboard/scorecards/projects/PRJ-A",
      CUTOFF,
      reason,
    );
    expect(corrected.status).toBe(302);
    expect(corrected.headers.get("location")).toBe("/scorecards/projects/PRJ-A?version=2");
    expect((await auditActions()).at(-1)).toBe("scorecard.corrected project/PRJ-A/2");

    const latest = textOf(await mainOf(await anonymous().get("/scorecards/projects/PRJ-A")));
    expect(latest).toContain("甲项目（更名）");
    expect(latest).toContain(reason);
    expect(latest).toContain("与第 1 版相比的变化");
    // The diff names the changed figure in words (not its payload path), before → after.
    expect(latest).toMatch(/名称 甲项目 甲项目（更名）/);
    expect(latest).toMatch(/批复预算 BAC（元） 1,000,000 1,500,000/);
    const first = textOf(
      await mainOf(await anonymous().get("/scorecards/projects/PRJ-A?version=1")),
    );
    expect(first).toContain("这是第 1 版，不是最新版本");
    expect(first).not.toContain("更名");

    const versions = (await (
      await anonymous().get("/api/v1/scorecards/projects/PRJ-A/versions")
    ).json()) as {
      versions: Array<{ version: number; correctionReason: string | null; url: string }>;
    };
    expect(versions.versions).toEqual([
      expect.objectContaining({
        version: 1,
        correctionReason: null,
        url: "/api/v1/scorecards/projects/PRJ-A?version=1",
      }),
      expect.objectContaining({ version: 2, correctionReason: reason }),
    ]);
  });

  it("gives two parallel publications versions 1 and 2, never the same number", async () => {
    const actor = { id: fixture.users.leader, name: "leader", ip: null };
    const publish = () =>
      publishScorecard(
        handle.db,
        { subject: "project", code: "PRJ-B", cutoff: CUTOFF, reason: "parallel", timeZone: TZ },
        actor,
      );
    const outcomes = await Promise.all([publish(), publish()]);
    expect(outcomes.map((outcome) => (outcome.ok ? outcome.version : 0)).sort()).toEqual([1, 2]);
    const rows = await handle.db
      .select({
        version: schema.scorecardSnapshots.version,
        reason: schema.scorecardSnapshots.correctionReason,
      })
      .from(schema.scorecardSnapshots)
      .where(
        and(
          eq(schema.scorecardSnapshots.subject, "project"),
          eq(schema.scorecardSnapshots.subjectCode, "PRJ-B"),
        ),
      )
      .orderBy(schema.scorecardSnapshots.version);
    expect(rows).toEqual([
      { version: 1, reason: null },
      { version: 2, reason: "parallel" },
    ]);
  });
});

describe("open data API", () => {
  it("answers 304 to If-None-Match, caching versions for good and the latest briefly", async () => {
    const client = anonymous();
    const versioned = await client.get("/api/v1/scorecards/projects/PRJ-A?version=1");
    expect(versioned.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const etag = versioned.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await client.request("/api/v1/scorecards/projects/PRJ-A?version=1", {
      headers: { "If-None-Match": etag },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const latest = await client.get("/api/v1/scorecards/projects/PRJ-A");
    expect(latest.headers.get("cache-control")).toBe("public, max-age=60");
    expect(latest.headers.get("etag")).not.toBe(etag);
    const stale = await client.request("/api/v1/scorecards/projects/PRJ-A", {
      headers: { "If-None-Match": etag },
    });
    expect(stale.status).toBe(200);
  });

  it("lists publications since a date, and refuses a bad date with 400", async () => {
    const client = anonymous();
    const feed = (await (await client.get("/api/v1/publications?since=2000-01-01")).json()) as {
      publications: Array<{ subject: string; code: string; version: number }>;
    };
    expect(
      feed.publications.map((row) => `${row.subject}/${row.code}/${row.version}`).sort(),
    ).toEqual([
      "department/DEPT-A/1",
      "department/DEPT-B/1",
      "project/PRJ-A/1",
      "project/PRJ-A/2",
      "project/PRJ-B/1",
      "project/PRJ-B/2",
    ]);
    const future = (await (await client.get("/api/v1/publications?since=2999-01-01")).json()) as {
      publications: unknown[];
    };
    expect(future.publications).toEqual([]);
    const bad = await client.get("/api/v1/publications?since=yesterday");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("yesterday");
  });

  it("answers as its OpenAPI 3.1 document describes", async () => {
    const client = anonymous();
    const document = (await (await client.get("/api/openapi.json")).json()) as {
      openapi: string;
      paths: Record<
        string,
        {
          get: {
            responses: Record<string, { content?: Record<string, { schema: { $ref: string } }> }>;
          };
        }
      >;
      components: { schemas: Record<string, Record<string, unknown>> };
    };
    expect(document.openapi).toBe("3.1.0");
    const schemaOf = (pathKey: string) => {
      const ref =
        document.paths[pathKey]?.get.responses["200"]?.content?.["application/json"]?.schema.$ref;
      const name = ref?.replace("#/components/schemas/", "") ?? "";
      const schema = document.components.schemas[name];
      if (!schema) throw new Error(`no schema for ${pathKey}`);
      return z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
    };
    const cases = [
      ["/api/v1/scorecards/projects/{code}", "/api/v1/scorecards/projects/PRJ-A"],
      ["/api/v1/scorecards/projects/{code}", "/api/v1/scorecards/projects/PRJ-A?version=1"],
      ["/api/v1/scorecards/departments/{code}", "/api/v1/scorecards/departments/DEPT-A"],
      ["/api/v1/scorecards/projects/{code}/versions", "/api/v1/scorecards/projects/PRJ-A/versions"],
      [
        "/api/v1/scorecards/departments/{code}/versions",
        "/api/v1/scorecards/departments/DEPT-A/versions",
      ],
      ["/api/v1/publications", "/api/v1/publications?since=2000-01-01"],
    ] as const;
    for (const [pathKey, url] of cases) {
      const body: unknown = await (await client.get(url)).json();
      const result = schemaOf(pathKey).safeParse(body);
      expect(result.success, `${url}: ${result.error?.message}`).toBe(true);
    }
    // The check has teeth: a figure of the wrong type fails it.
    const body = (await (await client.get("/api/v1/scorecards/projects/PRJ-A")).json()) as {
      payload: { facts: { bacYuan: unknown } };
    };
    body.payload.facts.bacYuan = "1500000";
    expect(schemaOf("/api/v1/scorecards/projects/{code}").safeParse(body).success).toBe(false);
  });
});
