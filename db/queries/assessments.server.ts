/**
 * An evaluator's assessment (评审) of one assigned project: the conflict-of-interest
 * declaration, the rubric of the round's framework, and the scores, saved as a draft
 * and then submitted (locked). Every write asks who owns the assignment now, inside its
 * transaction, and leaves an audit event.
 */
import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Database } from "../client.server";
import {
  assignments,
  evaluationRounds,
  frameworkNodes,
  rubricLevels,
  scores,
} from "../schema/evaluation";
import { recordAudit } from "./audit.server";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

export interface Actor {
  id: number;
  name: string;
  ip: string | null;
}

export interface RubricCriterion {
  id: number;
  code: string;
  name: string;
  description: string | null;
  dimensionCode: string | null;
  dimensionName: string | null;
  scoring: "evaluator" | "kpi";
  kpiKey: string | null;
  minScore: number | null;
  maxScore: number | null;
  /** A score below justifyBelow or above justifyAbove needs a justification. */
  justifyBelow?: number | null;
  justifyAbove?: number | null;
  levels: Array<{ label: string; minScore: number; maxScore: number; description: string }>;
}

/**
 * The criteria of a framework version in reading order (dimension by position, then
 * criterion by position), each with its rubric levels from the highest down.
 */
export async function loadRubric(db: Database, frameworkId: number): Promise<RubricCriterion[]> {
  const nodes = await db
    .select()
    .from(frameworkNodes)
    .where(eq(frameworkNodes.frameworkId, frameworkId))
    .orderBy(asc(frameworkNodes.position), asc(frameworkNodes.code));
  const criteria = nodes.filter((node) => node.kind === "criterion");
  const levels =
    criteria.length === 0
      ? []
      : await db
          .select()
          .from(rubricLevels)
          .where(
            inArray(
              rubricLevels.criterionId,
              criteria.map((criterion) => criterion.id),
            ),
          )
          .orderBy(sql`${rubricLevels.maxScore}::numeric desc`, asc(rubricLevels.label));
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const dimensionOrder = (id: number | null) => {
    const parent = id === null ? undefined : byId.get(id);
    return parent ? [parent.position, parent.code] : [-1, ""];
  };
  const ordered = [...criteria].sort((a, b) => {
    const [pa, ca] = dimensionOrder(a.parentId);
    const [pb, cb] = dimensionOrder(b.parentId);
    if (pa !== pb) return Number(pa) - Number(pb);
    if (ca !== cb) return String(ca) < String(cb) ? -1 : 1;
    return a.position - b.position || (a.code < b.code ? -1 : 1);
  });
  return ordered.map((node) => {
    const parent = node.parentId === null ? undefined : byId.get(node.parentId);
    return {
      id: node.id,
      code: node.code,
      name: node.name,
      description: node.description,
      dimensionCode: parent?.code ?? null,
      dimensionName: parent?.name ?? null,
      scoring: node.scoring === "kpi" ? "kpi" : "evaluator",
      kpiKey: node.kpiKey,
      minScore: node.minScore === null ? null : Number(node.minScore),
      maxScore: node.maxScore === null ? null : Number(node.maxScore),
      justifyBelow: node.justifyBelow === null ? null : Number(node.justifyBelow),
      justifyAbove: node.justifyAbove === null ? null : Number(node.justifyAbove),
      levels: levels
        .filter((level) => level.criterionId === node.id)
        .map((level) => ({
          label: level.label,
          minScore: Number(level.minScore),
          maxScore: Number(level.maxScore),
          description: level.description,
        })),
    };
  });
}

export interface StoredScore {
  criterionId: number;
  value: string | null;
  justification: string | null;
  evidence: string | null;
  updatedAt: Date;
  /** The moderator's comment while the score is returned for revision (else null). */
  returnComment: string | null;
}

/** One assignment's scores (its own evaluator's only: scores belong to one assignment). */
export async function loadScores(db: Database, assignmentId: number): Promise<StoredScore[]> {
  return db
    .select({
      criterionId: scores.criterionId,
      value: scores.value,
      justification: scores.justification,
      evidence: scores.evidence,
      updatedAt: scores.updatedAt,
      returnComment: scores.returnComment,
    })
    .from(scores)
    .where(eq(scores.assignmentId, assignmentId));
}

/** Why a write was refused; the route turns each into a status and a message. */
export type AssessmentRefusal =
  | "not_found"
  | "already_declared"
  | "not_declared"
  | "submitted"
  | "round_not_open"
  | "criterion_locked";

export type AssessmentResult<T = object> =
  ({ ok: true } & T) | { ok: false; reason: AssessmentRefusal };

/** The assignment locked for a write, if this evaluator owns it now and has not withdrawn. */
async function lockOwned(tx: Tx, assignmentId: number, evaluatorId: number) {
  const [row] = await tx
    .select({
      id: assignments.id,
      evaluatorId: assignments.evaluatorId,
      state: assignments.state,
      declaredAt: assignments.noConflictDeclaredAt,
      conflictStatement: assignments.conflictStatement,
      roundState: evaluationRounds.state,
      frameworkId: evaluationRounds.frameworkId,
    })
    .from(assignments)
    .innerJoin(evaluationRounds, eq(evaluationRounds.id, assignments.roundId))
    .where(eq(assignments.id, assignmentId))
    .for("update", { of: assignments });
  if (!row || row.evaluatorId !== evaluatorId) return null;
  // Nothing of a round shows to its evaluators before the leader opens it.
  if (row.roundState === "planning") return null;
  // A declared conflict took the assignment out of the evaluator's work.
  if (row.declaredAt === null && row.conflictStatement !== null) return null;
  return row;
}

/**
 * The evaluator's conflict-of-interest declaration (利益冲突声明), made once: no
 * conflict (the project's figures and the rubric open), or a conflict with its statement
 * (the assignment leaves the evaluator's work; leaders see the statement).
 */
export async function declareConflict(
  db: Database,
  input: { assignmentId: number; conflict: boolean; statement: string | null },
  actor: Actor,
): Promise<AssessmentResult> {
  return db.transaction(async (tx) => {
    const row = await lockOwned(tx, input.assignmentId, actor.id);
    if (!row) return { ok: false, reason: "not_found" } as const;
    if (row.declaredAt !== null) return { ok: false, reason: "already_declared" } as const;
    const statement = input.statement?.trim() || null;
    if (input.conflict && !statement) throw new Error("a declared conflict needs its statement");
    await tx
      .update(assignments)
      .set(
        input.conflict
          ? { conflictStatement: statement }
          : { noConflictDeclaredAt: new Date(), conflictStatement: statement },
      )
      .where(eq(assignments.id, row.id));
    await recordAudit(tx, {
      actorId: actor.id,
      actorName: actor.name,
      action: input.conflict ? "assignment.declare_conflict" : "assignment.declare_no_conflict",
      objectKind: "assignment",
      objectId: row.id,
      after: input.conflict ? { conflict: true, statement } : { conflict: false },
      ip: actor.ip,
    });
    return { ok: true } as const;
  });
}

export interface ScoreEntry {
  criterionId: number;
  /** A decimal string, or null: not scored yet. */
  value: string | null;
  justification: string | null;
  evidence: string | null;
}

/**
 * Stores the evaluator's scores as they stand (a draft), and with `submit` locks them
 * (state submitted). Only criteria of the round's framework that evaluators score are
 * written; a criterion with nothing entered has no row. The caller validated a
 * submission (every criterion scored, in range, evidence a web address).
 * In moderation only an assessment with scores returned to it may change, and only those
 * scores (criterion_locked otherwise); resubmitting clears the returns, and the audit
 * event keeps each comment with the value before and after.
 */
export async function saveScores(
  db: Database,
  input: { assignmentId: number; entries: ScoreEntry[]; submit: boolean },
  actor: Actor,
): Promise<AssessmentResult<{ savedAt: Date }>> {
  return db.transaction(async (tx) => {
    const row = await lockOwned(tx, input.assignmentId, actor.id);
    if (!row) return { ok: false, reason: "not_found" } as const;
    if (row.declaredAt === null) return { ok: false, reason: "not_declared" } as const;
    if (row.state !== "draft") return { ok: false, reason: "submitted" } as const;
    const returned = await tx
      .select({
        criterionId: scores.criterionId,
        value: scores.value,
        comment: scores.returnComment,
      })
      .from(scores)
      .where(and(eq(scores.assignmentId, row.id), isNotNull(scores.returnedAt)));
    const revising = returned.length > 0;
    if (row.roundState !== (revising ? "moderation" : "open"))
      return { ok: false, reason: "round_not_open" } as const;
    const returnedIds = new Set(returned.map((score) => score.criterionId));
    if (revising && input.entries.some((entry) => !returnedIds.has(entry.criterionId)))
      return { ok: false, reason: "criterion_locked" } as const;
    const scored = await tx
      .select({ id: frameworkNodes.id })
      .from(frameworkNodes)
      .where(
        and(
          eq(frameworkNodes.frameworkId, row.frameworkId),
          eq(frameworkNodes.kind, "criterion"),
          eq(frameworkNodes.scoring, "evaluator"),
        ),
      );
    const allowed = new Set(scored.map((node) => node.id));
    const entries = input.entries.filter((entry) => allowed.has(entry.criterionId));
    const savedAt = new Date();
    // A returned score keeps its row (and its return) even when cleared in a draft.
    const filled = revising
      ? entries
      : entries.filter((entry) => entry.value !== null || entry.justification || entry.evidence);
    const empty = entries.filter((entry) => !filled.includes(entry));
    if (empty.length > 0) {
      await tx.delete(scores).where(
        and(
          eq(scores.assignmentId, row.id),
          inArray(
            scores.criterionId,
            empty.map((entry) => entry.criterionId),
          ),
        ),
      );
    }
    if (filled.length > 0) {
      await tx
        .insert(scores)
        .values(
          filled.map((entry) => ({
            assignmentId: row.id,
            criterionId: entry.criterionId,
            value: entry.value,
            justification: entry.justification || null,
            evidence: entry.evidence || null,
            updatedAt: savedAt,
          })),
        )
        .onConflictDoUpdate({
          target: [scores.assignmentId, scores.criterionId],
          set: {
            value: sql`excluded.value`,
            justification: sql`excluded.justification`,
            evidence: sql`excluded.evidence`,
            updatedAt: savedAt,
          },
        });
    }
    if (input.submit) {
      await tx
        .update(assignments)
        .set({ state: "submitted", submittedAt: savedAt })
        .where(eq(assignments.id, row.id));
      if (revising)
        await tx
          .update(scores)
          .set({ returnComment: null, returnedAt: null, returnedBy: null })
          .where(eq(scores.assignmentId, row.id));
    }
    const resubmitted = input.submit && revising;
    await recordAudit(tx, {
      actorId: actor.id,
      actorName: actor.name,
      action: resubmitted
        ? "assessment.resubmitted"
        : input.submit
          ? "assignment.submit"
          : "assignment.save_draft",
      objectKind: "assignment",
      objectId: row.id,
      before: resubmitted ? { returned } : undefined,
      after: {
        state: input.submit ? "submitted" : "draft",
        scores: filled.map((entry) => ({ criterionId: entry.criterionId, value: entry.value })),
      },
      ip: actor.ip,
    });
    return { ok: true, savedAt } as const;
  });
}
