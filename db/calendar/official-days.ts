import { createRequire } from "node:module";

/**
 * Mainland China's official holidays and adjusted working days (调休), as published by
 * the State Council and packaged by `chinese-days`. Only days that differ from the
 * weekend rule are needed; holidays falling on a weekend are kept so the day has a name.
 */
export interface OfficialDay {
  date: string;
  isWorking: boolean;
  name: string;
}

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

// Loaded from the installed package at run time, not inlined into the build: an update of
// chinese-days (next year's holidays) needs no rebuild.
const data = createRequire(import.meta.url)(
  "chinese-days/dist/chinese-days.json",
) as ChineseDaysData;

/** "Spring Festival,春节,4" → "春节 Spring Festival". */
function label(entry: string): string {
  const [english, chinese] = entry.split(",");
  return [chinese, english].filter(Boolean).join(" ");
}

export function officialDays(): OfficialDay[] {
  const days: OfficialDay[] = [];
  for (const [date, entry] of Object.entries(data.holidays)) {
    days.push({ date, isWorking: false, name: label(entry) });
  }
  for (const [date, entry] of Object.entries(data.workdays)) {
    days.push({ date, isWorking: true, name: `调休 ${label(entry)}` });
  }
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

/** Years for which the package carries the official notice. */
export function officialYears(): number[] {
  const years = new Set(Object.keys(data.holidays).map((date) => Number(date.slice(0, 4))));
  return [...years].sort((a, b) => a - b);
}
