/**
 * npm run bench:pages -- [--calls N] [--warm-up N] [--url URL] [--sets demo,demo-pg,10m] [--show-sql]
 *
 * Issue #8's benchmark: the supervision pages as a browser gets them, through the real
 * Remix request handler over the built app (no socket), signed in as a leader:
 *
 *   /dashboard                       overview, all departments, this year up to today
 *   /dashboard/departments/<code>    the busiest department of the period
 *   /dashboard/projects/<code>       the project with the most actual spend
 *   /dashboard/red-flags
 *   /dashboard/data-quality
 *   /healthz                         the trivial route, for scale (one SQL query)
 *
 * For each page: p50 / p95 / max server time (handler call + reading the body, sequential
 * calls, the routes interleaved round-robin after warm-up calls), the HTML size, the
 * number of SQL statements one request sends, p95 over the trivial route's p95, and the
 * page's single-fetch `.data` request (its loaders without the HTML render) beside it.
 *
 * The statements counted are everything the driver sends for one signed-in request to a
 * warm server: the session lookup (session + user, then the user's departments) that the
 * root loader and the page loader each make, the dashboard scope (departments, regions,
 * categories) and the page's own reads. postgres.js's array-type lookup on a newly opened
 * pool connection is not per request and is left out (and said so).
 *
 * React renders with its production build (NODE_ENV defaults to production here); run
 * with NODE_ENV=development to see the development build's cost.
 *
 * Data sets:
 *   demo     the seeded demo county (60,000 appeals) in a fresh PGlite in a temp folder;
 *   demo-pg  the same demo in a temporary database on the PostgreSQL server of --url
 *            (skipped when no server answers);
 *   10m      the 10,000,000-appeal database of --url that `npm run bench:kpi` builds; a
 *            leader "bench-leader" is created in it when missing.
 *
 * Targets (issue #8): p95 < 100 ms on 10 M appeals, HTML < 300 KB, ≤ 15 SQL statements.
 * A benchmark reports, it does not fail: missed targets still exit 0.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { ensureBuild, SERVER_BUILD } from "../../app/server/build.mjs";
import { syncOfficialCalendar } from "../../db/calendar/sync-official.server";
import { postgresOptions, wrapPostgres, type DbHandle } from "../../db/client.server";
import { wrapPglite } from "../../db/client-pglite.server";
import { migrateDatabase } from "../../db/migrate.server";
import { createUserWithDepartments } from "../../db/queries/users.server";
import { appliedMigrationCount } from "../../db/queries/health.server";
import { ensureRollupsForTimeZone } from "../../db/rollups/rebuild.server";
import { setDatabase } from "../../db/runtime.server";
import { localDateOf } from "../../metrics/time-zone";
import { DEMO_PASSWORD } from "../../seeds/demo/framework";
import { seedDemoIfEmpty } from "../../seeds/demo/seed-demo.server";
import { createAppHandler, TestClient } from "../support/app-client";
import { databaseUrlFor } from "../setup/database-urls";
import { log, stats, type Stats } from "./samples";

const DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/mingjing_bench";
const DEMO_PG_DATABASE = "mingjing_bench_pages_demo";
const TIME_ZONE = "Asia/Shanghai";
const BENCH_LEADER = "bench-leader";
const BENCH_LEADER_PASSWORD = "bench-leader-password";
const TARGET_P95_MS = 100;
const TARGET_HTML_BYTES = 300 * 1024;
const TARGET_QUERIES = 15;
const DEFAULT_WARM_UP = 5;
const DEFAULT_CALLS = { demo: 100, "demo-pg": 100, "10m": 50 } as const;
const DATA_SETS = ["demo", "demo-pg", "10m"] as const;
type DataSet = (typeof DATA_SETS)[number];

// ---------------------------------------------------------------- options and helpers

interface Options {
  calls: number | undefined;
  warmUp: number;
  url: string;
  sets: DataSet[];
  showSql: boolean;
}

function parseCount(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text.replaceAll("_", ""));
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name} must be a positive whole number, not ${JSON.stringify(text)}.`);
    process.exit(2);
  }
  return value;
}

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      calls: { type: "string" },
      "warm-up": { type: "string" },
      url: { type: "string" },
      sets: { type: "string" },
      "show-sql": { type: "boolean", default: false },
    },
  });
  const sets = (values.sets ?? DATA_SETS.join(","))
    .split(",")
    .map((set) => set.trim())
    .filter(Boolean);
  const unknown = sets.filter((set) => !(DATA_SETS as readonly string[]).includes(set));
  if (unknown.length > 0) {
    console.error(`--sets takes ${DATA_SETS.join(", ")}; not ${unknown.join(", ")}.`);
    process.exit(2);
  }
  return {
    calls: parseCount("calls", values.calls),
    warmUp: parseCount("warm-up", values["warm-up"]) ?? DEFAULT_WARM_UP,
    url: values.url ?? DEFAULT_URL,
    sets: sets as DataSet[],
    showSql: values["show-sql"] ?? false,
  };
}

const msText = (value: number) => value.toFixed(1);
const kbText = (bytes: number) => (bytes / 1024).toFixed(1);
const secondsSince = (started: number) => `${((performance.now() - started) / 1000).toFixed(1)} s`;

const loadAverage = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");

function databaseNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

// ---------------------------------------------------------------- counting SQL statements

/**
 * The SQL statements sent while `on`: every statement the driver sends to the server,
 * including BEGIN / COMMIT of transactions (PGlite) or as sent by postgres.js.
 */
class StatementCounter {
  on = false;
  statements: string[] = [];

  record(text: string): void {
    if (this.on) this.statements.push(text.replace(/\s+/g, " ").trim());
  }

  async during<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
    this.statements = [];
    this.on = true;
    try {
      const result = await work();
      return { result, statements: this.statements };
    } finally {
      this.on = false;
    }
  }
}

/** PGlite with its query, exec and transaction methods counting what they send. */
function countingPglite(client: PGlite, counter: StatementCounter): PGlite {
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  const transaction = client.transaction.bind(client);
  client.query = ((text: string, ...rest: unknown[]) => {
    counter.record(text);
    return (query as (...args: unknown[]) => unknown)(text, ...rest);
  }) as PGlite["query"];
  client.exec = ((text: string, ...rest: unknown[]) => {
    counter.record(text);
    return (exec as (...args: unknown[]) => unknown)(text, ...rest);
  }) as PGlite["exec"];
  client.transaction = async <T>(callback: (tx: Transaction) => Promise<T>): Promise<T> => {
    counter.record("BEGIN");
    const result = await transaction(async (tx) => {
      const tracked = Object.create(tx) as Transaction;
      tracked.query = ((text: string, ...rest: unknown[]) => {
        counter.record(text);
        return (tx.query as (...args: unknown[]) => unknown)(text, ...rest);
      }) as Transaction["query"];
      tracked.exec = ((text: string, ...rest: unknown[]) => {
        counter.record(text);
        return (tx.exec as (...args: unknown[]) => unknown)(text, ...rest);
      }) as Transaction["exec"];
      return callback(tracked);
    });
    counter.record("COMMIT");
    return result;
  };
  return client;
}

/**
 * A PostgreSQL database as two handles: one plain (what production runs, for timing) and
 * one whose postgres.js client reports every statement through its `debug` callback
 * (which also captures a stack per query, so it is not the one timed).
 */
function openPostgres(url: string, counter: StatementCounter) {
  const timed = wrapPostgres(postgres(url, postgresOptions));
  const counted = wrapPostgres(
    postgres(url, { ...postgresOptions, debug: (_connection, text) => counter.record(text) }),
  );
  return {
    timed,
    counted,
    async close() {
      await Promise.all([timed.close(), counted.close()]);
    },
  };
}

// ---------------------------------------------------------------- preparing the data sets

async function prepareFresh(handle: DbHandle): Promise<void> {
  const started = performance.now();
  await migrateDatabase(handle);
  await syncOfficialCalendar(handle);
  await ensureRollupsForTimeZone(handle.db, TIME_ZONE);
  await seedDemoIfEmpty(handle, TIME_ZONE);
  log(`  migrated and seeded the demo in ${secondsSince(started)}`);
}

/** The leader of the 10 M database (it has no users of its own); idempotent. */
async function ensureBenchLeader(handle: DbHandle): Promise<void> {
  const created = await createUserWithDepartments(
    handle.db,
    {
      username: BENCH_LEADER,
      displayName: "Benchmark leader",
      role: "leader",
      password: BENCH_LEADER_PASSWORD,
      departmentIds: [],
    },
    { id: null, name: "npm run bench:pages", ip: null },
  );
  if (created.ok) log(`  created the leader "${BENCH_LEADER}"`);
  else if (created.reason !== "username_taken")
    throw new Error(`Could not create the leader "${BENCH_LEADER}": ${created.reason}`);
}

async function serverAnswers(url: string): Promise<boolean> {
  const client = postgres(databaseUrlFor(url, "postgres"), {
    max: 1,
    connect_timeout: 3,
    onnotice: () => {},
  });
  try {
    await client`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await client.end({ timeout: 1 });
  }
}

async function databaseExists(url: string): Promise<boolean> {
  const client = postgres(databaseUrlFor(url, "postgres"), { max: 1, onnotice: () => {} });
  try {
    const rows = await client`select 1 from pg_database where datname = ${databaseNameOf(url)}`;
    return rows.length > 0;
  } finally {
    await client.end({ timeout: 5 });
  }
}

async function withAdmin<T>(url: string, work: (admin: postgres.Sql) => Promise<T>): Promise<T> {
  const admin = postgres(databaseUrlFor(url, "postgres"), { max: 1, onnotice: () => {} });
  try {
    return await work(admin);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/** What the pages are opened with: the busiest department and the biggest spender. */
async function pickCodes(handle: DbHandle, from: string, to: string) {
  const [department] = await handle.rows<{ code: string; received: number }>(sql`
    select d.code, sum(r.received)::bigint as received
    from appeal_month_rollups r join departments d on d.id = r.department_id
    where r.month between date_trunc('month', ${from}::date)::date and ${to}::date
    group by d.code order by received desc, d.code limit 1`);
  const [project] = await handle.rows<{ code: string; actual: string }>(sql`
    select p.code, sum(s.actual_yuan) as actual
    from project_month_spend_rollups s join projects p on p.id = s.project_id
    where s.period <= ${to}::date
    group by p.code having sum(s.actual_yuan) > 0 order by actual desc, p.code limit 1`);
  if (!department || !project)
    throw new Error("The database has no appeals or no project with spend.");
  return {
    department: department.code,
    departmentReceived: Number(department.received),
    project: project.code,
    projectActualYuan: Number(project.actual),
  };
}

// ---------------------------------------------------------------- measuring

interface Route {
  label: string;
  path: string;
  trivial?: boolean;
}

interface Measured {
  route: Route;
  status: number;
  bytes: number;
  /** The statements of one request, without postgres.js's per-connection type lookup. */
  statements: string[];
  /** postgres.js's array-type lookup on a connection's first query (not per request). */
  setupStatements: number;
  stats: Stats;
  /** The same URL's single-fetch data request (loaders and serialization, no HTML). */
  loaders: Stats | null;
}

/** Remix's single-fetch URL of a page: its loaders' data without the HTML render. */
const dataPathOf = (route: Route) => (route.trivial ? null : `${route.path}.data`);

/** What postgres.js sends once per new connection (fetch_types), not per request. */
const isConnectionSetup = (statement: string) =>
  statement.startsWith("select b.oid, b.typarray from pg_catalog.pg_type");

async function timedGet(client: TestClient, pathname: string) {
  const started = performance.now();
  const response = await client.get(pathname);
  const body = await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status, bytes: body.byteLength };
}

interface Target {
  /** The handle the pages are timed on. */
  timed: DbHandle;
  /** The handle whose statements are counted (the same one for PGlite). */
  counted: DbHandle;
  counter: StatementCounter;
  username: string;
  password: string;
}

async function measure(
  name: string,
  target: Target,
  calls: number,
  options: Options,
): Promise<Measured[]> {
  const handler = await createAppHandler(target.timed);
  const client = new TestClient(handler);
  const signIn = await client.signIn(target.username, target.password);
  if (signIn.status !== 302 || signIn.headers.get("Location") !== "/dashboard")
    throw new Error(`Signing in as "${target.username}" failed (status ${signIn.status}).`);

  const today = localDateOf(new Date(), TIME_ZONE);
  const from = `${today.slice(0, 4)}-01-01`;
  const codes = await pickCodes(target.timed, from, today);
  log(
    `  period ${from}…${today} (the default); busiest department ${codes.department} ` +
      `(${codes.departmentReceived.toLocaleString("en-US")} appeals received), project ` +
      `${codes.project} (¥${Math.round(codes.projectActualYuan).toLocaleString("en-US")} spent)`,
  );
  const routes: Route[] = [
    { label: "overview", path: "/dashboard" },
    {
      label: "department",
      path: `/dashboard/departments/${encodeURIComponent(codes.department)}`,
    },
    { label: "project", path: `/dashboard/projects/${encodeURIComponent(codes.project)}` },
    { label: "red flags", path: "/dashboard/red-flags" },
    { label: "data quality", path: "/dashboard/data-quality" },
    { label: "/healthz", path: "/healthz", trivial: true },
  ];

  // One request per route on the counting handle, after a round that opens its
  // connections: the statements of a request to a warm server (and each page checked).
  setDatabase(target.counted);
  for (const route of routes) await timedGet(client, route.path);
  const counted = new Map<Route, { statements: string[]; status: number; bytes: number }>();
  for (const route of routes) {
    const { result, statements } = await target.counter.during(() => timedGet(client, route.path));
    counted.set(route, { statements, status: result.status, bytes: result.bytes });
    if (result.status !== 200)
      log(`  ! ${route.path} answered ${result.status}, not 200: its figures are not a page's`);
  }
  setDatabase(target.timed);

  const started = performance.now();
  const paths = routes.flatMap((route) => [route.path, dataPathOf(route)]);
  for (let round = 0; round < options.warmUp; round++)
    for (const pathname of paths) if (pathname) await timedGet(client, pathname);
  const samples = new Map<string, number[]>();
  for (let round = 0; round < calls; round++) {
    for (const pathname of paths) {
      if (!pathname) continue;
      const { ms } = await timedGet(client, pathname);
      samples.set(pathname, [...(samples.get(pathname) ?? []), ms]);
    }
  }
  log(
    `  ${options.warmUp} warm-up + ${calls} timed calls per URL (each page, then its .data), ` +
      `round-robin, in ${secondsSince(started)}`,
  );

  const results = routes.map((route) => {
    const once = counted.get(route);
    const statements = once?.statements ?? [];
    const dataPath = dataPathOf(route);
    return {
      route,
      status: once?.status ?? 0,
      bytes: once?.bytes ?? 0,
      statements: statements.filter((statement) => !isConnectionSetup(statement)),
      setupStatements: statements.filter(isConnectionSetup).length,
      stats: stats(samples.get(route.path) ?? []),
      loaders: dataPath ? stats(samples.get(dataPath) ?? []) : null,
    };
  });
  printTable(name, results);
  if (options.showSql) printStatements(results);
  return results;
}

// ---------------------------------------------------------------- reporting

function printTable(name: string, results: readonly Measured[]): void {
  const trivial = results.find((result) => result.route.trivial);
  const header = [
    "page",
    "p50 ms",
    "p95 ms",
    "max ms",
    "HTML KB",
    "queries",
    "p95/trivial",
    "loaders p50/p95 ms",
  ];
  const rows = results.map((result) => [
    result.route.label + (result.status === 200 ? "" : ` (${result.status})`),
    msText(result.stats.p50),
    msText(result.stats.p95),
    msText(result.stats.max),
    kbText(result.bytes),
    String(result.statements.length),
    trivial && !result.route.trivial ? `${(result.stats.p95 / trivial.stats.p95).toFixed(1)}×` : "",
    result.loaders ? `${msText(result.loaders.p50)} / ${msText(result.loaders.p95)}` : "",
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join("  ");
  log();
  log(`  ${name}`);
  log(`  ${line(header)}`);
  log(`  ${widths.map((width) => "-".repeat(width)).join("  ")}`);
  for (const row of rows) log(`  ${line(row)}`);
  const setup = results.reduce((sum, result) => sum + result.setupStatements, 0);
  if (setup > 0)
    log(
      `  (not counted: ${setup} postgres.js type lookups of pool connections opened ` +
        "during the counted requests)",
    );
}

function printStatements(results: readonly Measured[]): void {
  for (const result of results) {
    log();
    log(`  SQL of one ${result.route.path} request (${result.statements.length}):`);
    result.statements.forEach((text, index) =>
      log(
        `    ${String(index + 1).padStart(2)}. ${text.length > 150 ? `${text.slice(0, 147)}…` : text}`,
      ),
    );
  }
}

/** "met", or "MISSED by" the pages over the limit with their figures. */
function verdict(
  pages: readonly Measured[],
  over: (page: Measured) => boolean,
  figure: (page: Measured) => string,
  shout = true,
): string {
  const missed = pages.filter(over);
  if (missed.length === 0) return "met";
  return `${shout ? "MISSED" : "missed"} by ${missed
    .map((page) => `${page.route.label} (${figure(page)})`)
    .join(", ")}`;
}

function printTargets(name: string, results: readonly Measured[], timeTarget: boolean): void {
  const pages = results.filter((result) => !result.route.trivial);
  const broken = pages.filter((page) => page.status !== 200);
  log();
  log(`  Targets on ${name}:`);
  log(
    `    every page's p95 < ${TARGET_P95_MS} ms: ${verdict(
      pages,
      (page) => page.stats.p95 >= TARGET_P95_MS,
      (page) => `p95 ${msText(page.stats.p95)} ms`,
      timeTarget,
    )}${timeTarget ? "" : " — the target is set for 10 M appeals; shown for scale"}`,
  );
  log(
    `    HTML < ${TARGET_HTML_BYTES / 1024} KB (uncompressed): ${verdict(
      pages,
      (page) => page.bytes >= TARGET_HTML_BYTES,
      (page) => `${kbText(page.bytes)} KB`,
    )}`,
  );
  log(
    `    ≤ ${TARGET_QUERIES} SQL statements per page: ${verdict(
      pages,
      (page) => page.statements.length > TARGET_QUERIES,
      (page) => String(page.statements.length),
    )}`,
  );
  if (broken.length > 0)
    log(
      `    pages that did not answer 200: ${broken.map((page) => `${page.route.path} (${page.status})`).join(", ")}`,
    );
}

// ---------------------------------------------------------------- data sets

async function benchDemoPglite(options: Options): Promise<void> {
  log();
  log("== Demo county on PGlite (fresh database in a temp folder)");
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "mingjing-bench-pages-"));
  const counter = new StatementCounter();
  const client = countingPglite(new PGlite(path.join(folder, "pgdata")), counter);
  await client.waitReady;
  const handle = wrapPglite(client);
  try {
    await prepareFresh(handle);
    const name = "demo, PGlite";
    const results = await measure(
      name,
      { timed: handle, counted: handle, counter, username: "leader", password: DEMO_PASSWORD },
      options.calls ?? DEFAULT_CALLS.demo,
      options,
    );
    printTargets(name, results, false);
  } finally {
    await handle.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

async function benchDemoPostgres(options: Options): Promise<void> {
  log();
  log(`== Demo county on PostgreSQL (temporary database ${DEMO_PG_DATABASE})`);
  if (!(await serverAnswers(options.url))) {
    log(`  No PostgreSQL server answers at ${new URL(options.url).host}: skipped.`);
    return;
  }
  await withAdmin(options.url, async (admin) => {
    await admin.unsafe(`drop database if exists ${DEMO_PG_DATABASE} with (force)`);
    await admin.unsafe(`create database ${DEMO_PG_DATABASE}`);
  });
  const counter = new StatementCounter();
  const database = openPostgres(databaseUrlFor(options.url, DEMO_PG_DATABASE), counter);
  try {
    await prepareFresh(database.timed);
    const name = "demo, PostgreSQL";
    const results = await measure(
      name,
      {
        timed: database.timed,
        counted: database.counted,
        counter,
        username: "leader",
        password: DEMO_PASSWORD,
      },
      options.calls ?? DEFAULT_CALLS["demo-pg"],
      options,
    );
    printTargets(name, results, false);
  } finally {
    await database.close();
    await withAdmin(options.url, (admin) =>
      admin.unsafe(`drop database if exists ${DEMO_PG_DATABASE} with (force)`),
    );
  }
}

async function bench10M(options: Options): Promise<void> {
  const name = databaseNameOf(options.url);
  log();
  log(`== 10 M appeals on PostgreSQL (${name})`);
  if (!(await serverAnswers(options.url)) || !(await databaseExists(options.url))) {
    log(`  The database ${options.url} does not exist (or no server answers): skipped.`);
    log("  Build it with `npm run bench:kpi` (10 M appeals, ~40 min), then run this again.");
    return;
  }
  const counter = new StatementCounter();
  const database = openPostgres(options.url, counter);
  try {
    const journal = JSON.parse(
      fs.readFileSync(path.resolve("db/migrations/meta/_journal.json"), "utf8"),
    ) as { entries: unknown[] };
    const applied = await appliedMigrationCount(database.timed);
    if (applied < journal.entries.length) {
      log(
        `  The database has ${applied} of ${journal.entries.length} migrations: rebuild it with ` +
          "`npm run bench:kpi` (or `npm run bench:kpi -- --reuse`); skipped.",
      );
      return;
    }
    const [size] = await database.timed.rows<{ appeals: number }>(
      sql`select reltuples::bigint as appeals from pg_class where relname = 'appeals'`,
    );
    log(`  ~${Number(size?.appeals ?? 0).toLocaleString("en-US")} appeals`);
    await ensureBenchLeader(database.timed);
    const label = `${name}, PostgreSQL`;
    const results = await measure(
      label,
      {
        timed: database.timed,
        counted: database.counted,
        counter,
        username: BENCH_LEADER,
        password: BENCH_LEADER_PASSWORD,
      },
      options.calls ?? DEFAULT_CALLS["10m"],
      options,
    );
    printTargets(label, results, true);
  } finally {
    await database.close();
  }
}

async function main(): Promise<void> {
  const options = parseOptions();
  process.env.SESSION_SECRET ??= "bench-secret-bench-secret-bench-secret";
  process.env.MINGJING_TIME_ZONE ??= TIME_ZONE;
  // What a deployment should run: React's production build (React reads NODE_ENV when
  // the app's bundle first loads it, after this line). NODE_ENV=development to compare.
  process.env.NODE_ENV ??= "production";
  try {
    ensureBuild();
  } catch (error) {
    // Others edit the tree meanwhile: a half-made change should not stop a measurement.
    if (!fs.existsSync(SERVER_BUILD)) throw error;
    log(
      `! ${(error as Error).message}: measuring the last build ` +
        `(${fs.statSync(SERVER_BUILD).mtime.toISOString()}) instead.`,
    );
  }
  log("Supervision pages through the Remix request handler (no socket), signed in as a leader.");
  log(
    "Times: handler call + reading the body, ms; loaders = the page's .data request (its " +
      "loaders and their serialization, no HTML render). Queries: SQL statements one signed-in " +
      "request sends (session lookups of the root and page loaders included).",
  );
  log(
    `NODE_ENV=${process.env.NODE_ENV} (React's ${process.env.NODE_ENV === "production" ? "production" : "development"} build); ` +
      `${os.cpus().length} CPUs, load average ${loadAverage()} at the start.`,
  );
  if (options.sets.includes("demo")) await benchDemoPglite(options);
  if (options.sets.includes("demo-pg")) await benchDemoPostgres(options);
  if (options.sets.includes("10m")) await bench10M(options);
  log();
  log(`Load average at the end: ${loadAverage()} (other work on the machine inflates the times).`);
  log(`Peak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB.`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
