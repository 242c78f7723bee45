import { describe, expect, it } from "vitest";
import { readTimeOfDay } from "./time-text";

const HOUR = 3_600_000;
const MINUTE = 60_000;

describe("readTimeOfDay", () => {
  it("reads H:MM, HH:MM, HH:MM:SS and fractions after a space, a T or nothing", () => {
    expect(readTimeOfDay(" 9:05")).toEqual({
      ok: true,
      value: { msOfDay: 9 * HOUR + 5 * MINUTE, offsetMs: null },
    });
    expect(readTimeOfDay("T09:05")).toEqual({
      ok: true,
      value: { msOfDay: 9 * HOUR + 5 * MINUTE, offsetMs: null },
    });
    expect(readTimeOfDay("9:05")).toEqual({
      ok: true,
      value: { msOfDay: 9 * HOUR + 5 * MINUTE, offsetMs: null },
    });
    expect(readTimeOfDay(" 23:59:08")).toEqual({
      ok: true,
      value: { msOfDay: 23 * HOUR + 59 * MINUTE + 8000, offsetMs: null },
    });
    expect(readTimeOfDay(" 00:00:00.250")).toEqual({
      ok: true,
      value: { msOfDay: 250, offsetMs: null },
    });
    expect(readTimeOfDay(" 00:00:01,5")).toEqual({
      ok: true,
      value: { msOfDay: 1500, offsetMs: null },
    });
    expect(readTimeOfDay(" 00:00:00.123456789")).toEqual({
      ok: true,
      value: { msOfDay: 123, offsetMs: null },
    });
  });

  it("reads zones", () => {
    expect(readTimeOfDay("T09:05Z")).toEqual({
      ok: true,
      value: { msOfDay: 9 * HOUR + 5 * MINUTE, offsetMs: 0 },
    });
    for (const [zone, offsetMs] of [
      ["+08:00", 8 * HOUR],
      ["+0800", 8 * HOUR],
      ["+08", 8 * HOUR],
      [" +08:00", 8 * HOUR],
      ["-05:00", -5 * HOUR],
      ["+05:45", 5 * HOUR + 45 * MINUTE],
      ["-00:30", -30 * MINUTE],
      ["z", 0],
    ] as const) {
      expect(readTimeOfDay(`T12:00:00${zone}`), zone).toEqual({
        ok: true,
        value: { msOfDay: 12 * HOUR, offsetMs },
      });
    }
  });

  it("refuses times and offsets out of range", () => {
    const badTime = {
      ok: false,
      reason: "expected a time of day from 00:00 to 23:59:59, such as 09:05 or 23:59:08",
    };
    expect(readTimeOfDay(" 24:00")).toEqual(badTime);
    expect(readTimeOfDay(" 12:60")).toEqual(badTime);
    expect(readTimeOfDay(" 12:00:60")).toEqual(badTime);
    const badZone = {
      ok: false,
      reason: "expected a UTC offset such as Z, +08:00 or -05:00, of at most ±18:00",
    };
    expect(readTimeOfDay("T12:00+19:00")).toEqual(badZone);
    expect(readTimeOfDay("T12:00+08:60")).toEqual(badZone);
  });

  it("finds no time in other text", () => {
    for (const text of [
      "",
      " 9",
      " 9:5",
      " 123:00",
      " 09:05 pm",
      " 09:05 Asia/Shanghai",
      "x09:05",
      " 09:05+8",
      " 09:05:00.",
      "TT09:05",
    ]) {
      expect(readTimeOfDay(text), text).toBeNull();
    }
  });
});
