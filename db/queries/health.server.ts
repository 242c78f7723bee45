import { sql } from "drizzle-orm";
import type { DbHandle } from "../client.server";

/** How many migrations the database has recorded as applied (it answers, too). */
export async function appliedMigrationCount(handle: DbHandle): Promise<number> {
  const rows = await handle.rows<{ count: number }>(
    sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
  );
  return rows[0]?.count ?? 0;
}
