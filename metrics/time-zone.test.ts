import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayNumberOf } from "./iso-date";
import {
  endOfLocalDay,
  endOfLocalDayMs,
  localDateOf,
  localDayNumberOf,
  utcOffsetMs,
} from "./time-zone";

describe("localDateOf", () => {
  it("gives the local date in Asia/Shanghai (UTC+8)", () => {
    expect(localDateOf(new Date("2024-09-30T15:59:59.999Z"), "Asia/Shanghai")).toBe("2024-09-30");
    expect(localDateOf(new Date("2024-09-30T16:00:00.000Z"), "Asia/Shanghai")).toBe("2024-10-01");
    expect(localDateOf(new Date("2024-09-30T16:00:00.000Z"), "UTC")).toBe("2024-09-30");
  });

  it("follows daylight saving time", () => {
    // New York: EDT (−4) in July, EST (−5) in January.
    expect(utcOffsetMs(new Date("2024-07-01T12:00:00Z"), "America/New_York")).toBe(-4 * 3_600_000);
    expect(utcOffsetMs(new Date("2024-01-01T12:00:00Z"), "America/New_York")).toBe(-5 * 3_600_000);
    // Clocks went forward at 2024-03-10 07:00Z; a minute before and after.
    expect(utcOffsetMs(new Date("2024-03-10T06:59:00Z"), "America/New_York")).toBe(-5 * 3_600_000);
    expect(utcOffsetMs(new Date("2024-03-10T07:00:00Z"), "America/New_York")).toBe(-4 * 3_600_000);
    expect(localDateOf(new Date("2024-03-10T04:59:59Z"), "America/New_York")).toBe("2024-03-09");
    expect(localDateOf(new Date("2024-03-10T05:00:00Z"), "America/New_York")).toBe("2024-03-10");
  });

  it("handles zones off the whole hour", () => {
    expect(localDateOf(new Date("2024-05-01T18:14:00Z"), "Asia/Kathmandu")).toBe("2024-05-01");
    expect(localDateOf(new Date("2024-05-01T18:15:00Z"), "Asia/Kathmandu")).toBe("2024-05-02");
  });

  it("agrees with Intl for any instant (cache and all)", () => {
    const format = new Intl.DateTimeFormat("en-CA", {
      timeZone: "America/Sao_Paulo",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), (ms) => {
        expect(localDateOf(ms, "America/Sao_Paulo")).toBe(format.format(ms));
      }),
    );
  });
});

describe("endOfLocalDay", () => {
  it("is 23:59:59.999 local", () => {
    expect(endOfLocalDay("2024-10-12", "Asia/Shanghai").toISOString()).toBe(
      "2024-10-12T15:59:59.999Z",
    );
    expect(endOfLocalDay("2024-07-01", "America/New_York").toISOString()).toBe(
      "2024-07-02T03:59:59.999Z",
    );
  });

  it("ends a day whose next midnight is skipped at the jump", () => {
    // São Paulo, 2018-11-04: clocks jumped from 00:00 (−03) to 01:00 (−02) at 03:00Z.
    expect(endOfLocalDay("2018-11-03", "America/Sao_Paulo").toISOString()).toBe(
      "2018-11-04T02:59:59.999Z",
    );
    // Samoa skipped 2011-12-30 altogether: 29 Dec ended at 10:00Z on 30 Dec.
    expect(endOfLocalDay("2011-12-29", "Pacific/Apia").toISOString()).toBe(
      "2011-12-30T09:59:59.999Z",
    );
  });

  it("ends a day at the first of two midnights when clocks go back to midnight", () => {
    // Havana, 2024-11-03: clocks went back from 01:00 (−04) to 00:00 (−05) at 05:00Z,
    // so midnight came at 04:00Z and again at 05:00Z.
    expect(endOfLocalDay("2024-11-02", "America/Havana").toISOString()).toBe(
      "2024-11-03T03:59:59.999Z",
    );
    expect(localDateOf(new Date("2024-11-03T05:30:00Z"), "America/Havana")).toBe("2024-11-03");
  });

  it("lengthens the day with a repeated hour before midnight", () => {
    // São Paulo, 2019-02-17: clocks went back from 00:00 (−02) to 23:00 (−03) on the 16th.
    expect(endOfLocalDay("2019-02-16", "America/Sao_Paulo").toISOString()).toBe(
      "2019-02-17T02:59:59.999Z",
    );
  });

  it("brackets exactly the instants of the day", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), (ms) => {
        for (const timeZone of ["Asia/Shanghai", "America/New_York", "Europe/London"]) {
          const day = localDayNumberOf(ms, timeZone);
          const end = endOfLocalDayMs(day, timeZone);
          expect(end).toBeGreaterThanOrEqual(ms);
          expect(localDayNumberOf(end, timeZone)).toBe(day);
          expect(localDayNumberOf(end + 1, timeZone)).toBe(day + 1);
        }
      }),
    );
  });

  it("is consistent with the day-number form", () => {
    expect(endOfLocalDayMs(dayNumberOf("2024-10-12"), "Asia/Shanghai")).toBe(
      Date.parse("2024-10-12T15:59:59.999Z"),
    );
  });
});
