import { sql, type SQL } from "drizzle-orm";
import {
  ratingSummaryFromCounts,
  type MutableRatingCounts,
  type RatingSummary,
} from "../../metrics/rating-summary";
import type { Database } from "../client.server";
import type { DateRange } from "./overview.server";
import { rowsOf } from "./rows-of.server";

type Reader = Pick<Database, "execute">;

/**
 * The ratings every figure counts, over `ratings` aliased `r`: all of them except a rating
 * whose appeal the leader upheld (it stays stored, with the reason, but counts nowhere).
 */
export const countedRating = sql`not exists (
  select 1 from rating_appeals a where a.rating_id = r.id and a.state = 'upheld')`;

/** Ratings given within the range's local days (both ends inclusive), index-friendly bounds. */
export function ratedWithin(range: DateRange, timeZone: string): SQL {
  return sql`r.rated_at >= (${range.from}::date)::timestamp at time zone ${timeZone}
    and r.rated_at < (${range.to}::date + 1)::timestamp at time zone ${timeZone}`;
}

/** Service rating (好差评) of one target: mean, share of bad reviews (1–2), count. */
export type ServiceRating = Pick<RatingSummary, "rated" | "meanRating" | "badReviewRate">;

function serviceRatingOf(counts: MutableRatingCounts): ServiceRating {
  const { rated, meanRating, badReviewRate } = ratingSummaryFromCounts(counts);
  return { rated, meanRating, badReviewRate };
}

/**
 * The one query behind every rating figure: counts per score of the counted ratings that
 * `where` selects, grouped by `key` (SQL over `r`, the rating's target `p` / `si`), then
 * metrics' ratingSummaryFromCounts per group.
 */
async function serviceRatingsBy(
  db: Reader,
  key: SQL,
  where: SQL,
): Promise<Map<string, ServiceRating>> {
  const rows = await rowsOf<{ key: string; score: number; n: number }>(
    db,
    sql`select ${key}::text as key, r.score::int as score, count(*)::int as n
        from ratings r
        left join projects p on p.id = r.project_id
        left join service_items si on si.id = r.service_item_id
        where ${where} and ${countedRating}
        group by 1, 2`,
  );
  const counts = new Map<string, MutableRatingCounts>();
  for (const row of rows) {
    const cell = counts.get(row.key) ?? [0, 0, 0, 0, 0];
    cell[row.score - 1] = (cell[row.score - 1] ?? 0) + row.n;
    counts.set(row.key, cell);
  }
  return new Map([...counts].map(([key, cell]) => [key, serviceRatingOf(cell)]));
}

const NO_RATINGS = serviceRatingOf([0, 0, 0, 0, 0]);

/** An approved comment, as the dashboards show it (pending and rejected ones never are). */
export interface ShownComment {
  id: number;
  targetCode: string;
  targetName: string;
  score: number;
  ratedAt: string;
  comment: string;
}

async function approvedComments(db: Reader, where: SQL, limit: number): Promise<ShownComment[]> {
  return rowsOf<ShownComment>(
    db,
    sql`select r.id::int as id, coalesce(p.code, si.code) as "targetCode",
          coalesce(p.name, si.name) as "targetName", r.score::int as score,
          to_char(r.rated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "ratedAt",
          r.comment
        from ratings r
        left join projects p on p.id = r.project_id
        left join service_items si on si.id = r.service_item_id
        where ${where} and ${countedRating} and r.comment_state = 'approved'
        order by r.rated_at desc, r.id desc
        limit ${limit}`,
  );
}

const SHOWN_COMMENTS = 10;

export interface ProjectRatings {
  figures: ServiceRating;
  comments: ShownComment[];
}

/** A project's service rating over a period, and its latest approved comments. */
export async function loadProjectRatings(
  db: Reader,
  projectId: number,
  range: DateRange,
  timeZone: string,
): Promise<ProjectRatings> {
  const where = sql`r.project_id = ${projectId} and ${ratedWithin(range, timeZone)}`;
  const [figures, comments] = await Promise.all([
    serviceRatingsBy(db, sql`r.project_id`, where),
    approvedComments(db, where, SHOWN_COMMENTS),
  ]);
  return { figures: figures.get(String(projectId)) ?? NO_RATINGS, comments };
}

export interface DepartmentRatings {
  /** Over the department's service items and its projects together. */
  figures: ServiceRating;
  /** Per rated service item or project of the department, most ratings first. */
  byTarget: Array<{
    target: "service" | "project";
    code: string;
    name: string;
    figures: ServiceRating;
  }>;
  comments: ShownComment[];
}

/** A department's service rating over a period: in all, per rated target, latest comments. */
export async function loadDepartmentRatings(
  db: Reader,
  departmentId: number,
  range: DateRange,
  timeZone: string,
): Promise<DepartmentRatings> {
  const where = sql`coalesce(p.department_id, si.department_id) = ${departmentId}
    and ${ratedWithin(range, timeZone)}`;
  const [all, byTarget, comments] = await Promise.all([
    serviceRatingsBy(db, sql`'all'`, where),
    serviceRatingsBy(
      db,
      sql`r.target || ':' || coalesce(p.code, si.code) || ':' || coalesce(p.name, si.name)`,
      where,
    ),
    approvedComments(db, where, SHOWN_COMMENTS),
  ]);
  return {
    figures: all.get("all") ?? NO_RATINGS,
    byTarget: [...byTarget]
      .map(([key, figures]) => {
        const [target, code, ...name] = key.split(":");
        return {
          target: target === "project" ? ("project" as const) : ("service" as const),
          code: code ?? "",
          name: name.join(":"),
          figures,
        };
      })
      .sort((a, b) => b.figures.rated - a.figures.rated || a.code.localeCompare(b.code)),
    comments,
  };
}
