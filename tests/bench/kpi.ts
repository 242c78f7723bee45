/**
 * npm run bench:kpi -- [--appeals N] [--url URL] [--calls N] [--departments N] [--reuse]
 *
 * The KPI benchmark of the "Scale" section of DESIGN.md, on PostgreSQL:
 *
 *   1. (Re)creates the database of --url, migrates it, writes a province-sized set of
 *      dimension rows and streams N appeals over three years in with COPY.
 *   2. Rebuilds the roll-ups (rebuildAllRollups), sampling pg_stat_activity meanwhile
 *      to show where the time goes.
 *   3. Times the overview (all departments) and department-page queries on the roll-ups,
 *      --calls times each, against a plain GROUP BY over the raw appeals table.
 *   4. Times an incremental import of one new day's appeals (≈200) with its roll-up refresh.
 *
 * Scale of the dimension rows: the demo county has 18 departments, 130 service items and
 * 30 projects for 60,000 appeals. Here every 1,000,000 appeals (over three years) bring
 * one "county" of 18 departments (7 items and ~1.7 projects each), so 10,000,000 appeals
 * give 180 departments, 1,260 items and 300 projects. --departments overrides the count.
 *
 * A benchmark reports, it does not fail: missed targets still exit 0.
 */
import { performance } from "node:perf_hooks";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { syncOfficialCalendar } from "../../db/calendar/sync-official.server";
import { officialDays } from "../../db/calendar/official-days";
import { postgresOptions, wrapPostgres, type DbHandle } from "../../db/client.server";
import { migrateDatabase } from "../../db/migrate.server";
import {
  appealKpisFromRollups,
  projectKpisFromRollups,
  serviceKpisFromRollups,
  type DateRange,
} from "../../db/queries/kpis.server";
import { refreshAppealCells, type AppealCell } from "../../db/rollups/appeal-rollups.server";
import { loadAppealClock } from "../../db/rollups/clock.server";
import { rebuildAllRollups } from "../../db/rollups/rebuild.server";
import * as schema from "../../db/schema/index";
import { dayNumberOf, isoDateOf } from "../../metrics/iso-date";
import { mulberry32, type RandomSource } from "../../metrics/prng";
import { endOfLocalDayMs } from "../../metrics/time-zone";
import { createWorkingDayCalendar, type WorkingDayCalendar } from "../../metrics/working-days";
import { log, stats, type Stats } from "./samples";

const DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/mingjing_bench";
const APP_NAME = "mingjing_bench";
const TIME_ZONE = "Asia/Shanghai";
/** Three years of data, ending where the demo's does. */
const FIRST_DAY = "2023-11-01";
const LAST_DAY = "2026-10-31";
/** The year the pages show: the last whole calendar year of the data. */
const YEAR: DateRange = { from: "2025-01-01", to: "2025-12-31" };
const WARM_UP_CALLS = 5;
const RAW_RUNS = 5;
const INCREMENTAL_APPEALS = 200;
const TARGET_P95_MS = 20;
const TARGET_SPEED_UP = 100;
const TARGET_INCREMENTAL_MS = 500;

const APPEALS_PER_COUNTY = 1_000_000;
const DEPARTMENTS_PER_COUNTY = 18;
const ITEMS_PER_DEPARTMENT = 7;
const PROJECTS_PER_DEPARTMENT = 30 / 18;
const MILESTONES_PER_PROJECT = 6;

const CHANNELS = ["12345热线", "网站", "微信", "APP", "信件"] as const;
const CATEGORIES = ["城乡建设", "劳动保障", "市场监管", "交通运输", "教育", "卫生健康", "环境保护"];

// ---------------------------------------------------------------- options and helpers

interface Options {
  appeals: number;
  url: string;
  calls: number;
  reuse: boolean;
  departments: number;
}

function parseCount(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
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
      appeals: { type: "string" },
      url: { type: "string" },
      calls: { type: "string" },
      departments: { type: "string" },
      reuse: { type: "boolean", default: false },
    },
  });
  const appeals = parseCount("appeals", values.appeals, 10_000_000);
  const counties = Math.max(1, Math.round(appeals / APPEALS_PER_COUNTY));
  return {
    appeals,
    url: values.url ?? DEFAULT_URL,
    calls: parseCount("calls", values.calls, 200),
    reuse: values.reuse ?? false,
    departments: parseCount("departments", values.departments, counties * DEPARTMENTS_PER_COUNTY),
  };
}

const ms = (value: number) => `${value.toFixed(2)} ms`;
const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;
const int = (value: number) => Math.round(value).toLocaleString("en-US");
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const describe = (s: Stats) => `p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  max ${ms(s.max)}`;

/** The UTC instant (ms) at which a local day starts. */
const startOfDayMs = (dayNumber: number) => endOfLocalDayMs(dayNumber - 1, TIME_ZONE) + 1;

class Draw {
  readonly next: RandomSource;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  /** Index into cumulative weights (ascending, last = total). */
  weighted(cumulative: readonly number[]): number {
    const total = cumulative[cumulative.length - 1] ?? 0;
    const draw = this.next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] ?? 0) > draw) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}

const cumulativeOf = (weights: readonly number[]) => {
  let sum = 0;
  return weights.map((weight) => (sum += weight));
};

function months(): string[] {
  const result: string[] = [];
  let [year, month] = FIRST_DAY.split("-").map(Number) as [number, number];
  const [lastYear, lastMonth] = LAST_DAY.split("-").map(Number) as [number, number];
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    result.push(`${year}-${String(month).padStart(2, "0")}-01`);
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return result;
}

// ---------------------------------------------------------------- database

function adminUrl(url: string): { admin: string; name: string } {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) {
    throw new Error(`The database name ${JSON.stringify(name)} must be a plain identifier.`);
  }
  parsed.pathname = "/postgres";
  return { admin: parsed.toString(), name };
}

async function prepareDatabase(url: string, reuse: boolean): Promise<void> {
  const { admin, name } = adminUrl(url);
  const client = postgres(admin, { max: 1, onnotice: () => {} });
  try {
    const existing = await client`select 1 from pg_database where datname = ${name}`;
    if (!reuse && existing.length > 0) {
      await client.unsafe(`drop database ${name} with (force)`);
      log(`Dropped database ${name}.`);
    }
    if (!reuse || existing.length === 0) {
      await client.unsafe(`create database ${name}`);
      log(`Created database ${name}.`);
    } else {
      log(`Reusing database ${name}.`);
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}

async function scalar(handle: DbHandle, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await handle.rows<{ value: string | number | null }>(query);
  return Number(row?.value ?? 0);
}

// ---------------------------------------------------------------- dimension rows

interface Dimensions {
  departmentIds: number[];
}

async function loadDimensions(handle: DbHandle, departments: number): Promise<Dimensions> {
  const draw = new Draw(7);
  const { db } = handle;
  const started = performance.now();
  const [province] = await db
    .insert(schema.regions)
    .values({ code: "990000", name: "基准省", level: "province" })
    .returning({ id: schema.regions.id });
  const counties = Math.ceil(departments / DEPARTMENTS_PER_COUNTY);
  const countyRows = await db
    .insert(schema.regions)
    .values(
      Array.from({ length: counties }, (_, index) => ({
        code: `99${String(index + 1).padStart(4, "0")}`,
        name: `基准县${index + 1}`,
        level: "county" as const,
        parentId: province?.id ?? null,
      })),
    )
    .returning({ id: schema.regions.id });
  const departmentRows = await db
    .insert(schema.departments)
    .values(
      Array.from({ length: departments }, (_, index) => ({
        code: `BD-${String(index + 1).padStart(5, "0")}`,
        name: `基准部门${index + 1}`,
        regionId: countyRows[Math.floor(index / DEPARTMENTS_PER_COUNTY)]?.id ?? null,
      })),
    )
    .returning({ id: schema.departments.id });
  const departmentIds = departmentRows.map((row) => row.id);

  const itemRows = await insertInChunks(
    departmentIds.flatMap((departmentId, d) =>
      Array.from({ length: ITEMS_PER_DEPARTMENT }, (_, j) => ({
        code: `BS-${d + 1}-${j + 1}`,
        name: `基准事项${d + 1}-${j + 1}`,
        departmentId,
        maturity: draw.int(0, 4),
        oneVisit: draw.chance(0.6),
        highFrequency: draw.chance(0.3),
        timeLimitDays: draw.pick([1, 3, 5, 10, 20]),
      })),
    ),
    2_000,
    (chunk) =>
      db.insert(schema.serviceItems).values(chunk).returning({ id: schema.serviceItems.id }),
  );
  const periods = months();
  await insertInChunks(
    itemRows.flatMap(({ id }) =>
      periods.map((period) => {
        const transactions = draw.int(20, 2_000);
        const completed = draw.chance(0.9) ? transactions : null;
        return {
          itemId: id,
          period,
          transactions,
          online: draw.chance(0.9) ? Math.round(transactions * (0.3 + 0.65 * draw.next())) : null,
          completed,
          completedOnTime:
            completed === null ? null : Math.round(completed * (0.85 + 0.15 * draw.next())),
        };
      }),
    ),
    2_000,
    async (chunk) => {
      await db.insert(schema.serviceStats).values(chunk);
    },
  );

  const projectCount = Math.max(1, Math.round(departments * PROJECTS_PER_DEPARTMENT));
  const stages = ["construction", "trial_operation", "acceptance", "operation"] as const;
  const projectSpecs = Array.from({ length: projectCount }, (_, index) => {
    const startIndex = draw.int(0, periods.length - 12);
    const endIndex = Math.min(periods.length - 1, startIndex + draw.int(11, 30));
    return {
      code: `BP-${String(index + 1).padStart(5, "0")}`,
      name: `基准项目${index + 1}`,
      departmentId: departmentIds[index % departmentIds.length] as number,
      stage: draw.pick(stages),
      budgetYuan: (draw.int(500, 20_000) * 1_000).toFixed(2),
      plannedStart: periods[startIndex] as string,
      plannedEnd: isoDateOf(dayNumberOf(periods[endIndex] as string) + 27),
      startIndex,
      endIndex,
    };
  });
  const projectRows = await insertInChunks(
    projectSpecs.map(({ startIndex: _s, endIndex: _e, ...row }) => row),
    1_000,
    (chunk) => db.insert(schema.projects).values(chunk).returning({ id: schema.projects.id }),
  );
  const categories = schema.COST_CATEGORIES;
  const lines: Array<typeof schema.budgetLines.$inferInsert> = [];
  const milestoneRows: Array<typeof schema.milestones.$inferInsert> = [];
  projectSpecs.forEach((spec, index) => {
    const projectId = projectRows[index]?.id as number;
    const own = [
      categories[index % categories.length],
      categories[(index + 2) % categories.length],
    ];
    for (let m = spec.startIndex; m <= spec.endIndex; m++) {
      for (const category of own) {
        const planned = draw.int(10, 400) * 1_000;
        lines.push({
          projectId,
          period: periods[m] as string,
          category,
          plannedYuan: planned.toFixed(2),
          actualYuan: Math.round(planned * (0.7 + 0.5 * draw.next())).toFixed(2),
        });
      }
    }
    const first = dayNumberOf(spec.plannedStart);
    const span = dayNumberOf(spec.plannedEnd) - first;
    for (let k = 0; k < MILESTONES_PER_PROJECT; k++) {
      const planned = isoDateOf(first + Math.round((span * (k + 1)) / MILESTONES_PER_PROJECT));
      const done = planned <= LAST_DAY && draw.chance(0.8);
      milestoneRows.push({
        projectId,
        name: `里程碑${k + 1}`,
        weight: (1 / MILESTONES_PER_PROJECT).toFixed(6),
        plannedDate: planned,
        actualDate: done ? isoDateOf(dayNumberOf(planned) + draw.int(-10, 40)) : null,
        forecastDate: done ? null : isoDateOf(dayNumberOf(planned) + draw.int(0, 60)),
      });
    }
  });
  await insertInChunks(lines, 2_000, async (chunk) => {
    await db.insert(schema.budgetLines).values(chunk);
  });
  await insertInChunks(milestoneRows, 2_000, async (chunk) => {
    await db.insert(schema.milestones).values(chunk);
  });
  log(
    `Dimensions: ${int(departments)} departments in ${int(counties)} counties, ` +
      `${int(itemRows.length)} service items, ${int(itemRows.length * periods.length)} service stats, ` +
      `${int(projectCount)} projects, ${int(lines.length)} budget lines, ` +
      `${int(milestoneRows.length)} milestones (${seconds(performance.now() - started)}).`,
  );
  return { departmentIds };
}

async function insertInChunks<T, R = never>(
  rows: readonly T[],
  size: number,
  insert: (chunk: T[]) => PromiseLike<R[] | void>,
): Promise<R[]> {
  const result: R[] = [];
  for (let start = 0; start < rows.length; start += size) {
    const inserted = await insert(rows.slice(start, start + size));
    if (inserted) result.push(...inserted);
  }
  return result;
}

// ---------------------------------------------------------------- appeals

type AppealTypeName = (typeof schema.APPEAL_TYPES)[number];
const TYPES: readonly AppealTypeName[] = ["consultation", "complaint", "suggestion", "praise"];
const TYPE_WEIGHTS = cumulativeOf([45, 30, 15, 10]);
const CONTACT_DAYS = [0, 1, 2, 3];
const CONTACT_WEIGHTS = cumulativeOf([62, 34, 3, 1]);
const REPLY_DAYS = [0, 1, 2, 3, 4, 5, 6, 7, 9, 12, 18];
const REPLY_WEIGHTS = cumulativeOf([9, 19, 24, 20, 11, 9, 3, 2, 1.3, 0.9, 0.5]);
const RATING_WEIGHTS = cumulativeOf([4, 4, 10, 22, 60]);
const CLOSE_DAYS = [0, 1, 3];
const CLOSE_WEIGHTS = cumulativeOf([60, 25, 15]);

interface GeneratedAppeal {
  departmentId: number;
  type: AppealTypeName;
  channel: string;
  category: string;
  receivedAt: number;
  firstContactAt: number | null;
  repliedAt: number | null;
  closedAt: number | null;
  dueAt: number | null;
  satisfaction: number | null;
}

/** Seconds into a local day, mostly office hours. */
function officeSeconds(draw: Draw): number {
  const hour = draw.pick([8, 9, 9, 10, 10, 11, 14, 14, 15, 15, 16, 17]);
  return hour * 3600 + draw.int(0, 3599);
}

/**
 * One appeal received on a local day, shaped like the demo's: ~97 % with a first
 * contact, ~99 % replied (never after `lastDay`), ~72 % of replies rated.
 */
function makeAppeal(
  draw: Draw,
  calendar: WorkingDayCalendar,
  day: number,
  departmentId: number,
  lastDay: number,
): GeneratedAppeal {
  const dayStart = startOfDayMs(day);
  const receivedSeconds = draw.chance(0.85) ? officeSeconds(draw) : draw.int(0, 86_399);
  const receivedAt = dayStart + receivedSeconds * 1000;
  let firstContactAt: number | null = null;
  if (draw.chance(0.97)) {
    const contactDays = CONTACT_DAYS[draw.weighted(CONTACT_WEIGHTS)] as number;
    const contactDay = calendar.addWorkingDaysToDayNumber(day, contactDays);
    if (contactDay <= lastDay) {
      firstContactAt =
        contactDays === 0
          ? receivedAt + draw.int(600, 7_200) * 1000
          : startOfDayMs(contactDay) + officeSeconds(draw) * 1000;
    }
  }
  const replyDays = REPLY_DAYS[draw.weighted(REPLY_WEIGHTS)] as number;
  const replyDay = calendar.addWorkingDaysToDayNumber(day, replyDays);
  const replied = draw.chance(0.9925) && replyDay <= lastDay;
  const repliedAt = !replied
    ? null
    : replyDays === 0
      ? receivedAt + draw.int(1_800, 14_400) * 1000
      : Math.max(receivedAt, startOfDayMs(replyDay) + officeSeconds(draw) * 1000);
  const closedAt =
    repliedAt === null
      ? null
      : repliedAt + (CLOSE_DAYS[draw.weighted(CLOSE_WEIGHTS)] as number) * 86_400_000;
  const dueAt = draw.chance(0.04)
    ? endOfLocalDayMs(calendar.addWorkingDaysToDayNumber(day, 3), TIME_ZONE)
    : null;
  const satisfaction =
    repliedAt !== null && draw.chance(0.72) ? draw.weighted(RATING_WEIGHTS) + 1 : null;
  return {
    departmentId,
    type: TYPES[draw.weighted(TYPE_WEIGHTS)] as AppealTypeName,
    channel: draw.pick(CHANNELS),
    category: draw.pick(CATEGORIES),
    receivedAt,
    firstContactAt,
    repliedAt,
    closedAt,
    dueAt,
    satisfaction,
  };
}

/** Busier and quieter departments: weight 1/(rank+1)^0.6. */
function departmentPicker(departmentIds: readonly number[]): (draw: Draw) => number {
  const cumulative = cumulativeOf(departmentIds.map((_, index) => 1 / (index + 1) ** 0.6));
  return (draw) => departmentIds[draw.weighted(cumulative)] as number;
}

/** Appeals per day over the three years: exactly `total`, more on working days and in summer. */
function appealsPerDay(total: number, calendar: WorkingDayCalendar): Map<number, number> {
  const first = dayNumberOf(FIRST_DAY);
  const last = dayNumberOf(LAST_DAY);
  const weights: number[] = [];
  for (let day = first; day <= last; day++) {
    const month = Number(isoDateOf(day).slice(5, 7));
    const seasonal = 1 + 0.2 * Math.sin((2 * Math.PI * (month - 4)) / 12);
    weights.push(seasonal * (calendar.isWorkingDayNumber(day) ? 1.18 : 0.55));
  }
  const cumulative = cumulativeOf(weights);
  const sum = cumulative[cumulative.length - 1] ?? 1;
  const counts = new Map<number, number>();
  let before = 0;
  cumulative.forEach((value, index) => {
    const upTo = Math.round((total * value) / sum);
    counts.set(first + index, upTo - before);
    before = upTo;
  });
  return counts;
}

const iso = (value: number | null) => (value === null ? "" : new Date(value).toISOString());

/** CSV text of the appeals, a few thousand lines per chunk, generated as COPY reads them. */
function* appealCsv(
  total: number,
  departmentIds: readonly number[],
  calendar: WorkingDayCalendar,
  onProgress: (rows: number) => void,
): Generator<string> {
  const draw = new Draw(20211);
  const pickDepartment = departmentPicker(departmentIds);
  const lastDay = dayNumberOf(LAST_DAY);
  let serial = 0;
  let lines: string[] = [];
  for (const [day, count] of appealsPerDay(total, calendar)) {
    for (let n = 0; n < count; n++) {
      serial++;
      const a = makeAppeal(draw, calendar, day, pickDepartment(draw), lastDay);
      lines.push(
        `B${serial},${a.channel},${a.departmentId},${a.type},${a.category},${iso(a.receivedAt)},` +
          `${iso(a.firstContactAt)},${iso(a.repliedAt)},${iso(a.closedAt)},${iso(a.dueAt)},` +
          `${a.satisfaction ?? ""}\n`,
      );
      if (lines.length === 5_000) {
        yield lines.join("");
        lines = [];
        onProgress(serial);
      }
    }
  }
  if (lines.length > 0) yield lines.join("");
  onProgress(serial);
}

async function copyAppeals(
  client: postgres.Sql,
  total: number,
  departmentIds: readonly number[],
  calendar: WorkingDayCalendar,
): Promise<void> {
  const started = performance.now();
  let nextReport = total / 10;
  const progress = (rows: number) => {
    if (rows < nextReport) return;
    nextReport += total / 10;
    const elapsed = performance.now() - started;
    log(`  ${int(rows)} appeals sent, ${seconds(elapsed)}, ${int((rows / elapsed) * 1000)} rows/s`);
  };
  const writable = await client`
    copy appeals (external_id, channel, department_id, type, category, received_at,
      first_contact_at, replied_at, closed_at, due_at, satisfaction)
    from stdin with (format csv)`.writable();
  await pipeline(Readable.from(appealCsv(total, departmentIds, calendar, progress)), writable);
  const elapsed = performance.now() - started;
  log(
    `Loaded ${int(total)} appeals with COPY in ${seconds(elapsed)}: ` +
      `${int((total / elapsed) * 1000)} rows/s.`,
  );
}

// ---------------------------------------------------------------- where the rebuild's time goes

/**
 * Samples pg_stat_activity every 200 ms for the benchmark's busy connection: what it
 * runs, or "idle in transaction" while Node works between statements.
 */
function sampleActivity(url: string): { stop(): Promise<Map<string, number>> } {
  const client = postgres(url, {
    max: 1,
    onnotice: () => {},
    connection: { application_name: `${APP_NAME}_sampler` },
  });
  const counts = new Map<string, number>();
  let running = true;
  const classify = (state: string, wait: string | null, query: string): string => {
    if (state === "idle in transaction") return "idle in transaction (Node between statements)";
    let what = "other SQL";
    if (/^select .* from "appeals"/s.test(query)) what = 'select chunk from "appeals"';
    else if (/insert into "appeal_day_rollups"/.test(query)) what = "insert appeal_day_rollups";
    else if (/^delete/.test(query)) what = "delete old roll-ups";
    else if (/service_month_rollups|project_month_spend_rollups/.test(query))
      what = "service / project roll-ups";
    if (wait === "ClientWrite") return `${what} [server waits for Node to read]`;
    if (wait === "ClientRead") return `${what} [server waits for Node's message]`;
    return wait ? `${what} [${wait}]` : what;
  };
  const loop = (async () => {
    while (running) {
      const rows = await client<{ state: string; wait: string | null; query: string }[]>`
        select state, wait_event as wait, left(query, 200) as query
        from pg_stat_activity
        where application_name = ${APP_NAME} and state in ('active', 'idle in transaction')`;
      for (const row of rows) {
        const key = classify(row.state, row.wait, row.query);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await client.end({ timeout: 5 });
      return counts;
    },
  };
}

async function rebuild(handle: DbHandle, url: string): Promise<void> {
  const sampler = sampleActivity(url);
  const cpu = process.cpuUsage();
  const started = performance.now();
  await rebuildAllRollups(handle.db, TIME_ZONE);
  const elapsed = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const samples = await sampler.stop();
  log(`rebuildAllRollups: ${seconds(elapsed)}.`);
  log(
    `  Node CPU during the rebuild: ${seconds((used.user + used.system) / 1000)} ` +
      `(${((100 * (used.user + used.system)) / 1000 / elapsed).toFixed(0)} % of wall time); ` +
      `peak RSS so far ${mb(process.resourceUsage().maxRSS * 1024)}.`,
  );
  const total = [...samples.values()].reduce((sum, n) => sum + n, 0);
  log(`  pg_stat_activity of the rebuild's connection, ${total} samples every 200 ms:`);
  for (const [key, n] of [...samples].sort((a, b) => b[1] - a[1])) {
    log(`    ${((100 * n) / Math.max(1, total)).toFixed(1).padStart(5)} %  ${key}`);
  }
}

// ---------------------------------------------------------------- timings

interface PageTimes {
  appeals: number[];
  services: number[];
  projects: number[];
  /** The three one after the other. */
  total: number[];
  /** The three at once, as a loader runs its queries (Promise.all on the pool). */
  together: number[];
}

/** One page's roll-up queries, each timed on its own, then the three at once. */
async function timePage(
  handle: DbHandle,
  departmentIds: readonly number[] | undefined,
  calls: number,
): Promise<PageTimes> {
  const times: PageTimes = { appeals: [], services: [], projects: [], total: [], together: [] };
  for (let call = -WARM_UP_CALLS; call < calls; call++) {
    const t0 = performance.now();
    await appealKpisFromRollups(handle.db, YEAR, departmentIds);
    const t1 = performance.now();
    await serviceKpisFromRollups(handle.db, YEAR, departmentIds);
    const t2 = performance.now();
    await projectKpisFromRollups(handle.db, YEAR.to, { departmentIds });
    const t3 = performance.now();
    await Promise.all([
      appealKpisFromRollups(handle.db, YEAR, departmentIds),
      serviceKpisFromRollups(handle.db, YEAR, departmentIds),
      projectKpisFromRollups(handle.db, YEAR.to, { departmentIds }),
    ]);
    const t4 = performance.now();
    if (call < 0) continue;
    times.appeals.push(t1 - t0);
    times.services.push(t2 - t1);
    times.projects.push(t3 - t2);
    times.total.push(t3 - t0);
    times.together.push(t4 - t3);
  }
  return times;
}

interface RawFigures {
  department_id: number;
  received: number;
  replied: number;
  rated: number;
  replied_rated: number;
  with_first_contact: number;
}

/** The year's appeal counts by department, straight from the appeals table. */
function rawQuery(departmentId?: number) {
  const from = new Date(startOfDayMs(dayNumberOf(YEAR.from)));
  const to = new Date(startOfDayMs(dayNumberOf(YEAR.to) + 1));
  return sql`
    select department_id,
      count(*)::int as received,
      count(replied_at)::int as replied,
      count(satisfaction)::int as rated,
      count(*) filter (where replied_at is not null and satisfaction is not null)::int as replied_rated,
      count(first_contact_at)::int as with_first_contact,
      count(*) filter (where satisfaction = 1)::int as rated_1,
      count(*) filter (where satisfaction = 2)::int as rated_2,
      count(*) filter (where satisfaction = 3)::int as rated_3,
      count(*) filter (where satisfaction = 4)::int as rated_4,
      count(*) filter (where satisfaction = 5)::int as rated_5
    from appeals
    where received_at >= ${from.toISOString()}::timestamptz and received_at < ${to.toISOString()}::timestamptz
      ${departmentId === undefined ? sql`` : sql`and department_id = ${departmentId}`}
    group by department_id`;
}

async function timeRaw(
  handle: DbHandle,
  departmentId?: number,
): Promise<{ times: number[]; rows: RawFigures[] }> {
  let rows: RawFigures[] = [];
  const times: number[] = [];
  for (let run = -1; run < RAW_RUNS; run++) {
    const started = performance.now();
    rows = await handle.rows<RawFigures & Record<string, unknown>>(rawQuery(departmentId));
    if (run >= 0) times.push(performance.now() - started);
  }
  return { times, rows };
}

async function reportPage(
  handle: DbHandle,
  label: string,
  departmentId: number | undefined,
  calls: number,
): Promise<void> {
  const filter = departmentId === undefined ? undefined : [departmentId];
  const page = await timePage(handle, filter, calls);
  const total = stats(page.together);
  const appealsOnly = stats(page.appeals);
  log(`${label}, roll-ups, ${calls} calls after ${WARM_UP_CALLS} warm-up calls:`);
  log(`  appealKpisFromRollups   ${describe(appealsOnly)}`);
  log(`  serviceKpisFromRollups  ${describe(stats(page.services))}`);
  log(`  projectKpisFromRollups  ${describe(stats(page.projects))}`);
  log(`  all three in turn       ${describe(stats(page.total))}`);
  log(`  all three at once (page) ${describe(total)}`);

  const raw = await timeRaw(handle, departmentId);
  const rawStats = stats(raw.times);
  log(`${label}, plain GROUP BY over appeals, ${RAW_RUNS} runs after 1 warm-up run:`);
  log(`  raw GROUP BY            ${describe(rawStats)}`);

  const kpis = await appealKpisFromRollups(handle.db, YEAR, filter);
  const sum = (key: keyof RawFigures) => raw.rows.reduce((s, row) => s + Number(row[key]), 0);
  const agree =
    kpis.received === sum("received") &&
    kpis.replied === sum("replied") &&
    kpis.rated === sum("rated");
  log(
    `  figures: roll-ups received ${int(kpis.received)} replied ${int(kpis.replied)} rated ${int(kpis.rated)}; ` +
      `raw received ${int(sum("received"))} replied ${int(sum("replied"))} rated ${int(sum("rated"))} ` +
      `→ ${agree ? "agree" : "DISAGREE"}`,
  );
  const speedUp = rawStats.p50 / total.p50;
  const speedUpAppeals = rawStats.p50 / appealsOnly.p50;
  log(
    `  ratio raw p50 / page p50 = ${speedUp.toFixed(0)}× (appeal query alone ${speedUpAppeals.toFixed(0)}×)`,
  );
  log(
    `  target p95 < ${TARGET_P95_MS} ms: ${total.p95 < TARGET_P95_MS ? "met" : "MISSED"} (${ms(total.p95)}); ` +
      `target ≥ ${TARGET_SPEED_UP}×: ${speedUp >= TARGET_SPEED_UP ? "met" : "MISSED"} (${speedUp.toFixed(0)}×)`,
  );
}

/** Plans of the two appeal roll-up queries over the year, for where their time goes. */
async function explainRollupQueries(handle: DbHandle): Promise<void> {
  const queries = {
    "appeal_day_rollups sums": sql`select sum(received), sum(replied), sum(replied_on_time), sum(rated_5)
      from appeal_day_rollups where day >= ${YEAR.from} and day <= ${YEAR.to}`,
    "appeal_reply_day_rollups histogram": sql`select working_days, sum(replies)
      from appeal_reply_day_rollups where day >= ${YEAR.from} and day <= ${YEAR.to} group by working_days`,
  };
  for (const [label, query] of Object.entries(queries)) {
    const plan = await handle.rows<{ "QUERY PLAN": string }>(
      sql`explain (analyze, buffers) ${query}`,
    );
    const lines = plan.map((row) => row["QUERY PLAN"]);
    const scans = lines.filter((line) => /Scan|Aggregate|Gather/.test(line)).map((l) => l.trim());
    const time = lines.find((line) => line.startsWith("Execution Time")) ?? "";
    log(`  ${label}: ${time}; ${scans.slice(0, 3).join(" | ")}`);
  }
}

// ---------------------------------------------------------------- incremental import

async function incrementalImport(
  handle: DbHandle,
  departmentIds: readonly number[],
): Promise<void> {
  const calendar = createWorkingDayCalendar(officialDays());
  const lastLoaded = await handle.rows<{ last: string }>(
    sql`select to_char(max(received_at) at time zone ${TIME_ZONE}, 'YYYY-MM-DD') as last from appeals`,
  );
  const day = dayNumberOf(lastLoaded[0]?.last ?? LAST_DAY) + 1;
  const date = isoDateOf(day);
  const draw = new Draw(day);
  const pickDepartment = (d: Draw) =>
    departmentIds[Math.floor(d.next() * departmentIds.length)] as number;
  const rows = Array.from({ length: INCREMENTAL_APPEALS }, (_, index) => {
    const a = makeAppeal(draw, calendar, day, pickDepartment(draw), day);
    const at = (value: number | null) => (value === null ? null : new Date(value));
    return {
      externalId: `INC-${date}-${index + 1}`,
      channel: a.channel,
      departmentId: a.departmentId,
      type: a.type,
      category: a.category,
      receivedAt: new Date(a.receivedAt),
      firstContactAt: at(a.firstContactAt),
      repliedAt: at(a.repliedAt),
      closedAt: at(a.closedAt),
      dueAt: at(a.dueAt),
      satisfaction: a.satisfaction,
    };
  });
  const cells: AppealCell[] = [...new Set(rows.map((row) => row.departmentId))].map(
    (departmentId) => ({ departmentId, day: date }),
  );
  const phases = { clock: 0, insert: 0, refresh: 0 };
  const started = performance.now();
  await handle.db.transaction(async (tx) => {
    let mark = performance.now();
    const clock = await loadAppealClock(tx, TIME_ZONE);
    phases.clock = performance.now() - mark;
    mark = performance.now();
    await tx.insert(schema.appeals).values(rows);
    phases.insert = performance.now() - mark;
    mark = performance.now();
    await refreshAppealCells(tx, cells, clock);
    phases.refresh = performance.now() - mark;
  });
  const elapsed = performance.now() - started;
  const kpis = await appealKpisFromRollups(handle.db, { from: date, to: date });
  const rawReplied = rows.filter((row) => row.repliedAt !== null).length;
  const current = kpis.received === rows.length && kpis.replied === rawReplied;
  log(
    `Incremental import of ${rows.length} appeals on ${date} (${cells.length} cells), one transaction: ` +
      `${ms(elapsed)} (clock ${ms(phases.clock)}, insert ${ms(phases.insert)}, ` +
      `refreshAppealCells ${ms(phases.refresh)}, commit ${ms(elapsed - phases.clock - phases.insert - phases.refresh)})`,
  );
  log(
    `  roll-ups for ${date}: received ${kpis.received}, replied ${kpis.replied} ` +
      `(imported ${rows.length}, ${rawReplied} replied) → ${current ? "current" : "NOT CURRENT"}; ` +
      `target < ${TARGET_INCREMENTAL_MS} ms: ${elapsed < TARGET_INCREMENTAL_MS ? "met" : "MISSED"}`,
  );
}

// ---------------------------------------------------------------- main

async function vacuumAnalyze(handle: DbHandle): Promise<void> {
  const started = performance.now();
  await handle.rows(sql`vacuum analyze`);
  log(`vacuum analyze: ${seconds(performance.now() - started)}.`);
}

async function main(): Promise<void> {
  const options = parseOptions();
  log(
    `KPI benchmark: ${int(options.appeals)} appeals, ${int(options.departments)} departments, ` +
      `${options.calls} calls, database ${adminUrl(options.url).name}` +
      `${options.reuse ? " (--reuse: the sizes apply only if it is empty)" : ""}.`,
  );
  await prepareDatabase(options.url, options.reuse);
  const client = postgres(options.url, {
    ...postgresOptions,
    connection: { application_name: APP_NAME },
  });
  const handle = wrapPostgres(client);
  try {
    await migrateDatabase(handle);
    await syncOfficialCalendar(handle);
    const loaded = await scalar(handle, sql`select count(*) as value from appeals`);
    let departmentIds: number[];
    if (loaded > 0) {
      log(`The database holds ${int(loaded)} appeals already: not loading.`);
      const rows = await handle.rows<{ id: number }>(sql`select id from departments order by id`);
      departmentIds = rows.map((row) => Number(row.id));
    } else {
      departmentIds = (await loadDimensions(handle, options.departments)).departmentIds;
      const calendar = createWorkingDayCalendar(officialDays());
      await copyAppeals(client, options.appeals, departmentIds, calendar);
      await vacuumAnalyze(handle);
    }
    // rebuildAllRollups records the zone it built for: a run that died in it rebuilds.
    const built = await scalar(
      handle,
      sql`select count(*) as value from app_meta where key = 'rollup_time_zone' and value = ${TIME_ZONE}`,
    );
    if (built === 0) {
      await rebuild(handle, options.url);
      await vacuumAnalyze(handle);
    } else {
      log("The roll-ups are built already: not rebuilding.");
    }

    const sizes = await handle.rows<{ name: string; rows: number; bytes: number }>(sql`
      select c.relname as name, c.reltuples::bigint as rows, pg_total_relation_size(c.oid) as bytes
      from pg_class c
      where c.relname in ('appeals', 'appeal_day_rollups', 'service_month_rollups',
        'project_month_spend_rollups')
      order by c.relname`);
    for (const size of sizes) {
      log(
        `  ${size.name}: ~${int(Number(size.rows))} rows, ${mb(Number(size.bytes))} with indexes`,
      );
    }
    const yearCells = await scalar(
      handle,
      sql`select count(*) as value from appeal_day_rollups where day between ${YEAR.from} and ${YEAR.to}`,
    );
    const yearHistogram = await scalar(
      handle,
      sql`select count(*) as value from appeal_reply_day_rollups where day between ${YEAR.from} and ${YEAR.to}`,
    );
    log(
      `  the year ${YEAR.from}…${YEAR.to}: ${int(yearCells)} appeal_day_rollups rows, ` +
        `${int(yearHistogram)} rows of their reply-time histograms (appeal_reply_day_rollups)`,
    );
    log("Plans of the overview's appeal roll-up queries (one run each):");
    await explainRollupQueries(handle);

    const busiest = departmentIds[0] as number;
    log();
    await reportPage(
      handle,
      `Overview (${departmentIds.length} departments, ${YEAR.from}…${YEAR.to})`,
      undefined,
      options.calls,
    );
    log();
    await reportPage(
      handle,
      `Department page (id ${busiest}, the busiest)`,
      busiest,
      options.calls,
    );
    log();
    await incrementalImport(handle, departmentIds);
  } finally {
    await handle.close();
  }
  log(`Peak RSS: ${mb(process.resourceUsage().maxRSS * 1024)}.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
