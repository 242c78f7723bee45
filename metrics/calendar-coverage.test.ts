import { describe, expect, it } from "vitest";
import { yearsInRange, yearsWithoutOfficialData } from "./calendar-coverage";

describe("yearsInRange", () => {
  it("lists every year a range touches", () => {
    expect(yearsInRange("2023-12-31", "2025-01-01")).toEqual([2023, 2024, 2025]);
    expect(yearsInRange("2024-03-01", "2024-03-31")).toEqual([2024]);
    expect(yearsInRange("2024-03-01", "2024-02-01")).toEqual([]);
  });
});

describe("yearsWithoutOfficialData", () => {
  it("flags the years with no official notice", () => {
    expect(yearsWithoutOfficialData([2027, 2025, 2026, 2026], [2024, 2025])).toEqual([2026, 2027]);
    expect(
      yearsWithoutOfficialData(yearsInRange("2024-01-01", "2025-06-30"), [2024, 2025]),
    ).toEqual([]);
    expect(yearsWithoutOfficialData([], [2024])).toEqual([]);
  });
});
