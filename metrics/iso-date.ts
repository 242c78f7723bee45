/**
 * Local calendar dates as ISO strings ("YYYY-MM-DD") and as day numbers: whole days
 * since 1970-01-01 in the proleptic Gregorian calendar (1970-01-01 = 0). Day numbers are
 * plain integers, free of time zones and daylight saving, so date arithmetic is exact.
 */

/** Milliseconds in a day (24 h): day number d starts at d · MS_PER_DAY on a UTC clock. */
export const MS_PER_DAY = 86_400_000;

/**
 * Day number of a civil date (H. Hinnant's days_from_civil); month 1–12:
 *
 *   y' = year − [month ≤ 2];  era = ⌊y' / 400⌋;  yoe = y' − 400·era
 *   doy = ⌊(153·(month + (month > 2 ? −3 : 9)) + 2) / 5⌋ + day − 1
 *   d = 146097·era + 365·yoe + ⌊yoe/4⌋ − ⌊yoe/100⌋ + doy − 719468
 */
export function dayNumberFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Civil date of a day number (H. Hinnant's civil_from_days); inverse of dayNumberFromParts. */
export function partsFromDayNumber(dayNumber: number): {
  year: number;
  month: number;
  day: number;
} {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Days in a month: 28–31 (Gregorian leap years). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function digit(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : Number.NaN;
}

/**
 * Day number of an ISO date "YYYY-MM-DD" (years 0000–9999). Throws a RangeError naming
 * the value when it is not a real date.
 */
export function dayNumberOf(isoDate: string): number {
  const year =
    digit(isoDate, 0) * 1000 + digit(isoDate, 1) * 100 + digit(isoDate, 2) * 10 + digit(isoDate, 3);
  const month = digit(isoDate, 5) * 10 + digit(isoDate, 6);
  const day = digit(isoDate, 8) * 10 + digit(isoDate, 9);
  if (
    isoDate.length !== 10 ||
    isoDate.charCodeAt(4) !== 45 ||
    isoDate.charCodeAt(7) !== 45 ||
    !(month >= 1 && month <= 12) ||
    !(day >= 1 && day <= daysInMonth(year, month))
  ) {
    throw new RangeError(`Not a date in the form YYYY-MM-DD: "${isoDate}"`);
  }
  return dayNumberFromParts(year, month, day);
}

/** True when the text is a real date written "YYYY-MM-DD". */
export function isIsoDate(text: string): boolean {
  try {
    dayNumberOf(text);
    return true;
  } catch {
    return false;
  }
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/** ISO date "YYYY-MM-DD" of a day number. */
export function isoDateOf(dayNumber: number): string {
  const { year, month, day } = partsFromDayNumber(dayNumber);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The date n calendar days after (n < 0: before) an ISO date. */
export function addCalendarDays(isoDate: string, days: number): string {
  return isoDateOf(dayNumberOf(isoDate) + days);
}

/**
 * Calendar days from one date to another, both inclusive:
 *
 *   days = to − from + 1   (0 when to is before from)
 */
export function calendarDaysInclusive(fromDate: string, toDate: string): number {
  return Math.max(0, dayNumberOf(toDate) - dayNumberOf(fromDate) + 1);
}

/** Signed calendar days from `fromDate` to `toDate` (to − from). */
export function calendarDaysBetween(fromDate: string, toDate: string): number {
  return dayNumberOf(toDate) - dayNumberOf(fromDate);
}

/** Day of the week of a day number: 0 Sunday … 6 Saturday (1970-01-01 was a Thursday). */
export function dayOfWeek(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** The last day of the month a date or a period ("YYYY-MM" or "YYYY-MM-DD") falls in. */
export function lastDayOfMonth(dateOrPeriod: string): string {
  const firstDay = dayNumberOf(`${dateOrPeriod.slice(0, 7)}-01`);
  const { year, month } = partsFromDayNumber(firstDay);
  return isoDateOf(firstDay + daysInMonth(year, month) - 1);
}

/**
 * The last day counted of `month` ("YYYY-MM" or a day in it) for a period ending on `to`,
 * when the period ends part way through that month; undefined for any other month, or
 * when `to` is the month's last day.
 */
export function partialMonthEnd(month: string, to: string): string | undefined {
  return month.slice(0, 7) === to.slice(0, 7) && to !== lastDayOfMonth(to) ? to : undefined;
}

/**
 * The same calendar day `years` years later (earlier when negative); 29 February becomes
 * 28 February in a year without it. For "the same period last year".
 */
export function addYears(isoDate: string, years: number): string {
  const { year, month, day } = partsFromDayNumber(dayNumberOf(isoDate));
  const target = year + years;
  return isoDateOf(dayNumberFromParts(target, month, Math.min(day, daysInMonth(target, month))));
}
