/**
 * The public rankings through the real server, on the demo's published scorecards: built
 * from snapshots only (an import changes nothing until a new version is published), the
 * CSV and JSON downloads hold the page's rows, and a ranking is computed once per set of
 * published versions. Also the rectification figures of a published department scorecard.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.server";
import { runImport } from "../../db/import/run-import.server";
import { loadPublicRanking } from "../../db/queries/public-rankings.server";
import { buildDraft, publishScorecard } from "../../db/queries/scorecard-snapshots.server";
import * as schema from "../../db/schema/index";
import { DEFAULT_LAST_DAY } from "../../seeds/demo/generate";
import { seedDemoIfEmpty } from "../../seeds/demo/seed-demo.server";
import { createAppHandler, TestClient } from "../support/app-client";
import { createTestDatabase } from "../setup/test-database";
import { mainOf as mainOfPage } from "../support/page-main";

const TZ = "Asia/Shanghai";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mingjing-rankings-"));

let handle: DbHandle;
let handler: (request: Request) => Promise<Response>;
let adminId: number;
let leaderId: number;

const anonymous = () => new TestClient(handler);

async function mainOf(response: Response): Promise<string> {
  expect(response.status).toBe(200);
  return mainOfPage(response);
}

/** The rows of the page's ranking table: [rank, code, scorecard link]. */
function pageRows(main: string, subject: string): string[][] {
  const table = new RegExp(`<table[^>]*id="ranking-${subject}"[\\s\\S]*?</table>`).exec(main)?.[0];
  if (!table) return [];
  return [
    ...table.matchAll(/<tr data-code="([^"]+)"><td[^>]*>([^<]+)<\/td><th[^>]*><a href="([^"]+)"/g),
  ].map((match) => [match[2]!, match[1]!, match[3]!.replace(/&amp;/g, "&")]);
}

function unrankedCodes(main: string, subject: string): string[] {
  const table = new RegExp(`<table[^>]*id="unranked-${subject}"[\\s\\S]*?</table>`).exec(main)?.[0];
  return table ? [...table.matchAll(/<tr data-code="([^"]+)"/g)].map((match) => match[1]!) : [];
}

function csvRows(text: string): Record<string, string>[] {
  // Response.text() drops the byte-order mark the download starts with.
  return Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: true,
  }).data;
}

async function importAppeals(departmentCode: string) {
  const filePath = path.join(dir, "appeals.csv");
  const lines = [
    "external_id,channel,department_code,type,received_at,replied_at,satisfaction",
    ...Array.from(
      { length: 30 },
      (_, k) =>
        `RANK-${k},12345,${departmentCode},complaint,2026-09-${String(1 + (k % 28)).padStart(2, "0")} 09:00,,1`,
    ),
  ];
  fs.writeFileSync(filePath, lines.join("\n"));
  const report = await runImport(handle.db, {
    kind: "appeals",
    filePath,
    actor: { id: adminId, name: "admin", ip: null },
    scope: null,
    timeZone: TZ,
  });
  expect(report.outcome, JSON.stringify(report.errors.slice(0, 3))).toBe("committed");
}

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemoIfEmpty(handle, TZ);
  handler = await createAppHandler(handle);
  const users = await handle.db.select().from(schema.users);
  adminId = users.find((user) => user.username === "admin")!.id;
  leaderId = users.find((user) => user.username === "leader")!.id;
});

afterAll(async () => {
  await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("/rankings", () => {
  it("ranks the published projects by the framework and lists the rest as not ranked", async () => {
    const main = await mainOf(await anonymous().get("/rankings"));
    const rows = pageRows(main, "projects");
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.map((row) => row[0])).toEqual(rows.map((_, index) => String(index + 1)));
    for (const row of rows) expect(row[2]).toMatch(/^\/scorecards\/projects\/[^?]+\?version=\d+$/);
    // Every published project appears once, ranked or not.
    const published = await handle.db
      .selectDistinct({ code: schema.scorecardSnapshots.subjectCode })
      .from(schema.scorecardSnapshots)
      .where(eq(schema.scorecardSnapshots.subject, "project"));
    expect(new Set([...rows.map((row) => row[1]), ...unrankedCodes(main, "projects")])).toEqual(
      new Set(published.map((row) => row.code)),
    );
    expect(main).toContain("MJ-EGOV");
    expect(main).toMatch(/在 1,000 次重新加权中，有 90% 的情况下/);
    expect(main).toContain('class="chart-svg rank-band-chart"');
    expect(main).toContain('data-testid="ranking-stamp"');
  });

  it("switches to departments by the address, and refuses an unknown subject", async () => {
    const main = await mainOf(await anonymous().get("/rankings?subject=departments"));
    expect(main).toMatch(/<a href="\/rankings\?subject=departments" aria-current="page"/);
    const rows = pageRows(main, "departments");
    expect(rows.length).toBeGreaterThan(1);
    expect(rows[0]![2]).toMatch(/^\/scorecards\/departments\//);
    expect((await anonymous().get("/rankings?subject=regions")).status).toBe(404);
  });

  it("offers CSV and JSON downloads holding the page's rows", async () => {
    for (const subject of ["projects", "departments"] as const) {
      const main = await mainOf(await anonymous().get(`/rankings?subject=${subject}`));
      const csv = await anonymous().get(`/rankings/${subject}.csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get("content-disposition")).toContain(`rankings-${subject}.csv`);
      const rows = csvRows(await csv.text());
      const ranked = rows.filter((row) => row.rank !== "");
      expect(ranked.map((row) => [row.rank, row.code, row.scorecard_url])).toEqual(
        pageRows(main, subject),
      );
      expect(rows.filter((row) => row.rank === "").map((row) => row.code)).toEqual(
        unrankedCodes(main, subject),
      );
      const json = await anonymous().get(`/rankings/${subject}.json`);
      expect(json.headers.get("content-disposition")).toContain(`rankings-${subject}.json`);
      const body = (await json.json()) as {
        ranked: Array<{ rank: number; code: string; rankP5: number; rankP95: number }>;
      };
      expect(body.ranked.map((row) => [String(row.rank), row.code])).toEqual(
        ranked.map((row) => [row.rank, row.code]),
      );
      expect(body.ranked.map((row) => [String(row.rankP5), String(row.rankP95)])).toEqual(
        ranked.map((row) => [row.rank_p5, row.rank_p95]),
      );
    }
  });

  it("computes a ranking once per set of published versions", async () => {
    const first = await loadPublicRanking(handle.db, "departments");
    expect(await loadPublicRanking(handle.db, "departments")).toBe(first);
  });

  it("stays the same after an import until a new version is published", async () => {
    const client = anonymous();
    const before = {
      page: await mainOf(await client.get("/rankings?subject=departments")),
      csv: await (await client.get("/rankings/departments.csv")).text(),
      projects: await mainOf(await client.get("/rankings")),
    };
    const [last] = csvRows(before.csv)
      .filter((row) => row.rank !== "")
      .slice(-1);
    const code = last!.code!;
    const draftBefore = await buildDraft(handle.db, "department", code, DEFAULT_LAST_DAY, TZ);
    // Thirty unanswered complaints, each rated 1: a department's figures fall.
    await importAppeals(code);
    const draftAfter = await buildDraft(handle.db, "department", code, DEFAULT_LAST_DAY, TZ);
    expect(draftAfter).not.toEqual(draftBefore);

    expect(await mainOf(await client.get("/rankings?subject=departments"))).toBe(before.page);
    expect(await (await client.get("/rankings/departments.csv")).text()).toBe(before.csv);
    expect(await mainOf(await client.get("/rankings"))).toBe(before.projects);

    const outcome = await publishScorecard(
      handle.db,
      {
        subject: "department",
        code,
        cutoff: DEFAULT_LAST_DAY,
        reason: "Late appeals imported",
        timeZone: TZ,
      },
      { id: leaderId, name: "leader", ip: null },
    );
    expect(outcome).toEqual({ ok: true, version: 2 });
    const after = csvRows(await (await client.get("/rankings/departments.csv")).text());
    expect(after.find((row) => row.code === code)).toMatchObject({
      scorecard_version: "2",
      scorecard_url: `/scorecards/departments/${encodeURIComponent(code)}?version=2`,
    });
    expect(await mainOf(await client.get("/rankings?subject=departments"))).not.toBe(before.page);
  });
});

describe("a department scorecard's rectification figures", () => {
  it("are published with the scorecard and shown on its public page", async () => {
    const [snapshot] = await handle.db
      .select()
      .from(schema.scorecardSnapshots)
      .where(eq(schema.scorecardSnapshots.subject, "department"))
      .limit(1);
    const payload = snapshot!.payload as { rectification?: { onTimeRate: { kpi: string } } };
    expect(payload.rectification?.onTimeRate.kpi).toBe("rectification_on_time_rate");
    const main = await mainOf(
      await anonymous().get(`/scorecards/departments/${encodeURIComponent(snapshot!.subjectCode)}`),
    );
    expect(main).toContain('id="rectification-heading"');
    expect(main).toContain('data-figure="on-time-rate"');
  });
});
