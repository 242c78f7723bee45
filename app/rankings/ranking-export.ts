/**
 * The public rankings as open data: one table per subject, the ranked entries first, then
 * those not ranked with the reason; the same rows the page shows, from the same ranking.
 */
import { scorecardPagePath } from "../../db/scorecards/addresses";
import type { PublicRanking, RankingSubject } from "../../db/scorecards/public-ranking";

/** Stable addresses of the downloads. */
export const rankingDownloadPath = (subject: RankingSubject, format: "csv" | "json") =>
  `/rankings/${subject}.${format}`;

/** The page of a ranking. */
export const rankingPagePath = (subject: RankingSubject) => `/rankings?subject=${subject}`;

/** The published version a row was ranked from, at its own address. */
export const rankedScorecardPath = (subject: RankingSubject, code: string, version: number) =>
  `${scorecardPagePath(subject === "projects" ? "project" : "department", code)}?version=${version}`;

export const RANKING_CSV_HEADER = [
  "rank",
  "code",
  "name",
  "composite_index",
  "median_rank",
  "rank_p5",
  "rank_p95",
  "not_ranked_reason",
  "scorecard_version",
  "data_cutoff",
  "published_on",
  "scorecard_url",
] as const;

export type RankingCsvRow = [
  number | null,
  string,
  string,
  number | null,
  number | null,
  number | null,
  number | null,
  string | null,
  number,
  string,
  string,
  string,
];

/** The publication date of a snapshot as the page shows it. */
export const publishedOn = (publishedAt: string) => publishedAt.slice(0, 10);

/** Every row of the ranking, ranked first (best first), then the unranked by code. */
export function rankingRows(ranking: PublicRanking): RankingCsvRow[] {
  const url = (code: string, version: number) =>
    rankedScorecardPath(ranking.subject, code, version);
  return [
    ...ranking.ranked.map((row): RankingCsvRow => [
      row.rank,
      row.code,
      row.name,
      row.score,
      row.medianRank,
      row.rankP5,
      row.rankP95,
      null,
      row.version,
      row.dataCutoff,
      publishedOn(row.publishedAt),
      url(row.code, row.version),
    ]),
    ...ranking.unranked.map((row): RankingCsvRow => [
      null,
      row.code,
      row.name,
      null,
      null,
      null,
      null,
      row.reason,
      row.version,
      row.dataCutoff,
      publishedOn(row.publishedAt),
      url(row.code, row.version),
    ]),
  ];
}
