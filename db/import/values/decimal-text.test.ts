import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { MISPLACED_SEPARATORS, decimalToNumber, readDecimal } from "./decimal-text";

const EXPECTED = "expected a numeral";

describe("readDecimal", () => {
  it("reads sign, coefficient and exponent exactly", () => {
    expect(readDecimal("1,234.5", EXPECTED)).toEqual({
      ok: true,
      value: { negative: false, coefficient: 12345n, exponent: -1 },
    });
    expect(readDecimal("-0.10", EXPECTED)).toEqual({
      ok: true,
      value: { negative: true, coefficient: 10n, exponent: -2 },
    });
    expect(readDecimal("+.5e3", EXPECTED)).toEqual({
      ok: true,
      value: { negative: false, coefficient: 5n, exponent: 2 },
    });
    expect(readDecimal("1.25E+05", EXPECTED)).toEqual({
      ok: true,
      value: { negative: false, coefficient: 125n, exponent: 3 },
    });
    expect(readDecimal("１，２３４", EXPECTED)).toEqual({
      ok: true,
      value: { negative: false, coefficient: 1234n, exponent: 0 },
    });
    expect(readDecimal("007", EXPECTED)).toEqual({
      ok: true,
      value: { negative: false, coefficient: 7n, exponent: 0 },
    });
  });

  it("refuses misplaced thousands separators and decimal commas", () => {
    for (const text of [
      "1,23",
      "12,3456",
      "1,234,56",
      "0,123",
      "1.234,5",
      ",123",
      "1,,234",
      "1,234,",
    ]) {
      expect(readDecimal(text, EXPECTED), text).toEqual({
        ok: false,
        reason: MISPLACED_SEPARATORS,
      });
    }
  });

  it("refuses what is not a numeral with the caller's reason", () => {
    for (const text of [
      "",
      "-",
      ".",
      "5.",
      "1e",
      "e5",
      "1 234",
      "12abc",
      "0x10",
      "Infinity",
      "NaN",
      "1..2",
      "--1",
      "1e5.5",
    ]) {
      expect(readDecimal(text, EXPECTED), text).toEqual({ ok: false, reason: EXPECTED });
    }
    expect(readDecimal("1e1001", EXPECTED).ok).toBe(false);
  });

  it("round-trips any double written with thousands separators", () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }),
        (x) => {
          const [whole = "", fraction] = Math.abs(x).toFixed(6).split(".");
          const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ",");
          const text = `${x < 0 ? "-" : ""}${grouped}.${fraction ?? ""}`;
          const decimal = readDecimal(text, EXPECTED);
          expect(decimal.ok).toBe(true);
          if (decimal.ok) expect(decimalToNumber(decimal.value)).toBe(Number(x.toFixed(6)) || 0);
        },
      ),
    );
  });
});
