import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { MISPLACED_SEPARATORS } from "./decimal-text";
import { EXPECTED_INTEGER, parseInteger } from "./parse-integer";

describe("parseInteger", () => {
  it("reads whole numbers in every number form", () => {
    expect(parseInteger("12")).toEqual({ ok: true, value: 12 });
    expect(parseInteger("1,234")).toEqual({ ok: true, value: 1234 });
    expect(parseInteger("-3")).toEqual({ ok: true, value: -3 });
    expect(parseInteger("12.0")).toEqual({ ok: true, value: 12 });
    expect(parseInteger("1e3")).toEqual({ ok: true, value: 1000 });
    expect(parseInteger("1.5e1")).toEqual({ ok: true, value: 15 });
    expect(parseInteger("１２")).toEqual({ ok: true, value: 12 });
    expect(parseInteger("-0")).toEqual({ ok: true, value: 0 });
    expect(parseInteger("9,007,199,254,740,991")).toEqual({
      ok: true,
      value: Number.MAX_SAFE_INTEGER,
    });
  });

  it("refuses fractions, percentages, huge numbers and words", () => {
    expect(parseInteger("12.5")).toEqual({
      ok: false,
      reason: `${EXPECTED_INTEGER}, without a fraction`,
    });
    expect(parseInteger("12.0000000000000001")).toEqual({
      ok: false,
      reason: `${EXPECTED_INTEGER}, without a fraction`,
    });
    expect(parseInteger("12%")).toEqual({ ok: false, reason: EXPECTED_INTEGER });
    expect(parseInteger("abc")).toEqual({ ok: false, reason: EXPECTED_INTEGER });
    expect(parseInteger("1,23")).toEqual({ ok: false, reason: MISPLACED_SEPARATORS });
    expect(parseInteger("9007199254740992").ok).toBe(false);
    expect(parseInteger("1e300").ok).toBe(false);
  });

  it("round-trips every safe integer, grouped or not", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(parseInteger(String(n))).toEqual({ ok: true, value: n });
        expect(parseInteger(n.toLocaleString("en-US"))).toEqual({ ok: true, value: n });
      }),
    );
  });
});
