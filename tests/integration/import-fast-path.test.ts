import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncOfficialCalendar } from "../../db/calendar/sync-official.server";
import { type DbHandle } from "../../db/client.server";
import { wrapPglite } from "../../db/client-pglite.server";
import { postgresClientOf } from "../../db/import/copy/copy-writer.server";
import { revertImport } from "../../db/import/revert-import.server";
import { runImport, type ImportOptions } from "../../db/import/run-import.server";
import { migrateDatabase } from "../../db/migrate.server";
import { rebuildAllRollups } from "../../db/rollups/rebuild.server";
import * as schema from "../../db/schema/index";
import { createTestDatabase, onPostgres } from "../setup/test-database";

/**
 * PostgreSQL imports through COPY into a staging table and one merge per chunk; PGlite
 * through batched INSERT … ON CONFLICT. The same file must leave the same rows, lineage and
 * roll-ups behind either way, and a failure in the middle of a COPY must leave nothing.
 * Either way an appeals import adds its counts to the roll-ups as it writes: the result
 * must equal a rebuild from the appeals table, with rows replaced across chunks.
 */
const TZ = "Asia/Shanghai";
const ACTOR = { id: null, name: "test", ip: null };
const HEADER =
  "external_id,channel,department_code,type,category,received_at,first_contact_at,replied_at,due_at,satisfaction,phone";
const TYPES = ["complaint", "consultation", "suggestion", "praise"];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mingjing-fast-path-"));

/** An appeal line; `version` changes department, times and score so a re-import replaces it. */
function appeal(index: number, version = 0): string {
  const day = 1 + ((index + version * 3) % 28);
  const month = 1 + (index % 12);
  const date = `2025-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  const department = (index + version) % 3 === 0 ? "FP-B" : "FP-A";
  const replied = index % 7 === 0 ? "" : `${date} ${String(10 + (index % 8)).padStart(2, "0")}:30`;
  const satisfaction = replied && index % 2 === 0 ? String(1 + ((index + version) % 5)) : "";
  // A tab, a backslash and a quoted line break in free text: COPY must escape them.
  const category = index % 500 === 0 ? '"含\\反斜杠\t和\n换行"' : "城乡建设";
  return [
    `FP${index}`,
    index % 2 ? "12345热线" : "网站",
    department,
    TYPES[(index + version) % 4],
    category,
    `${date} 09:${String(index % 60).padStart(2, "0")}`,
    index % 3 ? `${date} 09:59` : "",
    replied,
    `2025-${String(month).padStart(2, "0")}-28 18:00`,
    satisfaction,
    `139${String(index % 1000).padStart(8, "0")}`,
  ].join(",");
}

function writeFile(name: string, lines: string[]): string {
  const target = path.join(dir, name);
  fs.writeFileSync(target, `${[HEADER, ...lines].join("\n")}\n`);
  return target;
}

const options = (filePath: string, extra: Partial<ImportOptions> = {}): ImportOptions => ({
  kind: "appeals",
  filePath,
  actor: ACTOR,
  scope: null,
  timeZone: TZ,
  piiKey: "a-test-key-of-32-characters-long",
  ...extra,
});

/** Timestamps in JSON as instants, whatever the session's zone wrote them in. */
function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string" && /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d/.test(value))
    return new Date(value).toISOString();
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, normalise(item)]));
  return value;
}

/** Everything an import leaves behind, in a stable order, without surrogate ids. */
async function snapshot(handle: DbHandle) {
  const rows = async (query: ReturnType<typeof sql>) =>
    normalise(await handle.rows(query)) as Array<Record<string, unknown>>;
  return {
    appeals: await rows(sql`
      select a.external_id, a.channel, d.code as department, a.type, a.category, a.received_at,
        a.first_contact_at, a.replied_at, a.closed_at, a.due_at, a.satisfaction, a.caller_hash,
        b.file_name as batch
      from appeals a join departments d on d.id = a.department_id
      left join import_batches b on b.id = a.batch_id
      order by a.external_id`),
    replaced: await rows(sql`
      select b.file_name as batch, r.natural_key, r.before - 'id' - 'batch_id' as before,
        (r.before->>'batch_id') is not null as replaced_imported
      from import_replaced_rows r join import_batches b on b.id = r.batch_id
      order by b.file_name, r.natural_key`),
    batches: await rows(sql`
      select file_name, state, rows_total, rows_accepted, rows_rejected, error_report
      from import_batches order by file_name`),
    dayRollups: await rows(sql`
      select d.code, r.day::text as day, r.type, r.received, r.replied, r.replied_on_time,
        r.with_first_contact, r.first_contact_in_time, r.replied_rated,
        r.rated_1, r.rated_2, r.rated_3, r.rated_4, r.rated_5
      from appeal_day_rollups r join departments d on d.id = r.department_id
      order by d.code, r.day, r.type`),
    replyRollups: await rows(sql`
      select d.code, r.day::text as day, r.type, r.working_days, r.replies
      from appeal_reply_day_rollups r join departments d on d.id = r.department_id
      order by d.code, r.day, r.type, r.working_days`),
    audit: await rows(sql`select action, object_kind from audit_events order by id`),
  };
}

/** Compares two snapshots part by part, naming the first row that differs (a diff of thousands of rows would take minutes). */
function expectSame(
  actual: Awaited<ReturnType<typeof snapshot>>,
  expected: Awaited<ReturnType<typeof snapshot>>,
): void {
  for (const part of Object.keys(actual) as Array<keyof typeof actual>) {
    const index = actual[part].findIndex(
      (row, at) => JSON.stringify(row) !== JSON.stringify(expected[part][at]),
    );
    expect({ part, index, row: actual[part][index] }).toEqual({
      part,
      index: -1,
      row: undefined,
    });
    expect({ part, rows: actual[part].length }).toEqual({ part, rows: expected[part].length });
  }
}

async function addDepartments(handle: DbHandle): Promise<void> {
  await handle.db.insert(schema.departments).values([
    { code: "FP-A", name: "快速路径甲局" },
    { code: "FP-B", name: "快速路径乙局" },
  ]);
}

const v1 = Array.from({ length: 5_000 }, (_, index) => appeal(index));
// 4,000 of v1's appeals changed (some twice, the later line wins), 18,000 new: two COPY
// chunks on PostgreSQL, a bad line skipped.
const v2 = [
  ...Array.from({ length: 4_000 }, (_, index) => appeal(index + 500, 1)),
  ...Array.from({ length: 18_000 }, (_, index) => appeal(10_000 + index, 0)),
  ...Array.from({ length: 300 }, (_, index) => appeal(index * 5 + 500, 2)),
  "FP-bad,网站,FP-A,grumble,其他,2025-03-01 09:00,,,,,",
];

/** Every appeal roll-up table, rows in key order. */
async function appealRollups(handle: DbHandle) {
  const table = async (name: string, key: string) =>
    normalise(await handle.rows(sql.raw(`select * from ${name} order by ${key}`))) as unknown[];
  return {
    day: await table("appeal_day_rollups", "department_id, day, type"),
    replyDay: await table("appeal_reply_day_rollups", "department_id, day, type, working_days"),
    month: await table("appeal_month_rollups", "department_id, month, type"),
    replyMonth: await table("appeal_reply_month_rollups", "department_id, month, working_days"),
    totalDay: await table("appeal_total_day_rollups", "day, type"),
    totalReplyDay: await table("appeal_total_reply_day_rollups", "day, working_days"),
  };
}

const MARCH_2026 = Date.UTC(2026, 2, 1);

/**
 * Appeals 90 seconds apart (40 an hour) from `start` (UTC ms): `first` is the index of the
 * first one, its key `${prefix}${index}`.
 */
const inTimeOrder = (prefix: string, start: number, first: number, count: number) =>
  Array.from({ length: count }, (_, offset) => {
    const index = first + offset;
    const at = new Date(start + Math.floor(index * 90_000));
    const [date, time] = at.toISOString().slice(0, 16).split("T") as [string, string];
    const replied = index % 6 === 0 ? "" : `${date} 23:59`;
    return [
      `${prefix}${index}`,
      "12345热线",
      index % 3 === 0 ? "FP-B" : "FP-A",
      TYPES[index % 4],
      "城乡建设",
      `${date} ${time}`,
      "",
      replied,
      "",
      replied && index % 2 ? String(1 + (index % 5)) : "",
      "",
    ].join(",");
  });

describe("an appeals import's roll-ups", () => {
  let handle: DbHandle;

  beforeAll(async () => {
    handle = await createTestDatabase();
    await addDepartments(handle);
  }, 120_000);
  afterAll(async () => {
    await handle?.close();
  });

  it("equal a rebuild from the appeals table after new, changed and twice-changed rows", async () => {
    const first = writeFile("rollups-v1.csv", v1);
    const second = writeFile("rollups-v2.csv", v2);
    await runImport(handle.db, options(first));
    await runImport(handle.db, options(second, { skipInvalid: true }));
    const imported = await appealRollups(handle);
    expect(imported.day.length).toBeGreaterThan(100);
    await rebuildAllRollups(handle.db, TZ);
    expect(imported).toEqual(await appealRollups(handle));
  }, 300_000);

  it("equal a rebuild after files in time order, whose chunks end part way through a day", async () => {
    // Chunks (1,000 rows) end in the middle of a day; the second file goes on with the first
    // file's last day, whose cells are then stored already.
    // Roll-up cells written every 10 counted (about a day and a half), not only at the end.
    for (const [name, lines] of [
      ["in-order-1.csv", inTimeOrder("TO", MARCH_2026, 0, 6_100)],
      ["in-order-2.csv", inTimeOrder("TO", MARCH_2026, 6_100, 3_000)],
    ] as const) {
      const file = writeFile(name, lines);
      expect(await runImport(handle.db, options(file, { rollupCellsPerWrite: 10 }))).toMatchObject({
        outcome: "committed",
        rowsAccepted: lines.length,
      });
    }
    const imported = await appealRollups(handle);
    await rebuildAllRollups(handle.db, TZ);
    expect(imported).toEqual(await appealRollups(handle));
  }, 300_000);

  it("equal a rebuild after files going on into months no roll-up holds, keys repeated across chunks", async () => {
    // Months and days after every stored cell get their month and all-department rows from
    // the import's own sums (on PostgreSQL); the file's own earlier rows that a later line
    // replaces leave sums that only a recount can take back.
    const start = Date.UTC(2027, 0, 24);
    const second = inTimeOrder("NM", start, 5_000, 5_000);
    // Its first line (Jan 29) and line 3,001 (Feb 1, the second chunk) again in the third,
    // moved to Feb 3 and Feb 4.
    const moved = (line: string, day: string) =>
      line.replace(/2027-0\d-\d\d/g, day).replace(/,FP-[AB],/, ",FP-A,");
    const files: Array<[string, string[]]> = [
      ["new-months-1.csv", inTimeOrder("NM", start, 0, 5_000)],
      [
        "new-months-2.csv",
        [...second, moved(second[0]!, "2027-02-03"), moved(second[3_000]!, "2027-02-04")],
      ],
    ];
    for (const [name, lines] of files) {
      const file = writeFile(name, lines);
      expect(await runImport(handle.db, options(file, { rollupCellsPerWrite: 10 }))).toMatchObject({
        outcome: "committed",
        rowsAccepted: lines.length,
      });
    }
    const imported = await appealRollups(handle);
    const months = imported.month.map((row) => JSON.stringify(row));
    expect(months.some((row) => row.includes("2027-02-01"))).toBe(true);
    await rebuildAllRollups(handle.db, TZ);
    expect(imported).toEqual(await appealRollups(handle));
  }, 300_000);
});

describe.skipIf(!onPostgres)("the PostgreSQL COPY path", () => {
  let postgresDb: DbHandle;
  let pgliteDb: DbHandle;

  beforeAll(async () => {
    postgresDb = await createTestDatabase();
    pgliteDb = wrapPglite(new PGlite());
    await migrateDatabase(pgliteDb);
    await syncOfficialCalendar(pgliteDb);
    await addDepartments(postgresDb);
    await addDepartments(pgliteDb);
  }, 120_000);
  afterAll(async () => {
    await postgresDb?.close();
    await pgliteDb?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("is the path a PostgreSQL transaction takes, and not PGlite's", async () => {
    await postgresDb.db.transaction(async (tx) => expect(postgresClientOf(tx)).toBeDefined());
    await pgliteDb.db.transaction(async (tx) => expect(postgresClientOf(tx)).toBeUndefined());
  });

  it("stores the same rows, lineage and roll-ups as PGlite's batched inserts, and reverts the same", async () => {
    const first = writeFile("v1.csv", v1);
    const second = writeFile("v2.csv", v2);
    for (const handle of [postgresDb, pgliteDb]) {
      expect(await runImport(handle.db, options(first))).toMatchObject({
        outcome: "committed",
        rowsAccepted: 5_000,
      });
      expect(await runImport(handle.db, options(second, { skipInvalid: true }))).toMatchObject({
        outcome: "committed",
        rowsAccepted: v2.length - 1,
        rowsRejected: 1,
      });
    }
    const onPostgresSide = await snapshot(postgresDb);
    expect(onPostgresSide.appeals).toHaveLength(5_000 + 18_000);
    expect(onPostgresSide.replaced.filter((row) => row.replaced_imported)).toHaveLength(4_000);
    expect(onPostgresSide.dayRollups.length).toBeGreaterThan(100);
    expectSame(onPostgresSide, await snapshot(pgliteDb));

    // A revert of a smaller file that both replaces and adds rows.
    const third = writeFile("v3.csv", [
      ...Array.from({ length: 300 }, (_, index) => appeal(index * 7, 3)),
      ...Array.from({ length: 200 }, (_, index) => appeal(50_000 + index)),
    ]);
    for (const handle of [postgresDb, pgliteDb]) {
      const report = await runImport(handle.db, options(third));
      expect(report).toMatchObject({ outcome: "committed", rowsAccepted: 500 });
      expect(await revertImport(handle.db, report.batchId!, ACTOR, TZ)).toMatchObject({
        ok: true,
        restored: 300,
        removed: 200,
      });
    }
    const reverted = await snapshot(postgresDb);
    expect(reverted.appeals).toEqual(onPostgresSide.appeals);
    expectSame(reverted, await snapshot(pgliteDb));
  }, 300_000);

  it("leaves the database exactly as before when a failure strikes in the middle of a COPY", async () => {
    const file = writeFile("v4.csv", [...v2.slice(0, -1), appeal(3, 7)]);
    const before = await snapshot(postgresDb);
    // Part way through a COPY early in the file, and through one after many chunks were written.
    for (const failAfterRows of [1_234, 21_000]) {
      await expect(runImport(postgresDb.db, options(file, { failAfterRows }))).rejects.toThrow(
        `Injected failure after ${failAfterRows} rows`,
      );
      expectSame(await snapshot(postgresDb), before);
    }
    // The connection is clean afterwards: the same file imports.
    expect(await runImport(postgresDb.db, options(file))).toMatchObject({
      outcome: "committed",
      rowsAccepted: v2.length,
    });
  }, 300_000);

  it("reports the server's own error when it refuses a row in the middle of a COPY", async () => {
    // A rule the database enforces and the importer does not check: its rows pass
    // validation and fail in the COPY, the transaction then refusing every statement.
    await postgresDb.db.execute(
      sql`alter table appeals add constraint test_no_refused_ids check (external_id not like 'REFUSED%')`,
    );
    try {
      const file = writeFile("refused.csv", [
        ...Array.from({ length: 3_000 }, (_, index) => appeal(50_000 + index)),
        appeal(60_000).replace(/^FP60000,/, "REFUSED-1,"),
        ...Array.from({ length: 3_000 }, (_, index) => appeal(70_000 + index)),
      ]);
      const before = await snapshot(postgresDb);
      await expect(runImport(postgresDb.db, options(file))).rejects.toThrow(/test_no_refused_ids/);
      expectSame(await snapshot(postgresDb), before);
    } finally {
      await postgresDb.db.execute(sql`alter table appeals drop constraint test_no_refused_ids`);
    }
  }, 300_000);
});
