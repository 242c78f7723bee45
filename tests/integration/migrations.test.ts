import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.server";
import { migrateDatabase } from "../../db/migrate.server";
import { appliedMigrationCount } from "../../db/queries/health.server";
import { createEmptyDatabase, onPostgres } from "../setup/test-database";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { MIGRATIONS_FOLDER } from "../../db/migrate.server";

const driver = onPostgres ? "PostgreSQL" : "PGlite";
const migrationFiles = fs.readdirSync(MIGRATIONS_FOLDER).filter((file) => file.endsWith(".sql"));

describe(`migrations on ${driver}`, () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createEmptyDatabase();
  });
  afterAll(async () => {
    await handle.close();
  });

  it("apply every committed migration to an empty database", async () => {
    await migrateDatabase(handle);
    expect(await appliedMigrationCount(handle)).toBe(migrationFiles.length);
    const tables = await handle.rows<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    expect(tables.map((row) => row.table_name)).toEqual(
      expect.arrayContaining([
        "appeals",
        "projects",
        "service_stats",
        "audit_events",
        "scorecard_snapshots",
        "calendar_days",
      ]),
    );
  });

  it("are idempotent: running them again changes nothing", async () => {
    await migrateDatabase(handle);
    expect(await appliedMigrationCount(handle)).toBe(migrationFiles.length);
  });

  it("write the default targets and reply time limits as reference data", async () => {
    const limits = await handle.rows<{ appeal_type: string; working_days: number }>(
      sql`select appeal_type::text, working_days from reply_time_limits order by 1`,
    );
    expect(limits).toEqual([
      { appeal_type: "complaint", working_days: 5 },
      { appeal_type: "consultation", working_days: 5 },
      { appeal_type: "praise", working_days: 5 },
      { appeal_type: "suggestion", working_days: 5 },
    ]);
    const targets = await handle.rows<{ kpi: string; target: string; target_max: string | null }>(
      sql`select kpi, target::text, target_max::text from kpi_targets`,
    );
    const byKpi = Object.fromEntries(targets.map((row) => [row.kpi, row]));
    expect(Number(byKpi.reply_rate?.target)).toBe(0.99);
    expect(Number(byKpi.on_time_reply_rate?.target)).toBe(0.95);
    expect(Number(byKpi.bad_review_rate?.target)).toBe(0.02);
    expect(Number(byKpi.high_frequency_coverage?.target)).toBe(0.95);
    expect([
      Number(byKpi.budget_execution?.target),
      Number(byKpi.budget_execution?.target_max),
    ]).toEqual([0.9, 1.1]);
    expect(Number(byKpi.outcome_achievement?.target)).toBe(1);
  });
});

/** A copy of the migrations folder holding only the first `count` migrations. */
function firstMigrations(count: number): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "mingjing-migrations-"));
  fs.mkdirSync(path.join(folder, "meta"));
  const journal = JSON.parse(
    fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8"),
  ) as { entries: Array<{ tag: string }> };
  journal.entries = journal.entries.slice(0, count);
  fs.writeFileSync(path.join(folder, "meta", "_journal.json"), JSON.stringify(journal));
  for (const { tag } of journal.entries) {
    fs.copyFileSync(path.join(MIGRATIONS_FOLDER, `${tag}.sql`), path.join(folder, `${tag}.sql`));
  }
  return folder;
}

describe(`migration 0006 on ${driver}`, () => {
  let handle: DbHandle;
  let folder: string;
  beforeAll(async () => {
    handle = await createEmptyDatabase();
    folder = firstMigrations(6);
  });
  afterAll(async () => {
    await handle.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it("moves the reply-time rows of each day cell into its histogram array", async () => {
    await migrateDatabase(handle, folder);
    await handle.db.execute(sql`insert into departments (id, code, name) values (1, 'D1', '一局')`);
    await handle.db.execute(sql`
      insert into appeal_day_rollups (department_id, day, type, received, replied) values
        (1, '2024-03-01', 'complaint', 4, 3),
        (1, '2024-03-01', 'praise', 1, 0),
        (1, '2024-03-02', 'complaint', 1, 1)`);
    await handle.db.execute(sql`
      insert into appeal_reply_day_rollups (department_id, day, type, working_days, replies) values
        (1, '2024-03-01', 'complaint', 3, 1),
        (1, '2024-03-01', 'complaint', 0, 2),
        (1, '2024-03-02', 'complaint', 12, 1)`);

    await migrateDatabase(handle);

    const cells = await handle.rows<{ day: string; type: string; histogram: number[] }>(
      sql`select to_char(day, 'YYYY-MM-DD') as day, type::text,
            replies_by_working_days as histogram
          from appeal_day_rollups order by day, type`,
    );
    expect(cells).toEqual([
      { day: "2024-03-01", type: "complaint", histogram: [2, 0, 0, 1] },
      { day: "2024-03-01", type: "praise", histogram: [] },
      { day: "2024-03-02", type: "complaint", histogram: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1] },
    ]);
    // The histogram reads as the table did: a row per cell and number of working days.
    const rows = await handle.rows<{ day: string; workingDays: number; replies: number }>(
      sql`select to_char(day, 'YYYY-MM-DD') as day, working_days as "workingDays", replies
          from appeal_reply_day_rollups order by day, working_days`,
    );
    expect(rows).toEqual([
      { day: "2024-03-01", workingDays: 0, replies: 2 },
      { day: "2024-03-01", workingDays: 3, replies: 1 },
      { day: "2024-03-02", workingDays: 12, replies: 1 },
    ]);
  });
});
