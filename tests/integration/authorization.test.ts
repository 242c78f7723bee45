import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.server";
import { createAppHandler, TestClient } from "../support/app-client";
import { FIXTURE_PASSWORD, loadFixture, type Fixture } from "../support/fixture";
import { createTestDatabase } from "../setup/test-database";

type Visitor = "anonymous" | "admin" | "leader" | "steward" | "evaluator";
const VISITORS: Visitor[] = ["anonymous", "admin", "leader", "steward", "evaluator"];
type Expectation = Record<Visitor, number>;

interface Case {
  path: (fixture: Fixture) => string;
  expect: Expectation;
}

const SIGN_IN = 302; // anonymous visitors of internal pages are redirected to /login

/** Allowed roles get `ok`, the others 403, anonymous visitors the sign-in redirect. */
function internal(allowed: Visitor[], ok = 200, overrides: Partial<Expectation> = {}): Expectation {
  const expectation = Object.fromEntries(
    VISITORS.map((visitor) => [
      visitor,
      visitor === "anonymous" ? SIGN_IN : allowed.includes(visitor) ? ok : 403,
    ]),
  ) as Expectation;
  return { ...expectation, ...overrides };
}

const everyone = (status: number, overrides: Partial<Expectation> = {}): Expectation => ({
  ...(Object.fromEntries(VISITORS.map((visitor) => [visitor, status])) as Expectation),
  ...overrides,
});

const SUPERVISORS: Visitor[] = ["admin", "leader", "steward"];
const LEADERS: Visitor[] = ["admin", "leader"];

/**
 * Every route module in app/routes, with what each visitor gets. A route added without
 * an entry here fails the "covers every route" test.
 */
const MATRIX: Record<string, Case[]> = {
  "_index.tsx": [{ path: () => "/", expect: everyone(200) }],
  "healthz.ts": [{ path: () => "/healthz", expect: everyone(200) }],
  // Addresses no route takes: 404 for everyone, signed in or not, on any path.
  "$.tsx": [
    { path: () => "/favicon.ico", expect: everyone(404) },
    { path: () => "/dashboard/no-such-page", expect: everyone(404) },
  ],
  "login.tsx": [{ path: () => "/login", expect: everyone(302, { anonymous: 200 }) }],
  "logout.tsx": [{ path: () => "/logout", expect: everyone(302) }],
  "locale.ts": [{ path: () => "/locale", expect: everyone(302) }],
  "account.password.tsx": [
    {
      path: () => "/account/password",
      expect: internal(["admin", "leader", "steward", "evaluator"]),
    },
  ],
  "dashboard._index.tsx": [{ path: () => "/dashboard", expect: internal(SUPERVISORS) }],
  "dashboard.red-flags.tsx": [
    { path: () => "/dashboard/red-flags", expect: internal(SUPERVISORS) },
  ],
  "dashboard.rankings.tsx": [{ path: () => "/dashboard/rankings", expect: internal(SUPERVISORS) }],
  "dashboard.data-quality.tsx": [
    { path: () => "/dashboard/data-quality", expect: internal(SUPERVISORS) },
  ],
  "dashboard.departments.$code.tsx": [
    {
      path: (f) => `/dashboard/departments/${f.departments.a.code}`,
      expect: internal(SUPERVISORS),
    },
    {
      path: (f) => `/dashboard/departments/${f.departments.b.code}`,
      expect: internal(SUPERVISORS, 200, { steward: 404 }),
    },
    { path: () => "/dashboard/departments/NO-SUCH", expect: internal(SUPERVISORS, 404) },
  ],
  "dashboard.departments.$code_.appeals.tsx": [
    {
      path: (f) => `/dashboard/departments/${f.departments.a.code}/appeals`,
      expect: internal(SUPERVISORS),
    },
    {
      path: (f) => `/dashboard/departments/${f.departments.b.code}/appeals`,
      expect: internal(SUPERVISORS, 200, { steward: 404 }),
    },
  ],
  "dashboard.projects.$code.tsx": [
    { path: (f) => `/dashboard/projects/${f.projects.a}`, expect: internal(SUPERVISORS) },
    {
      path: (f) => `/dashboard/projects/${f.projects.b}`,
      expect: internal(SUPERVISORS, 200, { steward: 404 }),
    },
  ],
  "evaluation._index.tsx": [
    { path: () => "/evaluation", expect: internal(["admin", "leader", "evaluator"]) },
  ],
  "evaluation.assignments.$id.tsx": [
    {
      path: (f) => `/evaluation/assignments/${f.assignments.evaluator}`,
      expect: internal(["admin", "leader", "evaluator"]),
    },
    {
      path: (f) => `/evaluation/assignments/${f.assignments.evaluator2}`,
      expect: internal(["admin", "leader", "evaluator"], 200, { evaluator: 404 }),
    },
    {
      path: () => "/evaluation/assignments/not-a-number",
      expect: internal(["admin", "leader", "evaluator"], 404),
    },
  ],
  // The rubric form's autosave endpoint: POST only, for the assignment's own evaluator.
  "evaluation.assignments.$id_.draft.ts": [
    {
      path: (f) => `/evaluation/assignments/${f.assignments.evaluator}/draft`,
      expect: internal(["evaluator"], 405),
    },
    {
      path: (f) => `/evaluation/assignments/${f.assignments.evaluator2}/draft`,
      expect: internal(["evaluator"], 404),
    },
    {
      path: () => "/evaluation/assignments/not-a-number/draft",
      expect: internal(["evaluator"], 404),
    },
  ],
  "imports._index.tsx": [{ path: () => "/imports", expect: internal(["admin", "steward"]) }],
  "imports.$id.tsx": [
    { path: (f) => `/imports/${f.batches.a}`, expect: internal(["admin", "steward"]) },
    {
      path: (f) => `/imports/${f.batches.b}`,
      expect: internal(["admin", "steward"], 200, { steward: 404 }),
    },
  ],
  "imports.new.tsx": [{ path: () => "/imports/new", expect: internal(["admin", "steward"]) }],
  "imports.columns.tsx": [
    { path: () => "/imports/columns", expect: internal(["admin", "steward"]) },
  ],
  "imports.templates.$file.ts": [
    { path: () => "/imports/templates/appeals.csv", expect: internal(["admin", "steward"]) },
    { path: () => "/imports/templates/nothing.csv", expect: internal(["admin", "steward"], 404) },
  ],
  "imports.examples.$file.ts": [
    { path: () => "/imports/examples/nothing.csv", expect: internal(["admin", "steward"], 404) },
  ],
  "imports.jobs.ts": [{ path: () => "/imports/jobs", expect: internal(["admin", "steward"], 405) }],
  "imports.jobs.$id.ts": [
    { path: () => "/imports/jobs/no-such-job", expect: internal(["admin", "steward"], 404) },
  ],
  "imports.uploads.$id.tsx": [
    { path: () => "/imports/uploads/no-such", expect: internal(["admin", "steward"], 404) },
  ],
  "imports.uploads.$id.errors[.]csv.ts": [
    {
      path: () => "/imports/uploads/no-such/errors.csv",
      expect: internal(["admin", "steward"], 404),
    },
  ],
  "imports.$id.errors[.]csv.ts": [
    { path: (f) => `/imports/${f.batches.a}/errors.csv`, expect: internal(["admin", "steward"]) },
    {
      path: (f) => `/imports/${f.batches.b}/errors.csv`,
      expect: internal(["admin", "steward"], 200, { steward: 404 }),
    },
  ],
  "admin._index.tsx": [{ path: () => "/admin", expect: internal(["admin"]) }],
  "admin.frameworks._index.tsx": [{ path: () => "/admin/frameworks", expect: internal(["admin"]) }],
  "admin.frameworks.$id.tsx": [
    { path: (f) => `/admin/frameworks/${f.framework}`, expect: internal(["admin"]) },
    { path: () => "/admin/frameworks/999999", expect: internal(["admin"], 404) },
  ],
  "admin.frameworks.$id[.]json.ts": [
    { path: (f) => `/admin/frameworks/${f.framework}.json`, expect: internal(["admin"]) },
  ],
  "evaluation.rounds._index.tsx": [{ path: () => "/evaluation/rounds", expect: internal(LEADERS) }],
  "evaluation.rounds.new.tsx": [
    { path: () => "/evaluation/rounds/new", expect: internal(LEADERS) },
  ],
  "evaluation.rounds.$code.tsx": [
    { path: () => "/evaluation/rounds/R1", expect: internal(LEADERS) },
    { path: () => "/evaluation/rounds/NO-SUCH", expect: internal(LEADERS, 404) },
  ],
  "evaluation.rounds.$code_.edit.tsx": [
    { path: () => "/evaluation/rounds/R1/edit", expect: internal(LEADERS) },
    { path: () => "/evaluation/rounds/NO-SUCH/edit", expect: internal(LEADERS, 404) },
  ],
  "evaluation.rounds_.$code_.moderation.tsx": [
    { path: () => "/evaluation/rounds/R1/moderation", expect: internal(LEADERS) },
    { path: () => "/evaluation/rounds/NO-SUCH/moderation", expect: internal(LEADERS, 404) },
  ],
  "evaluation.rounds_.$code_.moderation_.close.tsx": [
    { path: () => "/evaluation/rounds/R1/moderation/close", expect: internal(LEADERS) },
  ],
  "dashboard.ratings.tsx": [
    { path: () => "/dashboard/ratings", expect: internal(SUPERVISORS) },
    {
      path: (f) => `/dashboard/ratings?department=${f.departments.b.code}`,
      expect: internal(SUPERVISORS, 200, { steward: 404 }),
    },
  ],
  "dashboard.ratings_.$id.tsx": [
    { path: () => "/dashboard/ratings/999999", expect: internal(SUPERVISORS, 404) },
  ],
  "dashboard.ratings_.appeals.tsx": [
    { path: () => "/dashboard/ratings/appeals", expect: internal(SUPERVISORS) },
  ],
  "dashboard.scorecards._index.tsx": [
    { path: () => "/dashboard/scorecards", expect: internal(LEADERS) },
  ],
  "dashboard.scorecards.$subject.$code.tsx": [
    { path: (f) => `/dashboard/scorecards/projects/${f.projects.a}`, expect: internal(LEADERS) },
    {
      path: (f) => `/dashboard/scorecards/departments/${f.departments.b.code}`,
      expect: internal(LEADERS),
    },
    { path: () => "/dashboard/scorecards/projects/NO-SUCH", expect: internal(LEADERS, 404) },
  ],
  // Public: nothing of the fixture is published, so every scorecard is a 404 for everyone.
  "scorecards.projects.$code.tsx": [
    { path: (f) => `/scorecards/projects/${f.projects.a}`, expect: everyone(404) },
  ],
  "scorecards.departments.$code.tsx": [
    { path: (f) => `/scorecards/departments/${f.departments.a.code}`, expect: everyone(404) },
  ],
  "api.v1.scorecards.projects.$code.ts": [
    { path: (f) => `/api/v1/scorecards/projects/${f.projects.a}`, expect: everyone(404) },
  ],
  "api.v1.scorecards.departments.$code.ts": [
    {
      path: (f) => `/api/v1/scorecards/departments/${f.departments.a.code}`,
      expect: everyone(404),
    },
  ],
  "api.v1.scorecards.projects.$code_.versions.ts": [
    { path: (f) => `/api/v1/scorecards/projects/${f.projects.a}/versions`, expect: everyone(404) },
  ],
  "api.v1.scorecards.departments.$code_.versions.ts": [
    {
      path: (f) => `/api/v1/scorecards/departments/${f.departments.a.code}/versions`,
      expect: everyone(404),
    },
  ],
  "api.v1.publications.ts": [
    { path: () => "/api/v1/publications?since=2026-01-01", expect: everyone(200) },
  ],
  "api.openapi[.]json.ts": [{ path: () => "/api/openapi.json", expect: everyone(200) }],
  "ping.ts": [{ path: () => "/ping", expect: everyone(200) }],
  "methodology.tsx": [
    { path: () => "/methodology", expect: everyone(200) },
    { path: () => "/methodology?framework=NO-SUCH&version=1", expect: everyone(404) },
  ],
  "wall.tsx": [{ path: () => "/wall", expect: everyone(200) }],
  "rankings.tsx": [
    { path: () => "/rankings", expect: everyone(200) },
    { path: () => "/rankings?subject=departments", expect: everyone(200) },
    { path: () => "/rankings?subject=nothing", expect: everyone(404) },
  ],
  "rankings_.projects[.]csv.ts": [{ path: () => "/rankings/projects.csv", expect: everyone(200) }],
  "rankings_.projects[.]json.ts": [
    { path: () => "/rankings/projects.json", expect: everyone(200) },
  ],
  "rankings_.departments[.]csv.ts": [
    { path: () => "/rankings/departments.csv", expect: everyone(200) },
  ],
  "rankings_.departments[.]json.ts": [
    { path: () => "/rankings/departments.json", expect: everyone(200) },
  ],
  "compare.tsx": [
    { path: () => "/compare", expect: everyone(200) },
    { path: (f) => `/compare?ids=project:${f.projects.a}`, expect: everyone(404) },
  ],
  "scorecards.projects.$code_.tables.$table.ts": [
    { path: (f) => `/scorecards/projects/${f.projects.a}/tables/kpis.csv`, expect: everyone(404) },
  ],
  "scorecards.departments.$code_.tables.$table.ts": [
    {
      path: (f) => `/scorecards/departments/${f.departments.a.code}/tables/kpis.json`,
      expect: everyone(404),
    },
  ],
  "supervision.cases._index.tsx": [
    { path: () => "/supervision/cases", expect: internal(SUPERVISORS) },
    { path: () => "/supervision/cases?state=overdue", expect: internal(SUPERVISORS) },
  ],
  "supervision.cases.$id.tsx": [
    { path: () => "/supervision/cases/999999", expect: internal(SUPERVISORS, 404) },
    { path: () => "/supervision/cases/2147483648", expect: internal(SUPERVISORS, 404) },
  ],
  "admin.users._index.tsx": [{ path: () => "/admin/users", expect: internal(["admin"]) }],
  "admin.users.new.tsx": [{ path: () => "/admin/users/new", expect: internal(["admin"]) }],
  "admin.users.$id.tsx": [
    { path: (f) => `/admin/users/${f.users.leader}`, expect: internal(["admin"]) },
    { path: () => "/admin/users/999999", expect: internal(["admin"], 404) },
  ],
  "admin.audit.tsx": [{ path: () => "/admin/audit", expect: internal(["admin"]) }],
  "admin.settings.tsx": [
    { path: () => "/admin/settings", expect: internal(["admin"]) },
    { path: () => "/admin/settings?year=2025", expect: internal(["admin"]) },
  ],
};

/** Routes with an action: a POST without the CSRF token, or from another site, is refused. */
const ACTIONS: Record<string, { path: (fixture: Fixture) => string; as: Visitor }> = {
  "login.tsx": { path: () => "/login", as: "anonymous" },
  "logout.tsx": { path: () => "/logout", as: "leader" },
  "locale.ts": { path: () => "/locale", as: "anonymous" },
  "account.password.tsx": { path: () => "/account/password", as: "leader" },
  "admin.users.new.tsx": { path: () => "/admin/users/new", as: "admin" },
  "imports.new.tsx": { path: () => "/imports/new", as: "steward" },
  "imports.jobs.ts": { path: () => "/imports/jobs", as: "steward" },
  "imports.$id.tsx": { path: (f) => `/imports/${f.batches.a}`, as: "steward" },
  "imports.uploads.$id.tsx": { path: () => "/imports/uploads/no-such", as: "steward" },
  "admin.users.$id.tsx": { path: (f) => `/admin/users/${f.users.leader}`, as: "admin" },
  "evaluation.assignments.$id.tsx": {
    path: (f) => `/evaluation/assignments/${f.assignments.evaluator}`,
    as: "evaluator",
  },
  "evaluation.assignments.$id_.draft.ts": {
    path: (f) => `/evaluation/assignments/${f.assignments.evaluator}/draft`,
    as: "evaluator",
  },
  "admin.frameworks._index.tsx": { path: () => "/admin/frameworks?index", as: "admin" },
  "admin.frameworks.$id.tsx": { path: (f) => `/admin/frameworks/${f.framework}`, as: "admin" },
  "admin.settings.tsx": { path: () => "/admin/settings", as: "admin" },
  "scorecards.projects.$code.tsx": {
    path: (f) => `/scorecards/projects/${f.projects.a}`,
    as: "anonymous",
  },
  "scorecards.departments.$code.tsx": {
    path: (f) => `/scorecards/departments/${f.departments.a.code}`,
    as: "anonymous",
  },
  "evaluation.rounds.new.tsx": { path: () => "/evaluation/rounds/new", as: "leader" },
  "evaluation.rounds.$code.tsx": { path: () => "/evaluation/rounds/R1", as: "leader" },
  "evaluation.rounds.$code_.edit.tsx": { path: () => "/evaluation/rounds/R1/edit", as: "leader" },
  "evaluation.rounds_.$code_.moderation.tsx": {
    path: () => "/evaluation/rounds/R1/moderation",
    as: "leader",
  },
  "evaluation.rounds_.$code_.moderation_.close.tsx": {
    path: () => "/evaluation/rounds/R1/moderation/close",
    as: "leader",
  },
  "dashboard.ratings.tsx": { path: () => "/dashboard/ratings", as: "leader" },
  "dashboard.red-flags.tsx": { path: () => "/dashboard/red-flags", as: "leader" },
  "supervision.cases.$id.tsx": { path: () => "/supervision/cases/999999", as: "leader" },
  "dashboard.ratings_.$id.tsx": { path: () => "/dashboard/ratings/999999", as: "leader" },
  "dashboard.ratings_.appeals.tsx": { path: () => "/dashboard/ratings/appeals", as: "leader" },
  "dashboard.scorecards.$subject.$code.tsx": {
    path: (f) => `/dashboard/scorecards/projects/${f.projects.a}`,
    as: "leader",
  },
};

const routeFiles = fs
  .readdirSync(path.resolve("app/routes"))
  .filter((file) => /\.(tsx?|jsx?)$/.test(file) && !/\.test\./.test(file))
  .sort();

describe("authorization matrix", () => {
  let handle: DbHandle;
  let fixture: Fixture;
  const clients = new Map<Visitor, TestClient>();

  beforeAll(async () => {
    handle = await createTestDatabase();
    fixture = await loadFixture(handle);
    const handler = await createAppHandler(handle);
    for (const visitor of VISITORS) {
      const client = new TestClient(handler, `198.51.100.${VISITORS.indexOf(visitor) + 1}`);
      if (visitor !== "anonymous") {
        const response = await client.signIn(visitor, FIXTURE_PASSWORD);
        expect(response.status, `sign-in of ${visitor}`).toBe(302);
      }
      clients.set(visitor, client);
    }
  });
  afterAll(async () => {
    await handle.close();
  });

  it("covers every route module in app/routes", () => {
    expect(Object.keys(MATRIX).sort()).toEqual(routeFiles);
  });

  it("names an action entry for every route module that exports an action", () => {
    const withAction = routeFiles.filter((file) =>
      /export (async function action|const action)/.test(
        fs.readFileSync(path.resolve("app/routes", file), "utf8"),
      ),
    );
    expect(Object.keys(ACTIONS).sort()).toEqual(withAction);
  });

  for (const [file, cases] of Object.entries(MATRIX)) {
    it(`${file}: each visitor gets the expected status`, async () => {
      for (const testCase of cases) {
        const url = testCase.path(fixture);
        const actual = Object.fromEntries(
          await Promise.all(
            VISITORS.map(
              async (visitor) => [visitor, (await clients.get(visitor)!.get(url)).status] as const,
            ),
          ),
        );
        expect(actual, url).toEqual(testCase.expect);
      }
    });
  }

  it("sends anonymous visitors of internal pages to /login, keeping where they were going", async () => {
    const response = await clients
      .get("anonymous")!
      .get("/dashboard/departments/DEPT-A?period=2026");
    expect(response.headers.get("Location")).toBe(
      `/login?redirectTo=${encodeURIComponent("/dashboard/departments/DEPT-A?period=2026")}`,
    );
  });

  for (const [file, action] of Object.entries(ACTIONS)) {
    it(`${file}: a POST without the CSRF token, or from another site, gets 403`, async () => {
      const client = clients.get(action.as)!;
      const url = action.path(fixture);
      expect((await client.post(url, {}, { csrf: null })).status).toBe(403);
      expect(
        (await client.post(url, {}, { csrf: "forged-token-forged-token-forged-token-1234" }))
          .status,
      ).toBe(403);
      expect((await client.post(url, {}, { origin: "https://evil.example" })).status).toBe(403);
    });
  }
});
