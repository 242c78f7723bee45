/**
 * Moderation (评审复核) of an evaluation round by a leader: the evaluators' submitted scores
 * side by side with their spread and the round's flags, starting moderation (open →
 * moderation), returning one score to its evaluator with a comment, and closing the round
 * (moderation → closed), which stores the final scores. Every write locks the round's row
 * first, so a return, a start and a close never interleave, and leaves an audit event in
 * its transaction.
 */
import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { roundIcc, type RoundScore } from "../../metrics/evaluation-result";
import { disagreementFigures, type DisagreementFigures } from "../../metrics/score-disagreement";
import type { Database } from "../client.server";
import { users } from "../schema/accounts";
import {
  assignments,
  evaluationRounds,
  frameworkNodes,
  frameworks,
  roundProjects,
  roundResults,
  scores,
} from "../schema/evaluation";
import { departments } from "../schema/organisation";
import { projects } from "../schema/projects";
import { loadRubric, type Actor, type RubricCriterion } from "./assessments.server";
import { recordAudit } from "./audit.server";
import {
  COUNTED_STATES,
  header,
  loadRoundResults,
  roundColumns,
  roundResultsOf,
  type RoundHeader,
} from "./evaluation-results.server";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

export interface ModerationRound extends RoundHeader {
  /** Scores of one project ranging (max − min) more than this are flagged. */
  threshold: number;
  closedAt: string | null;
  closedBy: string | null;
}

/** A round by its code, with what moderation needs of it; null when there is none. */
export async function findModerationRound(
  db: Database,
  code: string,
): Promise<ModerationRound | null> {
  const [row] = await db
    .select({
      ...roundColumns,
      threshold: evaluationRounds.disagreementThreshold,
      closedAt: evaluationRounds.closedAt,
      closedBy: users.displayName,
    })
    .from(evaluationRounds)
    .innerJoin(frameworks, eq(frameworks.id, evaluationRounds.frameworkId))
    .leftJoin(users, eq(users.id, evaluationRounds.closedBy))
    .where(eq(evaluationRounds.code, code));
  if (!row) return null;
  const { threshold, closedAt, closedBy, ...round } = row;
  return {
    ...header(round),
    threshold: Number(threshold),
    closedAt: closedAt?.toISOString() ?? null,
    closedBy,
  };
}

export interface ModerationScore {
  scoreId: number;
  evaluatorId: number;
  evaluator: string;
  value: number;
  /** Set while the score is back with its evaluator, until the assessment is resubmitted. */
  returned: { comment: string; at: string } | null;
}

export interface ModerationCell extends DisagreementFigures {
  criterionId: number;
  scores: ModerationScore[];
}

export interface ModerationProject {
  code: string;
  name: string;
  department: string;
  /** One cell per evaluator-scored criterion, in the rubric's order. */
  cells: ModerationCell[];
  /** KPI-bound criteria: the KPI's value for the round's period (null: no data). */
  kpis: Array<{ criterionId: number; key: string; value: number | null }>;
  /** The stored final score (0–100) once the round is closed, else null. */
  finalScore: number | null;
}

export interface PendingReturn {
  project: string;
  evaluator: string;
  criterion: string;
  comment: string;
}

export interface ModerationSheet {
  criteria: RubricCriterion[];
  projects: ModerationProject[];
  /** ICC(2,1) per criterion code over the scores shown; null: no data. */
  icc: Record<string, number | null>;
  /** (project, criterion) pairs whose spread passes the threshold, of all pairs with scores. */
  flaggedPairs: number;
  scoredPairs: number;
  pendingReturns: PendingReturn[];
}

/**
 * Everything the moderation view shows of a round: per project and criterion the scores
 * of every assessment submitted at least once (a returned one keeps its value until the
 * evaluator resubmits), their mean, spread and flag; KPI-bound criteria's values (stored
 * with the results once closed, else computed for the round's period); ICC(2,1) per
 * criterion over the same scores. Assessments never submitted show nothing.
 */
export async function loadModeration(
  db: Database,
  round: ModerationRound,
): Promise<ModerationSheet> {
  const [criteria, members, given, results] = await Promise.all([
    loadRubric(db, round.framework.id),
    db
      .select({
        id: projects.id,
        code: projects.code,
        name: projects.name,
        department: departments.name,
      })
      .from(roundProjects)
      .innerJoin(projects, eq(projects.id, roundProjects.projectId))
      .innerJoin(departments, eq(departments.id, projects.departmentId))
      .where(eq(roundProjects.roundId, round.id))
      .orderBy(asc(projects.code)),
    db
      .select({
        scoreId: scores.id,
        projectId: assignments.projectId,
        criterionId: scores.criterionId,
        evaluatorId: assignments.evaluatorId,
        evaluator: users.displayName,
        value: scores.value,
        returnComment: scores.returnComment,
        returnedAt: scores.returnedAt,
      })
      .from(scores)
      .innerJoin(assignments, eq(assignments.id, scores.assignmentId))
      .innerJoin(users, eq(users.id, assignments.evaluatorId))
      .where(
        and(
          eq(assignments.roundId, round.id),
          isNotNull(assignments.submittedAt),
          isNotNull(scores.value),
        ),
      )
      .orderBy(asc(users.username), asc(assignments.id)),
    roundResultsOf(db, round),
  ]);
  const resultOf = new Map(results.projects.map((project) => [project.code, project]));
  const scored = criteria.filter((criterion) => criterion.scoring === "evaluator");
  const bound = criteria.filter((criterion) => criterion.scoring === "kpi");
  const roundScores: RoundScore[] = [];
  const sheetProjects = members.map((member): ModerationProject => {
    const result = resultOf.get(member.code);
    const cells = scored.map((criterion): ModerationCell => {
      const mine = given
        .filter((row) => row.projectId === member.id && row.criterionId === criterion.id)
        .map((row) => ({
          scoreId: row.scoreId,
          evaluatorId: row.evaluatorId,
          evaluator: row.evaluator,
          value: Number(row.value),
          returned:
            row.returnComment === null || row.returnedAt === null
              ? null
              : { comment: row.returnComment, at: row.returnedAt.toISOString() },
        }));
      for (const score of mine)
        roundScores.push({
          project: member.code,
          criterion: criterion.code,
          evaluator: String(score.evaluatorId),
          value: score.value,
        });
      const figures = disagreementFigures(
        mine.map((score) => score.value),
        round.threshold,
      );
      return { criterionId: criterion.id, scores: mine, ...figures };
    });
    return {
      code: member.code,
      name: member.name,
      department: member.department,
      cells,
      kpis: bound.map((criterion) => ({
        criterionId: criterion.id,
        key: criterion.kpiKey ?? "",
        value: result?.criteria.find((c) => c.code === criterion.code)?.kpi?.value ?? null,
      })),
      finalScore: round.state === "closed" ? (result?.score ?? null) : null,
    };
  });
  const allCells = sheetProjects.flatMap((project) => project.cells);
  return {
    criteria,
    projects: sheetProjects,
    icc: roundIcc(
      criteria.map((criterion) => criterion.code),
      roundScores,
    ),
    flaggedPairs: allCells.filter((cell) => cell.flagged).length,
    scoredPairs: allCells.filter((cell) => cell.scores.length > 0).length,
    pendingReturns: await pendingReturns(db, round.id),
  };
}

/** Scores returned to their evaluators and not yet resubmitted, by project and criterion. */
async function pendingReturns(db: Pick<Database, "select">, roundId: number) {
  return db
    .select({
      project: projects.name,
      evaluator: users.displayName,
      criterion: frameworkNodes.code,
      comment: sql<string>`${scores.returnComment}`,
    })
    .from(scores)
    .innerJoin(assignments, eq(assignments.id, scores.assignmentId))
    .innerJoin(projects, eq(projects.id, assignments.projectId))
    .innerJoin(users, eq(users.id, assignments.evaluatorId))
    .innerJoin(frameworkNodes, eq(frameworkNodes.id, scores.criterionId))
    .where(and(eq(assignments.roundId, roundId), isNotNull(scores.returnedAt)))
    .orderBy(asc(projects.code), asc(frameworkNodes.code), asc(users.username));
}

export interface UncountedAssignment {
  project: string;
  evaluator: string;
  /** Why its scores do not count: never declared, a declared conflict, or a draft. */
  reason: "not_declared" | "conflict" | "draft";
}

/**
 * What closing would do: the projects that get a result, the returned scores that stop
 * it, and the assessments never submitted, whose scores do not count.
 */
export async function closingPreview(db: Database, roundId: number) {
  const [members, pending, open] = await Promise.all([
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(roundProjects)
      .where(eq(roundProjects.roundId, roundId)),
    pendingReturns(db, roundId),
    db
      .select({
        project: projects.name,
        evaluator: users.displayName,
        declaredAt: assignments.noConflictDeclaredAt,
        conflictStatement: assignments.conflictStatement,
      })
      .from(assignments)
      .innerJoin(projects, eq(projects.id, assignments.projectId))
      .innerJoin(users, eq(users.id, assignments.evaluatorId))
      .where(
        and(
          eq(assignments.roundId, roundId),
          eq(assignments.state, "draft"),
          isNull(assignments.submittedAt),
        ),
      )
      .orderBy(asc(projects.code), asc(users.username)),
  ]);
  const uncounted = open.map((row): UncountedAssignment => ({
    project: row.project,
    evaluator: row.evaluator,
    reason:
      row.declaredAt !== null
        ? "draft"
        : row.conflictStatement !== null
          ? "conflict"
          : "not_declared",
  }));
  return { projects: members[0]?.n ?? 0, pendingReturns: pending, uncounted };
}

export type ModerationRefusal =
  | "not_found"
  | "not_open"
  | "not_moderation"
  | "not_submitted"
  | "already_returned"
  | "returns_pending";

export type ModerationResult<T = object> =
  ({ ok: true } & T) | { ok: false; reason: ModerationRefusal; pending?: PendingReturn[] };

/** The round's row, locked for this transaction: its state decides every write. */
async function lockRound(tx: Tx, roundId: number) {
  const [row] = await tx
    .select({ id: evaluationRounds.id, code: evaluationRounds.code, state: evaluationRounds.state })
    .from(evaluationRounds)
    .where(eq(evaluationRounds.id, roundId))
    .for("update");
  return row;
}

/**
 * Open → moderation: from now on evaluators submit nothing new; only a score returned to
 * its evaluator can change (db/queries/assessments.server.ts refuses the rest).
 */
export async function startModeration(
  db: Database,
  roundId: number,
  actor: Actor,
): Promise<ModerationResult> {
  return db.transaction(async (tx) => {
    const round = await lockRound(tx, roundId);
    if (!round) return { ok: false, reason: "not_found" } as const;
    if (round.state !== "open") return { ok: false, reason: "not_open" } as const;
    await tx
      .update(evaluationRounds)
      .set({ state: "moderation" })
      .where(eq(evaluationRounds.id, round.id));
    await recordAudit(tx, {
      actorId: actor.id,
      actorName: actor.name,
      action: "round.moderation_started",
      objectKind: "evaluation_round",
      objectId: round.id,
      before: { state: "open" },
      after: { state: "moderation" },
      ip: actor.ip,
    });
    return { ok: true } as const;
  });
}

/**
 * Returns one evaluator's score on one criterion with the moderator's comment: the
 * assessment goes back to draft so the evaluator can revise that criterion (and only the
 * criteria returned) and resubmit. Only in moderation, and only a submitted score.
 */
export async function returnScore(
  db: Database,
  input: { roundId: number; scoreId: number; comment: string },
  actor: Actor,
): Promise<ModerationResult> {
  return db.transaction(async (tx) => {
    const round = await lockRound(tx, input.roundId);
    if (!round) return { ok: false, reason: "not_found" } as const;
    const [row] = await tx
      .select({
        assignmentId: assignments.id,
        state: assignments.state,
        submittedAt: assignments.submittedAt,
        criterion: frameworkNodes.code,
        value: scores.value,
        returnedAt: scores.returnedAt,
      })
      .from(scores)
      .innerJoin(assignments, eq(assignments.id, scores.assignmentId))
      .innerJoin(frameworkNodes, eq(frameworkNodes.id, scores.criterionId))
      .where(and(eq(scores.id, input.scoreId), eq(assignments.roundId, round.id)))
      .for("update", { of: [assignments, scores] });
    if (!row || row.value === null) return { ok: false, reason: "not_found" } as const;
    if (round.state !== "moderation") return { ok: false, reason: "not_moderation" } as const;
    if (row.submittedAt === null) return { ok: false, reason: "not_submitted" } as const;
    if (row.returnedAt !== null) return { ok: false, reason: "already_returned" } as const;
    const comment = input.comment.trim();
    if (!comment) throw new Error("a returned score needs its comment");
    await tx
      .update(scores)
      .set({ returnComment: comment, returnedAt: new Date(), returnedBy: actor.id })
      .where(eq(scores.id, input.scoreId));
    await tx
      .update(assignments)
      .set({ state: "draft" })
      .where(eq(assignments.id, row.assignmentId));
    await recordAudit(tx, {
      actorId: actor.id,
      actorName: actor.name,
      action: "score.returned",
      objectKind: "score",
      objectId: input.scoreId,
      before: { value: row.value, assignmentState: row.state },
      after: {
        assignmentId: row.assignmentId,
        criterion: row.criterion,
        comment,
        assignmentState: "draft",
      },
      ip: actor.ip,
    });
    return { ok: true } as const;
  });
}

/**
 * Moderation → closed, in the caller's transaction: refused while a returned score waits
 * for its evaluator (the refusal names them). Computes every project's final score
 * through the round's framework (loadRoundResults: the submitted scores, KPI-bound
 * criteria from the KPI engine for the round's period), stores them in round_results,
 * makes the counted assessments final, and records who closed it and when. Assessments
 * never submitted do not count.
 */
export async function closeRoundIn(
  tx: Tx,
  roundId: number,
  actor: Actor,
  at: Date = new Date(),
): Promise<ModerationResult<{ results: number }>> {
  const locked = await lockRound(tx, roundId);
  if (!locked) return { ok: false, reason: "not_found" };
  if (locked.state !== "moderation") return { ok: false, reason: "not_moderation" };
  const pending = await pendingReturns(tx, roundId);
  if (pending.length > 0) return { ok: false, reason: "returns_pending", pending };
  const [row] = await tx
    .select(roundColumns)
    .from(evaluationRounds)
    .innerJoin(frameworks, eq(frameworks.id, evaluationRounds.frameworkId))
    .where(eq(evaluationRounds.id, roundId));
  if (!row) return { ok: false, reason: "not_found" };
  const round = header(row);
  const results = await loadRoundResults(tx, round);
  const idOf = new Map(
    (
      await tx
        .select({ id: projects.id, code: projects.code })
        .from(roundProjects)
        .innerJoin(projects, eq(projects.id, roundProjects.projectId))
        .where(eq(roundProjects.roundId, roundId))
    ).map((project) => [project.code, project.id]),
  );
  if (results.projects.length > 0) {
    await tx.insert(roundResults).values(
      results.projects.map((project) => ({
        roundId,
        projectId: idOf.get(project.code) ?? 0,
        frameworkId: round.framework.id,
        score: project.score === null ? null : String(project.score),
        criteria: project.criteria,
        createdAt: at,
      })),
    );
  }
  await tx
    .update(assignments)
    .set({ state: "final" })
    .where(and(eq(assignments.roundId, roundId), inArray(assignments.state, [...COUNTED_STATES])));
  await tx
    .update(evaluationRounds)
    .set({ state: "closed", closedAt: at, closedBy: actor.id })
    .where(eq(evaluationRounds.id, roundId));
  await recordAudit(tx, {
    actorId: actor.id,
    actorName: actor.name,
    action: "round.closed",
    objectKind: "evaluation_round",
    objectId: roundId,
    before: { state: "moderation" },
    after: { state: "closed", results: results.projects.length },
    ip: actor.ip,
  });
  return { ok: true, results: results.projects.length };
}

/** closeRoundIn in a transaction of its own. */
export async function closeRound(
  db: Database,
  roundId: number,
  actor: Actor,
): Promise<ModerationResult<{ results: number }>> {
  return db.transaction((tx) => closeRoundIn(tx, roundId, actor));
}
