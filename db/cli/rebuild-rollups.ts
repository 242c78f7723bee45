import { parseSettings } from "../settings.server";
import { openMigratedDatabase } from "../open-migrated.server";
import { rebuildAllRollups } from "../rollups/rebuild.server";

/** npm run rollups:rebuild — rebuilds every roll-up from the fact tables. */
async function main(): Promise<void> {
  const settings = parseSettings();
  const handle = await openMigratedDatabase(settings, "npm run rollups:rebuild");
  try {
    const started = Date.now();
    await rebuildAllRollups(handle.db, settings.timeZone);
    console.log(`Rebuilt the roll-ups in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(`rollups:rebuild failed: ${(error as Error).message}`);
  process.exit(1);
});
