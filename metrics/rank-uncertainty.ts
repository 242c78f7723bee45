import {
  aggregate,
  normaliseIndicators,
  type Aggregation,
  type IndexEntity,
  type IndexIndicator,
} from "./composite-index";
import { mulberry32, type RandomSource } from "./prng";
import { quantileSorted } from "./quantile";
import { rankByScore } from "./rank";

export interface RankUncertaintyOptions {
  /** Seed of the generator (see mulberry32, seedFromString): same seed, same bands. */
  readonly seed: number;
  /** Number of draws; default 1,000. */
  readonly draws?: number;
  /** Default "arithmetic". */
  readonly aggregation?: Aggregation;
  /** Each weight is multiplied by a uniform factor in [1 − spread, 1 + spread]; default 0.25. */
  readonly weightSpread?: number;
}

/** An entity's rank over the draws: median and 5th–95th percentile band (1 = best). */
export interface RankBand {
  readonly id: string;
  readonly medianRank: number | null;
  /** 5th percentile of its ranks: the better end of the band. */
  readonly rankP5: number | null;
  /** 95th percentile of its ranks: the worse end of the band. */
  readonly rankP95: number | null;
}

/** Draws of rank uncertainty unless told otherwise. */
export const DEFAULT_DRAWS = 1000;
/** Weight factors are drawn from [1 − 0.25, 1 + 0.25] unless told otherwise. */
export const DEFAULT_WEIGHT_SPREAD = 0.25;

/**
 * One draw of perturbed weights: each weight times a uniform factor, then renormalised:
 *
 *   w'_i = w_i · f_i / Σ_j w_j · f_j,   f_i ~ U[1 − spread, 1 + spread]
 *
 * Takes one number from `random` per weight, in order. All zeros when Σ w_j f_j = 0.
 */
export function perturbWeights(
  weights: readonly number[],
  random: RandomSource,
  spread: number = DEFAULT_WEIGHT_SPREAD,
): number[] {
  const scaled = weights.map((weight) => weight * (1 - spread + 2 * spread * random()));
  const total = scaled.reduce((sum, weight) => sum + weight, 0);
  return scaled.map((weight) => (total > 0 ? weight / total : 0));
}

/**
 * Rank uncertainty of a composite index. Each of the draws (1,000 by default), with a
 * seeded generator (mulberry32):
 *   1. picks the normalisation at random — min–max when u < 0.5, else distance to
 *      target (one number from the generator);
 *   2. multiplies every weight by a uniform factor in [0.75, 1.25] and renormalises
 *      (perturbWeights; one number per indicator, in order);
 *   3. scores (aggregate) and ranks (rankByScore: 1 = best, ties by id) the entities.
 * Per entity, over its ranks r (sorted), with linear interpolation between order
 * statistics (h = (n − 1)·p, as d3.quantile and numpy's default):
 *
 *   medianRank = Q(0.5),  rankP5 = Q(0.05),  rankP95 = Q(0.95)
 *
 * so rankP5 ≤ medianRank ≤ rankP95. An entity without any value has null throughout.
 * Same seed and inputs → identical result. Results in input order.
 */
export function rankUncertainty(
  entities: readonly IndexEntity[],
  indicators: readonly IndexIndicator[],
  options: RankUncertaintyOptions,
): RankBand[] {
  const draws = options.draws ?? DEFAULT_DRAWS;
  const aggregation = options.aggregation ?? "arithmetic";
  const spread = options.weightSpread ?? DEFAULT_WEIGHT_SPREAD;
  const random = mulberry32(options.seed);
  const minMax = normaliseIndicators(entities, indicators, "min-max");
  const toTarget = normaliseIndicators(entities, indicators, "distance-to-target");
  const baseWeights = indicators.map((indicator) => indicator.weight);
  const ranksByEntity = entities.map((): number[] => []);

  for (let draw = 0; draw < draws; draw += 1) {
    const matrix = random() < 0.5 ? minMax : toTarget;
    const weights = perturbWeights(baseWeights, random, spread);
    const ranks = rankByScore(
      entities.map((entity, e) => ({
        id: entity.id,
        score: aggregate(matrix[e] ?? [], weights, aggregation),
      })),
    );
    entities.forEach((entity, e) => {
      const rank = ranks.get(entity.id);
      if (rank !== null && rank !== undefined) ranksByEntity[e]?.push(rank);
    });
  }

  return entities.map((entity, e) => {
    const ranks = (ranksByEntity[e] ?? []).sort((a, b) => a - b);
    return {
      id: entity.id,
      medianRank: quantileSorted(ranks, 0.5),
      rankP5: quantileSorted(ranks, 0.05),
      rankP95: quantileSorted(ranks, 0.95),
    };
  });
}
