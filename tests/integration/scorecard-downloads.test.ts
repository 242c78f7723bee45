/**
 * Every table of a published scorecard as CSV and JSON, through the real server, over the
 * demo's published snapshots: each download's rows equal the payload's figures (derived
 * here again, independently of db/scorecards/tables.ts), withheld figures stay empty and
 * marked, `?version=N` serves the old version, and caching answers 304 to its ETag.
 */
import Papa from "papaparse";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.server";
import * as schema from "../../db/schema/index";
import type {
  DepartmentPayload,
  ProjectPayload,
  ScorecardPayload,
  Snapshot,
} from "../../db/scorecards/payload";
import { tablesOf } from "../../db/scorecards/tables";
import { seedDemoIfEmpty } from "../../seeds/demo/seed-demo.server";
import { createAppHandler, TestClient } from "../support/app-client";
import { createTestDatabase } from "../setup/test-database";

type Row = Record<string, string | number | boolean | null>;

let handle: DbHandle;
let client: TestClient;

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemoIfEmpty(handle, "Asia/Shanghai");
  client = new TestClient(await createAppHandler(handle));
});

afterAll(async () => {
  await handle.close();
});

const breakdown = (b: ProjectPayload["ratings"]["byScore"], key: string): Row[] => [
  ...b.cells.map((cell) => ({ [key]: cell.key, count: cell.count, suppressed: cell.suppressed })),
  { [key]: "total", count: b.total, suppressed: b.totalSuppressed },
];

/** The rows each table must hold, read straight off the payload. */
function expectedTables(payload: ScorecardPayload): Record<string, Row[]> {
  const kpis = payload.kpis.map((k) => ({
    kpi: k.kpi,
    value: k.value,
    suppressed: k.suppressed,
    target_direction: k.target?.direction ?? null,
    target: k.target?.target ?? null,
    target_max: k.target?.targetMax ?? null,
    band: k.band,
  }));
  const ratings = breakdown(payload.ratings.byScore, "score");
  if (payload.subject === "project") {
    const p: ProjectPayload = payload;
    return {
      kpis,
      variances: p.variances.map((v) => ({ variance: v.key, value: v.value, band: v.band })),
      milestones: p.milestones.items.map((m) => ({
        name: m.name,
        planned_date: m.plannedDate,
        actual_date: m.actualDate,
        forecast_date: m.forecastDate,
        completed: m.completed,
      })),
      "spend-curve": p.spendCurve.map((m) => ({
        month: m.month,
        pv_yuan: m.pv,
        ac_yuan: m.ac,
        ev_yuan: m.ev,
      })),
      outcomes: p.outcomes.map((o) => ({
        code: o.code,
        name: o.name,
        unit: o.unit,
        direction: o.direction,
        baseline: o.baseline,
        target: o.target,
        actual: o.actual,
        achievement: o.achievement,
      })),
      "ratings-by-score": ratings,
    };
  }
  const d: DepartmentPayload = payload;
  return {
    kpis,
    "appeals-by-type": breakdown(d.appeals.byType, "type"),
    "appeal-trend": d.appeals.trend.map((m) => ({
      month: m.month,
      through: m.through,
      suppressed: m.suppressed,
      reply_rate: m.replyRate,
      on_time_reply_rate: m.onTimeReplyRate,
      satisfaction_rate: m.satisfactionRate,
    })),
    "take-up-trend": d.services.takeUpTrend.map((m) => ({
      month: m.month,
      digital_take_up: m.digitalTakeUp,
    })),
    projects: d.projects.map((p) => ({
      code: p.code,
      name: p.name,
      stage: p.stage,
      cpi: p.cpi,
      spi: p.spi,
      outcome_achievement: p.outcome,
      cost_band: p.costBand,
      schedule_band: p.scheduleBand,
      budget_band: p.budgetBand,
    })),
    "service-items": (d.serviceItems ?? []).map((item) => ({
      code: item.code,
      name: item.name,
      maturity: item.maturity,
      one_visit: item.oneVisit,
      high_frequency: item.highFrequency,
      time_limit_days: item.timeLimitDays,
    })),
    rectification: rectificationRows(d.rectification),
    "ratings-by-score": ratings,
  };
}

function rectificationRows(figures: DepartmentPayload["rectification"]): Row[] {
  if (!figures) return [];
  const cell = (key: string) => figures.closed.cells.find((entry) => entry.key === key)!;
  const row = (figure: string, value: number | null, suppressed: boolean) => ({
    figure,
    value: suppressed ? null : value,
    suppressed,
  });
  return [
    row("opened", figures.opened.count, figures.opened.suppressed),
    row("closed", figures.closed.total, figures.closed.totalSuppressed),
    row("closed_on_time", cell("on_time").count, cell("on_time").suppressed),
    row("closed_late", cell("late").count, cell("late").suppressed),
    row("on_time_rate", figures.onTimeRate.value, figures.onTimeRate.suppressed),
    row("overdue_open", figures.overdueOpen.count, figures.overdueOpen.suppressed),
    row(
      "median_working_days_to_close",
      figures.medianWorkingDaysToClose,
      figures.closed.totalSuppressed,
    ),
  ];
}

/** A row as its CSV line reads back: null empty, booleans and numbers as text. */
const asCsvRow = (row: Row) =>
  Object.fromEntries(
    Object.entries(row).map(([key, value]) => [key, value === null ? "" : String(value)]),
  );

async function snapshot(subject: "projects" | "departments", code: string, version?: number) {
  const query = version === undefined ? "" : `?version=${version}`;
  const response = await client.get(`/api/v1/scorecards/${subject}/${code}${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Snapshot;
}

async function csvRows(url: string) {
  const response = await client.get(url);
  expect(response.status, url).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  const bytes = new Uint8Array(await response.arrayBuffer());
  // UTF-8 with a byte-order mark, for Excel.
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.slice(3));
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(parsed.errors, url).toEqual([]);
  return { response, fields: parsed.meta.fields, rows: parsed.data };
}

/** Codes of published scorecards: the corrected project, and ones with withheld figures. */
async function publishedCodes() {
  const rows = await handle.db.select().from(schema.scorecardSnapshots);
  const corrected = rows.find((row) => row.version === 2)!;
  const withheld = (subject: "project" | "department") =>
    rows.find(
      (row) =>
        row.subject === subject &&
        (row.payload as ScorecardPayload).ratings.byScore.cells.some((cell) => cell.suppressed),
    )!.subjectCode;
  return {
    corrected: corrected.subjectCode,
    project: withheld("project"),
    department: withheld("department"),
  };
}

describe("table downloads", () => {
  it("lists the page's tables for each subject", () => {
    expect(tablesOf("project").map((table) => table.id)).toEqual([
      "kpis",
      "variances",
      "milestones",
      "spend-curve",
      "outcomes",
      "ratings-by-score",
    ]);
    expect(tablesOf("department").map((table) => table.id)).toEqual([
      "kpis",
      "appeals-by-type",
      "appeal-trend",
      "take-up-trend",
      "projects",
      "service-items",
      "rectification",
      "ratings-by-score",
    ]);
  });

  it("serves every table of a project and a department as CSV and JSON equal to the payload", async () => {
    const codes = await publishedCodes();
    for (const [subject, code] of [
      ["projects", codes.project],
      ["departments", codes.department],
      ["projects", codes.corrected],
    ] as const) {
      const published = await snapshot(subject, code);
      const expected = expectedTables(published.payload);
      expect(Object.keys(expected)).toEqual(tablesOf(published.subject).map((table) => table.id));
      for (const [table, rows] of Object.entries(expected)) {
        const base = `/scorecards/${subject}/${code}/tables/${table}`;
        const csv = await csvRows(`${base}.csv`);
        expect(csv.rows, `${base}.csv`).toEqual(rows.map(asCsvRow));
        if (rows[0]) expect(csv.fields).toEqual(Object.keys(rows[0]));
        expect(csv.response.headers.get("content-disposition")).toContain(
          `filename="${published.subject}-${code}-v${published.version}-${table}.csv"`,
        );
        const json = await client.get(`${base}.json`);
        expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
        expect(json.headers.get("content-disposition")).toContain(`-${table}.json"`);
        const body = (await json.json()) as {
          version: number;
          dataCutoff: string;
          table: string;
          rows: Row[];
        };
        expect(body).toMatchObject({
          version: published.version,
          dataCutoff: published.dataCutoff,
          table,
        });
        expect(body.rows, `${base}.json`).toEqual(rows);
      }
    }
  });

  it("leaves a withheld figure empty and marks it, as the page withholds it", async () => {
    const codes = await publishedCodes();
    for (const [subject, code] of [
      ["projects", codes.project],
      ["departments", codes.department],
    ] as const) {
      const published = await snapshot(subject, code);
      const hidden = published.payload.ratings.byScore.cells.filter((cell) => cell.suppressed);
      expect(hidden.length).toBeGreaterThan(0);
      const { rows } = await csvRows(`/scorecards/${subject}/${code}/tables/ratings-by-score.csv`);
      for (const cell of hidden) {
        expect(rows.find((row) => row.score === cell.key)).toEqual({
          score: cell.key,
          count: "",
          suppressed: "true",
        });
      }
      const shown = rows.filter((row) => row.suppressed === "false");
      expect(shown.every((row) => /^\d+$/.test(row.count ?? ""))).toBe(true);
    }
  });

  it("serves ?version=N of a corrected scorecard with the old rows, cached for good", async () => {
    const { corrected } = await publishedCodes();
    const [first, latest] = [
      await snapshot("projects", corrected, 1),
      await snapshot("projects", corrected),
    ];
    expect(latest.version).toBe(2);
    const oldRows = expectedTables(first.payload)["spend-curve"]!;
    expect(oldRows).not.toEqual(expectedTables(latest.payload)["spend-curve"]);
    const base = `/scorecards/projects/${corrected}/tables/spend-curve`;
    const old = await csvRows(`${base}.csv?version=1`);
    expect(old.rows).toEqual(oldRows.map(asCsvRow));
    expect(old.response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(old.response.headers.get("content-disposition")).toContain(
      `project-${corrected}-v1-spend-curve.csv`,
    );
    const oldJson = (await (await client.get(`${base}.json?version=1`)).json()) as { rows: Row[] };
    expect(oldJson.rows).toEqual(oldRows);
    const now = await csvRows(`${base}.csv`);
    expect(now.rows).toEqual(expectedTables(latest.payload)["spend-curve"]!.map(asCsvRow));
    expect(now.response.headers.get("cache-control")).toBe("public, max-age=60");
  });

  it("answers 304 to its ETag, and 404 to an unknown table, version or code", async () => {
    const { department } = await publishedCodes();
    const url = `/scorecards/departments/${department}/tables/kpis.json?version=1`;
    const first = await client.get(url);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await client.request(url, { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const csv = await client.request(url.replace(".json", ".csv"), {
      headers: { "If-None-Match": etag },
    });
    expect(csv.status).toBe(200);
    for (const bad of [
      `/scorecards/departments/${department}/tables/nope.csv`,
      `/scorecards/departments/${department}/tables/kpis.xlsx`,
      `/scorecards/departments/${department}/tables/spend-curve.csv`,
      `/scorecards/departments/${department}/tables/kpis.csv?version=9`,
      `/scorecards/departments/${department}/tables/kpis.csv?version=x`,
      `/scorecards/projects/${department}/tables/kpis.csv`,
      "/scorecards/departments/NO-SUCH/tables/kpis.json",
    ]) {
      expect((await client.get(bad)).status, bad).toBe(404);
    }
  });

  it("never serves a scorecard that is not published", async () => {
    const published = new Set(
      (
        await handle.db
          .select({ code: schema.scorecardSnapshots.subjectCode })
          .from(schema.scorecardSnapshots)
          .where(eq(schema.scorecardSnapshots.subject, "project"))
      ).map((row) => row.code),
    );
    const unpublished = (await handle.db.select().from(schema.projects)).find(
      (row) => !published.has(row.code),
    )!;
    const response = await client.get(`/scorecards/projects/${unpublished.code}/tables/kpis.csv`);
    expect(response.status).toBe(404);
  });

  it("links each table's downloads beside it on the scorecard page", async () => {
    const { department, corrected } = await publishedCodes();
    for (const [subject, code, version] of [
      ["departments", department, 1],
      ["projects", corrected, 2],
    ] as const) {
      const html = await (await client.get(`/scorecards/${subject}/${code}`)).text();
      const singular = subject === "projects" ? "project" : "department";
      for (const table of tablesOf(singular)) {
        for (const format of ["csv", "json"]) {
          expect(html, `${table.id}.${format}`).toContain(
            `href="/scorecards/${subject}/${code}/tables/${table.id}.${format}?version=${version}"`,
          );
        }
        // Beside the table: inside the panel that shows it.
        const panel = html.slice(
          html.indexOf(`id="${table.panel}-heading"`),
          html.indexOf("</section>", html.indexOf(`id="${table.panel}-heading"`)),
        );
        expect(panel, table.id).toContain(`/tables/${table.id}.csv`);
      }
    }
  });

  it("answers as the OpenAPI document describes the JSON downloads", async () => {
    const document = (await (await client.get("/api/openapi.json")).json()) as {
      paths: Record<string, { get: { responses: Record<string, unknown> } }>;
      components: { schemas: Record<string, Record<string, unknown>> };
    };
    const schemaOf = z.fromJSONSchema(
      document.components.schemas.PublishedTable as Parameters<typeof z.fromJSONSchema>[0],
    );
    expect(document.paths["/scorecards/projects/{code}/tables/{table}.json"]).toBeDefined();
    expect(document.paths["/scorecards/departments/{code}/tables/{table}.json"]).toBeDefined();
    const { project, department } = await publishedCodes();
    for (const url of [
      `/scorecards/projects/${project}/tables/kpis.json`,
      `/scorecards/projects/${project}/tables/milestones.json?version=1`,
      `/scorecards/departments/${department}/tables/appeal-trend.json`,
    ]) {
      const body: unknown = await (await client.get(url)).json();
      const result = schemaOf.safeParse(body);
      expect(result.success, `${url}: ${result.error?.message}`).toBe(true);
    }
    expect(schemaOf.safeParse({ table: "kpis" }).success).toBe(false);
  });
});
