import { z } from "zod";
import { loadPublicRanking } from "../../db/queries/public-rankings.server";
import { getDb } from "../../db/runtime.server";
import { RANKING_SUBJECTS, type RankingSubject } from "../../db/scorecards/public-ranking";
import { csvResponse, toCsv } from "~/utils/csv-export";
import { notFound } from "~/utils/permissions.server";
import { RANKING_CSV_HEADER, rankingRows, rankedScorecardPath } from "./ranking-export";

const subjectParam = z.enum(RANKING_SUBJECTS);

/** `?subject=` of /rankings: projects when absent; anything else unknown answers 404. */
export function requestedSubject(request: Request): RankingSubject {
  const raw = new URL(request.url).searchParams.get("subject");
  if (raw === null || raw === "") return "projects";
  const parsed = subjectParam.safeParse(raw);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

/** The ranking of a subject, from its latest published snapshots (cached per set). */
export const publicRanking = (subject: RankingSubject) => loadPublicRanking(getDb(), subject);

/** The ranking table as CSV (a download named for the subject). */
export async function rankingCsv(subject: RankingSubject): Promise<Response> {
  const ranking = await publicRanking(subject);
  return csvResponse(toCsv(RANKING_CSV_HEADER, rankingRows(ranking)), `rankings-${subject}.csv`);
}

/** The ranking as JSON: what the page shows, each row with its scorecard's address. */
export async function rankingJson(subject: RankingSubject): Promise<Response> {
  const ranking = await publicRanking(subject);
  const url = (code: string, version: number) => rankedScorecardPath(subject, code, version);
  const body = JSON.stringify({
    ...ranking,
    ranked: ranking.ranked.map((row) => ({ ...row, scorecardUrl: url(row.code, row.version) })),
    unranked: ranking.unranked.map((row) => ({ ...row, scorecardUrl: url(row.code, row.version) })),
  });
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="rankings-${subject}.json"`,
      "Cache-Control": "public, max-age=60",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
