/**
 * npm run bench:public
 *
 * Issue #21's benchmark: the public side as citizens reach it, over a socket, on the
 * production server (`node app/server/run.mjs`, as `npm start` runs it) on PostgreSQL with
 * the demo seeded (MINGJING_DEMO=1 publishes its scorecards). autocannon drives three
 * addresses one after the other in the same run, each for the same time with the same
 * connections, over loopback:
 *
 *   /ping                                   the trivial route: no database, a 2-byte body
 *   /scorecards/departments/<code>          a published department scorecard (HTML)
 *   /api/v1/scorecards/departments/<code>   the same scorecard's JSON
 *
 * It prints req/s, p50 / p99 latency, errors and non-2xx answers of each, and each
 * scorecard's req/s over the trivial route's against the target (≥ 0.9, no errors): PASS
 * or FAIL. A benchmark reports, it does not fail: the exit code is 0 either way (1 only
 * when it could not measure).
 *
 * Environment:
 *   BENCH_SECONDS      seconds per address (default 30; e.g. 5 while developing)
 *   BENCH_CONNECTIONS  concurrent connections (default 50)
 *   BENCH_PG_URL       the PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres);
 *                      the database mingjing_bench_public is created there and dropped after
 *   BENCH_PORT         the server's port (default: a free one)
 *
 * The server and autocannon share the machine's CPUs: on a busy machine every figure is
 * lower, the ratios less so. Load averages are printed at the start and the end.
 */
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import os from "node:os";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import postgres from "postgres";
import { databaseUrlFor } from "../setup/database-urls";
import { log } from "./samples";

const DATABASE = "mingjing_bench_public";
const DEFAULT_PG_URL = "postgres://postgres@127.0.0.1:5432/postgres";
const TARGET_RATIO = 0.9;
const HEALTH_TIMEOUT_MS = 600_000;

function positiveInteger(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`${name} must be a positive whole number, not ${JSON.stringify(text)}.`);
    process.exit(2);
  }
  return value;
}

const loadAverage = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

async function withAdmin<T>(url: string, work: (admin: postgres.Sql) => Promise<T>): Promise<T> {
  const admin = postgres(databaseUrlFor(url, "postgres"), { max: 1, onnotice: () => {} });
  try {
    return await work(admin);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/** The production server as `npm start` runs it, on the bench database with the demo. */
function startServer(
  port: number,
  databaseUrl: string,
): { server: ChildProcess; output: () => string } {
  let output = "";
  const server = spawn(process.execPath, ["app/server/run.mjs"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      // Explicit: with DATABASE_URL set the demo is off by default.
      MINGJING_DEMO: "1",
      SESSION_SECRET: "bench-public-secret-bench-public-secret",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return { server, output: () => output };
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || !server.pid) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  process.kill(-server.pid, "SIGTERM");
  await exited;
}

async function waitForHealth(base: string, server: ChildProcess, output: () => string) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null)
      throw new Error(`The server exited (${server.exitCode}):\n${output()}`);
    const ok = await fetch(`${base}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The server did not answer /healthz in time:\n${output()}`);
}

/** A department with a published scorecard, from the open data change feed. */
async function publishedDepartment(base: string): Promise<string> {
  const response = await fetch(`${base}/api/v1/publications?since=2000-01-01`);
  if (!response.ok) throw new Error(`The change feed answered ${response.status}.`);
  const feed = (await response.json()) as {
    publications: Array<{ subject: string; code: string }>;
  };
  const codes = feed.publications
    .filter((entry) => entry.subject === "department")
    .map((entry) => entry.code)
    .sort();
  if (codes.length === 0) throw new Error("The demo published no department scorecard.");
  return codes[0]!;
}

interface Target {
  label: string;
  path: string;
  trivial?: boolean;
}

interface Result {
  target: Target;
  bytes: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  total: number;
}

async function drive(base: string, target: Target, seconds: number, connections: number) {
  // One request first: the address answers 200 (a 404 measured fast is no figure).
  const first = await fetch(`${base}${target.path}`);
  const body = await first.arrayBuffer();
  if (first.status !== 200) throw new Error(`${target.path} answered ${first.status}, not 200.`);
  const result = await autocannon({
    url: `${base}${target.path}`,
    connections,
    duration: seconds,
    // A browser's GET: no cookie, so no session; the page's own answer, not a 304.
    headers: { Accept: "text/html,application/json" },
  });
  return {
    target,
    bytes: body.byteLength,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    total: result.requests.total,
  } satisfies Result;
}

function printResults(results: readonly Result[]): boolean {
  const trivial = results.find((result) => result.target.trivial)!;
  const header = ["address", "body KB", "req/s", "p50 ms", "p99 ms", "errors", "non-2xx", "ratio"];
  const rows = results.map((result) => [
    `${result.target.label} ${result.target.path}`,
    (result.bytes / 1024).toFixed(1),
    result.requestsPerSecond.toFixed(0),
    String(result.p50),
    String(result.p99),
    String(result.errors + result.timeouts),
    String(result.non2xx),
    result.target.trivial ? "" : (result.requestsPerSecond / trivial.requestsPerSecond).toFixed(2),
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
  log(`  ${line(header)}`);
  log(`  ${widths.map((width) => "-".repeat(width)).join("  ")}`);
  for (const row of rows) log(`  ${line(row)}`);
  log();
  log(`  Target: each scorecard at ≥ ${TARGET_RATIO} × the trivial route's req/s, no errors.`);
  let pass = true;
  for (const result of results.filter((entry) => !entry.target.trivial)) {
    const ratio = result.requestsPerSecond / trivial.requestsPerSecond;
    const failures = result.errors + result.timeouts + result.non2xx;
    const ok = ratio >= TARGET_RATIO && failures === 0;
    pass &&= ok;
    log(
      `    ${result.target.label}/trivial = ${ratio.toFixed(2)}` +
        `${failures > 0 ? `, ${failures} errors or non-2xx` : ""}: ${ok ? "PASS" : "FAIL"}`,
    );
  }
  const trivialFailures = trivial.errors + trivial.timeouts + trivial.non2xx;
  if (trivialFailures > 0) {
    pass = false;
    log(`    the trivial route itself had ${trivialFailures} errors or non-2xx: FAIL`);
  }
  log(`  Overall: ${pass ? "PASS" : "FAIL"}`);
  return pass;
}

async function main(): Promise<void> {
  const seconds = positiveInteger("BENCH_SECONDS", 30);
  const connections = positiveInteger("BENCH_CONNECTIONS", 50);
  const pgUrl = process.env.BENCH_PG_URL || DEFAULT_PG_URL;
  const port = positiveInteger("BENCH_PORT", await freePort());
  const databaseUrl = databaseUrlFor(pgUrl, DATABASE);
  log("Public scorecards against a trivial route, over loopback, on the production server.");
  log(
    `${seconds} s per address, ${connections} connections; ${os.cpus().length} CPUs, ` +
      `load average ${loadAverage()} at the start (server and load generator share them).`,
  );

  await withAdmin(pgUrl, async (admin) => {
    await admin.unsafe(`drop database if exists ${DATABASE} with (force)`);
    await admin.unsafe(`create database ${DATABASE}`);
  });
  const started = performance.now();
  const { server, output } = startServer(port, databaseUrl);
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitForHealth(base, server, output);
    log(
      `  server ready (built if needed, migrated, demo seeded) in ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s on database ${DATABASE}`,
    );
    const code = await publishedDepartment(base);
    const targets: Target[] = [
      { label: "trivial", path: "/ping", trivial: true },
      { label: "page", path: `/scorecards/departments/${encodeURIComponent(code)}` },
      { label: "api", path: `/api/v1/scorecards/departments/${encodeURIComponent(code)}` },
    ];
    const results: Result[] = [];
    for (const target of targets) {
      log(`  driving ${target.path} for ${seconds} s…`);
      results.push(await drive(base, target, seconds, connections));
    }
    printResults(results);
  } finally {
    await stopServer(server);
    await withAdmin(pgUrl, (admin) =>
      admin.unsafe(`drop database if exists ${DATABASE} with (force)`),
    );
  }
  log();
  log(`Load average at the end: ${loadAverage()} (other work on the machine lowers every figure).`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
