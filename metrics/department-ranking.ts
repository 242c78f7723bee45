import { compositeIndex, type IndexIndicator } from "./composite-index";
import { seedFromString } from "./prng";
import { rankUncertainty, type RankBand } from "./rank-uncertainty";

/**
 * The KPIs a department ranking weighs, equally: each higher-is-better against its target.
 * The on-time rectification rate (issue #22) counts as much as the others: answering bad
 * reviews in time is a department's own work, as replying to appeals is.
 */
export const RANKING_KPIS = [
  "reply_rate",
  "on_time_reply_rate",
  "satisfaction_rate",
  "service_coverage",
  "digital_take_up",
  "cpi",
  "rectification_on_time_rate",
] as const;

export interface DepartmentRanking {
  code: string;
  score: number | null;
  rank: number | null;
  band: RankBand | null;
}

/**
 * Ranks departments by a composite index of RANKING_KPIS (equal weights, min–max over
 * the compared departments, arithmetic mean) with metrics' rank uncertainty: 1,000 seeded
 * draws perturbing weights and the normalisation (distance to each KPI's target as the
 * alternative), giving each a median rank and a 5th–95th percentile band. The seed comes
 * from the compared set and period, so the same view always shows the same bands.
 */
export function rankDepartments(
  rows: ReadonlyArray<{ code: string; values: Partial<Record<string, number | null>> }>,
  targets: Readonly<Record<string, { target: number } | undefined>>,
  period: { from: string; to: string },
): DepartmentRanking[] {
  const indicators: IndexIndicator[] = RANKING_KPIS.map((kpi) => ({
    id: kpi,
    weight: 1 / RANKING_KPIS.length,
    direction: "higher",
    target: targets[kpi]?.target ?? null,
  }));
  const entities = rows.map((row) => ({
    id: row.code,
    values: Object.fromEntries(RANKING_KPIS.map((kpi) => [kpi, row.values[kpi] ?? null])),
  }));
  const scores = compositeIndex(entities, indicators);
  const bands = rankUncertainty(entities, indicators, {
    seed: seedFromString(`${period.from}|${period.to}|${rows.map((row) => row.code).join(",")}`),
  });
  const bandOf = new Map(bands.map((band) => [band.id, band]));
  return scores
    .map((score) => ({
      code: score.id,
      score: score.score,
      rank: score.rank,
      band: bandOf.get(score.id) ?? null,
    }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.code.localeCompare(b.code));
}
