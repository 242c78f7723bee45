import { MS_PER_DAY, dayNumberOf, isoDateOf } from "../../../metrics/iso-date";
import { failure, parsed, type ParseResult } from "./parse-result";

/** The last serial Excel knows: 9999-12-31. */
export const MAX_EXCEL_SERIAL = 2_958_465;

/** Day number (metrics/iso-date.ts) of 1899-12-30, Excel's day 0 from serial 61 on. */
const EPOCH_DAY_NUMBER = -25_569;
const FIRST_SERIAL_AFTER_FAKE_LEAP_DAY = 61;

/** A date and a local time of day from a serial, before any time zone applies. */
export interface ExcelDateTime {
  /** Whole days since 1970-01-01 (metrics/iso-date.ts). */
  readonly dayNumber: number;
  /** Milliseconds since local midnight, 0 ≤ msOfDay < 86,400,000. */
  readonly msOfDay: number;
}

/** A serial as text: digits with an optional fraction (`44378`, `44378.375`). */
export const EXCEL_SERIAL_TEXT = /^\d+(?:\.\d+)?$/;

/**
 * The date and time of day of an Excel serial, in the 1900 date system: serial 1 is
 * 1900-01-01, and Excel counts a 1900-02-29 that never was (serial 60), so from serial
 * 61 (1900-03-01) on
 *
 *   date = 1899-12-30 + serial days        (serial 44378 = 2021-07-01)
 *
 * and for serials 1–59, date = 1899-12-31 + serial days. The fraction is the time of
 * day (0.5 = 12:00), rounded to the millisecond. Serials run from 1 to 2958465
 * (9999-12-31, the last day Excel knows); 0 and 60 are no real date.
 */
export function fromExcelSerial(serial: number): ParseResult<ExcelDateTime> {
  if (!(serial >= 1 && serial < MAX_EXCEL_SERIAL + 1)) {
    return failure(
      `expected an Excel date serial from 1 (1900-01-01) to ${MAX_EXCEL_SERIAL} (9999-12-31)`,
    );
  }
  let whole = Math.floor(serial);
  let msOfDay = Math.round((serial - whole) * MS_PER_DAY);
  if (msOfDay === MS_PER_DAY) {
    whole += 1;
    msOfDay = 0;
  }
  if (whole === 60) {
    return failure(
      "expected a real calendar date: Excel serial 60 stands for 1900-02-29, a day that never was",
    );
  }
  if (whole > MAX_EXCEL_SERIAL) {
    return failure(`expected an Excel date serial of at most ${MAX_EXCEL_SERIAL} (9999-12-31)`);
  }
  const dayNumber =
    whole >= FIRST_SERIAL_AFTER_FAKE_LEAP_DAY
      ? EPOCH_DAY_NUMBER + whole
      : EPOCH_DAY_NUMBER + whole + 1;
  return parsed({ dayNumber, msOfDay });
}

/** The whole Excel serial of a date "YYYY-MM-DD" from 1900-01-01 to 9999-12-31. */
export function toExcelSerial(isoDate: string): number {
  const dayNumber = dayNumberOf(isoDate);
  const serial =
    dayNumber >= EPOCH_DAY_NUMBER + FIRST_SERIAL_AFTER_FAKE_LEAP_DAY
      ? dayNumber - EPOCH_DAY_NUMBER
      : dayNumber - EPOCH_DAY_NUMBER - 1;
  if (serial < 1 || serial > MAX_EXCEL_SERIAL) {
    throw new RangeError(
      `No Excel serial for "${isoDate}": Excel dates run 1900-01-01 to 9999-12-31`,
    );
  }
  return serial;
}

/** The date "YYYY-MM-DD" of a whole or fractional serial (its day, time dropped). */
export function excelSerialDate(serial: number): ParseResult<string> {
  const dateTime = fromExcelSerial(serial);
  return dateTime.ok ? parsed(isoDateOf(dateTime.value.dayNumber)) : dateTime;
}

/** Serials written in a text cell stay below this (2173-10-14): 6 digits is a month or a typo. */
export const MAX_TEXT_SERIAL = 100_000;

/**
 * An Excel serial written in a text cell (a CSV saved from a sheet whose date cells were
 * formatted as numbers): `44378` or `44378.375`. Null when the text is not digits with an
 * optional fraction. Two guards against misreading: a number with four digits before any
 * fraction (`2021`, `2021.07`) is a year or a month, not a day in 1905, and serials of
 * 100000 and more (after 2173) are refused, so a month such as `202107` is not read as a
 * date in 2453. `expected` opens each reason.
 */
export function readExcelSerialText(
  text: string,
  expected: string,
): ParseResult<ExcelDateTime> | null {
  if (!EXCEL_SERIAL_TEXT.test(text)) return null;
  if (/^\d{4}(?:\.\d+)?$/.test(text)) {
    return failure(`${expected}; a four-digit number such as 2021 or 2021.07 is a year or a month`);
  }
  const serial = Number(text);
  if (serial >= MAX_TEXT_SERIAL) {
    return failure(`${expected}; an Excel date serial must be below ${MAX_TEXT_SERIAL}`);
  }
  const dateTime = fromExcelSerial(serial);
  return dateTime.ok ? dateTime : failure(`${expected}; ${dateTime.reason}`);
}
