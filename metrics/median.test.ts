import { median as d3Median } from "d3";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { histogramOf, median, medianFromHistogram, mergeHistograms } from "./median";

describe("median", () => {
  it("takes the middle value of an odd count", () => {
    expect(median([5, 1, 3])).toBe(3);
  });

  it("takes the mean of the two middle values of an even count", () => {
    expect(median([0, 1, 2, 7])).toBe(1.5);
    expect(median([4, 4, 9, 1])).toBe(4);
  });

  it("is null without values and skips nulls", () => {
    expect(median([])).toBeNull();
    expect(median([null, 2, null])).toBe(2);
  });

  it("agrees with d3.median", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1 }), (values) => {
        expect(median(values)).toBe(d3Median(values));
      }),
    );
  });
});

describe("medianFromHistogram", () => {
  it("finds the median of counted values", () => {
    // values 0, 1, 1, 3, 3, 3 → middle two are 1 and 3
    expect(
      medianFromHistogram(
        new Map([
          [0, 1],
          [1, 2],
          [3, 3],
        ]),
      ),
    ).toBe(2);
    // values 0, 1, 1, 3, 3 → 1
    expect(
      medianFromHistogram([
        [3, 2],
        [0, 1],
        [1, 2],
      ]),
    ).toBe(1);
    expect(medianFromHistogram([[4, 1]])).toBe(4);
  });

  it("is null for an empty histogram and ignores empty buckets", () => {
    expect(medianFromHistogram(new Map())).toBeNull();
    expect(
      medianFromHistogram([
        [2, 0],
        [5, 0],
      ]),
    ).toBeNull();
    expect(
      medianFromHistogram([
        [2, 0],
        [5, 1],
        [9, 0],
      ]),
    ).toBe(5);
  });

  it("agrees with the median over the raw values", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 })), (values) => {
        expect(medianFromHistogram(histogramOf(values))).toBe(median(values));
      }),
    );
  });

  it("agrees with the raw median after merging roll-up histograms", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 20 }))), (days) => {
        const merged = mergeHistograms(days.map((values) => histogramOf(values)));
        expect(medianFromHistogram(merged)).toBe(median(days.flat()));
      }),
    );
  });
});
