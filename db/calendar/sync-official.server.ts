import { sql } from "drizzle-orm";
import type { DbHandle } from "../client.server";
import { calendarDays } from "../schema/reference";
import { officialDays } from "./official-days";

/**
 * Writes the packaged official calendar into calendar_days. Days a deployment imported
 * itself are never overwritten: its own calendar wins.
 */
export async function syncOfficialCalendar(handle: DbHandle): Promise<number> {
  const days = officialDays();
  await handle.db
    .insert(calendarDays)
    .values(days.map((day) => ({ ...day, source: "package" as const })))
    .onConflictDoUpdate({
      target: calendarDays.date,
      set: { isWorking: sql`excluded.is_working`, name: sql`excluded.name` },
      setWhere: sql`${calendarDays.source} = 'package'`,
    });
  return days.length;
}
