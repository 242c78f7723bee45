import { dayNumberOf, partsFromDayNumber } from "./iso-date";

/**
 * The months (first-of-month dates "YYYY-MM-01") a date range covers, for monthly
 * statistics: every month from the month of the first day through the month of the
 * last day, ascending; empty when the last day is before the first.
 *
 *   monthsInRange("2024-01-15", "2024-03-02") = ["2024-01-01", "2024-02-01", "2024-03-01"]
 */
export function monthsInRange(fromDate: string, toDate: string): string[] {
  const from = dayNumberOf(fromDate);
  const to = dayNumberOf(toDate);
  if (to < from) return [];
  const first = partsFromDayNumber(from);
  const last = partsFromDayNumber(to);
  const months: string[] = [];
  let { year, month } = first;
  while (year < last.year || (year === last.year && month <= last.month)) {
    months.push(`${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-01`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}
