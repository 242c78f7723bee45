import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IndexEntity } from "./composite-index";
import { appealIndicators, departments } from "./composite-index.fixture";
import { mulberry32 } from "./prng";
import { perturbWeights, rankUncertainty } from "./rank-uncertainty";

describe("perturbWeights", () => {
  it("multiplies each weight by a factor in [0.75, 1.25] and renormalises", () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }),
        (seed, weights) => {
          const drawn = perturbWeights(weights, mulberry32(seed));
          expect(drawn.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
          const total = weights.reduce((a, b) => a + b, 0);
          // Relative to the renormalised base weight, a weight moves by at most 1.25/0.75.
          drawn.forEach((w, i) => {
            const base = (weights[i] ?? 0) / total;
            expect(w / base).toBeGreaterThanOrEqual(0.75 / 1.25 - 1e-9);
            expect(w / base).toBeLessThanOrEqual(1.25 / 0.75 + 1e-9);
          });
        },
      ),
    );
  });

  it("uses factors from the generator, in order", () => {
    const fixed = [0, 0.5, 0.999_999];
    let i = 0;
    const drawn = perturbWeights([1, 1, 1], () => fixed[i++] ?? 0);
    // factors 0.75, 1, ~1.25 → / 3.0
    expect(drawn[0]).toBeCloseTo(0.25, 5);
    expect(drawn[1]).toBeCloseTo(1 / 3, 5);
    expect(drawn[2]).toBeCloseTo(1.25 / 3, 5);
  });
});

describe("rankUncertainty", () => {
  it("is the same for the same seed", () => {
    const a = rankUncertainty(departments, appealIndicators, { seed: 2024 });
    const b = rankUncertainty(departments, appealIndicators, { seed: 2024 });
    expect(a).toEqual(b);
  });

  it("gives a dominant entity rank 1 in every draw", () => {
    // A is best on every indicator under both normalisations.
    const bands = rankUncertainty(departments, appealIndicators, { seed: 1 });
    expect(bands[0]).toEqual({ id: "A", medianRank: 1, rankP5: 1, rankP95: 1 });
  });

  it("shows the B/C swap between normalisations as a band of 2–3", () => {
    // Min–max ranks B above C, distance to target C above B: both bands span 2–3.
    const bands = rankUncertainty(departments, appealIndicators, { seed: 7 });
    for (const band of bands.slice(1)) {
      expect(band.rankP5).toBe(2);
      expect(band.rankP95).toBe(3);
    }
  });

  it("always ranks an entity that is worst everywhere last", () => {
    const withLast: IndexEntity[] = [
      ...departments,
      { id: "Z", values: { replyRate: 0.5, satisfactionRate: 0.5, badReviewRate: 0.5 } },
    ];
    const z = rankUncertainty(withLast, appealIndicators, { seed: 3, draws: 200 }).at(-1);
    expect(z).toEqual({ id: "Z", medianRank: 4, rankP5: 4, rankP95: 4 });
  });

  it("has no band for an entity without values", () => {
    const bands = rankUncertainty([...departments, { id: "E", values: {} }], appealIndicators, {
      seed: 3,
      draws: 50,
    });
    expect(bands.at(-1)).toEqual({ id: "E", medianRank: null, rankP5: null, rankP95: null });
  });

  it("puts the median rank inside the band, and the band inside 1 … m", () => {
    const entity = fc.record({
      replyRate: fc.double({ min: 0.5, max: 1, noNaN: true }),
      satisfactionRate: fc.double({ min: 0.5, max: 1, noNaN: true }),
      badReviewRate: fc.double({ min: 0, max: 0.1, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(entity, { minLength: 1, maxLength: 8 }),
        fc.integer(),
        (values, seed) => {
          const entities = values.map((v, i) => ({ id: `E${i}`, values: v }));
          const bands = rankUncertainty(entities, appealIndicators, { seed, draws: 100 });
          for (const band of bands) {
            const { medianRank, rankP5, rankP95 } = band;
            expect(rankP5).not.toBeNull();
            expect(rankP5 ?? 0).toBeLessThanOrEqual(medianRank ?? 0);
            expect(medianRank ?? 0).toBeLessThanOrEqual(rankP95 ?? 0);
            expect(rankP5 ?? 0).toBeGreaterThanOrEqual(1);
            expect(rankP95 ?? 0).toBeLessThanOrEqual(entities.length);
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});
