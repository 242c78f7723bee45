import type { Settings } from "./settings.server";
import { syncOfficialCalendar } from "./calendar/sync-official.server";
import { openDatabase, type DbHandle } from "./client.server";
import { migrateDatabase } from "./migrate.server";
import { ensureRollupsForTimeZone } from "./rollups/rebuild.server";

/**
 * Opens the deployment's database (creating an embedded one when needed), applies the
 * migrations and the packaged calendar, and rebuilds the roll-ups if the time zone
 * changed. Never seeds demo data: that is the app's start.
 */
export async function openMigratedDatabase(settings: Settings, owner: string): Promise<DbHandle> {
  const handle = await openDatabase({
    databaseUrl: settings.databaseUrl,
    dataDir: settings.dataDir,
    owner,
  });
  try {
    await migrateDatabase(handle);
    await syncOfficialCalendar(handle);
    await ensureRollupsForTimeZone(handle.db, settings.timeZone);
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}
