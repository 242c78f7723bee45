import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { dayNumberOf, isoDateOf } from "../../../metrics/iso-date";
import {
  MAX_EXCEL_SERIAL,
  excelSerialDate,
  fromExcelSerial,
  readExcelSerialText,
  toExcelSerial,
} from "./excel-serial";

const date = (serial: number) => {
  const result = excelSerialDate(serial);
  if (!result.ok) throw new Error(`${serial}: ${result.reason}`);
  return result.value;
};

describe("Excel serial dates (1900 date system)", () => {
  it("matches Excel's known answers, fake leap day included", () => {
    expect(date(1)).toBe("1900-01-01");
    expect(date(31)).toBe("1900-01-31");
    expect(date(59)).toBe("1900-02-28");
    expect(date(61)).toBe("1900-03-01");
    expect(date(25569)).toBe("1970-01-01");
    expect(date(36526)).toBe("2000-01-01");
    expect(date(44378)).toBe("2021-07-01");
    expect(date(45658)).toBe("2025-01-01");
    expect(date(MAX_EXCEL_SERIAL)).toBe("9999-12-31");
    expect(toExcelSerial("2021-07-01")).toBe(44378);
    expect(toExcelSerial("1900-02-28")).toBe(59);
    expect(toExcelSerial("1900-03-01")).toBe(61);
    expect(toExcelSerial("1900-01-01")).toBe(1);
  });

  it("refuses serial 60 (1900-02-29), 0 and serials past 9999-12-31", () => {
    expect(fromExcelSerial(60)).toEqual({
      ok: false,
      reason:
        "expected a real calendar date: Excel serial 60 stands for 1900-02-29, a day that never was",
    });
    expect(fromExcelSerial(60.5).ok).toBe(false);
    expect(fromExcelSerial(0).ok).toBe(false);
    expect(fromExcelSerial(0.5).ok).toBe(false);
    expect(fromExcelSerial(-1).ok).toBe(false);
    expect(fromExcelSerial(Number.NaN).ok).toBe(false);
    expect(fromExcelSerial(MAX_EXCEL_SERIAL + 1).ok).toBe(false);
    expect(() => toExcelSerial("1899-12-31")).toThrow(RangeError);
  });

  it("reads the fraction as the time of day, to the millisecond", () => {
    expect(fromExcelSerial(44378.5)).toEqual({
      ok: true,
      value: { dayNumber: dayNumberOf("2021-07-01"), msOfDay: 12 * 3_600_000 },
    });
    // 09:05:30 = 32730 s = 0.37881944… of a day, as Excel stores it (15 digits).
    expect(fromExcelSerial(44378.3788194444)).toEqual({
      ok: true,
      value: { dayNumber: dayNumberOf("2021-07-01"), msOfDay: 32_730_000 },
    });
    // A hair before midnight rounds to the next day.
    expect(fromExcelSerial(44378.99999999999)).toEqual({
      ok: true,
      value: { dayNumber: dayNumberOf("2021-07-02"), msOfDay: 0 },
    });
  });

  it("round-trips serial ↔ date from 1900-03-01 to 2099-12-31", () => {
    const first = dayNumberOf("1900-03-01");
    const last = dayNumberOf("2099-12-31");
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), (dayNumber) => {
        const iso = isoDateOf(dayNumber);
        const serial = toExcelSerial(iso);
        expect(serial).toBe(dayNumber - first + 61);
        expect(date(serial)).toBe(iso);
      }),
    );
  });

  it("round-trips times of day at whole seconds", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 61, max: 73_050 }),
        fc.integer({ min: 0, max: 86_399 }),
        (serial, second) => {
          const result = fromExcelSerial(serial + second / 86_400);
          expect(result).toEqual({
            ok: true,
            value: { dayNumber: dayNumberOf(date(serial)), msOfDay: second * 1000 },
          });
        },
      ),
    );
  });

  it("reads serials written as text, refusing years and six-digit numbers", () => {
    expect(readExcelSerialText("44378", "expected a date")).toEqual({
      ok: true,
      value: { dayNumber: dayNumberOf("2021-07-01"), msOfDay: 0 },
    });
    expect(readExcelSerialText("2021-07-01", "expected a date")).toBeNull();
    expect(readExcelSerialText("1e4", "expected a date")).toBeNull();
    expect(readExcelSerialText("2021", "expected a date")).toEqual({
      ok: false,
      reason: "expected a date; a four-digit number such as 2021 or 2021.07 is a year or a month",
    });
    expect(readExcelSerialText("202107", "expected a date")).toEqual({
      ok: false,
      reason: "expected a date; an Excel date serial must be below 100000",
    });
    expect(readExcelSerialText("60", "expected a date")).toEqual({
      ok: false,
      reason:
        "expected a date; expected a real calendar date: Excel serial 60 stands for 1900-02-29, a day that never was",
    });
  });
});
