import { distanceToTarget, minMaxNormalise, type Direction } from "./normalise";
import { rankByScore } from "./rank";

/** An indicator of a composite index, weighted by the framework. */
export interface IndexIndicator {
  readonly id: string;
  readonly weight: number;
  readonly direction: Direction;
  /** Needed for distance to target; without one the indicator falls back to min–max. */
  readonly target?: number | null;
}

/** A compared entity (project, department) and its raw indicator values. */
export interface IndexEntity {
  readonly id: string;
  readonly values: Readonly<Record<string, number | null | undefined>>;
}

export type Normalisation = "min-max" | "distance-to-target";
export type Aggregation = "arithmetic" | "geometric";

export interface CompositeIndexOptions {
  /** Default "min-max". */
  readonly normalisation?: Normalisation;
  /** Default "arithmetic". */
  readonly aggregation?: Aggregation;
}

/** An entity's composite score in [0, 1] and rank (1 = best); null without any value. */
export interface CompositeScore {
  readonly id: string;
  readonly score: number | null;
  readonly rank: number | null;
}

/**
 * Normalised values, [entity][indicator] in input order, each in [0, 1] (see
 * minMaxNormalise, over the compared entities, and distanceToTarget); null where the
 * raw value is missing. An indicator without a target is normalised min–max even when
 * distance to target is asked for.
 */
export function normaliseIndicators(
  entities: readonly IndexEntity[],
  indicators: readonly IndexIndicator[],
  normalisation: Normalisation,
): (number | null)[][] {
  const columns = indicators.map((indicator) => {
    const raw = entities.map((entity) => valueOf(entity, indicator.id));
    const target = indicator.target ?? null;
    if (normalisation === "distance-to-target" && target !== null) {
      return raw.map((value) =>
        value === null ? null : distanceToTarget(value, target, indicator.direction),
      );
    }
    return minMaxNormalise(raw, indicator.direction);
  });
  return entities.map((_, e) => columns.map((column) => column[e] ?? null));
}

/**
 * Aggregates one entity's normalised values x_i with weights w_i renormalised over the
 * indicators it has a value for (A):
 *
 *   arithmetic: Σ_A w_i x_i / Σ_A w_i
 *   geometric:  Π_A x_i ^ (w_i / Σ_A w_i)
 *
 * null when A is empty or its weights sum to 0. Geometric zeros are not smoothed:
 * x_i = 0 with w_i > 0 makes the index 0 (a zero cannot be compensated — the reason to
 * choose the geometric mean). Note that min–max gives the worst entity a 0 on every
 * indicator, so geometric with min–max zeroes any entity that is last on some indicator;
 * ties among those are then broken by id.
 */
export function aggregate(
  normalised: readonly (number | null)[],
  weights: readonly number[],
  aggregation: Aggregation,
): number | null {
  let total = 0;
  normalised.forEach((x, i) => {
    if (x !== null) total += weights[i] ?? 0;
  });
  if (total <= 0) return null;
  if (aggregation === "arithmetic") {
    let sum = 0;
    normalised.forEach((x, i) => {
      if (x !== null) sum += ((weights[i] ?? 0) / total) * x;
    });
    return sum;
  }
  let product = 1;
  normalised.forEach((x, i) => {
    const w = (weights[i] ?? 0) / total;
    if (x !== null && w > 0) product *= x ** w;
  });
  return product;
}

/**
 * Composite index of entities over weighted indicators: normalise (min–max over the
 * compared set, or distance to target), aggregate (arithmetic Σ w·x, or geometric
 * Π x^w, weights renormalised per entity over the indicators it has), then rank,
 * 1 = best, ties broken by id (rankByScore). Results in input order.
 */
export function compositeIndex(
  entities: readonly IndexEntity[],
  indicators: readonly IndexIndicator[],
  options: CompositeIndexOptions = {},
): CompositeScore[] {
  const matrix = normaliseIndicators(entities, indicators, options.normalisation ?? "min-max");
  const weights = indicators.map((indicator) => indicator.weight);
  const aggregation = options.aggregation ?? "arithmetic";
  const scores = entities.map((entity, e) => ({
    id: entity.id,
    score: aggregate(matrix[e] ?? [], weights, aggregation),
  }));
  const ranks = rankByScore(scores);
  return scores.map(({ id, score }) => ({ id, score, rank: ranks.get(id) ?? null }));
}

function valueOf(entity: IndexEntity, indicatorId: string): number | null {
  if (!Object.hasOwn(entity.values, indicatorId)) return null;
  const value = entity.values[indicatorId];
  return value === undefined || value === null || Number.isNaN(value) ? null : value;
}
