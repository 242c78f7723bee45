import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.server";
import { createAppHandler, TEST_ORIGIN, TestClient } from "../support/app-client";
import { FIXTURE_PASSWORD, loadFixture, type Fixture } from "../support/fixture";
import { createTestDatabase } from "../setup/test-database";

type Visitor = "anonymous" | "admin" | "steward";

/** One address per route module, and who may use it (so the route itself answers). */
const ROUTES: Record<string, { path: (fixture: Fixture) => string; as: Visitor }> = {
  "_index.tsx": { path: () => "/", as: "anonymous" },
  "healthz.ts": { path: () => "/healthz", as: "anonymous" },
  "$.tsx": { path: () => "/no-such-page", as: "anonymous" },
  "login.tsx": { path: () => "/login", as: "anonymous" },
  "logout.tsx": { path: () => "/logout", as: "admin" },
  "locale.ts": { path: () => "/locale", as: "anonymous" },
  "account.password.tsx": { path: () => "/account/password", as: "admin" },
  "dashboard._index.tsx": { path: () => "/dashboard", as: "admin" },
  "dashboard.red-flags.tsx": { path: () => "/dashboard/red-flags", as: "admin" },
  "dashboard.rankings.tsx": { path: () => "/dashboard/rankings", as: "admin" },
  "dashboard.data-quality.tsx": { path: () => "/dashboard/data-quality", as: "admin" },
  "dashboard.departments.$code.tsx": { path: () => "/dashboard/departments/DEPT-A", as: "admin" },
  "dashboard.departments.$code_.appeals.tsx": {
    path: () => "/dashboard/departments/DEPT-A/appeals",
    as: "admin",
  },
  "dashboard.projects.$code.tsx": {
    path: (f) => `/dashboard/projects/${f.projects.a}`,
    as: "admin",
  },
  "evaluation._index.tsx": { path: () => "/evaluation", as: "admin" },
  "evaluation.assignments.$id.tsx": {
    path: (f) => `/evaluation/assignments/${f.assignments.evaluator}`,
    as: "admin",
  },
  // Evaluator-only: the admin gets 403 from the route itself, before any body is read.
  "evaluation.assignments.$id_.draft.ts": {
    path: (f) => `/evaluation/assignments/${f.assignments.evaluator}/draft`,
    as: "admin",
  },
  "imports._index.tsx": { path: () => "/imports", as: "steward" },
  "imports.$id.tsx": { path: (f) => `/imports/${f.batches.a}`, as: "steward" },
  "imports.new.tsx": { path: () => "/imports/new", as: "steward" },
  "imports.columns.tsx": { path: () => "/imports/columns", as: "steward" },
  "imports.templates.$file.ts": { path: () => "/imports/templates/appeals.csv", as: "steward" },
  "imports.examples.$file.ts": { path: () => "/imports/examples/appeals.csv", as: "steward" },
  "imports.jobs.ts": { path: () => "/imports/jobs", as: "steward" },
  "imports.jobs.$id.ts": { path: () => "/imports/jobs/no-such-job", as: "steward" },
  "imports.uploads.$id.tsx": { path: () => "/imports/uploads/no-such", as: "steward" },
  "imports.uploads.$id.errors[.]csv.ts": {
    path: () => "/imports/uploads/no-such/errors.csv",
    as: "steward",
  },
  "imports.$id.errors[.]csv.ts": {
    path: (f) => `/imports/${f.batches.a}/errors.csv`,
    as: "steward",
  },
  "admin._index.tsx": { path: () => "/admin", as: "admin" },
  // An index route's own action answers only with ?index (Remix).
  "admin.frameworks._index.tsx": { path: () => "/admin/frameworks?index", as: "admin" },
  "admin.frameworks.$id.tsx": { path: (f) => `/admin/frameworks/${f.framework}`, as: "admin" },
  "admin.frameworks.$id[.]json.ts": {
    path: (f) => `/admin/frameworks/${f.framework}.json`,
    as: "admin",
  },
  "evaluation.rounds._index.tsx": { path: () => "/evaluation/rounds", as: "admin" },
  "evaluation.rounds.new.tsx": { path: () => "/evaluation/rounds/new", as: "admin" },
  "evaluation.rounds.$code.tsx": { path: () => "/evaluation/rounds/R1", as: "admin" },
  "evaluation.rounds.$code_.edit.tsx": { path: () => "/evaluation/rounds/R1/edit", as: "admin" },
  "evaluation.rounds_.$code_.moderation.tsx": {
    path: () => "/evaluation/rounds/R1/moderation",
    as: "admin",
  },
  "evaluation.rounds_.$code_.moderation_.close.tsx": {
    path: () => "/evaluation/rounds/R1/moderation/close",
    as: "admin",
  },
  "dashboard.ratings.tsx": { path: () => "/dashboard/ratings", as: "admin" },
  "dashboard.ratings_.$id.tsx": { path: () => "/dashboard/ratings/999999", as: "admin" },
  "dashboard.ratings_.appeals.tsx": { path: () => "/dashboard/ratings/appeals", as: "admin" },
  "dashboard.scorecards._index.tsx": { path: () => "/dashboard/scorecards", as: "admin" },
  "dashboard.scorecards.$subject.$code.tsx": {
    path: (f) => `/dashboard/scorecards/projects/${f.projects.a}`,
    as: "admin",
  },
  "scorecards.projects.$code.tsx": { path: () => "/scorecards/projects/NO-SUCH", as: "anonymous" },
  "ping.ts": { path: () => "/ping", as: "anonymous" },
  "methodology.tsx": { path: () => "/methodology", as: "anonymous" },
  "wall.tsx": { path: () => "/wall?panel=1", as: "anonymous" },
  "rankings.tsx": { path: () => "/rankings?subject=departments", as: "anonymous" },
  "rankings_.projects[.]csv.ts": { path: () => "/rankings/projects.csv", as: "anonymous" },
  "rankings_.projects[.]json.ts": { path: () => "/rankings/projects.json", as: "anonymous" },
  "rankings_.departments[.]csv.ts": { path: () => "/rankings/departments.csv", as: "anonymous" },
  "rankings_.departments[.]json.ts": { path: () => "/rankings/departments.json", as: "anonymous" },
  "compare.tsx": { path: () => "/compare?ids=project:NO-SUCH", as: "anonymous" },
  "scorecards.projects.$code_.tables.$table.ts": {
    path: () => "/scorecards/projects/NO-SUCH/tables/kpis.csv",
    as: "anonymous",
  },
  "scorecards.departments.$code_.tables.$table.ts": {
    path: () => "/scorecards/departments/NO-SUCH/tables/nothing.json",
    as: "anonymous",
  },
  "scorecards.departments.$code.tsx": {
    path: () => "/scorecards/departments/NO-SUCH",
    as: "anonymous",
  },
  "api.v1.scorecards.projects.$code.ts": {
    path: () => "/api/v1/scorecards/projects/NO-SUCH",
    as: "anonymous",
  },
  "api.v1.scorecards.departments.$code.ts": {
    path: () => "/api/v1/scorecards/departments/NO-SUCH",
    as: "anonymous",
  },
  "api.v1.scorecards.projects.$code_.versions.ts": {
    path: () => "/api/v1/scorecards/projects/NO-SUCH/versions",
    as: "anonymous",
  },
  "api.v1.scorecards.departments.$code_.versions.ts": {
    path: () => "/api/v1/scorecards/departments/NO-SUCH/versions",
    as: "anonymous",
  },
  "api.v1.publications.ts": {
    path: () => "/api/v1/publications?since=2026-01-01",
    as: "anonymous",
  },
  "api.openapi[.]json.ts": { path: () => "/api/openapi.json", as: "anonymous" },
  "supervision.cases._index.tsx": { path: () => "/supervision/cases", as: "steward" },
  "supervision.cases.$id.tsx": { path: () => "/supervision/cases/999999", as: "steward" },
  "admin.users._index.tsx": { path: () => "/admin/users", as: "admin" },
  "admin.users.new.tsx": { path: () => "/admin/users/new", as: "admin" },
  "admin.users.$id.tsx": { path: (f) => `/admin/users/${f.users.leader}`, as: "admin" },
  "admin.audit.tsx": { path: () => "/admin/audit", as: "admin" },
  "admin.settings.tsx": { path: () => "/admin/settings", as: "admin" },
};

const routeFiles = fs
  .readdirSync(path.resolve("app/routes"))
  .filter((file) => /\.(tsx?|jsx?)$/.test(file) && !/\.test\./.test(file))
  .sort();

const hasAction = (file: string) =>
  /export (async function action|const action)/.test(
    fs.readFileSync(path.resolve("app/routes", file), "utf8"),
  );

/** Single Fetch's data request for a page: ".data" on the path, the query kept after it. */
const dataUrl = (url: string) => {
  const [pathname = "", query] = url.split("?");
  const data = pathname === "/" ? "/_root.data" : `${pathname}.data`;
  return query === undefined ? data : `${data}?${query}`;
};

/** Ids no integer column holds: each must be "not found", not a database error. */
const OUT_OF_RANGE = [
  "/imports/99999999999",
  "/imports/99999999999/errors.csv",
  "/imports/-1",
  "/imports/1e3",
  "/imports/1e0",
  "/imports/99999999999999999999",
  "/admin/users/99999999999999999999",
  "/admin/users/2147483648",
  "/evaluation/assignments/99999999999",
  "/evaluation/assignments/0x10",
  "/imports/uploads/99999999999999999999",
  "/imports/uploads/99999999999999999999/errors.csv",
  "/imports/jobs/99999999999999999999",
];

describe("requests a route cannot take", () => {
  let handle: DbHandle;
  let fixture: Fixture;
  const clients = new Map<Visitor, TestClient>();

  beforeAll(async () => {
    handle = await createTestDatabase();
    fixture = await loadFixture(handle);
    const handler = await createAppHandler(handle);
    for (const [index, visitor] of (["anonymous", "admin", "steward"] as const).entries()) {
      const client = new TestClient(handler, `198.51.100.${index + 60}`);
      if (visitor !== "anonymous")
        expect((await client.signIn(visitor, FIXTURE_PASSWORD)).status).toBe(302);
      clients.set(visitor, client);
    }
  });
  afterAll(async () => {
    await handle.close();
  });

  it("covers every route module in app/routes", () => {
    expect(Object.keys(ROUTES).sort()).toEqual(routeFiles);
  });

  for (const [file, route] of Object.entries(ROUTES)) {
    it(`${file}: PUT, PATCH and DELETE get 405 with an Allow header`, async () => {
      const client = clients.get(route.as)!;
      const url = route.path(fixture);
      for (const method of ["PUT", "PATCH", "DELETE"]) {
        for (const address of [url, dataUrl(url)]) {
          const response = await client.request(address, {
            method,
            body: new URLSearchParams({ csrf: await client.csrfToken() }),
            headers: {
              "Content-Type": "application/x-www-form-urlencoded",
              Origin: TEST_ORIGIN,
            },
          });
          expect(response.status, `${method} ${address}`).toBe(405);
          expect(response.headers.get("Allow"), `${method} ${address}`).toBe(
            hasAction(file) ? "GET, HEAD, POST" : "GET, HEAD",
          );
        }
      }
    });

    it(`${file}: a POST that is not a form gets a 4xx, never a 500`, async () => {
      const client = clients.get(route.as)!;
      const url = route.path(fixture);
      const bodies: Array<[string, string]> = [
        ["application/json", JSON.stringify({ username: "admin", password: "x" })],
        ["text/plain", "hello"],
        ["multipart/form-data; boundary=nothing", "not multipart at all"],
        ["application/x-www-form-urlencoded; charset=utf-8", "%E0%A4%A=broken&csrf=%"],
      ];
      for (const [contentType, body] of bodies) {
        const response = await client.request(url, {
          method: "POST",
          body,
          headers: { "Content-Type": contentType, Origin: TEST_ORIGIN },
        });
        const status = response.status;
        if (!hasAction(file)) expect(status, `${contentType} to ${url}`).toBe(405);
        else expect([400, 403, 413, 415], `${contentType} to ${url}: ${status}`).toContain(status);
      }
    });
  }

  it("answers 415 to a JSON body on a form action, before reading it", async () => {
    const response = await clients.get("admin")!.request("/account/password", {
      method: "POST",
      body: "{}",
      headers: { "Content-Type": "application/json", Origin: TEST_ORIGIN },
    });
    expect(response.status).toBe(415);
  });

  it("answers 400 to a multipart body that cannot be parsed", async () => {
    const response = await clients.get("admin")!.request("/account/password", {
      method: "POST",
      body: "garbage",
      headers: { "Content-Type": "multipart/form-data; boundary=x", Origin: TEST_ORIGIN },
    });
    expect(response.status).toBe(400);
  });

  it("answers 404 to ids beyond the integer range, for documents and data requests", async () => {
    const statuses: Record<string, number> = {};
    for (const url of OUT_OF_RANGE) {
      const client = clients.get("admin")!;
      statuses[url] = (await client.get(url)).status;
      statuses[dataUrl(url)] = (await client.get(dataUrl(url))).status;
    }
    expect(statuses).toEqual(
      Object.fromEntries(
        OUT_OF_RANGE.flatMap((url) => [
          [url, 404],
          [dataUrl(url), 404],
        ]),
      ),
    );
  });
});
