import { dayNumberOf, partsFromDayNumber } from "./iso-date";

/**
 * Years a date range touches, ascending: year(from) … year(to), both inclusive
 * (empty when to is before from). Widen `to` by the reply time limit when a figure's
 * due dates can run into the next year.
 */
export function yearsInRange(fromDate: string, toDate: string): number[] {
  const from = dayNumberOf(fromDate);
  const to = dayNumberOf(toDate);
  if (to < from) return [];
  const years: number[] = [];
  for (let year = partsFromDayNumber(from).year; year <= partsFromDayNumber(to).year; year += 1) {
    years.push(year);
  }
  return years;
}

/**
 * Years used by a working-day figure that have no official holiday data (from the
 * package or an import), ascending and without repeats, so the data-quality panel can
 * flag them:
 *
 *   { y ∈ years : y ∉ knownYears }
 */
export function yearsWithoutOfficialData(
  years: Iterable<number>,
  knownYears: Iterable<number>,
): number[] {
  const known = new Set(knownYears);
  return [...new Set(years)].filter((year) => !known.has(year)).sort((a, b) => a - b);
}
