import type { DbHandle } from "../../db/client.server";
import { officialDays } from "../../db/calendar/official-days";
import { DEFAULT_DEMO_SEED, DEFAULT_LAST_DAY, generateDemo } from "./generate";
import type { DemoData } from "./demo-data";
import { isEmptyDatabase, loadDemo } from "./load.server";
import { dayNumber } from "./dates";

/** The demo exactly as `npm start` seeds it and `npm run seed:csv` writes it. */
export function defaultDemo(): DemoData {
  const overrides = new Map(officialDays().map((day) => [day.date, day.isWorking]));
  const isWorkingDay = (date: string) => {
    const weekday = (dayNumber(date) + 4) % 7; // 1970-01-01 was a Thursday
    return overrides.get(date) ?? (weekday !== 0 && weekday !== 6);
  };
  return generateDemo({
    seed: DEFAULT_DEMO_SEED,
    lastDay: DEFAULT_LAST_DAY,
    calendar: { isWorkingDay },
    appeals: 60_000,
  });
}

/** Seeds the demo into an empty database; returns false when it held data already. */
export async function seedDemoIfEmpty(handle: DbHandle): Promise<boolean> {
  if (!(await isEmptyDatabase(handle.db))) return false;
  await loadDemo(handle, defaultDemo());
  return true;
}
