import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.server";
import { migrateDatabase } from "../../db/migrate.server";
import { appliedMigrationCount } from "../../db/queries/health.server";
import { createEmptyDatabase, onPostgres } from "../setup/test-database";
import fs from "node:fs";
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
