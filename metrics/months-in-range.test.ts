import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoDateOf } from "./iso-date";
import { monthsInRange } from "./months-in-range";

describe("monthsInRange", () => {
  it("takes the month of the first day through the month of the last day", () => {
    expect(monthsInRange("2024-01-15", "2024-03-02")).toEqual([
      "2024-01-01",
      "2024-02-01",
      "2024-03-01",
    ]);
    expect(monthsInRange("2024-02-29", "2024-02-29")).toEqual(["2024-02-01"]);
    expect(monthsInRange("2023-11-30", "2024-01-01")).toEqual([
      "2023-11-01",
      "2023-12-01",
      "2024-01-01",
    ]);
  });

  it("is empty when the range is reversed", () => {
    expect(monthsInRange("2024-03-01", "2024-02-28")).toEqual([]);
  });

  it("lists consecutive months containing both ends", () => {
    const day = fc.integer({ min: 18_000, max: 22_000 });
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [from, to] = [isoDateOf(Math.min(a, b)), isoDateOf(Math.max(a, b))];
        const months = monthsInRange(from, to);
        expect(months[0]).toBe(`${from.slice(0, 7)}-01`);
        expect(months.at(-1)).toBe(`${to.slice(0, 7)}-01`);
        expect(new Set(months).size).toBe(months.length);
        expect([...months].sort()).toEqual(months);
      }),
    );
  });
});
