import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addCalendarDays, dayNumberOf, isoDateOf } from "./iso-date";
import { monthsInRange } from "./months-in-range";
import { splitAtWholeMonths } from "./whole-months";

describe("splitAtWholeMonths", () => {
  it("cuts loose days off both ends", () => {
    expect(splitAtWholeMonths("2024-01-15", "2024-04-10")).toEqual({
      months: { from: "2024-02-01", to: "2024-03-01" },
      days: [
        { from: "2024-01-15", to: "2024-01-31" },
        { from: "2024-04-01", to: "2024-04-10" },
      ],
    });
  });

  it("keeps a range of whole months whole, leap February included", () => {
    expect(splitAtWholeMonths("2024-01-01", "2024-02-29")).toEqual({
      months: { from: "2024-01-01", to: "2024-02-01" },
      days: [],
    });
    expect(splitAtWholeMonths("2023-02-01", "2023-02-28").months).toEqual({
      from: "2023-02-01",
      to: "2023-02-01",
    });
  });

  it("answers a range inside one month with days only, and an empty range with nothing", () => {
    expect(splitAtWholeMonths("2024-03-02", "2024-03-31")).toEqual({
      months: null,
      days: [{ from: "2024-03-02", to: "2024-03-31" }],
    });
    expect(splitAtWholeMonths("2024-03-01", "2024-03-30").months).toBeNull();
    expect(splitAtWholeMonths("2024-03-05", "2024-03-04")).toEqual({ months: null, days: [] });
  });

  it("covers every day of the range exactly once (property)", () => {
    const day = fc.integer({ min: dayNumberOf("2019-01-01"), max: dayNumberOf("2027-12-31") });
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 500 }), (start, length) => {
        const from = isoDateOf(start);
        const to = isoDateOf(start + length);
        const { months, days } = splitAtWholeMonths(from, to);
        const covered: string[] = [];
        for (const range of days) {
          for (let d = range.from; d <= range.to; d = addCalendarDays(d, 1)) covered.push(d);
        }
        if (months) {
          for (const month of monthsInRange(months.from, months.to)) {
            for (let d = month; d.slice(0, 7) === month.slice(0, 7); d = addCalendarDays(d, 1)) {
              covered.push(d);
            }
          }
        }
        covered.sort();
        expect(covered.length).toBe(length + 1);
        expect(covered[0]).toBe(from);
        expect(covered.at(-1)).toBe(to);
        expect(new Set(covered).size).toBe(covered.length);
      }),
      { numRuns: 300 },
    );
  });
});
