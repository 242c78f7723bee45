import { sql, type SQL } from "drizzle-orm";
import type { Database } from "../client.server";
import { ratingAppeals } from "../schema/ratings";
import { recordAudit } from "./audit.server";
import { rowsOf } from "./rows-of.server";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

import type { ModerationState as CommentState, RatingAppealState } from "../schema/enum-values";

export { MODERATION_STATES as COMMENT_STATES } from "../schema/enum-values";
export type { CommentState };
export { RATING_APPEAL_STATES as APPEAL_STATES } from "../schema/enum-values";
export type AppealState = RatingAppealState;

/** Who acts, for the audit trail. */
export interface Actor {
  id: number;
  name: string;
  ip: string | null;
}

/** The departments a user may act for: null for leaders and admins (every one). */
export type DepartmentScope = readonly number[] | null;

/** The department that owns a rating (`r`): its project's or its service item's, as stored. */
const RATING_DEPARTMENT = sql`coalesce(
  (select department_id from projects where id = r.project_id),
  (select department_id from service_items where id = r.service_item_id))`;

function inScope(scope: DepartmentScope): SQL {
  if (scope === null) return sql`true`;
  if (scope.length === 0) return sql`false`;
  return sql`${RATING_DEPARTMENT} in (${sql.join(
    scope.map((id) => sql`${id}`),
    sql`, `,
  )})`;
}

/** One rating as the moderation queue and the rating page show it. */
export interface RatingRow {
  id: number;
  externalId: string;
  target: "service" | "project";
  targetCode: string;
  targetName: string;
  departmentId: number;
  departmentCode: string;
  departmentName: string;
  score: number;
  channel: string | null;
  ratedAt: string;
  comment: string | null;
  commentState: CommentState | null;
  moderatedBy: string | null;
  moderatedAt: string | null;
  appealId: number | null;
  appealState: AppealState | null;
}

const iso = (column: SQL) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

const RATING_COLUMNS = sql`r.id::int as id, r.external_id as "externalId", r.target::text as target,
  coalesce(p.code, si.code) as "targetCode", coalesce(p.name, si.name) as "targetName",
  d.id as "departmentId", d.code as "departmentCode", d.name as "departmentName",
  r.score::int as score, r.channel, ${iso(sql`r.rated_at`)} as "ratedAt",
  r.comment, r.comment_state::text as "commentState",
  m.username as "moderatedBy", ${iso(sql`r.moderated_at`)} as "moderatedAt",
  a.id as "appealId", a.state::text as "appealState"`;

const RATING_FROM = sql`ratings r
  left join projects p on p.id = r.project_id
  left join service_items si on si.id = r.service_item_id
  join departments d on d.id = coalesce(p.department_id, si.department_id)
  left join users m on m.id = r.moderated_by
  left join rating_appeals a on a.rating_id = r.id`;

export interface QueueFilter {
  /** A comment state, or "all": every rating, with a comment or not. */
  state: CommentState | "all";
  departmentId?: number;
  score?: number;
  page: number;
}

export const QUEUE_PAGE_SIZE = 50;

/**
 * The moderation queue within a scope: pending comments first, then the latest. With
 * state "all" it lists ratings without a comment too (a bad score to appeal).
 */
export async function listRatingQueue(
  db: Pick<Database, "execute">,
  scope: DepartmentScope,
  filter: QueueFilter,
): Promise<{ rows: RatingRow[]; total: number; page: number; pages: number }> {
  const where = sql.join(
    [
      inScope(scope),
      filter.state === "all" ? sql`true` : sql`r.comment_state = ${filter.state}`,
      filter.departmentId === undefined ? sql`true` : sql`d.id = ${filter.departmentId}`,
      filter.score === undefined ? sql`true` : sql`r.score = ${filter.score}`,
    ],
    sql` and `,
  );
  const [counted] = await rowsOf<{ total: number }>(
    db,
    sql`select count(*)::int as total from ${RATING_FROM} where ${where}`,
  );
  const total = counted?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
  const page = Math.min(filter.page, pages);
  const rows = await rowsOf<RatingRow>(
    db,
    sql`select ${RATING_COLUMNS} from ${RATING_FROM} where ${where}
        order by (r.comment_state = 'pending') desc nulls last, r.rated_at desc, r.id desc
        limit ${QUEUE_PAGE_SIZE} offset ${(page - 1) * QUEUE_PAGE_SIZE}`,
  );
  return { rows, total, page, pages };
}

/** One rating within a scope, or null: outside the scope it does not exist. */
export async function findRating(
  db: Pick<Database, "execute">,
  scope: DepartmentScope,
  id: number,
): Promise<RatingRow | null> {
  const [row] = await rowsOf<RatingRow>(
    db,
    sql`select ${RATING_COLUMNS} from ${RATING_FROM} where r.id = ${id} and ${inScope(scope)}`,
  );
  return row ?? null;
}

export type ModerationResult =
  { ok: true; changed: number } | { ok: false; reason: "not_found" | "no_comment" };

/**
 * Accepts or rejects comments, each rating locked and its department checked as stored:
 * one id outside the scope (or unknown) refuses the whole request, and so does a rating
 * without a comment. A comment already in that state is left as it is. An audit event per
 * change, in the same transaction.
 */
export async function moderateComments(
  db: Database,
  input: { ids: readonly number[]; decision: "approved" | "rejected"; scope: DepartmentScope },
  actor: Actor,
): Promise<ModerationResult> {
  const ids = [...new Set(input.ids)];
  if (ids.length === 0) return { ok: false, reason: "not_found" };
  return db.transaction(async (tx) => {
    const locked = await rowsOf<{ id: number; state: CommentState | null }>(
      tx,
      sql`select r.id::int as id, r.comment_state::text as state from ratings r
          where r.id in (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )}) and ${inScope(input.scope)}
          order by r.id for update`,
    );
    if (locked.length !== ids.length) return { ok: false, reason: "not_found" } as const;
    if (locked.some((row) => row.state === null))
      return { ok: false, reason: "no_comment" } as const;
    let changed = 0;
    for (const row of locked) {
      if (row.state === input.decision) continue;
      await tx.execute(
        sql`update ratings set comment_state = ${input.decision}, moderated_by = ${actor.id},
            moderated_at = now() where id = ${row.id}`,
      );
      await recordAudit(tx, {
        actorId: actor.id,
        actorName: actor.name,
        action:
          input.decision === "approved" ? "rating.comment_approved" : "rating.comment_rejected",
        objectKind: "rating",
        objectId: row.id,
        before: { commentState: row.state },
        after: { commentState: input.decision },
        ip: actor.ip,
      });
      changed++;
    }
    return { ok: true, changed } as const;
  });
}

export type AppealResult<T = object> =
  ({ ok: true } & T) | { ok: false; reason: "not_found" | "already_appealed" | "already_decided" };

/**
 * A rated department appeals a rating it believes malicious: one appeal per rating, the
 * rating locked and its department checked as stored.
 */
export async function fileRatingAppeal(
  db: Database,
  input: { ratingId: number; reason: string; scope: DepartmentScope },
  actor: Actor,
): Promise<AppealResult<{ appealId: number }>> {
  return db.transaction(async (tx) => {
    const [rating] = await rowsOf<{ id: number }>(
      tx,
      sql`select r.id::int as id from ratings r
          where r.id = ${input.ratingId} and ${inScope(input.scope)} for update`,
    );
    if (!rating) return { ok: false, reason: "not_found" } as const;
    const [appeal] = await tx
      .insert(ratingAppeals)
      .values({ ratingId: rating.id, reason: input.reason, filedBy: actor.id })
      .onConflictDoNothing()
      .returning({ id: ratingAppeals.id });
    if (!appeal) return { ok: false, reason: "already_appealed" } as const;
    await recordAudit(tx, {
      actorId: actor.id,
      actorName: actor.name,
      action: "rating.appeal_filed",
      objectKind: "rating_appeal",
      objectId: appeal.id,
      after: { ratingId: rating.id, reason: input.reason },
      ip: actor.ip,
    });
    return { ok: true, appealId: appeal.id } as const;
  });
}

/**
 * The leader's decision on an appeal, under the appeal row's lock: of two decisions sent
 * at once, the first wins and the second finds it decided. An upheld appeal takes the
 * rating out of every figure (countedRating), the reason kept.
 */
export async function decideRatingAppeal(
  db: Database,
  input: { appealId: number; decision: "upheld" | "dismissed"; reason: string },
  actor: Actor,
): Promise<AppealResult> {
  return db.transaction(async (tx: Tx) => {
    const [appeal] = await rowsOf<{ id: number; ratingId: number; state: AppealState }>(
      tx,
      sql`select id, rating_id::int as "ratingId", state::text as state from rating_appeals
          where id = ${input.appealId} for update`,
    );
    if (!appeal) return { ok: false, reason: "not_found" } as const;
    if (appeal.state !== "pending") return { ok: false, reason: "already_decided" } as const;
    await tx.execute(
      sql`update rating_appeals set state = ${input.decision}, decision_reason = ${input.reason},
          decided_by = ${actor.id}, decided_at = now() where id = ${appeal.id}`,
    );
    await recordAudit(tx, {
      actorId: actor.id,
      actorName: actor.name,
      action: input.decision === "upheld" ? "rating.appeal_upheld" : "rating.appeal_dismissed",
      objectKind: "rating_appeal",
      objectId: appeal.id,
      before: { state: "pending" },
      after: { state: input.decision, ratingId: appeal.ratingId, reason: input.reason },
      ip: actor.ip,
    });
    return { ok: true } as const;
  });
}

/** One appeal as the appeals list shows it. */
export interface AppealRow {
  id: number;
  state: AppealState;
  reason: string;
  filedBy: string;
  filedAt: string;
  decisionReason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  rating: Pick<
    RatingRow,
    | "id"
    | "externalId"
    | "target"
    | "targetCode"
    | "targetName"
    | "departmentCode"
    | "departmentName"
    | "score"
    | "ratedAt"
    | "comment"
    | "commentState"
  >;
}

type FlatAppealRow = Omit<AppealRow, "rating"> &
  Omit<AppealRow["rating"], "id"> & { ratingId: number };

/** Appeals within a scope, pending first (oldest first: they have waited longest), then decided. */
export async function listRatingAppeals(
  db: Pick<Database, "execute">,
  scope: DepartmentScope,
  filter: { state: AppealState | "all"; departmentId?: number; ratingId?: number },
): Promise<AppealRow[]> {
  const rows = await rowsOf<FlatAppealRow>(
    db,
    sql`select a.id, a.state::text as state, a.reason, f.username as "filedBy",
          ${iso(sql`a.filed_at`)} as "filedAt", a.decision_reason as "decisionReason",
          dd.username as "decidedBy", ${iso(sql`a.decided_at`)} as "decidedAt",
          r.id::int as "ratingId", r.external_id as "externalId", r.target::text as target,
          coalesce(p.code, si.code) as "targetCode", coalesce(p.name, si.name) as "targetName",
          d.code as "departmentCode", d.name as "departmentName", r.score::int as score,
          ${iso(sql`r.rated_at`)} as "ratedAt", r.comment, r.comment_state::text as "commentState"
        from rating_appeals a
        join ratings r on r.id = a.rating_id
        left join projects p on p.id = r.project_id
        left join service_items si on si.id = r.service_item_id
        join departments d on d.id = coalesce(p.department_id, si.department_id)
        join users f on f.id = a.filed_by
        left join users dd on dd.id = a.decided_by
        where ${inScope(scope)}
          and ${filter.state === "all" ? sql`true` : sql`a.state = ${filter.state}`}
          and ${filter.departmentId === undefined ? sql`true` : sql`d.id = ${filter.departmentId}`}
          and ${filter.ratingId === undefined ? sql`true` : sql`r.id = ${filter.ratingId}`}
        order by (a.state = 'pending') desc, case when a.state = 'pending' then a.filed_at end asc,
          a.decided_at desc, a.id desc
        limit 500`,
  );
  return rows.map(({ ratingId, externalId, target, targetCode, targetName, ...row }) => {
    const { departmentCode, departmentName, score, ratedAt, comment, commentState, ...appeal } =
      row;
    return {
      ...appeal,
      rating: {
        id: ratingId,
        externalId,
        target,
        targetCode,
        targetName,
        departmentCode,
        departmentName,
        score,
        ratedAt,
        comment,
        commentState,
      },
    };
  });
}
