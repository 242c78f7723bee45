import { sql } from "drizzle-orm";
import type { Database } from "../client.server";
import { appMeta } from "../schema/reference";
import { rebuildAppealRollups } from "./appeal-rollups.server";
import { loadAppealClock } from "./clock.server";
import { refreshProjectSpendRollups, refreshServiceRollups } from "./service-rollups.server";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

const TIME_ZONE_KEY = "rollup_time_zone";

/** Rebuilds every roll-up from the fact tables inside the caller's transaction. */
export async function rebuildRollupsIn(tx: Tx | Database, timeZone: string): Promise<void> {
  const clock = await loadAppealClock(tx, timeZone);
  await rebuildAppealRollups(tx, clock);
  await refreshServiceRollups(tx);
  await refreshProjectSpendRollups(tx);
  await tx
    .insert(appMeta)
    .values({ key: TIME_ZONE_KEY, value: timeZone })
    .onConflictDoUpdate({ target: appMeta.key, set: { value: timeZone, updatedAt: sql`now()` } });
}

/** Rebuilds every roll-up in one transaction: `npm run rollups:rebuild`. */
export async function rebuildAllRollups(db: Database, timeZone: string): Promise<void> {
  await db.transaction((tx) => rebuildRollupsIn(tx, timeZone));
}

/**
 * Local days depend on the time zone: roll-ups built under another zone (or never
 * built) are rebuilt. Returns whether it rebuilt.
 */
export async function ensureRollupsForTimeZone(db: Database, timeZone: string): Promise<boolean> {
  const [row] = await db
    .select()
    .from(appMeta)
    .where(sql`${appMeta.key} = ${TIME_ZONE_KEY}`);
  if (row?.value === timeZone) return false;
  await rebuildAllRollups(db, timeZone);
  return true;
}
