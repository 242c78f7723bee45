/**
 * Rectification cases (整改): opened for each bad review and, by a leader, for a red flag;
 * answered by the department, accepted or returned by a leader. Every write locks the
 * case, checks who may act on what is stored (never on what the request says) and leaves
 * an audit event in the same transaction.
 */
import {
  and,
  asc,
  desc,
  eq,
  inArray,
  isNull,
  lte,
  sql,
  type AnyColumn,
  type SQL,
} from "drizzle-orm";
import { group } from "d3";
import { alias } from "drizzle-orm/pg-core";
import {
  isOverdue,
  rectificationDeadline,
  rectificationFigures,
  type RectificationFigures,
} from "../../metrics/rectification";
import { localDateOf } from "../../metrics/time-zone";
import type { WorkingDayCalendar } from "../../metrics/working-days";
import { createWorkingDayCalendar } from "../../metrics/working-days";
import type { Database } from "../client.server";
import { users } from "../schema/accounts";
import type { RectificationSource, RectificationState } from "../schema/enum-values";
import { departments } from "../schema/organisation";
import { projects } from "../schema/projects";
import { ratings } from "../schema/ratings";
import {
  rectificationCases,
  rectificationLimits,
  rectificationSteps,
} from "../schema/rectification";
import { calendarDays } from "../schema/reference";
import { serviceItems } from "../schema/services";
import { recordAudit } from "./audit.server";

type Reader = Pick<Database, "select">;
type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** A bad review: 1 or 2 of 5 (好差评 rules). */
export const BAD_REVIEW_MAX_SCORE = 2;

export interface CaseActor {
  id: number;
  name: string;
  role: "admin" | "leader" | "steward" | "evaluator";
  /** The departments a steward looks after; null for roles that see every department. */
  departments: readonly number[] | null;
  ip: string | null;
}

/** The deployment's working-day calendar, as the appeals' clock builds it. */
export async function loadCalendar(db: Reader): Promise<WorkingDayCalendar> {
  const days = await db
    .select({ date: calendarDays.date, isWorking: calendarDays.isWorking })
    .from(calendarDays);
  return createWorkingDayCalendar(days);
}

async function limitOf(db: Reader, source: RectificationSource): Promise<number> {
  const [row] = await db
    .select({ workingDays: rectificationLimits.workingDays })
    .from(rectificationLimits)
    .where(eq(rectificationLimits.source, source));
  // The migration stores both; a deployment that deleted one gets the default.
  return row?.workingDays ?? (source === "rating" ? 5 : 15);
}

/**
 * Opens a case for each bad review of the given ratings (or of every rating) that has
 * none yet. The deadline counts from the day of the review, in the deployment's time
 * zone: the rule gives the department N working days from the citizen's rating, not from
 * the day it reached this system. Returns the number of cases opened.
 */
export async function openCasesForBadReviews(
  tx: Tx,
  options: { timeZone: string; batchId?: number; ratingIds?: readonly number[] },
): Promise<number> {
  const filters: SQL[] = [lte(ratings.score, BAD_REVIEW_MAX_SCORE), isNull(rectificationCases.id)];
  if (options.batchId !== undefined) filters.push(eq(ratings.batchId, options.batchId));
  if (options.ratingIds) filters.push(inArray(ratings.id, [...options.ratingIds]));
  const rows = await tx
    .select({
      ratingId: ratings.id,
      ratedAt: ratings.ratedAt,
      departmentId: sql<number>`coalesce(${serviceItems.departmentId}, ${projects.departmentId})`,
    })
    .from(ratings)
    .leftJoin(rectificationCases, eq(rectificationCases.ratingId, ratings.id))
    .leftJoin(serviceItems, eq(serviceItems.id, ratings.serviceItemId))
    .leftJoin(projects, eq(projects.id, ratings.projectId))
    .where(and(...filters))
    .orderBy(asc(ratings.id));
  if (rows.length === 0) return 0;
  const calendar = await loadCalendar(tx);
  const limit = await limitOf(tx, "rating");
  let opened = 0;
  for (let start = 0; start < rows.length; start += 1_000) {
    const values = rows.slice(start, start + 1_000).map((row) => {
      const openedOn = localDateOf(row.ratedAt, options.timeZone);
      return {
        departmentId: Number(row.departmentId),
        source: "rating" as const,
        ratingId: row.ratingId,
        openedOn,
        limitWorkingDays: limit,
        deadline: rectificationDeadline(calendar, openedOn, limit),
      };
    });
    const inserted = await tx
      .insert(rectificationCases)
      .values(values)
      .onConflictDoNothing()
      .returning({ id: rectificationCases.id });
    opened += inserted.length;
  }
  if (opened > 0) {
    await recordAudit(tx, {
      action: "rectification.opened_for_bad_reviews",
      objectKind: "rectification_case",
      after: { cases: opened, batchId: options.batchId ?? null },
    });
  }
  return opened;
}

export type CaseRefusal =
  "not_found" | "forbidden" | "wrong_state" | "already_open" | "unknown_department";

export type CaseResult<T = object> = ({ ok: true } & T) | { ok: false; reason: CaseRefusal };

/** A supervision notice (督办) on a red flag: one open case per flag at a time. */
export async function openSupervisionNotice(
  db: Database,
  actor: CaseActor,
  input: { departmentId: number; flagRule: string; flagSubject: string; note: string },
  timeZone: string,
): Promise<CaseResult<{ id: number }>> {
  if (actor.role !== "leader" && actor.role !== "admin") return { ok: false, reason: "forbidden" };
  return db.transaction(async (tx) => {
    const [department] = await tx
      .select({ id: departments.id })
      .from(departments)
      .where(eq(departments.id, input.departmentId));
    if (!department) return { ok: false, reason: "unknown_department" } as const;
    const calendar = await loadCalendar(tx);
    const limit = await limitOf(tx, "red_flag");
    const openedOn = localDateOf(Date.now(), timeZone);
    const [created] = await tx
      .insert(rectificationCases)
      .values({
        departmentId: input.departmentId,
        source: "red_flag",
        flagRule: input.flagRule,
        flagSubject: input.flagSubject,
        note: input.note,
        openedOn,
        openedBy: actor.id,
        limitWorkingDays: limit,
        deadline: rectificationDeadline(calendar, openedOn, limit),
      })
      .onConflictDoNothing()
      .returning({ id: rectificationCases.id });
    if (!created) return { ok: false, reason: "already_open" } as const;
    await audit(tx, actor, "rectification.notice_opened", created.id, undefined, input);
    return { ok: true, id: created.id } as const;
  });
}

async function audit(
  tx: Tx,
  actor: CaseActor,
  action: string,
  caseId: number,
  before: unknown,
  after: unknown,
): Promise<void> {
  await recordAudit(tx, {
    actorId: actor.id,
    actorName: actor.name,
    action,
    objectKind: "rectification_case",
    objectId: caseId,
    before,
    after,
    ip: actor.ip,
  });
}

function mayAnswer(actor: CaseActor, departmentId: number): boolean {
  if (actor.role === "admin") return true;
  return actor.role === "steward" && (actor.departments ?? []).includes(departmentId);
}

function maySee(actor: CaseActor, departmentId: number): boolean {
  if (actor.role === "evaluator") return false;
  return actor.departments === null || actor.departments.includes(departmentId);
}

/** The case locked for a step, if the actor may see it. */
async function lockVisible(tx: Tx, actor: CaseActor, caseId: number) {
  const [row] = await tx
    .select({
      id: rectificationCases.id,
      departmentId: rectificationCases.departmentId,
      state: rectificationCases.state,
    })
    .from(rectificationCases)
    .where(eq(rectificationCases.id, caseId))
    .for("update");
  return row && maySee(actor, row.departmentId) ? row : undefined;
}

/** The department's answer: what was found, what was done, evidence. Open or returned → answered. */
export async function answerCase(
  db: Database,
  actor: CaseActor,
  caseId: number,
  input: { found: string; done: string; evidence: string | null },
): Promise<CaseResult> {
  return db.transaction(async (tx) => {
    const row = await lockVisible(tx, actor, caseId);
    if (!row) return { ok: false, reason: "not_found" } as const;
    if (!mayAnswer(actor, row.departmentId)) return { ok: false, reason: "forbidden" } as const;
    if (row.state !== "open" && row.state !== "returned") {
      return { ok: false, reason: "wrong_state" } as const;
    }
    await tx
      .insert(rectificationSteps)
      .values({ caseId, kind: "answered", actorId: actor.id, ...input });
    await tx
      .update(rectificationCases)
      .set({ state: "answered", updatedAt: sql`now()` })
      .where(eq(rectificationCases.id, caseId));
    await audit(
      tx,
      actor,
      "rectification.answered",
      caseId,
      { state: row.state },
      { state: "answered", ...input },
    );
    return { ok: true } as const;
  });
}

/**
 * A leader's decision on an answer: accept (the case closes, dated in the deployment's
 * time zone) or return it with a comment (the department answers again).
 */
export async function decideCase(
  db: Database,
  actor: CaseActor,
  caseId: number,
  input: { decision: "accept" | "return"; comment: string | null },
  timeZone: string,
): Promise<CaseResult> {
  return db.transaction(async (tx) => {
    const row = await lockVisible(tx, actor, caseId);
    if (!row) return { ok: false, reason: "not_found" } as const;
    if (actor.role !== "leader" && actor.role !== "admin") {
      return { ok: false, reason: "forbidden" } as const;
    }
    if (row.state !== "answered") return { ok: false, reason: "wrong_state" } as const;
    const accept = input.decision === "accept";
    if (!accept && !input.comment) throw new Error("a return needs its comment");
    await tx.insert(rectificationSteps).values({
      caseId,
      kind: accept ? "accepted" : "returned",
      actorId: actor.id,
      comment: input.comment,
    });
    const now = new Date();
    const state: RectificationState = accept ? "closed" : "returned";
    await tx
      .update(rectificationCases)
      .set(
        accept
          ? { state, closedAt: now, closedOn: localDateOf(now, timeZone), updatedAt: now }
          : { state, updatedAt: now },
      )
      .where(eq(rectificationCases.id, caseId));
    await audit(
      tx,
      actor,
      accept ? "rectification.accepted" : "rectification.returned",
      caseId,
      { state: row.state },
      { state, comment: input.comment },
    );
    return { ok: true } as const;
  });
}

export interface CaseFilter {
  state?: RectificationState | "overdue" | undefined;
  source?: RectificationSource | undefined;
  departmentId?: number | undefined;
}

/** What a case is about, in a word: the rated service or project, or the flagged object. */
const flaggedProject = alias(projects, "flagged_project");
const flaggedDepartment = alias(departments, "flagged_department");
const flagged = (kind: "project" | "department", code: AnyColumn) =>
  sql`split_part(${rectificationCases.flagSubject}, ':', 1) = ${kind} and ${code} = substr(${rectificationCases.flagSubject}, ${kind.length + 2})`;
const subjectOf = sql<string>`coalesce(${serviceItems.name}, ${projects.name}, ${flaggedProject.name}, ${flaggedDepartment.name}, ${rectificationCases.flagSubject})`;

/** Cases with their department, what they are about and who opened them. */
function selectCases(db: Reader) {
  return (
    db
      .select({
        id: rectificationCases.id,
        departmentId: rectificationCases.departmentId,
        departmentCode: departments.code,
        departmentName: departments.name,
        source: rectificationCases.source,
        subject: subjectOf,
        ratingScore: ratings.score,
        // The rating's comment only once moderation approved it (and scrubbed on import).
        ratingComment: sql<
          string | null
        >`case when ${ratings.commentState} = 'approved' then ${ratings.comment} end`,
        flagRule: rectificationCases.flagRule,
        note: rectificationCases.note,
        openedOn: rectificationCases.openedOn,
        deadline: rectificationCases.deadline,
        limitWorkingDays: rectificationCases.limitWorkingDays,
        state: rectificationCases.state,
        closedOn: rectificationCases.closedOn,
        openedBy: users.displayName,
      })
      .from(rectificationCases)
      .innerJoin(departments, eq(departments.id, rectificationCases.departmentId))
      .leftJoin(ratings, eq(ratings.id, rectificationCases.ratingId))
      .leftJoin(serviceItems, eq(serviceItems.id, ratings.serviceItemId))
      .leftJoin(projects, eq(projects.id, ratings.projectId))
      .leftJoin(users, eq(users.id, rectificationCases.openedBy))
      // A notice's subject is stored as "project:CODE" or "department:CODE".
      .leftJoin(flaggedProject, flagged("project", flaggedProject.code))
      .leftJoin(flaggedDepartment, flagged("department", flaggedDepartment.code))
  );
}

/** A case as lists show it; overdue as of the day asked. */
export type CaseListRow = Awaited<ReturnType<typeof selectCases>>[number] & { overdue: boolean };

/** Cases the actor may see, newest first, overdue marked as of `today`. */
export async function listCases(
  db: Reader,
  actor: CaseActor,
  filter: CaseFilter,
  today: string,
): Promise<CaseListRow[]> {
  const where: SQL[] = [];
  if (actor.departments !== null) {
    if (actor.departments.length === 0) return [];
    where.push(inArray(rectificationCases.departmentId, [...actor.departments]));
  }
  if (filter.departmentId !== undefined) {
    where.push(eq(rectificationCases.departmentId, filter.departmentId));
  }
  if (filter.source) where.push(eq(rectificationCases.source, filter.source));
  if (filter.state === "overdue") {
    where.push(
      sql`${rectificationCases.state} <> 'closed' and ${rectificationCases.deadline} < ${today}`,
    );
  } else if (filter.state) {
    where.push(eq(rectificationCases.state, filter.state));
  }
  const rows = await selectCases(db)
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(desc(rectificationCases.openedOn), desc(rectificationCases.id))
    .limit(500);
  return rows.map((row) => ({ ...row, overdue: isOverdue(row, today) }));
}

export interface CaseDetail extends CaseListRow {
  steps: Array<{
    kind: "answered" | "returned" | "accepted";
    actor: string;
    at: Date;
    found: string | null;
    done: string | null;
    evidence: string | null;
    comment: string | null;
  }>;
}

/** One case with its steps, if the actor may see it (else undefined: a 404). */
export async function getCase(
  db: Reader,
  actor: CaseActor,
  caseId: number,
  today: string,
): Promise<CaseDetail | undefined> {
  const [row] = await selectCases(db).where(eq(rectificationCases.id, caseId));
  if (!row || !maySee(actor, row.departmentId)) return undefined;
  const steps = await db
    .select({
      kind: rectificationSteps.kind,
      actor: users.displayName,
      at: rectificationSteps.at,
      found: rectificationSteps.found,
      done: rectificationSteps.done,
      evidence: rectificationSteps.evidence,
      comment: rectificationSteps.comment,
    })
    .from(rectificationSteps)
    .innerJoin(users, eq(users.id, rectificationSteps.actorId))
    .where(eq(rectificationSteps.caseId, caseId))
    .orderBy(asc(rectificationSteps.at), asc(rectificationSteps.id));
  return { ...row, overdue: isOverdue(row, today), steps };
}

export interface FiguresOptions {
  from: string;
  to: string;
  today: string;
  departments: readonly number[] | null;
}

/**
 * The rectification figures over [from, to] for the given departments (null: all), as of
 * today when the period runs on. Only the dates of the cases are read.
 */
export async function loadRectificationFigures(
  db: Reader,
  options: FiguresOptions,
): Promise<RectificationFigures> {
  return (await loadRectificationFiguresByDepartment(db, options)).overall;
}

/** The same figures in total and per department (a department without cases is absent). */
export async function loadRectificationFiguresByDepartment(
  db: Reader,
  options: FiguresOptions,
): Promise<{ overall: RectificationFigures; byDepartment: Map<number, RectificationFigures> }> {
  const asOf = options.today < options.to ? options.today : options.to;
  const period = { from: options.from, to: options.to, asOf };
  const where: SQL[] = [lte(rectificationCases.openedOn, options.to)];
  if (options.departments !== null) {
    if (options.departments.length === 0) {
      const none = rectificationFigures([], period, createWorkingDayCalendar());
      return { overall: none, byDepartment: new Map() };
    }
    where.push(inArray(rectificationCases.departmentId, [...options.departments]));
  }
  const [cases, calendar] = await Promise.all([
    db
      .select({
        departmentId: rectificationCases.departmentId,
        openedOn: rectificationCases.openedOn,
        deadline: rectificationCases.deadline,
        closedOn: rectificationCases.closedOn,
      })
      .from(rectificationCases)
      .where(and(...where)),
    loadCalendar(db),
  ]);
  const byDepartment = new Map<number, RectificationFigures>();
  for (const [departmentId, own] of group(cases, (item) => item.departmentId)) {
    byDepartment.set(departmentId, rectificationFigures(own, period, calendar));
  }
  return { overall: rectificationFigures(cases, period, calendar), byDepartment };
}

export interface CaseCounts {
  /** Cases not closed yet, whatever their step. */
  open: number;
  /** Of those, past their deadline. */
  overdue: number;
  /** Answered by the department, awaiting a leader's decision. */
  answered: number;
}

/** The counts heading the case list, over the actor's departments, as of `today`. */
export async function countCases(db: Reader, actor: CaseActor, today: string): Promise<CaseCounts> {
  const where: SQL[] = [sql`${rectificationCases.state} <> 'closed'`];
  if (actor.departments !== null) {
    if (actor.departments.length === 0) return { open: 0, overdue: 0, answered: 0 };
    where.push(inArray(rectificationCases.departmentId, [...actor.departments]));
  }
  const [row] = await db
    .select({
      open: sql<number>`count(*)::int`,
      overdue: sql<number>`(count(*) filter (where ${rectificationCases.deadline} < ${today}))::int`,
      answered: sql<number>`(count(*) filter (where ${rectificationCases.state} = 'answered'))::int`,
    })
    .from(rectificationCases)
    .where(and(...where));
  return {
    open: Number(row?.open ?? 0),
    overdue: Number(row?.overdue ?? 0),
    answered: Number(row?.answered ?? 0),
  };
}

/** The open supervision notices by flag ("rule|subject" → case id), for the red-flags page. */
export async function openNoticesByFlag(db: Reader): Promise<Map<string, number>> {
  const rows = await db
    .select({
      id: rectificationCases.id,
      rule: rectificationCases.flagRule,
      subject: rectificationCases.flagSubject,
    })
    .from(rectificationCases)
    .where(
      and(eq(rectificationCases.source, "red_flag"), sql`${rectificationCases.state} <> 'closed'`),
    );
  return new Map(rows.map((row) => [`${row.rule}|${row.subject}`, row.id]));
}

/** The open notice of one flag, if any: where a second leader's press is sent. */
export async function openNoticeOf(
  db: Reader,
  flagRule: string,
  flagSubject: string,
): Promise<number | undefined> {
  const [row] = await db
    .select({ id: rectificationCases.id })
    .from(rectificationCases)
    .where(
      and(
        eq(rectificationCases.flagRule, flagRule),
        eq(rectificationCases.flagSubject, flagSubject),
        sql`${rectificationCases.state} <> 'closed'`,
      ),
    );
  return row?.id;
}

/**
 * The department answerable for a flagged object, as stored: a project's department or
 * the department itself; undefined when no such object exists.
 */
export async function departmentOfFlagged(
  db: Reader,
  subject: "project" | "department",
  code: string,
): Promise<number | undefined> {
  const [row] =
    subject === "project"
      ? await db.select({ id: projects.departmentId }).from(projects).where(eq(projects.code, code))
      : await db.select({ id: departments.id }).from(departments).where(eq(departments.code, code));
  return row?.id ?? undefined;
}
