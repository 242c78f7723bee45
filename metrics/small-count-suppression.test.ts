import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  shareIsPublishable,
  suppressSmallCounts,
  SUPPRESSION_THRESHOLD,
} from "./small-count-suppression";

/**
 * Every way to fill the hidden cells that agrees with what is published: each hidden cell
 * at least 1 (zeros are shown), their sum T − Σ shown when the total is shown. Brute force,
 * independent of the rule's own reasoning; `cap` bounds cells when the total is hidden.
 */
function completions(shown: ReadonlyArray<number | null>, total: number | null, cap: number) {
  const hidden = shown.flatMap((cell, index) => (cell === null ? [index] : []));
  const rest = total === null ? null : total - shown.reduce<number>((s, c) => s + (c ?? 0), 0);
  const results: number[][] = [];
  const fill = (at: number, sum: number, values: number[]) => {
    if (at === hidden.length) {
      if (rest === null || sum === rest) results.push(values);
      return;
    }
    const max = rest === null ? cap : rest - sum - (hidden.length - at - 1);
    for (let value = 1; value <= max; value += 1) fill(at + 1, sum + value, [...values, value]);
  };
  fill(0, 0, []);
  return { hidden, results };
}

describe("suppressSmallCounts", () => {
  it("hides counts of 1–4, shows zeros and counts of 5 or more", () => {
    // 3 is primary; alone it would be total − shown, so the next smallest (7) goes too.
    expect(suppressSmallCounts([0, 3, 7, 20, 40])).toEqual({
      cells: [0, null, null, 20, 40],
      total: 70,
    });
  });

  it("leaves a breakdown without small counts alone", () => {
    expect(suppressSmallCounts([5, 0, 12])).toEqual({ cells: [5, 0, 12], total: 17 });
  });

  it("two small cells protect each other unless both are 1", () => {
    expect(suppressSmallCounts([2, 1, 30])).toEqual({ cells: [null, null, 30], total: 33 });
    // 1 + 1 = 2 hidden in two cells each ≥ 1: both are 1, so a third cell goes.
    expect(suppressSmallCounts([1, 1, 30, 9])).toEqual({
      cells: [null, null, 30, null],
      total: 41,
    });
  });

  it("hides the total when it is small itself", () => {
    expect(suppressSmallCounts([0, 3, 0, 1, 0])).toEqual({
      cells: [0, null, 0, null, 0],
      total: null,
    });
    expect(suppressSmallCounts([0, 0])).toEqual({ cells: [0, 0], total: 0 });
  });

  it("hides the total when no other cell can protect a small one", () => {
    expect(suppressSmallCounts([4, 0, 0, 6])).toEqual({ cells: [null, 0, 0, null], total: 10 });
    expect(suppressSmallCounts([1, 1])).toEqual({ cells: [null, null], total: null });
  });

  it("refuses a negative or fractional count", () => {
    expect(() => suppressSmallCounts([1, -1])).toThrow(/-1/);
    expect(() => suppressSmallCounts([1.5])).toThrow(/1.5/);
  });

  it("never publishes a count of 1–4, and shows every other cell or a hidden one", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 12 }), { maxLength: 6 }), (counts) => {
        const { cells, total } = suppressSmallCounts(counts);
        cells.forEach((cell, index) => {
          if (cell !== null) expect(cell).toBe(counts[index]);
          if (cell !== null) expect(cell === 0 || cell >= SUPPRESSION_THRESHOLD).toBe(true);
        });
        if (total !== null) expect(total).toBe(counts.reduce((s, c) => s + c, 0));
      }),
    );
  });

  it("leaves no hidden cell that subtraction from the total and the shown cells recovers", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 9 }), { maxLength: 5 }), (counts) => {
        const { cells, total } = suppressSmallCounts(counts);
        const { hidden, results } = completions(cells, total, 12);
        // The true counts are one of the completions; each hidden cell takes ≥ 2 values.
        expect(results).toContainEqual(hidden.map((index) => counts[index]));
        hidden.forEach((_, at) => {
          const values = new Set(results.map((values) => values[at]));
          expect(values.size, `cell ${hidden[at]} of ${counts.join(",")}`).toBeGreaterThan(1);
        });
      }),
      { numRuns: 500 },
    );
  });
});

/** Every way to fill the hidden cells (each ≥ 1) that adds up to what the reader knows. */
function fillings(cells: ReadonlyArray<number | null>, hiddenSum: number): number[][] {
  const hidden = cells.flatMap((count, index) => (count === null ? [index] : []));
  const out: number[][] = [];
  const fill = (at: number, left: number, acc: number[]) => {
    if (at === hidden.length - 1) {
      if (left >= 1) out.push([...acc, left]);
      return;
    }
    for (let value = 1; value <= left - (hidden.length - 1 - at); value++)
      fill(at + 1, left - value, [...acc, value]);
  };
  if (hidden.length > 0) fill(0, hiddenSum, []);
  return out.map((values) => {
    const full = cells.map((count) => count ?? 0);
    hidden.forEach((index, i) => (full[index] = values[i]!));
    return full;
  });
}

describe("shareIsPublishable", () => {
  it("publishes a share over none or all of the hidden cells, never one that splits them", () => {
    // Scores 1–5: two bad reviews and three 2s are hidden; 4s and 5s are not.
    const breakdown = suppressSmallCounts([2, 3, 40, 100, 200]);
    expect(breakdown.cells).toEqual([null, null, 40, 100, 200]);
    expect(shareIsPublishable(breakdown, [3, 4])).toBe(true); // satisfied: 4 and 5
    expect(shareIsPublishable(breakdown, [0, 1])).toBe(true); // bad reviews: 1 and 2
    expect(shareIsPublishable(breakdown, [1, 2])).toBe(false); // would give the 2s away
    expect(shareIsPublishable(suppressSmallCounts([1, 1, 1]), [0])).toBe(false); // total hidden
  });

  it("publishes only shares that every filling of the hidden cells agrees on", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 9 }), { minLength: 2, maxLength: 5 }),
        fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
        (counts, pick) => {
          const breakdown = suppressSmallCounts(counts);
          const set = counts.flatMap((_, index) => (pick[index] ? [index] : []));
          if (!shareIsPublishable(breakdown, set) || breakdown.total === null) return;
          const shown = breakdown.cells.reduce<number>((sum, count) => sum + (count ?? 0), 0);
          const shares = fillings(breakdown.cells, breakdown.total - shown).map((full) =>
            set.reduce((sum, index) => sum + full[index]!, 0),
          );
          expect(new Set(shares).size).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
