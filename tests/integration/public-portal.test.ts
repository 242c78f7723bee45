/**
 * The public portal's methodology, wall screen and home headline through the real
 * server: the methodology shows the stored framework weights and every definition and
 * target; the wall cycles by itself and shows published figures only (an import after
 * publishing changes nothing on it); the home headline is the payloads' aggregate;
 * scorecard labels link to the methodology of their framework version; a correction's
 * diff names its figures.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.server";
import { runImport } from "../../db/import/run-import.server";
import { latestSnapshots } from "../../db/queries/published-scorecards.server";
import { buildDraft, publishScorecard } from "../../db/queries/scorecard-snapshots.server";
import { headlineFigures } from "../../db/scorecards/headline";
import * as schema from "../../db/schema/index";
import { FRAMEWORK_KPI_KEYS } from "../../metrics/framework-kpis";
import { createI18n } from "../../app/i18n/i18n";
import { KPI_DEFINITIONS } from "../../app/methodology/kpi-definitions";
import { createAppHandler, TestClient } from "../support/app-client";
import { loadFixture, type Fixture } from "../support/fixture";
import { createTestDatabase } from "../setup/test-database";
import { mainOf } from "../support/page-main";

const TZ = "Asia/Shanghai";
const CUTOFF = "2026-10-31";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mingjing-portal-"));
const zh = createI18n("zh");

let handle: DbHandle;
let fixture: Fixture;
let handler: (request: Request) => Promise<Response>;

const anonymous = () => new TestClient(handler);

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();

const APPEALS_HEADER =
  "external_id,channel,department_code,type,received_at,replied_at,satisfaction";

async function importAppeals(name: string, lines: string[]) {
  const filePath = path.join(dir, name);
  fs.writeFileSync(filePath, [APPEALS_HEADER, ...lines].join("\n"));
  const report = await runImport(handle.db, {
    kind: "appeals",
    filePath,
    actor: { id: fixture.users.admin, name: "admin", ip: null },
    scope: null,
    timeZone: TZ,
  });
  expect(report.outcome, JSON.stringify(report.errors.slice(0, 3))).toBe("committed");
}

const appealLine = (id: string, dept: string, day: number, replied: boolean, score: number) => {
  const date = `2026-03-${String(day).padStart(2, "0")}`;
  return `${id},12345,${dept},consultation,${date} 09:00,${replied ? `${date} 15:00` : ""},${replied ? score : ""}`;
};

async function publish(
  subject: "project" | "department",
  code: string,
  reason: string | null = null,
) {
  const outcome = await publishScorecard(
    handle.db,
    { subject, code, cutoff: CUTOFF, reason, timeZone: TZ },
    { id: fixture.users.leader, name: "leader", ip: null },
  );
  expect(outcome, `${subject} ${code}`).toMatchObject({ ok: true });
}

/** A published framework version: D1 (C1 scored, C2 bound to CPI), D2 (C3 bound to outcome). */
async function insertFramework(
  version: number,
  weights: [number, number, number],
  publishedAt: Date | null,
) {
  const [framework] = await handle.db
    .insert(schema.frameworks)
    .values({ code: "PUB-FW", version, name: `公开框架 v${version}`, publishedAt })
    .returning();
  const frameworkId = framework!.id;
  const [d1, d2] = await handle.db
    .insert(schema.frameworkNodes)
    .values([
      {
        frameworkId,
        kind: "dimension",
        code: "D1",
        name: "建设管理",
        weight: String(weights[0]),
        position: 0,
      },
      {
        frameworkId,
        kind: "dimension",
        code: "D2",
        name: "应用成效",
        weight: String(weights[1]),
        position: 1,
      },
    ])
    .returning();
  const [c1] = await handle.db
    .insert(schema.frameworkNodes)
    .values([
      {
        frameworkId,
        parentId: d1!.id,
        kind: "criterion",
        code: "C1",
        name: "制度健全",
        weight: String(weights[2]),
        position: 0,
        scoring: "evaluator",
        minScore: "0",
        maxScore: "100",
      },
      {
        frameworkId,
        parentId: d1!.id,
        kind: "criterion",
        code: "C2",
        name: "成本控制",
        weight: String(1 - weights[2]),
        position: 1,
        scoring: "kpi",
        kpiKey: "cpi",
      },
      {
        frameworkId,
        parentId: d2!.id,
        kind: "criterion",
        code: "C3",
        name: "目标完成",
        weight: "1",
        position: 0,
        scoring: "kpi",
        kpiKey: "outcome_achievement",
      },
    ])
    .returning();
  await handle.db.insert(schema.rubricLevels).values([
    {
      criterionId: c1!.id,
      label: "优",
      minScore: "90",
      maxScore: "100",
      description: "制度完备并严格执行",
    },
    {
      criterionId: c1!.id,
      label: "差",
      minScore: "0",
      maxScore: "59",
      description: "缺少基本制度",
    },
  ]);
  return frameworkId;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  fixture = await loadFixture(handle);
  handler = await createAppHandler(handle);
  await insertFramework(1, [0.6, 0.4, 0.5], new Date("2026-01-10T00:00:00Z"));
  await insertFramework(2, [0.7, 0.3, 0.25], new Date("2026-02-10T00:00:00Z"));
  await insertFramework(3, [0.5, 0.5, 0.5], null);
  // The fixture's round scores through FW v1: published, as a closed round's framework is.
  await handle.db
    .update(schema.frameworks)
    .set({ publishedAt: new Date("2026-01-01T00:00:00Z") })
    .where(eq(schema.frameworks.id, fixture.framework));
  const [round] = await handle.db.select().from(schema.evaluationRounds);
  const [project] = await handle.db
    .select()
    .from(schema.projects)
    .where(eq(schema.projects.code, "PRJ-A"));
  await handle.db
    .update(schema.evaluationRounds)
    .set({
      state: "closed",
      closedAt: new Date("2026-06-01T00:00:00Z"),
      closedBy: fixture.users.leader,
    })
    .where(eq(schema.evaluationRounds.id, round!.id));
  await handle.db.insert(schema.roundResults).values({
    roundId: round!.id,
    projectId: project!.id,
    frameworkId: fixture.framework,
    score: "80.00",
    criteria: {},
  });
  // DEPT-A: 20 consultations, 18 replied (16 rated 5, 2 rated 1); DEPT-B: 10, all replied.
  await importAppeals("appeals-1.csv", [
    ...Array.from({ length: 20 }, (_, k) =>
      appealLine(`A${k}`, "DEPT-A", 2 + k, k < 18, k < 16 ? 5 : 1),
    ),
    ...Array.from({ length: 10 }, (_, k) => appealLine(`B${k}`, "DEPT-B", 2 + k, true, 4)),
  ]);
});

afterAll(async () => {
  await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** [code, weight, effective weight] of every framework row on the page. */
function frameworkRows(html: string): Array<[string, number, number]> {
  return [
    ...html.matchAll(/data-node="([^"]+)" data-weight="([^"]+)" data-effective-weight="([^"]+)"/g),
  ].map((match) => [match[1] ?? "", Number(match[2]), Number(match[3])]);
}

async function storedWeights(version: number): Promise<Map<string, number>> {
  const rows = await handle.db
    .select({ code: schema.frameworkNodes.code, weight: schema.frameworkNodes.weight })
    .from(schema.frameworkNodes)
    .innerJoin(schema.frameworks, eq(schema.frameworks.id, schema.frameworkNodes.frameworkId))
    .where(and(eq(schema.frameworks.version, version), eq(schema.frameworks.code, "PUB-FW")));
  return new Map(rows.map((row) => [row.code, Number(row.weight)]));
}

describe("/methodology", () => {
  it("shows the latest published framework's stored weights and their products, to anyone", async () => {
    const response = await anonymous().get("/methodology");
    expect(response.status).toBe(200);
    const html = await mainOf(response);
    expect(html).toContain('data-framework="PUB-FW/2"');
    const rows = frameworkRows(html);
    const stored = await storedWeights(2);
    expect(rows.map(([code]) => code)).toEqual(["D1", "C1", "C2", "D2", "C3"]);
    for (const [code, weight] of rows) expect(weight, code).toBe(stored.get(code));
    const effective = Object.fromEntries(rows.map(([code, , value]) => [code, value]));
    expect(effective.C1).toBeCloseTo(0.7 * 0.25, 9);
    expect(effective.C2).toBeCloseTo(0.7 * 0.75, 9);
    expect(effective.C3).toBeCloseTo(0.3, 9);
    expect(effective.D1).toBeCloseTo(0.7, 9);
    // KPI bindings link to their definitions; the rubric levels are there.
    expect(html).toContain('href="#kpi-cpi"');
    expect(html).toContain('href="#kpi-outcome_achievement"');
    expect(textOf(html)).toContain("制度完备并严格执行");
  });

  it("shows an older version by ?framework&version, lists published versions only", async () => {
    const response = await anonymous().get("/methodology?framework=PUB-FW&version=1");
    expect(response.status).toBe(200);
    const html = await mainOf(response);
    expect(html).toContain('data-framework="PUB-FW/1"');
    const stored = await storedWeights(1);
    const rows = frameworkRows(html);
    expect(rows).toHaveLength(5);
    for (const [code, weight] of rows) expect(weight, code).toBe(stored.get(code));
    expect(html).toContain('href="/methodology?framework=PUB-FW&amp;version=2"');
    expect(html).not.toContain("version=3");
  });

  it("answers 404 for a draft, an unknown version or a malformed parameter", async () => {
    const client = anonymous();
    for (const url of [
      "/methodology?framework=PUB-FW&version=3",
      "/methodology?framework=PUB-FW&version=9",
      "/methodology?framework=NOPE",
      "/methodology?version=1",
      "/methodology?framework=PUB-FW&version=x",
      "/methodology?framework=%3Cscript%3E",
    ]) {
      expect((await client.get(url)).status, url).toBe(404);
    }
  });

  it("defines every KPI with its anchor and lists every target", async () => {
    const html = await mainOf(await anonymous().get("/methodology"));
    for (const key of FRAMEWORK_KPI_KEYS) expect(html, key).toContain(`id="kpi-${key}"`);
    for (const { key } of KPI_DEFINITIONS) expect(html, key).toContain(`id="kpi-${key}"`);
    const targets = await handle.db.select({ kpi: schema.kpiTargets.kpi }).from(schema.kpiTargets);
    expect(targets.length).toBeGreaterThan(10);
    for (const { kpi } of targets) expect(html, kpi).toContain(`data-target-kpi="${kpi}"`);
    for (const kind of schema.importKind.enumValues)
      expect(html, kind).toContain(`data-source="${kind}"`);
    expect(textOf(html)).toContain("互补抑制");
  });
});

describe("before anything is published", () => {
  it("the wall has one panel that refreshes to itself, and the home page says so", async () => {
    const response = await anonymous().get("/wall");
    expect(response.status).toBe(200);
    expect(response.headers.get("refresh")).toBe("15; url=/wall?panel=0");
    expect(textOf(await mainOf(response))).toContain(zh.t("wall.none"));
    const home = textOf(await mainOf(await anonymous().get("/")));
    expect(home).toContain(zh.t("headline.none"));
  });
});

describe("after publishing", () => {
  let wallBefore: string[] = [];
  let headlineBefore = "";

  const headlineOf = (html: string) =>
    /<section[^>]*aria-labelledby="headline-title"[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";

  async function wallPanels(): Promise<{ pages: string[]; refresh: string[] }> {
    const client = anonymous();
    const first = await client.get("/wall");
    // "第 1 / 5 屏": the wall says how many panels it has.
    const count = Number(/(\d+) \/ (\d+)/.exec(textOf(await mainOf(first)))?.[2] ?? "0");
    const pages: string[] = [];
    const refresh: string[] = [];
    for (let n = 0; n < count; n += 1) {
      const response = await client.get(`/wall?panel=${n}`);
      expect(response.status).toBe(200);
      refresh.push(response.headers.get("refresh") ?? "");
      const html = await response.text();
      expect(html, `panel ${n}`).toContain(`data-panel="${n}"`);
      expect(html, `panel ${n} rel=next`).toContain(
        `<link rel="next" href="/wall?panel=${(n + 1) % count}"/>`,
      );
      pages.push(/<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? "");
    }
    return { pages, refresh };
  }

  beforeAll(async () => {
    await publish("department", "DEPT-A");
    await publish("department", "DEPT-B");
    await publish("project", "PRJ-A");
  });

  it("cycles the wall: panel N moves on to N + 1, the last back to 0, each stating its dates", async () => {
    const { pages, refresh } = await wallPanels();
    // Headline, DEPT-A, DEPT-B, ratings, latest publications.
    expect(pages).toHaveLength(5);
    expect(refresh).toEqual([1, 2, 3, 4, 0].map((next) => `15; url=/wall?panel=${next}`));
    for (const [n, page] of pages.entries()) {
      expect(page, `panel ${n}`).toMatch(/class="wall-stamp"/);
      expect(textOf(page), `panel ${n}`).toContain(zh.date(CUTOFF));
      // No link or form to interact with.
      expect(page, `panel ${n}`).not.toMatch(/<(a|form|button|input)\b/);
    }
    expect(pages.map((page) => /data-kind="(\w+)"/.exec(page)?.[1])).toEqual([
      "headline",
      "department",
      "department",
      "ratings",
      "publications",
    ]);
    // Past the end wraps round; a non-number is not a panel.
    const wrapped = await anonymous().get("/wall?panel=7");
    expect(wrapped.headers.get("refresh")).toBe("15; url=/wall?panel=3");
    expect((await anonymous().get("/wall?panel=x")).status).toBe(404);
    expect((await anonymous().get("/wall?panel=-1")).status).toBe(404);
  });

  it("shows the snapshot's figures on the wall and the home page", async () => {
    const snapshots = await latestSnapshots(handle.db);
    const deptA = snapshots.find((s) => s.code === "DEPT-A")!.payload;
    if (deptA.subject !== "department") throw new Error("DEPT-A");
    const reply = deptA.kpis.find((figure) => figure.kpi === "reply_rate")!;
    expect(reply.value).toBeCloseTo(0.9, 9);
    const { pages } = await wallPanels();
    expect(textOf(pages[1] ?? "")).toContain(
      `${zh.t("scorecards.kpi.reply_rate")} ${zh.percent(0.9, 1)}`,
    );

    const expected = headlineFigures(snapshots);
    const home = await mainOf(await anonymous().get("/"));
    const figure = (name: string) => new RegExp(`data-headline="${name}">([^<]*)<`).exec(home)?.[1];
    expect(figure("departments")).toBe("2");
    expect(figure("projects")).toBe("1");
    expect(figure("replyRate")).toBe(zh.percent(expected.replyRate.median, 1));
    expect(figure("satisfactionRate")).toBe(zh.percent(expected.satisfactionRate.median, 1));
    expect(home).toMatch(/data-bands="cpi"/);
    expect(home).toContain('href="/scorecards/departments/DEPT-A"');
    for (const href of ["/rankings", "/compare", "/methodology", "/wall"])
      expect(home).toContain(`href="${href}"`);
    // The inventory is still there.
    expect(home).toContain('data-kind="appeals"');

    wallBefore = pages;
    headlineBefore = headlineOf(home);
  });

  it("leaves the wall and the headline as they were when internal data changes", async () => {
    const before = await buildDraft(handle.db, "department", "DEPT-A", CUTOFF, TZ);
    await importAppeals("appeals-2.csv", [
      ...Array.from({ length: 15 }, (_, k) => appealLine(`A2-${k}`, "DEPT-A", 2 + k, false, 1)),
    ]);
    const after = await buildDraft(handle.db, "department", "DEPT-A", CUTOFF, TZ);
    // The data did move: a live read would show it.
    expect(after?.kpis).not.toEqual(before?.kpis);
    const { pages } = await wallPanels();
    expect(pages).toEqual(wallBefore);
    expect(headlineOf(await mainOf(await anonymous().get("/")))).toBe(headlineBefore);
  });

  it("links each scorecard figure to its definition in the scorecard's framework version", async () => {
    const project = await mainOf(await anonymous().get("/scorecards/projects/PRJ-A"));
    for (const kpi of [
      "budget_execution",
      "cpi",
      "spi",
      "outcome_achievement",
      "variances",
      "service_rating",
    ]) {
      expect(project, kpi).toContain(`href="/methodology?framework=FW&amp;version=1#kpi-${kpi}"`);
    }
    const target = await anonymous().get("/methodology?framework=FW&version=1");
    expect(target.status).toBe(200);
    const department = await mainOf(await anonymous().get("/scorecards/departments/DEPT-A"));
    for (const kpi of [
      "reply_rate",
      "satisfaction_rate",
      "digital_take_up",
      "received",
      "rated_share",
    ]) {
      expect(department, kpi).toContain(`href="/methodology#kpi-${kpi}"`);
    }
  });

  it("names a correction's changed figures in words, never by payload path", async () => {
    await publish("department", "DEPT-A", "Appeals imported late");
    const html = await mainOf(await anonymous().get("/scorecards/departments/DEPT-A?version=2"));
    const diff = /<table class="scorecard-diff">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? "";
    const names = [...diff.matchAll(/<th scope="row">([\s\S]*?)<\/th>/g)].map((m) =>
      textOf(m[1] ?? ""),
    );
    expect(names.length).toBeGreaterThan(3);
    expect(names).toContain(zh.t("figure.appeals.byType.total"));
    expect(names).toContain(zh.t("scorecards.kpi.reply_rate"));
    for (const name of names) expect(name).not.toMatch(/^[a-z]+[A-Za-z]*\.[\w.-]+$/);
  });
});
