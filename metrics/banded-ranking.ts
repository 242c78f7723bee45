import { compositeIndex, type IndexEntity, type IndexIndicator } from "./composite-index";
import { compareIds } from "./rank";
import { rankUncertainty, type RankUncertaintyOptions } from "./rank-uncertainty";

/** A KPI's target as the deployment sets it (kpi_targets), e.g. as a snapshot recorded it. */
export interface KpiTargetSpec {
  readonly direction: "at_least" | "at_most" | "between";
  readonly target: number;
  readonly targetMax: number | null;
}

/**
 * A KPI as an indicator of a composite index: "at least" improves upwards against its
 * target, "at most" downwards; a "between" KPI (budget execution, 0.9–1.1) is ranked by its
 * distance outside the range (kpiIndicatorValue), lower being better, with no target, so
 * it is normalised min–max in every draw. Without a target: higher is better, min–max.
 */
export function kpiIndicator(
  id: string,
  weight: number,
  spec: KpiTargetSpec | null,
): IndexIndicator {
  if (spec === null) return { id, weight, direction: "higher", target: null };
  if (spec.direction === "at_least")
    return { id, weight, direction: "higher", target: spec.target };
  if (spec.direction === "at_most") return { id, weight, direction: "lower", target: spec.target };
  return { id, weight, direction: "lower", target: null };
}

/**
 * The value kpiIndicator ranks: the KPI itself, except for a "between" target, where it is
 * the distance outside [target, targetMax]:
 *
 *   d = max(target − v, v − targetMax, 0)
 */
export function kpiIndicatorValue(value: number | null, spec: KpiTargetSpec | null): number | null {
  if (value === null || Number.isNaN(value)) return null;
  if (spec?.direction !== "between") return value;
  const high = spec.targetMax ?? spec.target;
  return Math.max(spec.target - value, value - high, 0);
}

/** An entity is ranked only when its figures carry at least this share of the weight. */
export const MIN_COVERED_WEIGHT = 0.5;

/**
 * The share of the indicators' weight an entity has a value for:
 *
 *   covered = Σ_{i : v_i known} w_i / Σ_i w_i     (0 when Σ w_i = 0)
 */
export function coveredWeight(entity: IndexEntity, indicators: readonly IndexIndicator[]): number {
  let total = 0;
  let known = 0;
  for (const indicator of indicators) {
    total += indicator.weight;
    const value = entity.values[indicator.id];
    if (value !== null && value !== undefined && !Number.isNaN(value)) known += indicator.weight;
  }
  return total > 0 ? known / total : 0;
}

export interface BandedRank {
  readonly id: string;
  /** Composite index in [0, 1] with the framework's own weights (compositeIndex). */
  readonly score: number;
  readonly rank: number;
  readonly medianRank: number;
  readonly rankP5: number;
  readonly rankP95: number;
  readonly coveredWeight: number;
}

export interface UnrankedEntity {
  readonly id: string;
  /** no_figures: no indicator has a value; too_few_figures: they carry < MIN_COVERED_WEIGHT. */
  readonly reason: "no_figures" | "too_few_figures";
  readonly coveredWeight: number;
}

/**
 * A ranking with rank bands over the entities with enough figures. Entities whose known
 * values carry less than MIN_COVERED_WEIGHT of the weight (coveredWeight) are set aside as
 * unranked: a composite of one or two minor indicators would compare them on something
 * else than the others. The rest are compared among themselves: compositeIndex (min–max,
 * arithmetic) gives the rank, rankUncertainty (seeded draws of weights and normalisation)
 * the median rank and the 5th–95th percentile band. Ranked best first (ties by id),
 * unranked by id.
 */
export function bandedRanking(
  entities: readonly IndexEntity[],
  indicators: readonly IndexIndicator[],
  options: RankUncertaintyOptions,
): { ranked: BandedRank[]; unranked: UnrankedEntity[] } {
  const unranked: UnrankedEntity[] = [];
  const compared: IndexEntity[] = [];
  const covered = new Map<string, number>();
  for (const entity of entities) {
    const share = coveredWeight(entity, indicators);
    covered.set(entity.id, share);
    if (share >= MIN_COVERED_WEIGHT && share > 0) compared.push(entity);
    else
      unranked.push({
        id: entity.id,
        reason: share === 0 ? "no_figures" : "too_few_figures",
        coveredWeight: share,
      });
  }
  const bands = new Map(
    rankUncertainty(compared, indicators, options).map((band) => [band.id, band]),
  );
  const ranked = compositeIndex(compared, indicators).flatMap((entry): BandedRank[] => {
    const band = bands.get(entry.id);
    if (
      entry.score === null ||
      entry.rank === null ||
      !band ||
      band.medianRank === null ||
      band.rankP5 === null ||
      band.rankP95 === null
    )
      return [];
    return [
      {
        id: entry.id,
        score: entry.score,
        rank: entry.rank,
        medianRank: band.medianRank,
        rankP5: band.rankP5,
        rankP95: band.rankP95,
        coveredWeight: covered.get(entry.id) ?? 0,
      },
    ];
  });
  ranked.sort((a, b) => a.rank - b.rank);
  unranked.sort((a, b) => compareIds(a.id, b.id));
  return { ranked, unranked };
}
