import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readDateText } from "./date-text";
import { readPlainDateTime, type PlainDateTime } from "./plain-date-time";
import { readTimeOfDay } from "./time-text";

/** What the general readers make of a text: the date, then a time without a zone. */
function general(text: string): PlainDateTime | null {
  const date = readDateText(text);
  if (date === null || !date.ok) return null;
  const time = readTimeOfDay(date.value.rest);
  if (time === null || !time.ok || time.value.offsetMs !== null) return null;
  return { dayNumber: date.value.dayNumber, msOfDay: time.value.msOfDay };
}

const twoDigits = fc.integer({ min: 0, max: 99 }).map((value) => String(value).padStart(2, "0"));

describe("readPlainDateTime", () => {
  it("reads YYYY-MM-DD HH:MM[:SS] as the general readers do", () => {
    expect(readPlainDateTime("2013-12-25 23:59:08")).toEqual(general("2013-12-25 23:59:08"));
    expect(readPlainDateTime("2021-07-01T09:05")).toEqual({
      dayNumber: 18_809,
      msOfDay: (9 * 60 + 5) * 60_000,
    });
  });

  it("agrees with the general readers on every text of its shape, days and times that do not exist included", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 0, max: 9999 }).map((year) => String(year).padStart(4, "0")),
          fc.constantFrom("２０２１", "20a1", "-202"),
        ),
        twoDigits,
        twoDigits,
        fc.constantFrom(" ", "T", "-", "x"),
        twoDigits,
        twoDigits,
        fc.option(twoDigits),
        (year, month, day, separator, hour, minute, second) => {
          const text = `${year}-${month}-${day}${separator}${hour}:${minute}${second === null ? "" : `:${second}`}`;
          expect(readPlainDateTime(text), text).toEqual(general(text));
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it("leaves every other form to the general readers", () => {
    for (const text of [
      "2021/07/01 09:05",
      "2021-7-1 09:05",
      " 2021-07-01 09:05",
      "2021-07-01 09:05:00Z",
      "2021-07-01 9:05:00",
      "2021-07-01 09:05:00.5",
      "２０２１-07-01 09:05",
      "2021-02-29 09:05",
    ]) {
      expect(readPlainDateTime(text), text).toBeNull();
    }
  });
});
