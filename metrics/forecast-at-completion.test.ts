import { describe, expect, it } from "vitest";
import { estimateAtCompletion, forecastOverrun } from "./forecast-at-completion";
import { varianceBand } from "./variance-band";

describe("forecast at completion", () => {
  it("is EAC = BAC / CPI and overrun = (EAC − BAC) / BAC", () => {
    const eac = estimateAtCompletion(1_000_000, 0.8);
    expect(eac).toBe(1_250_000);
    expect(forecastOverrun(eac, 1_000_000)).toBe(0.25);
    expect(varianceBand(forecastOverrun(eac, 1_000_000))).toBe("amber");
    expect(forecastOverrun(estimateAtCompletion(1_000_000, 1.25), 1_000_000)).toBeCloseTo(-0.2, 12);
  });

  it("warns red before the project gets there", () => {
    // CPI 0.75 → EAC 4/3 BAC → +33 %: red.
    expect(varianceBand(forecastOverrun(estimateAtCompletion(900_000, 0.75), 900_000))).toBe("red");
  });

  it("is no data without a CPI, with CPI 0 or BAC 0", () => {
    expect(estimateAtCompletion(1_000_000, null)).toBeNull();
    expect(estimateAtCompletion(1_000_000, 0)).toBeNull();
    expect(forecastOverrun(null, 1_000_000)).toBeNull();
    expect(forecastOverrun(100, 0)).toBeNull();
  });
});
