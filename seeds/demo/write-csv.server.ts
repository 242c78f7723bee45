import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { officialDays } from "../../db/calendar/official-days";
import { IMPORT_COLUMNS } from "../../db/import/columns";
import type { ImportKind } from "../../db/schema/enums";
import { DEMO_KINDS, type DemoData, type DemoRow } from "./demo-data";
import { DEFAULT_LAST_DAY, DEMO_MONTHS } from "./generate";
import { addMonths, firstOfMonth } from "./dates";

/** The calendar days of the demo's years, as the packaged official calendar gives them. */
function demoCalendar(): DemoRow[] {
  const firstYear = addMonths(firstOfMonth(DEFAULT_LAST_DAY), -(DEMO_MONTHS - 1)).slice(0, 4);
  const lastYear = DEFAULT_LAST_DAY.slice(0, 4);
  return officialDays()
    .filter((day) => day.date.slice(0, 4) >= firstYear && day.date.slice(0, 4) <= lastYear)
    .map((day) => ({ date: day.date, working: day.isWorking, name: day.name }));
}

/** One kind's rows as CSV: English headers in the documented order, formulae escaped. */
export function toCsv(kind: ImportKind, rows: DemoRow[]): string {
  const fields = IMPORT_COLUMNS[kind].map((column) => column.name);
  return Papa.unparse(
    { fields, data: rows.map((row) => fields.map((field) => row[field] ?? null)) },
    { escapeFormulae: true, newline: "\n" },
  );
}

/** Writes DIR/<kind>.csv for every kind; returns the row count per kind. */
export function writeDemoCsv(data: DemoData, directory: string): Record<string, number> {
  fs.mkdirSync(directory, { recursive: true });
  const counts: Record<string, number> = {};
  const all: Array<[ImportKind, DemoRow[]]> = [
    ...DEMO_KINDS.map((kind) => [kind, data[kind]] as [ImportKind, DemoRow[]]),
    ["calendar", demoCalendar()],
  ];
  for (const [kind, rows] of all) {
    fs.writeFileSync(path.join(directory, `${kind}.csv`), `${toCsv(kind, rows)}\n`, "utf8");
    counts[kind] = rows.length;
  }
  return counts;
}
