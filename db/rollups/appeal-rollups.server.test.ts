import { describe, expect, it } from "vitest";
import { histogramArray } from "./appeal-rollups.server";

describe("histogramArray", () => {
  it("gives the replies of 0, 1, 2 … working days in turn, zeros between", () => {
    expect(
      histogramArray(
        new Map([
          [3, 1],
          [0, 2],
        ]),
      ),
    ).toBe("{2,0,0,1}");
  });

  it("ends with the last number of working days that has replies", () => {
    expect(
      histogramArray(
        new Map([
          [1, 4],
          [7, 0],
        ]),
      ),
    ).toBe("{0,4}");
    expect(histogramArray(new Map())).toBe("{}");
    expect(histogramArray(new Map([[2, 0]]))).toBe("{}");
  });

  it("refuses a number of working days that cannot index the array", () => {
    expect(() => histogramArray(new Map([[-1, 1]]))).toThrow(RangeError);
    expect(() => histogramArray(new Map([[1.5, 1]]))).toThrow(RangeError);
  });
});
