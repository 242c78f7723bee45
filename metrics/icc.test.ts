import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { completeScoreMatrix, icc21, iccOfScores, type RaterScore } from "./icc";

/** Shrout & Fleiss (1979), Table 2: six targets rated by four judges. */
const shroutFleiss = [
  [9, 2, 5, 8],
  [6, 1, 3, 2],
  [8, 4, 6, 8],
  [7, 1, 2, 6],
  [10, 5, 6, 9],
  [6, 2, 4, 7],
];

describe("icc21", () => {
  it("gives 0.29 on the Shrout & Fleiss example", () => {
    const icc = icc21(shroutFleiss);
    expect(icc).not.toBeNull();
    expect(Number((icc ?? 0).toFixed(2))).toBe(0.29);
    // BMS 11.24, JMS 32.49, EMS 1.02 → (11.24 − 1.02) / (11.24 + 3·1.02 + 4·(32.49 − 1.02)/6)
    expect(icc).toBeCloseTo(0.2898, 4);
  });

  it("is 1 for raters in perfect absolute agreement", () => {
    expect(
      icc21([
        [1, 1, 1],
        [5, 5, 5],
        [3, 3, 3],
      ]),
    ).toBe(1);
  });

  it("penalises a rater who is consistently higher (absolute agreement)", () => {
    const shifted = icc21([
      [1, 3],
      [2, 4],
      [3, 5],
      [4, 6],
    ]);
    expect(shifted).not.toBeNull();
    expect(shifted ?? 1).toBeLessThan(1);
    expect(shifted ?? 0).toBeGreaterThan(0);
  });

  it("is no data with fewer than 2 subjects or raters, or no variance", () => {
    expect(icc21([[1, 2, 3]])).toBeNull();
    expect(icc21([[1], [2], [3]])).toBeNull();
    expect(icc21([])).toBeNull();
    expect(
      icc21([
        [4, 4],
        [4, 4],
      ]),
    ).toBeNull();
  });

  it("rejects a ragged matrix", () => {
    expect(() => icc21([[1, 2], [3]])).toThrow(RangeError);
  });

  it("does not depend on the order of subjects or raters, and is at most 1", () => {
    const matrix = fc.array(
      fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 3, maxLength: 3 }),
      {
        minLength: 2,
        maxLength: 8,
      },
    );
    fc.assert(
      fc.property(matrix, (rows) => {
        const icc = icc21(rows);
        const permuted = icc21(
          [...rows].reverse().map((row) => [row[2] ?? 0, row[0] ?? 0, row[1] ?? 0]),
        );
        if (icc === null) return expect(permuted).toBeNull();
        expect(permuted).toBeCloseTo(icc, 9);
        expect(icc).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });
});

describe("completeScoreMatrix", () => {
  const scores: RaterScore[] = shroutFleiss.flatMap((row, i) =>
    row.map((value, j) => ({ subject: `P${i + 1}`, rater: `E${j + 1}`, value })),
  );

  it("keeps only subjects scored by every rater", () => {
    const partial = [
      ...scores,
      { subject: "P7", rater: "E1", value: 3 },
      { subject: "P7", rater: "E2", value: 3 },
    ];
    const result = completeScoreMatrix(partial);
    expect(result.subjects).toEqual(["P1", "P2", "P3", "P4", "P5", "P6"]);
    expect(result.raters).toEqual(["E1", "E2", "E3", "E4"]);
    expect(result.matrix).toEqual(shroutFleiss);
    expect(iccOfScores(partial)).toBeCloseTo(0.2898, 4);
  });

  it("uses the given raters, so one who scored nothing leaves no complete subject", () => {
    expect(completeScoreMatrix(scores, ["E1", "E2", "E3", "E4", "E5"]).subjects).toEqual([]);
    expect(iccOfScores(scores, ["E1", "E2", "E3", "E4", "E5"])).toBeNull();
  });

  it("is no data with fewer than 2 complete subjects or 2 raters", () => {
    expect(iccOfScores(scores.filter((s) => s.subject === "P1"))).toBeNull();
    expect(iccOfScores(scores.filter((s) => s.rater === "E1"))).toBeNull();
  });
});
