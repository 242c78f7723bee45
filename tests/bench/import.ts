/**
 * npm run bench:import -- [--rows N] [--url URL] [--skip-pglite]
 *
 * The import benchmark of issue #6. It writes a realistic 12345-hotline export of N
 * appeals (default 1,000,000; ~180 departments, every column, three personal-data
 * columns) to a temporary file as a stream, then on PostgreSQL, in a fresh database
 * mingjing_bench_import that it creates, migrates and drops:
 *
 *   (a) psql \copy of the file into a bare table of text columns: the loading limit;
 *   (b) psql \copy into a table shaped as appeals (types, CHECKs, unique external id,
 *       its indexes, its foreign key to departments, the lineage column and its index):
 *       the limit for typed, constrained rows; (b') the same without the foreign key and
 *       the lineage column, as measured when the issue was filed;
 *   (c) the full import through runImport (parse, validation, personal data hashed,
 *       lineage, roll-ups), in a child process whose peak RSS is read from /proc, with
 *       the CPU time it and the server's processes spent per row.
 *
 * Then (d) the same import into PGlite, in a data folder created and migrated under a
 * temporary directory. Targets: (c) >= 0.6 x (b), peak RSS < 300 MB on PostgreSQL and
 * < 1.5 GB on PGlite. A benchmark reports, it does not fail: missed targets exit 0.
 */
import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { syncOfficialCalendar } from "../../db/calendar/sync-official.server";
import { openDatabase, postgresOptions, wrapPostgres, type DbHandle } from "../../db/client.server";
import { runImport, type ImportReport } from "../../db/import/run-import.server";
import { migrateDatabase } from "../../db/migrate.server";
import { mulberry32 } from "../../metrics/prng";

const DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/mingjing_bench_import";
const TIME_ZONE = "Asia/Shanghai";
const DEPARTMENTS = 180;
const PII_KEY = "bench-key-of-at-least-32-characters";
const TARGET_RATIO = 0.6;
const TARGET_RSS_POSTGRES_MB = 300;
const TARGET_RSS_PGLITE_MB = 1_536;

const APPEAL_HEADER = [
  "external_id",
  "channel",
  "department_code",
  "type",
  "category",
  "received_at",
  "first_contact_at",
  "replied_at",
  "closed_at",
  "due_at",
  "satisfaction",
  "caller_name",
  "phone",
  "id_number",
] as const;

const CHANNELS = ["12345热线", "网站", "微信", "APP", "信件"];
const CATEGORIES = ["城乡建设", "劳动保障", "市场监管", "交通运输", "教育", "卫生健康", "环境保护"];
const TYPES = ["complaint", "consultation", "suggestion", "praise"];
const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英";
const FIRST_DAY_MS = Date.UTC(2023, 0, 1);
const DAYS = 3 * 365;

const departmentCode = (index: number) => `BENCH-${String(index + 1).padStart(3, "0")}`;

/** departments.csv: code and name of each department. */
function writeDepartmentsCsv(filePath: string, count: number): void {
  const lines = ["code,name"];
  for (let index = 0; index < count; index++) {
    lines.push(`${departmentCode(index)},基准测试第${index + 1}局`);
  }
  fs.writeFileSync(filePath, `${lines.join("\n")}\n`);
}

const two = (value: number) => (value < 10 ? `0${value}` : String(value));

/** "YYYY-MM-DD HH:MM:SS", local time (the import reads it in the deployment's zone). */
function localText(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(
    d.getUTCHours(),
  )}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

/**
 * Writes `rows` appeals to `filePath` as CSV (UTF-8, comma, \n), a block at a time with
 * back-pressure. Deterministic for a given seed.
 */
async function writeAppealsCsv(
  filePath: string,
  rows: number,
  departments: number,
  seed = 42,
): Promise<number> {
  const random = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  // Skewed load: department i gets weight 1/(1 + i/10), so the first few are the busiest.
  const cumulative: number[] = [];
  let total = 0;
  for (let index = 0; index < departments; index++)
    cumulative.push((total += 1 / (1 + index / 10)));
  const department = () => {
    const draw = random() * total;
    let low = 0;
    let high = departments - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] ?? 0) > draw) high = middle;
      else low = middle + 1;
    }
    return low;
  };

  const out = fs.createWriteStream(filePath);
  out.write(`${APPEAL_HEADER.join(",")}\n`);
  let block: string[] = [];
  for (let index = 0; index < rows; index++) {
    const day = Math.floor((index * DAYS) / rows);
    // Local wall-clock time written as if UTC: the text is what matters.
    const received = FIRST_DAY_MS + day * 86_400_000 + int(8 * 3600, 20 * 3600) * 1000;
    const replied = random() < 0.9 ? received + int(600, 12 * 86_400) * 1000 : null;
    const contact =
      random() < 0.8
        ? received + int(60, replied ? (replied - received) / 1000 : 7200) * 1000
        : null;
    const closed = replied && random() < 0.8 ? replied + int(0, 3 * 86_400) * 1000 : null;
    const due = received + int(5, 15) * 86_400_000;
    const satisfaction = replied && random() < 0.6 ? String(int(1, 5)) : "";
    const name = `${pick([...SURNAMES])}${pick([...GIVEN])}${random() < 0.5 ? pick([...GIVEN]) : ""}`;
    const phone = `1${int(30, 99)}${String(int(0, 99_999_999)).padStart(8, "0")}`;
    const idNumber =
      random() < 0.3 ? `3301${String(int(0, 99_999_999_999_999)).padStart(14, "0")}` : "";
    block.push(
      [
        `12345-${String(index + 1).padStart(9, "0")}`,
        pick(CHANNELS),
        departmentCode(department()),
        pick(TYPES),
        pick(CATEGORIES),
        localText(received),
        contact ? localText(contact) : "",
        replied ? localText(replied) : "",
        closed ? localText(closed) : "",
        localText(due),
        satisfaction,
        name,
        phone,
        idNumber,
      ].join(","),
    );
    if (block.length === 5_000) {
      if (!out.write(`${block.join("\n")}\n`)) await once(out, "drain");
      block = [];
    }
  }
  if (block.length) out.write(`${block.join("\n")}\n`);
  out.end();
  await once(out, "finish");
  return fs.statSync(filePath).size;
}

// ---------------------------------------------------------------- figures

const int = (value: number) => Math.round(value).toLocaleString("en-US");
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const rate = (rows: number, ms: number) => `${int((rows / ms) * 1000)} rows/s`;
const perRow = (ms: number, rows: number) => `${((ms * 1000) / rows).toFixed(1)} µs/row`;

/** Where an import's time went: wall clock, Node's CPU and the server's, per row. */
function cpuLine(rows: number, result: ChildResult): string {
  return (
    `per row: ${perRow(result.importMs, rows)} elapsed, Node CPU ${perRow(result.cpuMs, rows)}, ` +
    `PostgreSQL CPU ${perRow(result.serverCpuMs, rows)}; Node's main thread busy ` +
    `${(result.mainThreadBusy * 100).toFixed(0)} % of the time`
  );
}

// ---------------------------------------------------------------- PostgreSQL (a), (b)

function psql(url: string, command: string): void {
  execFileSync("psql", [url, "-v", "ON_ERROR_STOP=1", "-q", "-c", command], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, PGTZ: TIME_ZONE },
  });
}

const TEXT_TABLE = `create unlogged table if not exists bench_text (${APPEAL_HEADER.map(
  (name) => `${name} text`,
).join(", ")})`;

/**
 * The file's columns with what appeals has: types, CHECKs, the unique external id, its
 * indexes, the foreign key to departments (the file names a department by its code, so the
 * key is on the code) and the lineage column with its index. `withoutKeyAndLineage` leaves
 * out the last two, the shape issue #6 was measured with before filing.
 */
function typedTable(withoutKeyAndLineage = false): string {
  const keyAndLineage = withoutKeyAndLineage
    ? ""
    : `alter table bench_typed add foreign key (department_code) references departments (code);
       alter table bench_typed add column batch_id bigint not null default 1;
       create index bench_typed_batch_idx on bench_typed (batch_id);`;
  return `create table bench_typed (
  id bigserial primary key,
  external_id text not null,
  channel text,
  department_code text not null,
  type appeal_type not null,
  category text,
  received_at timestamptz not null,
  first_contact_at timestamptz,
  replied_at timestamptz,
  closed_at timestamptz,
  due_at timestamptz,
  satisfaction smallint,
  caller_name text,
  phone text,
  id_number text,
  constraint bench_external_id_not_blank check (external_id ~ '[^\\s\\u00a0\\u2000-\\u200b\\u3000]'),
  constraint bench_satisfaction_range check (satisfaction between 1 and 5),
  constraint bench_first_contact check (first_contact_at >= received_at),
  constraint bench_replied check (replied_at >= received_at),
  constraint bench_closed check (closed_at >= received_at),
  constraint bench_due check (due_at >= received_at)
);
create unique index bench_typed_external_id_key on bench_typed (external_id);
create index bench_typed_department_received_idx on bench_typed (department_code, received_at);
create index bench_typed_received_idx on bench_typed (received_at);
${keyAndLineage}`;
}

function timedCopy(url: string, table: string, file: string): number {
  const started = performance.now();
  psql(
    url,
    `\\copy ${table} (${APPEAL_HEADER.join(", ")}) from '${file}' with (format csv, header true)`,
  );
  return performance.now() - started;
}

// ---------------------------------------------------------------- the import, in a child

interface ChildResult {
  report: Pick<ImportReport, "outcome" | "rowsAccepted" | "rowsRejected" | "errorCount">;
  importMs: number;
  /** CPU time of the import's Node process (all its threads). */
  cpuMs: number;
  /** The share of the import's time its main thread was busy, not waiting for I/O. */
  mainThreadBusy: number;
  peakRssMb: number;
  /** CPU time of the PostgreSQL server's processes while the import ran. */
  serverCpuMs: number;
}

const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, ms) of every process named postgres, by pid, from /proc. Where
 * the import spent its time: the server's share and Node's, on the same cores.
 */
function postgresCpuByPid(): Map<number, number> {
  const cpu = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const close = stat.lastIndexOf(")");
      if (stat.slice(stat.indexOf("(") + 1, close) !== "postgres") continue;
      const fields = stat.slice(close + 2).split(" ");
      // utime and stime are fields 14 and 15 of stat; fields here start at field 3.
      const ticks = Number(fields[11]) + Number(fields[12]);
      cpu.set(Number(entry), (ticks * 1000) / CLOCK_TICKS_PER_SECOND);
    } catch {
      // The process has exited.
    }
  }
  return cpu;
}

/** Sums what the server's processes spent between samples (a backend that ends keeps its last). */
class ServerCpu {
  private readonly first = postgresCpuByPid();
  private readonly last = new Map(this.first);

  sample(): void {
    for (const [pid, ms] of postgresCpuByPid()) this.last.set(pid, ms);
  }

  spentMs(): number {
    this.sample();
    let total = 0;
    for (const [pid, ms] of this.last) total += ms - (this.first.get(pid) ?? 0);
    return total;
  }
}

/** Runs one import in this script as a child process (--child), so its peak RSS is its own. */
async function importInChild(args: string[]): Promise<ChildResult> {
  const script = fileURLToPath(import.meta.url);
  // MINGJING_BENCH_NODE_ARGS: extra Node flags for the child (e.g. "--expose-gc --max-old-space-size=200").
  const nodeArgs = (process.env.MINGJING_BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(
    process.execPath,
    [...process.execArgv, ...nodeArgs, script, "--child", ...args],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  let peakKb = 0;
  const server = new ServerCpu();
  const sample = setInterval(() => {
    server.sample();
    try {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, "utf8");
      const hwm = /VmHWM:\s+(\d+)/.exec(status);
      if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
    } catch {
      // The child has exited.
    }
  }, 100);
  const [code] = (await once(child, "exit")) as [number];
  clearInterval(sample);
  if (code !== 0) throw new Error(`the import child exited with ${code}`);
  const result = JSON.parse(output.trim().split("\n").at(-1)!) as ChildResult;
  // The child's own reading (maxRSS at exit) and the sampled high-water mark: the larger.
  return {
    ...result,
    peakRssMb: Math.max(result.peakRssMb, peakKb / 1024),
    serverCpuMs: server.spentMs(),
  };
}

async function child(values: { url?: string; data?: string; file?: string }): Promise<void> {
  const handle: DbHandle = await openDatabase({
    databaseUrl: values.url,
    dataDir: values.data ?? "",
    owner: "bench:import",
  });
  // MINGJING_BENCH_MEMORY=<ms>: print the child's memory to stderr every <ms> (after a
  // full GC when the child runs with --expose-gc), with the records read so far.
  const every = Number(process.env.MINGJING_BENCH_MEMORY ?? 0);
  let recordsRead = 0;
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0).padStart(4);
  const sampler =
    every > 0
      ? setInterval(() => {
          const before = process.memoryUsage();
          const gc = (globalThis as { gc?: () => void }).gc;
          gc?.();
          const after = gc ? process.memoryUsage() : before;
          console.error(
            `[memory] ${(performance.now() / 1000).toFixed(1).padStart(6)} s  read ${String(recordsRead).padStart(8)}  ` +
              `rss ${mb(before.rss)}  heapUsed ${mb(before.heapUsed)}${gc ? ` (after gc ${mb(after.heapUsed)})` : ""}  ` +
              `heapTotal ${mb(before.heapTotal)}  external ${mb(before.external)}  arrayBuffers ${mb(before.arrayBuffers)}`,
          );
        }, every)
      : undefined;
  try {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const loopBefore = performance.eventLoopUtilization();
    const report = await runImport(handle.db, {
      onProgress: every > 0 ? (progress) => (recordsRead = progress.records) : undefined,
      kind: "appeals",
      filePath: values.file!,
      actor: { id: null, name: "bench", ip: null },
      scope: null,
      timeZone: TIME_ZONE,
      piiKey: PII_KEY,
    });
    const importMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const loop = performance.eventLoopUtilization(loopBefore);
    const { outcome, rowsAccepted, rowsRejected, errorCount } = report;
    const result: ChildResult = {
      report: { outcome, rowsAccepted, rowsRejected, errorCount },
      importMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      mainThreadBusy: loop.utilization,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      serverCpuMs: 0,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    clearInterval(sampler);
    await handle.close();
  }
}

async function prepare(handle: DbHandle, departmentsFile: string): Promise<void> {
  await migrateDatabase(handle);
  await syncOfficialCalendar(handle);
  const report = await runImport(handle.db, {
    kind: "departments",
    filePath: departmentsFile,
    actor: { id: null, name: "bench", ip: null },
    scope: null,
    timeZone: TIME_ZONE,
  });
  if (report.outcome !== "committed") throw new Error(`departments: ${report.outcome}`);
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rows: { type: "string" },
      url: { type: "string" },
      "skip-pglite": { type: "boolean", default: false },
      child: { type: "boolean", default: false },
      data: { type: "string" },
      file: { type: "string" },
    },
  });
  if (values.child) return child(values);
  const rows = Number((values.rows ?? "1000000").replaceAll("_", ""));
  if (!Number.isInteger(rows) || rows < 1)
    throw new Error("--rows must be a positive whole number");
  const url = values.url ?? DEFAULT_URL;
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const adminUrl = new URL(url);
  adminUrl.pathname = "/postgres";

  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "mingjing-bench-import-"));
  const file = path.join(directory, "appeals.csv");
  const departmentsFile = path.join(directory, "departments.csv");
  const admin = postgres(adminUrl.toString(), { ...postgresOptions, max: 1 });
  try {
    writeDepartmentsCsv(departmentsFile, DEPARTMENTS);
    let started = performance.now();
    const bytes = await writeAppealsCsv(file, rows, DEPARTMENTS);
    console.log(
      `Wrote ${int(rows)} appeals (${(bytes / 1024 / 1024).toFixed(0)} MB, ${DEPARTMENTS} departments) in ${seconds(performance.now() - started)}.`,
    );

    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
    const handle = wrapPostgres(postgres(url, postgresOptions));
    await prepare(handle, departmentsFile);
    await handle.close();

    psql(url, TEXT_TABLE);
    const textMs = timedCopy(url, "bench_text", file);
    psql(url, "drop table bench_text");
    psql(url, typedTable());
    const typedMs = timedCopy(url, "bench_typed", file);
    psql(url, "drop table bench_typed; checkpoint");
    psql(url, typedTable(true));
    const typedBareMs = timedCopy(url, "bench_typed", file);
    psql(url, "drop table bench_typed; checkpoint");
    console.log(
      `(a) psql \\copy into text columns:        ${rate(rows, textMs)} (${seconds(textMs)})`,
    );
    console.log(
      `(b) psql \\copy into the appeals shape:    ${rate(rows, typedMs)} (${seconds(typedMs)})`,
    );
    console.log(
      `(b') the same without its foreign key and lineage column: ${rate(rows, typedBareMs)} (${seconds(typedBareMs)})`,
    );

    started = performance.now();
    const onPostgres = await importInChild(["--url", url, "--file", file]);
    console.log(
      `(c) runImport on PostgreSQL:               ${rate(rows, onPostgres.importMs)} (${seconds(onPostgres.importMs)}), ` +
        `${onPostgres.report.outcome}, ${int(onPostgres.report.rowsAccepted)} rows, peak RSS ${int(onPostgres.peakRssMb)} MB`,
    );
    console.log(`    ${cpuLine(rows, onPostgres)}`);
    const toText = textMs / onPostgres.importMs;
    const toTyped = typedMs / onPostgres.importMs;
    const toTypedBare = typedBareMs / onPostgres.importMs;
    console.log(
      `    (c)/(a) = ${toText.toFixed(2)}   (c)/(b) = ${toTyped.toFixed(2)} (target >= ${TARGET_RATIO})   (c)/(b') = ${toTypedBare.toFixed(2)}`,
    );
    console.log(
      `    target (c) >= ${TARGET_RATIO} x (b): ${toTyped >= TARGET_RATIO ? "met" : "MISSED"}; ` +
        `peak RSS < ${TARGET_RSS_POSTGRES_MB} MB: ${onPostgres.peakRssMb < TARGET_RSS_POSTGRES_MB ? "met" : "MISSED"}`,
    );
    await admin.unsafe(`drop database if exists ${name} with (force)`);

    if (!values["skip-pglite"]) {
      const dataDir = path.join(directory, "data");
      const pglite = await openDatabase({ dataDir, owner: "bench:import" });
      await prepare(pglite, departmentsFile);
      await pglite.close();
      const onPglite = await importInChild(["--data", dataDir, "--file", file]);
      console.log(
        `(d) runImport on PGlite:                   ${rate(rows, onPglite.importMs)} (${seconds(onPglite.importMs)}), ` +
          `${onPglite.report.outcome}, ${int(onPglite.report.rowsAccepted)} rows, peak RSS ${int(onPglite.peakRssMb)} MB ` +
          `(target < ${TARGET_RSS_PGLITE_MB} MB: ${onPglite.peakRssMb < TARGET_RSS_PGLITE_MB ? "met" : "MISSED"})`,
      );
    }
  } finally {
    await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
    await admin.end();
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
