import { dayNumberFromParts, daysInMonth } from "../../../metrics/iso-date";

/** A wall-clock date and time: whole days since 1970-01-01 and milliseconds into the day. */
export interface PlainDateTime {
  readonly dayNumber: number;
  readonly msOfDay: number;
}

function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let index = from; index < from + count; index++) {
    const code = text.charCodeAt(index) - 48;
    if (code < 0 || code > 9) return Number.NaN;
    value = value * 10 + code;
  }
  return value;
}

/**
 * The form nearly every export writes, `YYYY-MM-DD HH:MM:SS` or `YYYY-MM-DD HH:MM` (a `T`
 * for the space allowed), read without regular expressions or allocations: a fast path
 * for parseDateTime, which reads every other form and explains what is wrong. Null for
 * anything else, a day or time that does not exist included.
 */
export function readPlainDateTime(text: string): PlainDateTime | null {
  const length = text.length;
  if (length !== 16 && length !== 19) return null;
  const separator = text.charCodeAt(10);
  if (
    text.charCodeAt(4) !== 45 || // -
    text.charCodeAt(7) !== 45 ||
    (separator !== 32 && separator !== 84) || // space or T
    text.charCodeAt(13) !== 58 || // :
    (length === 19 && text.charCodeAt(16) !== 58)
  ) {
    return null;
  }
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = length === 19 ? digits(text, 17, 2) : 0;
  // NaN fails every comparison, so a non-digit falls through to null.
  if (
    !(year >= 0) ||
    !(month >= 1 && month <= 12) ||
    !(day >= 1 && day <= daysInMonth(year, month)) ||
    !(hour <= 23 && minute <= 59 && second <= 59)
  ) {
    return null;
  }
  return {
    dayNumber: dayNumberFromParts(year, month, day),
    msOfDay: ((hour * 60 + minute) * 60 + second) * 1000,
  };
}
