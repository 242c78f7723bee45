import { daysInMonth, dayNumberFromParts } from "../../../metrics/iso-date";
import { failure, parsed, type ParseResult } from "./parse-result";

/** A date read from the start of a cell, and what follows it. */
export interface DateText {
  /** Whole days since 1970-01-01 (metrics/iso-date.ts). */
  readonly dayNumber: number;
  /** The text after the date, untrimmed. */
  readonly rest: string;
}

const SEPARATED = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/;
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const BASIC = /^(\d{4})(\d{2})(\d{2})(?![\d.])/;

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * The calendar date at the start of a cell's text (full-width forms already folded), or
 * null when no accepted form is there:
 *
 *   2021-07-01   2021-7-1   2021/7/1   2021.7.1    (one separator throughout)
 *   2021年7月1日   2021 年 7 月 1 日
 *   20210701                                     (ISO 8601 basic form: 8 digits)
 *
 * The year has four digits, month and day one or two. What follows the date (a time, a
 * zone, or anything else) is returned for the caller to judge; a date is never followed
 * directly by another digit, so `2021-07-011` is no date. A form that matches but names
 * no real day (2021-02-29, month 13) fails with a reason naming the problem.
 */
export function readDateText(text: string): ParseResult<DateText> | null {
  const match = SEPARATED.exec(text) ?? CHINESE.exec(text) ?? BASIC.exec(text);
  if (match === null) return null;
  const numbers = match.slice(1).filter((part) => /^\d+$/.test(part));
  const [year = 0, month = 0, day = 0] = numbers.map(Number);
  const valid = validateDate(year, month, day);
  if (!valid.ok) return valid;
  return parsed({
    dayNumber: dayNumberFromParts(year, month, day),
    rest: text.slice(match[0].length),
  });
}

/** Checks that year-month-day is a real day of the Gregorian calendar. */
export function validateDate(year: number, month: number, day: number): ParseResult<true> {
  if (month < 1 || month > 12) {
    return failure(`expected a real calendar date: there is no month ${month} (months run 1–12)`);
  }
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) {
    const written = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    return failure(
      `expected a real calendar date: ${written} does not exist (${MONTH_NAMES[month - 1]} ${year} has ${days} days)`,
    );
  }
  return parsed(true);
}
