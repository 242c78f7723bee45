import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { roundHalfAwayFromZero, roundedUnits } from "./round-half-away-from-zero";

describe("roundHalfAwayFromZero", () => {
  it("rounds halves away from zero on the decimal seen", () => {
    expect(roundHalfAwayFromZero(0.09995, 4)).toBe(0.1);
    expect(roundHalfAwayFromZero(-0.29995, 4)).toBe(-0.3);
    expect(roundHalfAwayFromZero(0.099949, 4)).toBe(0.0999);
    expect(roundHalfAwayFromZero(1.005, 2)).toBe(1.01);
    expect(roundHalfAwayFromZero(-2.5, 0)).toBe(-3);
    expect(roundHalfAwayFromZero(2.5, 0)).toBe(3);
    expect(roundHalfAwayFromZero(0.12344, 4)).toBe(0.1234);
  });

  it("handles tiny and huge values written with an exponent", () => {
    expect(roundHalfAwayFromZero(1e-7, 4)).toBe(0);
    expect(roundHalfAwayFromZero(-1e-7, 4)).toBe(0);
    expect(Object.is(roundHalfAwayFromZero(-1e-7, 4), -0)).toBe(false);
    expect(roundHalfAwayFromZero(1.23456e21, 4)).toBe(1.23456e21);
  });

  it("leaves non-finite values alone", () => {
    expect(roundHalfAwayFromZero(Number.POSITIVE_INFINITY, 4)).toBe(Number.POSITIVE_INFINITY);
    expect(roundHalfAwayFromZero(Number.NaN, 4)).toBeNaN();
  });

  it("counts whole units", () => {
    expect(roundedUnits(0.09995, 4)).toBe(1000);
    expect(roundedUnits(-0.29995, 4)).toBe(3000);
    expect(roundedUnits(0.099949, 4)).toBe(999);
  });

  it("is odd-symmetric and within half a unit", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (value) => {
        const rounded = roundHalfAwayFromZero(value, 4);
        expect(roundHalfAwayFromZero(-value, 4)).toBe(rounded === 0 ? 0 : -rounded);
        expect(Math.abs(rounded - value)).toBeLessThanOrEqual(0.00005 + 1e-9);
      }),
    );
  });
});
