import { isoDateOf } from "../../../metrics/iso-date";
import { readDateText } from "./date-text";
import { readExcelSerialText } from "./excel-serial";
import { toHalfWidth } from "./half-width";
import { failure, parsed, type ParseResult } from "./parse-result";
import { readTimeOfDay } from "./time-text";

export const EXPECTED_DATE = "expected a date such as 2021-07-01, 2021/7/1 or 2021年7月1日";

/**
 * A date cell → "YYYY-MM-DD". Accepted (white space around ignored, full-width digits
 * folded):
 *
 *   2021-07-01   2021-7-1   2021/7/1   2021.7.1   2021年7月1日   20210701
 *   44378        an Excel serial (1900 date system: 1 = 1900-01-01, 61 = 1900-03-01,
 *   44378.75     44378 = 2021-07-01); a fraction (a time) is dropped
 *
 * The day must exist (2021-02-29 is refused, with the reason). A date may be followed by
 * a midnight time without a zone (`2021-07-01 00:00:00`, as databases export dates);
 * any other time is refused, since which day it is would depend on the time zone: use a
 * date-time column for those. A four-digit number (`2021`, `2021.07`) is no serial, and
 * serials written as text stay below 100000 (see excel-serial.ts).
 */
export function parseDate(text: string): ParseResult<string> {
  const folded = toHalfWidth(text).trim();
  const date = readDateText(folded);
  if (date === null) {
    const serial = readExcelSerialText(folded, EXPECTED_DATE);
    if (serial === null) return failure(EXPECTED_DATE);
    return serial.ok ? parsed(isoDateOf(serial.value.dayNumber)) : serial;
  }
  if (!date.ok) return date;
  const { dayNumber, rest } = date.value;
  if (rest.trim() !== "") {
    const time = readTimeOfDay(rest);
    if (time === null) return failure(EXPECTED_DATE);
    if (!time.ok) return time;
    if (time.value.msOfDay !== 0 || time.value.offsetMs !== null) {
      return failure(
        `${EXPECTED_DATE}, without a time of day (only a midnight 00:00 may follow the date)`,
      );
    }
  }
  return parsed(isoDateOf(dayNumber));
}
