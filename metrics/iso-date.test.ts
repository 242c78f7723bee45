import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addCalendarDays,
  addYears,
  calendarDaysBetween,
  calendarDaysInclusive,
  dayNumberOf,
  dayOfWeek,
  isIsoDate,
  isoDateOf,
  lastDayOfMonth,
  partialMonthEnd,
} from "./iso-date";

describe("iso dates as day numbers", () => {
  it("counts days from 1970-01-01", () => {
    expect(dayNumberOf("1970-01-01")).toBe(0);
    expect(dayNumberOf("1969-12-31")).toBe(-1);
    expect(dayNumberOf("2000-03-01")).toBe(11_017);
    expect(dayNumberOf("2024-10-01")).toBe(Date.UTC(2024, 9, 1) / 86_400_000);
    expect(isoDateOf(19_997)).toBe("2024-10-01");
    expect(isoDateOf(dayNumberOf("0001-01-01"))).toBe("0001-01-01");
  });

  it("round-trips and matches Date.UTC", () => {
    fc.assert(
      fc.property(fc.integer({ min: -700_000, max: 2_900_000 }), (dayNumber) => {
        const iso = isoDateOf(dayNumber);
        expect(dayNumberOf(iso)).toBe(dayNumber);
        expect(iso).toBe(new Date(dayNumber * 86_400_000).toISOString().slice(0, 10));
      }),
    );
  });

  it("rejects what is not a real date, naming it", () => {
    expect(() => dayNumberOf("2023-02-29")).toThrow(/"2023-02-29"/);
    expect(() => dayNumberOf("2024-13-01")).toThrow(RangeError);
    expect(() => dayNumberOf("2024-1-01")).toThrow(RangeError);
    expect(() => dayNumberOf("2024/01/01")).toThrow(RangeError);
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("1900-02-29")).toBe(false);
    expect(isIsoDate("2000-02-29")).toBe(true);
  });

  it("knows weekdays", () => {
    expect(dayOfWeek(dayNumberOf("1970-01-01"))).toBe(4);
    expect(dayOfWeek(dayNumberOf("2024-10-12"))).toBe(6);
    expect(dayOfWeek(dayNumberOf("2024-09-29"))).toBe(0);
    expect(dayOfWeek(dayNumberOf("1969-12-28"))).toBe(0);
  });

  it("adds and counts calendar days", () => {
    expect(addCalendarDays("2024-02-28", 2)).toBe("2024-03-01");
    expect(addCalendarDays("2024-01-01", -1)).toBe("2023-12-31");
    expect(calendarDaysInclusive("2024-01-01", "2024-12-31")).toBe(366);
    expect(calendarDaysInclusive("2024-03-05", "2024-03-05")).toBe(1);
    expect(calendarDaysInclusive("2024-03-05", "2024-03-04")).toBe(0);
    expect(calendarDaysBetween("2024-03-05", "2024-03-01")).toBe(-4);
  });

  it("finds the last day of a month", () => {
    expect(lastDayOfMonth("2024-02-01")).toBe("2024-02-29");
    expect(lastDayOfMonth("2023-02")).toBe("2023-02-28");
    expect(partialMonthEnd("2024-02-01", "2024-02-15")).toBe("2024-02-15");
    expect(partialMonthEnd("2024-02", "2024-02-28")).toBe("2024-02-28"); // 2024 has a 29th
    expect(partialMonthEnd("2024-02-01", "2024-02-29")).toBeUndefined();
    expect(partialMonthEnd("2024-01-01", "2024-02-15")).toBeUndefined();
    expect(lastDayOfMonth("2024-12-15")).toBe("2024-12-31");
    expect(lastDayOfMonth("2024-04")).toBe("2024-04-30");
  });
});

describe("addYears", () => {
  it("moves to the same day of another year, 29 February to the 28th", () => {
    expect(addYears("2025-11-23", -1)).toBe("2024-11-23");
    expect(addYears("2024-02-29", -1)).toBe("2023-02-28");
    expect(addYears("2024-02-29", 4)).toBe("2028-02-29");
    expect(addYears("2024-12-31", 1)).toBe("2025-12-31");
  });
});
