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

/** The definition, by the decimal string alone: what the fast path must agree with. */
function byString(value: number, decimals: number): number {
  const shift = (v: number, places: number) => {
    const [mantissa, exponent] = String(v).split("e");
    return Number(`${mantissa}e${Number(exponent ?? 0) + places}`);
  };
  const rounded = shift(Math.round(shift(Math.abs(value), decimals)), -decimals);
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

describe("the fast path", () => {
  it("agrees with the decimal-string definition, halves and near-halves included", () => {
    const decimals = fc.integer({ min: 0, max: 6 });
    fc.assert(
      fc.property(fc.double({ min: -1e7, max: 1e7, noNaN: true }), decimals, (value, d) => {
        expect(roundHalfAwayFromZero(value, d)).toBe(byString(value, d));
      }),
      { numRuns: 5_000 },
    );
    // Decimal halves, written as a person would: 0.12345, −2.5, 1.0005 …
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), decimals, (units, d) => {
        const half = Number(`${units}5e-${d + 1}`);
        expect(roundHalfAwayFromZero(half, d)).toBe(byString(half, d));
        const near = half + Number.EPSILON * Math.abs(half);
        expect(roundHalfAwayFromZero(near, d)).toBe(byString(near, d));
      }),
      { numRuns: 5_000 },
    );
  });
});
