import { failure, parsed, type ParseResult } from "./parse-result";

/** A time of day read from after a date. */
export interface TimeOfDay {
  /** Milliseconds since midnight. */
  readonly msOfDay: number;
  /** The written UTC offset (local − UTC, ms), or null when none was written. */
  readonly offsetMs: number | null;
}

const TIME =
  /^(?:[Tt]|\s*)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:\s*(Z|z|[+-]\d{2}(?::?\d{2})?))?\s*$/;

const MAX_OFFSET_MINUTES = 18 * 60;

/**
 * The time of day in `text`, what follows a date (full-width forms already folded),
 * optionally with a UTC offset; null when it is not one:
 *
 *   [T or white space] H:MM | HH:MM | HH:MM:SS | HH:MM:SS.fff   [white space] [zone]
 *   zone: Z | +08:00 | +0800 | +08 | -05:00
 *
 * Hours 0–23, minutes and seconds 0–59; a fraction of a second (up to 9 digits, `.` or
 * `,`) is cut to the millisecond. Offsets are at most ±18:00. The separator may be left
 * out after 日 (`2021年7月1日9:05`); the numeric date forms are never followed directly
 * by a digit (date-text.ts), so there it is always present.
 */
export function readTimeOfDay(text: string): ParseResult<TimeOfDay> | null {
  const match = TIME.exec(text);
  if (match === null) return null;
  const [, hourText = "", minuteText = "", secondText = "0", fractionText = "", zone] = match;
  const [hour, minute, second] = [hourText, minuteText, secondText].map(Number) as [
    number,
    number,
    number,
  ];
  if (hour > 23 || minute > 59 || second > 59) {
    return failure("expected a time of day from 00:00 to 23:59:59, such as 09:05 or 23:59:08");
  }
  const milliseconds = Number(fractionText.slice(0, 3).padEnd(3, "0"));
  const msOfDay = ((hour * 60 + minute) * 60 + second) * 1000 + milliseconds;
  const offsetMinutes = zone === undefined ? null : readOffsetMinutes(zone);
  if (Number.isNaN(offsetMinutes)) {
    return failure("expected a UTC offset such as Z, +08:00 or -05:00, of at most ±18:00");
  }
  return parsed({ msOfDay, offsetMs: offsetMinutes === null ? null : offsetMinutes * 60_000 });
}

/** Minutes east of UTC of `Z`, `+08:00`, `+0800` or `+08`; NaN when out of range. */
function readOffsetMinutes(zone: string): number {
  if (zone === "Z" || zone === "z") return 0;
  const digits = zone.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || "0");
  const total = hours * 60 + minutes;
  if (minutes > 59 || total > MAX_OFFSET_MINUTES) return Number.NaN;
  return zone.startsWith("-") ? -total : total;
}
