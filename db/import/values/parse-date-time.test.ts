import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { MS_PER_DAY, isoDateOf, partsFromDayNumber } from "../../../metrics/iso-date";
import { utcOffsetMs } from "../../../metrics/time-zone";
import { toExcelSerial } from "./excel-serial";
import { EXPECTED_DATE_TIME, dateTimeParserIn, parseDateTime } from "./parse-date-time";

const SHANGHAI = "Asia/Shanghai";
const NEW_YORK = "America/New_York";

const iso = (text: string, zone = SHANGHAI) => {
  const result = parseDateTime(text, zone);
  if (!result.ok) throw new Error(`${text}: ${result.reason}`);
  return result.value.toISOString();
};

describe("parseDateTime", () => {
  it("reads local times in Shanghai in every date form", () => {
    expect(iso("2013/12/25 23:59:08")).toBe("2013-12-25T15:59:08.000Z");
    for (const text of [
      "2021-07-01 09:05",
      "2021-07-01T09:05",
      "2021-07-01 09:05:00",
      "2021-7-1 9:05",
      "2021/7/1 9:05",
      "2021.7.1 9:05",
      "2021年7月1日 9:05",
      "2021年7月1日9:05",
      "20210701 09:05",
      "２０２１年７月１日　９：０５",
      " 2021-07-01   09:05 ",
    ]) {
      expect(iso(text), text).toBe("2021-07-01T01:05:00.000Z");
    }
    expect(iso("2021-07-01T09:05:00.250")).toBe("2021-07-01T01:05:00.250Z");
  });

  it("honours a written zone over the deployment's", () => {
    expect(iso("2021-07-01T09:05Z")).toBe("2021-07-01T09:05:00.000Z");
    expect(iso("2021-07-01T09:05:00+08:00", NEW_YORK)).toBe("2021-07-01T01:05:00.000Z");
    expect(iso("2021-07-01 09:05:00 -05:00")).toBe("2021-07-01T14:05:00.000Z");
    expect(iso("2021-07-01T01:05:00-0800")).toBe("2021-07-01T09:05:00.000Z");
    expect(iso("2021-07-01T00:30+09")).toBe("2021-06-30T15:30:00.000Z");
  });

  it("reads a date alone as the start of that local day", () => {
    expect(iso("2021-07-01")).toBe("2021-06-30T16:00:00.000Z");
    expect(iso("2021年7月1日", NEW_YORK)).toBe("2021-07-01T04:00:00.000Z");
    expect(iso("2021-01-15", NEW_YORK)).toBe("2021-01-15T05:00:00.000Z");
    // Santiago moved its clocks forward at midnight: the day began at 01:00.
    expect(iso("2019-09-08", "America/Santiago")).toBe("2019-09-08T04:00:00.000Z");
  });

  it("reads Excel serials as local date-times", () => {
    expect(iso("44378")).toBe("2021-06-30T16:00:00.000Z");
    expect(iso("44378.375")).toBe("2021-07-01T01:00:00.000Z");
    expect(iso("44378.375", NEW_YORK)).toBe("2021-07-01T13:00:00.000Z");
  });

  it("handles New York's clock changes", () => {
    expect(iso("2021-03-14 01:59", NEW_YORK)).toBe("2021-03-14T06:59:00.000Z");
    expect(iso("2021-03-14 02:30", NEW_YORK)).toBe("2021-03-14T07:30:00.000Z"); // gap: 03:30 EDT
    expect(iso("2021-11-07 01:30", NEW_YORK)).toBe("2021-11-07T05:30:00.000Z"); // twice: EDT
    expect(iso("2021-11-07 01:30-05:00", NEW_YORK)).toBe("2021-11-07T06:30:00.000Z"); // EST, as written
  });

  it("refuses bad dates, times and zones with their reasons", () => {
    expect(parseDateTime("2021-02-29 09:00", SHANGHAI)).toEqual({
      ok: false,
      reason:
        "expected a real calendar date: 2021-02-29 does not exist (February 2021 has 28 days)",
    });
    expect(parseDateTime("2021-07-01 24:00", SHANGHAI)).toEqual({
      ok: false,
      reason: "expected a time of day from 00:00 to 23:59:59, such as 09:05 or 23:59:08",
    });
    expect(parseDateTime("2021-07-01 09:00+20:00", SHANGHAI).ok).toBe(false);
    expect(parseDateTime("2021", SHANGHAI)).toEqual({
      ok: false,
      reason: `${EXPECTED_DATE_TIME}; a four-digit number such as 2021 or 2021.07 is a year or a month`,
    });
    for (const text of [
      "",
      "now",
      "09:05",
      "2021-07-01 9",
      "2021-07-01 09:05 PM",
      "2021-07-01Z",
      "2021-07-01 09:05 CST",
      "7/1/2021 9:05",
    ]) {
      expect(parseDateTime(text, SHANGHAI), text).toEqual({
        ok: false,
        reason: EXPECTED_DATE_TIME,
      });
    }
  });

  it("throws on an unknown deployment zone", () => {
    expect(() => parseDateTime("2021-07-01 09:05", "Nowhere/Special")).toThrow(RangeError);
  });

  it("reads back any instant written as local wall time, in each form and zone", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1950, 0, 1) / 1000, max: Date.UTC(2099, 11, 31) / 1000 }),
        fc.constantFrom(SHANGHAI, NEW_YORK, "Europe/London", "Australia/Sydney"),
        fc.constantFrom("-", "/", ".", "年", "T", "serial"),
        (seconds, zone, form) => {
          const instant = seconds * 1000;
          const wall = instant + utcOffsetMs(instant, zone);
          const dayNumber = Math.floor(wall / MS_PER_DAY);
          const secondOfDay = (wall - dayNumber * MS_PER_DAY) / 1000;
          const { year, month, day } = partsFromDayNumber(dayNumber);
          const time = [
            Math.floor(secondOfDay / 3600),
            Math.floor(secondOfDay / 60) % 60,
            secondOfDay % 60,
          ]
            .map((n) => String(n).padStart(2, "0"))
            .join(":");
          const text =
            form === "年"
              ? `${year}年${month}月${day}日 ${time}`
              : form === "T"
                ? `${isoDateOf(dayNumber)}T${time}`
                : form === "serial"
                  ? (toExcelSerial(isoDateOf(dayNumber)) + secondOfDay / 86_400).toFixed(10)
                  : `${year}${form}${month}${form}${day} ${time}`;
          const result = parseDateTime(text, zone);
          expect(result.ok, text).toBe(true);
          if (!result.ok) return;
          const parsedMs = result.value.getTime();
          // The same wall time; the earlier instant when the wall time happens twice.
          expect(parsedMs + utcOffsetMs(parsedMs, zone), text).toBe(wall);
          expect(parsedMs).toBeLessThanOrEqual(instant);
          // With the offset written, it is exactly the instant.
          const offsetMinutes = (wall - instant) / 60_000;
          const sign = offsetMinutes < 0 ? "-" : "+";
          const hh = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, "0");
          const mm = String(Math.abs(offsetMinutes) % 60).padStart(2, "0");
          if (form !== "serial") {
            const zoned = parseDateTime(`${text}${sign}${hh}:${mm}`, zone);
            expect(zoned.ok && zoned.value.getTime()).toBe(instant);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("dateTimeParserIn", () => {
  it("reads wall-clock times in its own zone, one parser per zone", () => {
    const inShanghai = dateTimeParserIn(SHANGHAI);
    const inNewYork = dateTimeParserIn(NEW_YORK);
    expect(dateTimeParserIn(SHANGHAI)).toBe(inShanghai);
    expect(inShanghai("2021年7月1日 9:05")).toEqual(parseDateTime("2021年7月1日 9:05", SHANGHAI));
    const shanghai = inShanghai("2021-07-01 09:05");
    const newYork = inNewYork("2021-07-01 09:05");
    expect(shanghai.ok && shanghai.value.toISOString()).toBe("2021-07-01T01:05:00.000Z");
    expect(newYork.ok && newYork.value.toISOString()).toBe("2021-07-01T13:05:00.000Z");
  });
});
