import { addCalendarDays, dayNumberOf, lastDayOfMonth } from "./iso-date";

/** Local dates, both ends inclusive. */
export interface DayRange {
  from: string;
  to: string;
}

/** A date range cut into the whole calendar months it contains and the loose days around them. */
export interface WholeMonthSplit {
  /** First-of-month dates of the first and last whole month, or null when none is whole. */
  months: DayRange | null;
  /** The days before the first whole month and after the last one (at most two ranges). */
  days: DayRange[];
}

/**
 * Splits [from, to] so that monthly roll-ups can answer the whole months and daily ones
 * only the loose ends:
 *
 *   splitAtWholeMonths("2024-01-15", "2024-04-10")
 *     = { months: { from: "2024-02-01", to: "2024-03-01" },
 *         days: [{ from: "2024-01-15", to: "2024-01-31" }, { from: "2024-04-01", to: "2024-04-10" }] }
 *
 * An empty range (to < from) gives no months and no days.
 */
export function splitAtWholeMonths(from: string, to: string): WholeMonthSplit {
  if (dayNumberOf(to) < dayNumberOf(from)) return { months: null, days: [] };
  const firstWhole = from.endsWith("-01") ? from : addCalendarDays(lastDayOfMonth(from), 1);
  const lastWholeEnd = lastDayOfMonth(to) === to ? to : addCalendarDays(`${to.slice(0, 7)}-01`, -1);
  if (dayNumberOf(lastWholeEnd) < dayNumberOf(firstWhole)) {
    return { months: null, days: [{ from, to }] };
  }
  const days: DayRange[] = [];
  if (firstWhole !== from) days.push({ from, to: addCalendarDays(firstWhole, -1) });
  if (lastWholeEnd !== to) days.push({ from: addCalendarDays(lastWholeEnd, 1), to });
  return { months: { from: firstWhole, to: `${lastWholeEnd.slice(0, 7)}-01` }, days };
}
