import {
  dayNumberFromParts,
  dayNumberOf,
  dayOfWeek,
  isoDateOf,
  partsFromDayNumber,
} from "./iso-date";

/** One day that differs from, or confirms, the weekend rule. */
export interface CalendarDayOverride {
  /** Local date "YYYY-MM-DD". */
  readonly date: string;
  readonly isWorking: boolean;
}

/**
 * Working days of a deployment: Saturday and Sunday off, unless an override says
 * otherwise (official holidays off, adjusted working days 调休 on, a deployment's own
 * calendar import over both). Dates are local dates "YYYY-MM-DD"; the *DayNumber methods
 * take day numbers (see iso-date.ts) for hot loops.
 */
export interface WorkingDayCalendar {
  /** Whether the date is a working day. */
  isWorkingDay(date: string): boolean;
  /**
   * The date of the n-th working day after `date` (the day itself never counts; n = 0
   * returns `date`). Integer n ≥ 0.
   */
  addWorkingDays(date: string, workingDays: number): string;
  /**
   * Working days after the day of receipt up to and including the day of reply:
   *
   *   |{ d working : received < d ≤ replied }|   (0 on the same day; never negative)
   */
  workingDaysBetween(receivedDate: string, repliedDate: string): number;
  isWorkingDayNumber(dayNumber: number): boolean;
  addWorkingDaysToDayNumber(dayNumber: number, workingDays: number): number;
  workingDaysBetweenDayNumbers(receivedDay: number, repliedDay: number): number;
}

/** Whether a day is a working day by the default rule alone: Monday to Friday. */
export function isWeekday(dayNumber: number): boolean {
  const weekday = dayOfWeek(dayNumber);
  return weekday !== 0 && weekday !== 6;
}

/**
 * Builds a calendar from layers of overrides; a later layer wins over an earlier one
 * for the same date. Pass the official data first, then the deployment's import:
 *
 *   isWorking(d) = last layer's override for d, else d is Monday–Friday
 *
 * Answers come from a cumulative index over whole years, built lazily and widened as
 * dates outside it are asked about: C[d] = working days from the index's first day up to
 * and including d, so
 *
 *   workingDaysBetween(a, b) = max(0, C[b] − C[a])
 *   addWorkingDays(a, n)     = W[C[a] + n − 1]  (W = the index's working days, in order)
 *
 * both O(1) after the index covers the dates.
 */
export function createWorkingDayCalendar(
  ...layers: readonly Iterable<CalendarDayOverride>[]
): WorkingDayCalendar {
  const overrides = new Map<number, boolean>();
  for (const layer of layers) {
    for (const { date, isWorking } of layer) overrides.set(dayNumberOf(date), isWorking);
  }
  const isWorkingByRule = (day: number): boolean => overrides.get(day) ?? isWeekday(day);

  let firstYear = 0;
  let lastYear = -1;
  let firstDay = 0;
  let endDay = 0; // exclusive
  /** cumulative[i] = working days in [firstDay, firstDay + i), length = days + 1. */
  let cumulative = new Int32Array(1);
  /** The index's working days, ascending. */
  let workingDayList = new Int32Array(0);

  function build(fromYear: number, toYear: number): void {
    firstYear = fromYear;
    lastYear = toYear;
    firstDay = dayNumberFromParts(fromYear, 1, 1);
    endDay = dayNumberFromParts(toYear + 1, 1, 1);
    const days = endDay - firstDay;
    cumulative = new Int32Array(days + 1);
    const list = new Int32Array(days);
    let count = 0;
    for (let i = 0; i < days; i += 1) {
      if (isWorkingByRule(firstDay + i)) {
        list[count] = firstDay + i;
        count += 1;
      }
      cumulative[i + 1] = count;
    }
    workingDayList = list.subarray(0, count);
  }

  /** Makes the index cover the day (and one more year each side when first built). */
  function cover(day: number): void {
    if (day >= firstDay && day < endDay) return;
    const { year } = partsFromDayNumber(day);
    if (lastYear < firstYear) build(year - 1, year + 1);
    else build(Math.min(firstYear, year), Math.max(lastYear, year));
  }

  /** C[d]: working days from the index's first day through d (d covered). */
  const upTo = (day: number): number => cumulative[day - firstDay + 1] as number;

  function isWorkingDayNumber(day: number): boolean {
    cover(day);
    return upTo(day) - (cumulative[day - firstDay] as number) === 1;
  }

  function workingDaysBetweenDayNumbers(receivedDay: number, repliedDay: number): number {
    if (repliedDay <= receivedDay) return 0;
    cover(receivedDay);
    cover(repliedDay);
    return upTo(repliedDay) - upTo(receivedDay);
  }

  function addWorkingDaysToDayNumber(day: number, workingDays: number): number {
    if (!Number.isInteger(workingDays) || workingDays < 0) {
      throw new RangeError(`Working days to add must be a whole number ≥ 0, not ${workingDays}`);
    }
    if (workingDays === 0) return day;
    cover(day);
    const position = upTo(day) + workingDays - 1;
    while (position >= workingDayList.length) build(firstYear, lastYear + 1);
    return workingDayList[position] as number;
  }

  return {
    isWorkingDay: (date) => isWorkingDayNumber(dayNumberOf(date)),
    addWorkingDays: (date, workingDays) =>
      isoDateOf(addWorkingDaysToDayNumber(dayNumberOf(date), workingDays)),
    workingDaysBetween: (receivedDate, repliedDate) =>
      workingDaysBetweenDayNumbers(dayNumberOf(receivedDate), dayNumberOf(repliedDate)),
    isWorkingDayNumber,
    addWorkingDaysToDayNumber,
    workingDaysBetweenDayNumbers,
  };
}
