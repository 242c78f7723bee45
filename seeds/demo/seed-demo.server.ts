import type { DbHandle } from "../../db/client.server";
import { officialDays } from "../../db/calendar/official-days";
import { createWorkingDayCalendar } from "../../metrics/working-days";
import { DEFAULT_DEMO_SEED, DEFAULT_LAST_DAY, generateDemo } from "./generate";
import type { DemoData } from "./demo-data";
import { isEmptyDatabase, loadDemo } from "./load.server";

/** The demo exactly as `npm start` seeds it and `npm run seed:csv` writes it. */
export function defaultDemo(): DemoData {
  return generateDemo({
    seed: DEFAULT_DEMO_SEED,
    lastDay: DEFAULT_LAST_DAY,
    calendar: createWorkingDayCalendar(officialDays()),
    appeals: 60_000,
  });
}

/** Seeds the demo into an empty database; returns false when it held data already. */
export async function seedDemoIfEmpty(handle: DbHandle, timeZone: string): Promise<boolean> {
  if (!(await isEmptyDatabase(handle.db))) return false;
  await loadDemo(handle, defaultDemo(), timeZone);
  return true;
}
