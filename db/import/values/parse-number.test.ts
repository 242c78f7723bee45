import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { MISPLACED_SEPARATORS } from "./decimal-text";
import { EXPECTED_NUMBER, parseNumber } from "./parse-number";

const value = (text: string) => {
  const result = parseNumber(text);
  if (!result.ok) throw new Error(`${text}: ${result.reason}`);
  return result.value;
};

describe("parseNumber", () => {
  it("reads plain, grouped, signed, full-width and scientific numbers", () => {
    expect(value("1234.5")).toBe(1234.5);
    expect(value("1,234.5")).toBe(1234.5);
    expect(value("1,234,567")).toBe(1_234_567);
    expect(value(" -12 ")).toBe(-12);
    expect(value("+12")).toBe(12);
    expect(value("−12")).toBe(-12);
    expect(value(".5")).toBe(0.5);
    expect(value("0")).toBe(0);
    expect(Object.is(value("-0"), 0)).toBe(true);
    expect(value("1.2e5")).toBe(120_000);
    expect(value("1.25E+05")).toBe(125_000);
    expect(value("5e-3")).toBe(0.005);
    expect(value("１，２３４")).toBe(1234);
    expect(value("\u3000１２３４．５\u00a0")).toBe(1234.5);
  });

  it("reads percentages as fractions, rounded once", () => {
    expect(value("12.5%")).toBe(0.125);
    expect(value("12.5％")).toBe(0.125);
    expect(value("12.3%")).toBe(0.123);
    expect(value("-7 %")).toBe(-0.07);
    expect(value("100%")).toBe(1);
    expect(value("1,234%")).toBe(12.34);
    expect(parseNumber("12%", { allowPercent: false })).toEqual({
      ok: false,
      reason: "expected a number such as 1234.5, 1,234.5 or -12 (not a percentage)",
    });
  });

  it("refuses misplaced separators, words and units, naming what was expected", () => {
    expect(parseNumber("1,23")).toEqual({ ok: false, reason: MISPLACED_SEPARATORS });
    expect(parseNumber("1.234,5")).toEqual({ ok: false, reason: MISPLACED_SEPARATORS });
    for (const text of [
      "",
      "abc",
      "12元",
      "12万",
      "1 234",
      "%",
      "12%%",
      "1e",
      "--1",
      "1-2",
      "¥12",
      "12.5.1",
    ]) {
      expect(parseNumber(text), text).toEqual({ ok: false, reason: EXPECTED_NUMBER });
    }
    expect(parseNumber("1e400")).toEqual({
      ok: false,
      reason: "expected a number of at most about 1.8e308",
    });
  });

  it("reads back any finite double as JavaScript writes it", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(value(String(x))).toBe(x === 0 ? 0 : x);
      }),
    );
  });

  it("reads back grouped integers and their percentages", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        const grouped = n.toLocaleString("en-US");
        expect(value(grouped)).toBe(n);
        expect(value(`${grouped}%`)).toBe(Number(`${n}e-2`));
      }),
    );
  });
});
