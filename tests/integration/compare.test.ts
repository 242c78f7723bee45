/**
 * /compare through the real server, over the demo's published snapshots: 2, 3 and 5
 * scorecards side by side with the snapshots' own figures; six, a mix of subjects, a
 * duplicate and an unpublished code refused with a message on the page, never a crash.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.server";
import * as schema from "../../db/schema/index";
import type { ProjectPayload, Snapshot } from "../../db/scorecards/payload";
import { seedDemoIfEmpty } from "../../seeds/demo/seed-demo.server";
import { createAppHandler, TestClient } from "../support/app-client";
import { createTestDatabase } from "../setup/test-database";
import { mainOf } from "../support/page-main";

let handle: DbHandle;
let client: TestClient;
let projects: string[];
let departments: string[];

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemoIfEmpty(handle, "Asia/Shanghai");
  client = new TestClient(await createAppHandler(handle));
  const rows = await handle.db.select().from(schema.scorecardSnapshots);
  const codes = (subject: string) =>
    [
      ...new Set(rows.filter((row) => row.subject === subject).map((row) => row.subjectCode)),
    ].sort();
  projects = codes("project");
  departments = codes("department");
});

afterAll(async () => {
  await handle.close();
});

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ")
    .trim();

const compare = (ids: string[], language = "zh") =>
  client.request(`/compare?ids=${ids.join(",")}`, { headers: { "Accept-Language": language } });

async function latest(subject: "projects" | "departments", code: string) {
  return (await (await client.get(`/api/v1/scorecards/${subject}/${code}`)).json()) as Snapshot;
}

/** The cells of one row of the comparison: code → data-value. */
function rowValues(html: string, row: string): Record<string, string> {
  const start = html.indexOf(`data-row="${row}"`);
  if (start < 0) return {};
  const rowHtml = html.slice(start, html.indexOf("</tr>", start));
  return Object.fromEntries(
    [...rowHtml.matchAll(/<td data-code="([^"]+)" data-value="([^"]*)"/g)].map((m) => [m[1], m[2]]),
  );
}

/** The subjects' columns, in order. */
const columns = (html: string) =>
  [...html.matchAll(/<th scope="col" data-code="([^"]+)"/g)].map((m) => m[1]);

describe("/compare", () => {
  it("shows 2, 3 and 5 projects side by side with their snapshots' figures", async () => {
    expect(projects.length).toBeGreaterThanOrEqual(6);
    for (const count of [2, 3, 5]) {
      const chosen = projects.slice(0, count).reverse();
      const response = await compare(chosen.map((code) => `project:${code}`));
      expect(response.status).toBe(200);
      const html = await mainOf(response);
      expect(columns(html)).toEqual(chosen);
      for (const code of chosen) {
        const snapshot = await latest("projects", code);
        const payload = snapshot.payload as ProjectPayload;
        for (const figure of payload.kpis) {
          expect(rowValues(html, `kpi.${figure.kpi}`)[code], `${code} ${figure.kpi}`).toBe(
            figure.suppressed ? "withheld" : figure.value === null ? "" : String(figure.value),
          );
        }
        expect(rowValues(html, "version")[code]).toBe(String(snapshot.version));
        expect(rowValues(html, "cutoff")[code]).toBe(snapshot.dataCutoff);
        expect(rowValues(html, "published")[code]).toBe(snapshot.publishedAt.slice(0, 10));
        expect(rowValues(html, "evaluation.score")[code]).toBe(
          payload.evaluation?.score == null ? "" : String(payload.evaluation.score),
        );
        expect(rowValues(html, "evaluation.framework")[code]).toBe(
          payload.evaluation
            ? `${payload.evaluation.framework.code}@${payload.evaluation.framework.version}`
            : "",
        );
        expect(rowValues(html, "ratings.rated")[code]).toBe(
          payload.ratings.rated === null ? "withheld" : String(payload.ratings.rated),
        );
        expect(rowValues(html, "facts.bac")[code]).toBe(String(payload.facts.bacYuan));
        expect(html).toContain(`href="/scorecards/projects/${code}?version=${snapshot.version}"`);
        expect(html).toContain(
          `href="/scorecards/projects/${code}/tables/kpis.csv?version=${snapshot.version}"`,
        );
      }
      // The chart: one bar per subject and KPI, with its data table.
      expect(html).toContain('class="chart-svg grouped-bar-chart"');
      const kpiCount = (await latest("projects", chosen[0]!)).payload.kpis.length;
      expect(html.match(/class="chart-mark bar"/g)?.length).toBe(count * kpiCount);
      expect(html).toContain('<details class="chart-details"');
    }
  });

  it("compares 3 departments, marking withheld figures as the scorecards do", async () => {
    const chosen = departments.slice(0, 3);
    const response = await compare(
      chosen.map((code) => `department:${code}`),
      "en",
    );
    expect(response.status).toBe(200);
    const html = await mainOf(response);
    expect(columns(html)).toEqual(chosen);
    let withheld = 0;
    for (const code of chosen) {
      const { payload } = await latest("departments", code);
      for (const figure of payload.kpis) {
        expect(rowValues(html, `kpi.${figure.kpi}`)[code]).toBe(
          figure.suppressed ? "withheld" : figure.value === null ? "" : String(figure.value),
        );
      }
      if (payload.ratings.suppressed) {
        withheld += 1;
        expect(rowValues(html, "ratings.mean")[code]).toBe("withheld");
      }
    }
    expect(withheld).toBeGreaterThan(0);
    expect(textOf(html)).toContain("withheld (fewer than 5)");
  });

  it("refuses six, a project beside a department, and a duplicate with 400 and a message", async () => {
    const six = await compare(projects.slice(0, 6).map((code) => `project:${code}`));
    expect(six.status).toBe(400);
    const sixHtml = await mainOf(six);
    expect(sixHtml).toContain('data-problem="too_many"');
    expect(textOf(sixHtml)).toContain("您选择了 6 个，最多只能对比 5 个");
    expect(columns(sixHtml)).toEqual([]);
    // The picker keeps the six ticked, so the visitor can untick one.
    expect(sixHtml.match(/name="ids" checked="" value="project:[^"]+"/g)?.length).toBe(6);

    const mixed = await compare([`project:${projects[0]}`, `department:${departments[0]}`], "en");
    expect(mixed.status).toBe(400);
    expect(textOf(await mainOf(mixed))).toContain(
      "A project cannot be compared with a department.",
    );

    const twice = await compare([`project:${projects[0]}`, `project:${projects[0]}`]);
    expect(twice.status).toBe(400);
    expect(textOf(await mainOf(twice))).toContain(`project:${projects[0]} 出现了不止一次`);

    const unreadable = await client.get(`/compare?ids=${projects[0]},${projects[1]}`);
    expect(unreadable.status).toBe(400);
    expect(await mainOf(unreadable)).toContain('data-problem="malformed"');
  });

  it("answers 404 with the code named for an unknown or unpublished scorecard", async () => {
    const published = new Set(projects);
    const unpublished = (
      await handle.db.select({ code: schema.projects.code }).from(schema.projects)
    ).find((row) => !published.has(row.code))!.code;
    for (const missing of [unpublished, "NO-SUCH"]) {
      const response = await compare([`project:${projects[0]}`, `project:${missing}`]);
      expect(response.status, missing).toBe(404);
      const text = textOf(await mainOf(response));
      expect(text).toContain(`没有已发布的评分卡：project:${missing}`);
    }
    // A department's code is no project's.
    const crossed = await compare([`project:${projects[0]}`, `project:${departments[0]}`]);
    expect(crossed.status).toBe(404);
  });

  it("offers a picker of published scorecards only, reached from each scorecard page", async () => {
    const response = await client.get("/compare");
    expect(response.status).toBe(200);
    const html = await mainOf(response);
    const options = [...html.matchAll(/name="ids" (?:checked="" )?value="([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(options.sort()).toEqual(
      [
        ...projects.map((code) => `project:${code}`),
        ...departments.map((code) => `department:${code}`),
      ].sort(),
    );
    expect(html).toContain('method="get" action="/compare"');
    expect(textOf(html)).toContain("一次最多 5 个");
    expect(textOf(html)).toContain((await latest("projects", projects[0]!)).payload.name);

    const page = await mainOf(await client.get(`/scorecards/projects/${projects[0]}`));
    expect(page).toContain(`href="/compare?ids=project:${projects[0]}"`);
    const one = await client.get(`/compare?ids=project:${projects[0]}`);
    expect(one.status).toBe(200);
    const oneHtml = await mainOf(one);
    expect(oneHtml).toContain(`name="ids" checked="" value="project:${projects[0]}"`);
    expect(columns(oneHtml)).toEqual([]);
  });
});
