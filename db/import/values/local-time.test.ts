import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { MS_PER_DAY, dayNumberOf } from "../../../metrics/iso-date";
import { endOfLocalDayMs, utcOffsetMs } from "../../../metrics/time-zone";
import { instantOfLocalTime } from "./local-time";

const HOUR = 3_600_000;
const at = (date: string, hour: number, minute = 0, zone = "America/New_York") =>
  new Date(
    instantOfLocalTime(dayNumberOf(date), hour * HOUR + minute * 60_000, zone),
  ).toISOString();

const ZONES = [
  "Asia/Shanghai",
  "America/New_York",
  "Europe/London",
  "Australia/Lord_Howe",
  "America/Santiago",
  "Asia/Kolkata",
  "UTC",
];

describe("instantOfLocalTime", () => {
  it("converts Shanghai wall time (UTC+8, no daylight saving)", () => {
    expect(at("2013-12-25", 23, 59, "Asia/Shanghai")).toBe("2013-12-25T15:59:00.000Z");
    expect(at("2021-07-01", 0, 0, "Asia/Shanghai")).toBe("2021-06-30T16:00:00.000Z");
    // 1988: China observed daylight saving time (UTC+9 from 1988-04-17 to 1988-09-11).
    expect(at("1988-07-01", 12, 0, "Asia/Shanghai")).toBe("1988-07-01T03:00:00.000Z");
  });

  it("converts New York wall time on both sides of daylight saving", () => {
    expect(at("2021-01-15", 9, 5)).toBe("2021-01-15T14:05:00.000Z"); // EST
    expect(at("2021-07-01", 9, 5)).toBe("2021-07-01T13:05:00.000Z"); // EDT
    expect(at("2021-03-14", 1, 59)).toBe("2021-03-14T06:59:00.000Z");
    expect(at("2021-03-14", 3, 0)).toBe("2021-03-14T07:00:00.000Z");
  });

  it("moves a time in the spring-forward gap on by the gap", () => {
    expect(at("2021-03-14", 2, 0)).toBe("2021-03-14T07:00:00.000Z"); // = 03:00 EDT
    expect(at("2021-03-14", 2, 30)).toBe("2021-03-14T07:30:00.000Z"); // = 03:30 EDT
  });

  it("takes the earlier of a time that happens twice when clocks go back", () => {
    expect(at("2021-11-07", 1, 30)).toBe("2021-11-07T05:30:00.000Z"); // 01:30 EDT, not EST
    expect(at("2021-11-07", 0, 59)).toBe("2021-11-07T04:59:00.000Z");
    expect(at("2021-11-07", 2, 0)).toBe("2021-11-07T07:00:00.000Z"); // EST
  });

  it("gives back any instant's wall time, taking the earliest instant that shows it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1950, 0, 1) / 1000, max: Date.UTC(2100, 0, 1) / 1000 }),
        fc.constantFrom(...ZONES),
        (seconds, zone) => {
          const instant = seconds * 1000;
          const wall = instant + utcOffsetMs(instant, zone);
          const day = Math.floor(wall / MS_PER_DAY);
          const result = instantOfLocalTime(day, wall - day * MS_PER_DAY, zone);
          expect(result + utcOffsetMs(result, zone)).toBe(wall);
          expect(result).toBeLessThanOrEqual(instant);
          // Only a repeated wall time may map to an earlier instant.
          if (result !== instant)
            expect(utcOffsetMs(result, zone)).toBeGreaterThan(utcOffsetMs(instant, zone));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("puts local midnight where metrics/time-zone.ts starts the day", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumberOf("1970-01-01"), max: dayNumberOf("2060-12-31") }),
        fc.constantFrom(...ZONES, "America/Havana", "Asia/Tehran"),
        (day, zone) => {
          expect(instantOfLocalTime(day, 0, zone)).toBe(endOfLocalDayMs(day - 1, zone) + 1);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("throws on an unknown zone", () => {
    expect(() => instantOfLocalTime(0, 0, "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});
