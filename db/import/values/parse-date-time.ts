import { MS_PER_DAY } from "../../../metrics/iso-date";
import { endOfLocalDayMs } from "../../../metrics/time-zone";
import { readDateText } from "./date-text";
import { readExcelSerialText } from "./excel-serial";
import { toHalfWidth } from "./half-width";
import { instantOfLocalTime } from "./local-time";
import { failure, parsed, type ParseResult } from "./parse-result";
import { readPlainDateTime } from "./plain-date-time";
import { readTimeOfDay } from "./time-text";

export const EXPECTED_DATE_TIME =
  "expected a date and time such as 2021-07-01 09:05, 2021/7/1 9:05:30, 2021-07-01T09:05+08:00 or 2021年7月1日 9:05";

/**
 * A date-time cell → the UTC instant (a Date). Accepted: any date of parseDate, optionally
 * followed by a time and a zone (white space around ignored, full-width forms folded):
 *
 *   2021-07-01 09:05      2013/12/25 23:59:08     2021-07-01T09:05:00.250
 *   2021年7月1日 9:05     2021年7月1日9:05         20210701 09:05
 *   2021-07-01T09:05Z     2021-07-01 09:05:00+08:00   2021-07-01T01:05:00-0800
 *   2021-07-01            the start of that local day
 *   44378.375             an Excel serial: 2021-07-01 09:00 local
 *
 * A time without a zone, a date alone and a serial are wall-clock times in `timeZone`
 * (an IANA name, the deployment's MINGJING_TIME_ZONE): a time that happens twice when
 * clocks go back is the earlier instant, a time skipped when clocks go forward is moved
 * on by the gap (see local-time.ts). An unknown zone name throws a RangeError.
 */
export function parseDateTime(text: string, timeZone: string): ParseResult<Date> {
  const plain = readPlainDateTime(text);
  if (plain !== null) {
    return parsed(new Date(instantOfLocalTime(plain.dayNumber, plain.msOfDay, timeZone)));
  }
  const folded = toHalfWidth(text).trim();
  const date = readDateText(folded);
  if (date === null) {
    const serial = readExcelSerialText(folded, EXPECTED_DATE_TIME);
    if (serial === null) return failure(EXPECTED_DATE_TIME);
    if (!serial.ok) return serial;
    const { dayNumber, msOfDay } = serial.value;
    return parsed(new Date(instantOfLocalTime(dayNumber, msOfDay, timeZone)));
  }
  if (!date.ok) return date;
  const { dayNumber, rest } = date.value;
  if (rest.trim() === "") return parsed(new Date(endOfLocalDayMs(dayNumber - 1, timeZone) + 1));
  const time = readTimeOfDay(rest);
  if (time === null) return failure(EXPECTED_DATE_TIME);
  if (!time.ok) return time;
  const { msOfDay, offsetMs } = time.value;
  return parsed(
    new Date(
      offsetMs === null
        ? instantOfLocalTime(dayNumber, msOfDay, timeZone)
        : dayNumber * MS_PER_DAY + msOfDay - offsetMs,
    ),
  );
}

const parsersByZone = new Map<string, (text: string) => ParseResult<Date>>();

/** parseDateTime in one time zone, made once per zone: an import's rows share it. */
export function dateTimeParserIn(timeZone: string): (text: string) => ParseResult<Date> {
  let parse = parsersByZone.get(timeZone);
  if (!parse) {
    parse = (text: string) => parseDateTime(text, timeZone);
    parsersByZone.set(timeZone, parse);
  }
  return parse;
}
