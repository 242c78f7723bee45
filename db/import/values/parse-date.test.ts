import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { dayNumberOf, isoDateOf, partsFromDayNumber } from "../../../metrics/iso-date";
import { toExcelSerial } from "./excel-serial";
import { EXPECTED_DATE, parseDate } from "./parse-date";

const date = (text: string) => {
  const result = parseDate(text);
  if (!result.ok) throw new Error(`${text}: ${result.reason}`);
  return result.value;
};

const FULL_WIDTH = (text: string) =>
  text.replace(/[0-9\-/.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe("parseDate", () => {
  it("reads every accepted form", () => {
    for (const text of [
      "2021-07-01",
      "2021-7-1",
      "2021/7/1",
      "2021/07/01",
      "2021.7.1",
      "2021年7月1日",
      "2021 年 7 月 1 日",
      "20210701",
      "44378",
      "44378.75",
      " 2021-07-01\u3000",
      "２０２１－０７－０１",
      "２０２１年７月１日",
      "2021-07-01 00:00",
      "2021-07-01 00:00:00",
      "2021-07-01T00:00:00.000",
      "2021年7月1日 0:00",
    ]) {
      expect(date(text), text).toBe("2021-07-01");
    }
    expect(date("1")).toBe("1900-01-01");
    expect(date("61")).toBe("1900-03-01");
    expect(date("2024-02-29")).toBe("2024-02-29");
  });

  it("refuses days that do not exist, saying why", () => {
    expect(parseDate("2021-02-29")).toEqual({
      ok: false,
      reason:
        "expected a real calendar date: 2021-02-29 does not exist (February 2021 has 28 days)",
    });
    expect(parseDate("2021年13月1日")).toEqual({
      ok: false,
      reason: "expected a real calendar date: there is no month 13 (months run 1–12)",
    });
    expect(parseDate("2021/4/31").ok).toBe(false);
    expect(parseDate("60").ok).toBe(false);
    expect(parseDate("0")).toEqual({
      ok: false,
      reason: `${EXPECTED_DATE}; expected an Excel date serial from 1 (1900-01-01) to 2958465 (9999-12-31)`,
    });
  });

  it("refuses a time of day other than midnight, and zones", () => {
    const reason = `${EXPECTED_DATE}, without a time of day (only a midnight 00:00 may follow the date)`;
    expect(parseDate("2021-07-01 09:05")).toEqual({ ok: false, reason });
    expect(parseDate("2021-07-01T00:00:00+08:00")).toEqual({ ok: false, reason });
    expect(parseDate("2021-07-01 25:00").ok).toBe(false);
  });

  it("refuses other text with the expected forms", () => {
    for (const text of [
      "",
      "abc",
      "2021-07",
      "7/1/2021",
      "21/7/1",
      "2021-7/1",
      "2021-07-01 morning",
      "1e4",
      "-44378",
      "44,378",
      "2021年7月1号",
    ]) {
      expect(parseDate(text), text).toEqual({ ok: false, reason: EXPECTED_DATE });
    }
    expect(parseDate("2021")).toEqual({
      ok: false,
      reason: `${EXPECTED_DATE}; a four-digit number such as 2021 or 2021.07 is a year or a month`,
    });
    expect(parseDate("2021.07")).toEqual({
      ok: false,
      reason: `${EXPECTED_DATE}; a four-digit number such as 2021 or 2021.07 is a year or a month`,
    });
    expect(parseDate("202107")).toEqual({
      ok: false,
      reason: `${EXPECTED_DATE}; an Excel date serial must be below 100000`,
    });
  });

  it("reads back any date written in each form", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumberOf("1000-01-01"), max: dayNumberOf("9999-12-31") }),
        (dayNumber) => {
          const iso = isoDateOf(dayNumber);
          const { year, month, day } = partsFromDayNumber(dayNumber);
          const mm = String(month).padStart(2, "0");
          const dd = String(day).padStart(2, "0");
          for (const text of [
            iso,
            `${year}-${month}-${day}`,
            `${year}/${month}/${day}`,
            `${year}/${mm}/${dd}`,
            `${year}.${month}.${day}`,
            `${year}年${month}月${day}日`,
            `${year}${mm}${dd}`,
            FULL_WIDTH(iso),
            `${iso} 00:00:00`,
          ]) {
            expect(date(text), text).toBe(iso);
          }
        },
      ),
    );
  });

  it("reads back Excel serials from 1927-05-18 (10000) to 2099-12-31", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumberOf("1927-05-18"), max: dayNumberOf("2099-12-31") }),
        fc.double({ min: 0, max: 0.9999, noNaN: true }),
        (dayNumber, fraction) => {
          const iso = isoDateOf(dayNumber);
          expect(date(String(toExcelSerial(iso)))).toBe(iso);
          expect(date((toExcelSerial(iso) + fraction).toFixed(6))).toBe(iso);
        },
      ),
    );
  });
});
