import { sql } from "drizzle-orm";
import type { DbHandle } from "../client.server";

/**
 * What this instance holds: counts per kind and the latest date any data speaks of. The
 * appeals, the one table that grows to millions, are counted from their roll-up.
 */
export interface Inventory {
  regions: number;
  departments: number;
  projects: number;
  serviceItems: number;
  appeals: number;
  ratings: number;
  /** Local date (deployment time zone) of the newest fact, or null when there is none. */
  latestDataDate: string | null;
}

export async function getInventory(handle: DbHandle, timeZone: string): Promise<Inventory> {
  const [row] = await handle.rows<{
    regions: number;
    departments: number;
    projects: number;
    service_items: number;
    appeals: number;
    ratings: number;
    latest: string | null;
  }>(sql`
    select
      (select count(*)::int from regions) as regions,
      (select count(*)::int from departments) as departments,
      (select count(*)::int from projects) as projects,
      (select count(*)::int from service_items) as service_items,
      (select coalesce(sum(received), 0)::int from appeal_day_rollups) as appeals,
      (select count(*)::int from ratings) as ratings,
      to_char(greatest(
        (select max(received_at at time zone ${timeZone})::date from appeals),
        (select max(rated_at at time zone ${timeZone})::date from ratings),
        (select (max(period) + interval '1 month' - interval '1 day')::date from service_stats),
        (select (max(period) + interval '1 month' - interval '1 day')::date from budget_lines)
      ), 'YYYY-MM-DD') as latest
  `);
  if (!row) throw new Error("inventory query returned no row");
  return {
    regions: row.regions,
    departments: row.departments,
    projects: row.projects,
    serviceItems: row.service_items,
    appeals: row.appeals,
    ratings: row.ratings,
    latestDataDate: row.latest,
  };
}
