import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { writeInstant } from "./instant-text";

/** writeInstant's bytes as text (the longest is 27: "+275760-09-13T00:00:00.000Z"). */
function instantText(instant: Date): string {
  const bytes = Buffer.alloc(32);
  return bytes.toString("latin1", 0, writeInstant(instant, bytes, 0));
}

describe("writeInstant", () => {
  it("is toISOString for any instant a Date holds", () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (ms) => {
        const instant = new Date(ms);
        expect(instantText(instant)).toBe(instant.toISOString());
      }),
      { numRuns: 5_000 },
    );
  });

  it("is toISOString around day, year and era boundaries, with the day's text kept", () => {
    for (const ms of [
      0,
      -1,
      1,
      86_399_999,
      86_400_000,
      Date.UTC(2024, 1, 29, 23, 59, 59, 999),
      Date.UTC(2024, 2, 1),
      Date.UTC(9999, 11, 31, 23, 59, 59, 999),
      Date.UTC(10000, 0, 1),
      Date.UTC(-1, 0, 1, 12),
    ]) {
      const instant = new Date(ms);
      expect(instantText(instant)).toBe(instant.toISOString());
      expect(instantText(new Date(ms))).toBe(instant.toISOString()); // from the cached day
    }
  });

  it("throws for an invalid date, as toISOString does", () => {
    expect(() => instantText(new Date(Number.NaN))).toThrow(RangeError);
  });
});
