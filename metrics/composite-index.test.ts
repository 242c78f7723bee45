import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregate, compositeIndex, normaliseIndicators } from "./composite-index";
import { appealIndicators, departments } from "./composite-index.fixture";

const byId = (results: ReturnType<typeof compositeIndex>) =>
  Object.fromEntries(results.map(({ id, score, rank }) => [id, { score, rank }]));

describe("compositeIndex", () => {
  it("min–max, arithmetic: hand-worked scores and ranks", () => {
    // reply: A 1, B 0.05/0.09, C 0; satisfaction: A 1, B 0.1/0.15, C 0;
    // bad reviews (lower): A 1, B 0, C 0.02/0.03.
    const result = byId(compositeIndex(departments, appealIndicators));
    expect(result.A?.score).toBeCloseTo(1, 12);
    expect(result.B?.score).toBeCloseTo(0.5 * (0.05 / 0.09) + 0.3 * (0.1 / 0.15), 9);
    expect(result.C?.score).toBeCloseTo(0.2 * (0.02 / 0.03), 9);
    expect([result.A?.rank, result.B?.rank, result.C?.rank]).toEqual([1, 2, 3]);
  });

  it("distance to target can reorder: C passes B", () => {
    // B: 0.5·0.95/0.99 + 0.3·1 + 0.2·0.5 = 0.8798; C: 0.5·0.9/0.99 + 0.3·0.8/0.9 + 0.2·1 = 0.9212
    const result = byId(
      compositeIndex(departments, appealIndicators, { normalisation: "distance-to-target" }),
    );
    expect(result.B?.score).toBeCloseTo(0.5 * (0.95 / 0.99) + 0.3 + 0.1, 9);
    expect(result.C?.score).toBeCloseTo(0.5 * (0.9 / 0.99) + 0.3 * (0.8 / 0.9) + 0.2, 9);
    expect([result.A?.rank, result.C?.rank, result.B?.rank]).toEqual([1, 2, 3]);
  });

  it("geometric: Π x^w", () => {
    const result = byId(
      compositeIndex(departments, appealIndicators, {
        normalisation: "distance-to-target",
        aggregation: "geometric",
      }),
    );
    expect(result.B?.score).toBeCloseTo((0.95 / 0.99) ** 0.5 * 0.5 ** 0.2, 9);
    expect(result.C?.score).toBeCloseTo((0.9 / 0.99) ** 0.5 * (0.8 / 0.9) ** 0.3, 9);
  });

  it("geometric with a zero gives 0, and the tie is broken by id", () => {
    const result = byId(
      compositeIndex(departments, appealIndicators, { aggregation: "geometric" }),
    );
    expect(result.B).toEqual({ score: 0, rank: 2 });
    expect(result.C).toEqual({ score: 0, rank: 3 });
  });

  it("renormalises weights over the indicators an entity has", () => {
    const withD = [
      ...departments,
      { id: "D", values: { replyRate: 0.95, satisfactionRate: null } },
    ];
    const result = byId(compositeIndex(withD, appealIndicators));
    expect(result.D?.score).toBeCloseTo(0.05 / 0.09, 9); // reply only, weight 0.5 / 0.5
    expect(result.D?.rank).toBe(2);
    expect(result.B?.rank).toBe(3);
  });

  it("gives no score or rank to an entity without values", () => {
    const result = byId(
      compositeIndex([...departments, { id: "E", values: {} }], appealIndicators),
    );
    expect(result.E).toEqual({ score: null, rank: null });
  });

  it("falls back to min–max for an indicator without a target", () => {
    const noTarget = appealIndicators.map((indicator) => ({ ...indicator, target: null }));
    expect(normaliseIndicators(departments, noTarget, "distance-to-target")).toEqual(
      normaliseIndicators(departments, noTarget, "min-max"),
    );
  });

  it("gives every entity 1 on an indicator where all are equal", () => {
    const same = departments.map((d) => ({ id: d.id, values: { replyRate: 0.97 } }));
    expect(compositeIndex(same, appealIndicators).map((r) => [r.score, r.rank])).toEqual([
      [1, 1],
      [1, 2],
      [1, 3],
    ]);
  });

  it("keeps scores in [0, 1] and ranks a permutation", () => {
    const entities = fc.uniqueArray(
      fc.record({
        id: fc.string({ maxLength: 4 }),
        values: fc.record({
          replyRate: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
          satisfactionRate: fc.double({ min: 0, max: 1, noNaN: true }),
          badReviewRate: fc.double({ min: 0, max: 1, noNaN: true }),
        }),
      }),
      { selector: (entity) => entity.id, minLength: 1, maxLength: 12 },
    );
    const options = fc.record({
      normalisation: fc.constantFrom("min-max" as const, "distance-to-target" as const),
      aggregation: fc.constantFrom("arithmetic" as const, "geometric" as const),
    });
    fc.assert(
      fc.property(entities, options, (list, opts) => {
        const results = compositeIndex(list, appealIndicators, opts);
        for (const { score } of results) {
          expect(score).not.toBeNull();
          expect(score ?? -1).toBeGreaterThanOrEqual(0);
          expect(score ?? 2).toBeLessThanOrEqual(1 + 1e-12);
        }
        expect(results.map((r) => r.rank).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
          list.map((_, i) => i + 1),
        );
      }),
    );
  });
});

describe("aggregate", () => {
  it("is no data without values or weights", () => {
    expect(aggregate([null, null], [0.5, 0.5], "arithmetic")).toBeNull();
    expect(aggregate([1, null], [0, 1], "geometric")).toBeNull();
  });

  it("ignores a zero-weight zero in the geometric mean", () => {
    expect(aggregate([0, 0.25], [0, 1], "geometric")).toBe(0.25);
  });
});
