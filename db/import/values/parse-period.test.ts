import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { EXPECTED_PERIOD, parsePeriod } from "./parse-period";
import { toExcelSerial } from "./excel-serial";

const period = (text: string) => {
  const result = parsePeriod(text);
  if (!result.ok) throw new Error(`${text}: ${result.reason}`);
  return result.value;
};

describe("parsePeriod", () => {
  it("reads every month form", () => {
    for (const text of [
      "2021-07",
      "2021-7",
      "2021/7",
      "2021/07",
      "2021.07",
      "2021.7",
      "2021年7月",
      "2021 年 07 月",
      "2021年7月份",
      "202107",
      "２０２１－０７",
      " 2021-07 ",
    ]) {
      expect(period(text), text).toBe("2021-07-01");
    }
    expect(period("2021.10")).toBe("2021-10-01");
    expect(period("2021-12")).toBe("2021-12-01");
  });

  it("takes the month of a full date or an Excel serial", () => {
    for (const text of [
      "2021-07-15",
      "2021/7/31",
      "2021年7月1日",
      "20210715",
      "44393",
      "44393.5",
    ]) {
      expect(period(text), text).toBe("2021-07-01");
    }
  });

  it("refuses months that do not exist, ambiguous and partial forms", () => {
    expect(parsePeriod("2021-13")).toEqual({
      ok: false,
      reason: "expected a real calendar date: there is no month 13 (months run 1–12)",
    });
    expect(parsePeriod("202100").ok).toBe(false);
    expect(parsePeriod("2021.1")).toEqual({
      ok: false,
      reason: `${EXPECTED_PERIOD}; a month written 2021.1 is ambiguous (January, or October with its 0 dropped): write 2021-01 or 2021-10`,
    });
    expect(parsePeriod("2021")).toEqual({
      ok: false,
      reason: `${EXPECTED_PERIOD}; a year alone is not a month`,
    });
    expect(parsePeriod("2021-02-30")).toEqual({
      ok: false,
      reason:
        "expected a real calendar date: 2021-02-30 does not exist (February 2021 has 28 days)",
    });
    for (const text of [
      "",
      "July",
      "7/2021",
      "21-07",
      "2021-007",
      "2021年7",
      "2021-07-01 09:00",
      "2021 07",
    ]) {
      expect(parsePeriod(text), text).toEqual({ ok: false, reason: EXPECTED_PERIOD });
    }
  });

  it("reads back any month in each form", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        (year, month) => {
          const mm = String(month).padStart(2, "0");
          const first = `${year}-${mm}-01`;
          for (const text of [
            `${year}-${mm}`,
            `${year}-${month}`,
            `${year}/${month}`,
            `${year}年${month}月`,
            `${year}${mm}`,
            `${year}-${mm}-28`,
          ]) {
            expect(period(text), text).toBe(first);
          }
          if (year >= 1928 && year <= 2099)
            expect(period(String(toExcelSerial(`${year}-${mm}-15`)))).toBe(first);
        },
      ),
    );
  });
});
