import { calendarDays } from "../../schema/reference";
import { parseBoolean } from "../values/parse-boolean";
import { parseDate } from "../values/parse-date";
import { optionalText } from "./columns";
import type { KindDefinition } from "./kind";

export interface CalendarDayRow {
  date: string;
  isWorking: boolean;
  name: string | null;
  source: "import";
  [key: string]: unknown;
}

/**
 * 工作日历: a deployment's own days (holidays, adjusted working days 调休), which win over
 * the packaged official calendar. Importing rebuilds the appeal roll-ups the days affect.
 */
export const calendarKind: KindDefinition<CalendarDayRow> = {
  kind: "calendar",
  table: calendarDays,
  keyColumns: [calendarDays.date],
  parse(reader) {
    const date = reader.required("date", parseDate);
    const isWorking = reader.required("working", parseBoolean);
    const name = optionalText(reader, "name");
    if (!reader.valid || !date || isWorking === undefined || name === undefined) return undefined;
    return { date, isWorking, name, source: "import" };
  },
  keyValues: (row) => [row.date],
};
