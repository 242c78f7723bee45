/**
 * Evaluation rounds (评价轮次) as a leader runs them: created in planning against a
 * published framework version, edited and filled with projects while planning, opened
 * for the evaluators (planning → open), and evaluators assigned to its projects. Every
 * change takes the round's row lock first, so two leaders acting at once run one after
 * the other and the second sees what the first did; each change and its audit event
 * commit together.
 */
import { and, asc, count, eq, inArray, isNotNull, notInArray, sql } from "drizzle-orm";
import type { Database } from "../client.server";
import { users } from "../schema/accounts";
import { assignments, evaluationRounds, frameworks, roundProjects } from "../schema/evaluation";
import { departments } from "../schema/organisation";
import { projects } from "../schema/projects";
import type { Actor } from "./assessments.server";
import { criteriaScored, criteriaTotal, declarationOf } from "./assignments.server";
import { recordAudit } from "./audit.server";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

export type RoundState = (typeof evaluationRounds.state.enumValues)[number];

/** What a leader sets on a round while it is planned. */
export interface RoundSettings {
  name: string;
  frameworkId: number;
  periodStart: string;
  periodEnd: string;
  deadline: string;
  /** A positive decimal string: scores ranging more than this are flagged for moderation. */
  disagreementThreshold: string;
}

/** Why a change was refused; the route turns each into a message on its field. */
export type RoundRefusal =
  | "not_found"
  | "code_taken"
  | "framework_not_published"
  | "unknown_project"
  | "not_planning"
  | "no_projects"
  | "no_assignments"
  | "deadline_passed"
  | "project_in_round"
  | "project_not_in_round"
  | "not_evaluator"
  | "already_assigned"
  | "conflict_declared"
  | "round_not_assignable"
  | "assignment_not_found"
  | "assignment_submitted"
  | "assignment_withdrawn";

export type RoundResult<T = object> = ({ ok: true } & T) | { ok: false; reason: RoundRefusal };

function refused(reason: RoundRefusal): { ok: false; reason: RoundRefusal } {
  return { ok: false, reason };
}

/** Evaluators are assigned while a round is planned or open; moderation and closing freeze them. */
export function assignable(state: RoundState): boolean {
  return state === "planning" || state === "open";
}

const roundColumns = {
  id: evaluationRounds.id,
  code: evaluationRounds.code,
  name: evaluationRounds.name,
  state: evaluationRounds.state,
  frameworkId: evaluationRounds.frameworkId,
  frameworkCode: frameworks.code,
  frameworkVersion: frameworks.version,
  frameworkName: frameworks.name,
  periodStart: evaluationRounds.periodStart,
  periodEnd: evaluationRounds.periodEnd,
  deadline: evaluationRounds.deadline,
  disagreementThreshold: evaluationRounds.disagreementThreshold,
};

/** Every round, newest period first, with its framework version and project count. */
export async function listRounds(db: Database) {
  return db
    .select({
      ...roundColumns,
      projects: sql<number>`(select count(*)::int from ${roundProjects} rp
        where rp.round_id = ${evaluationRounds.id})`,
    })
    .from(evaluationRounds)
    .innerJoin(frameworks, eq(frameworks.id, evaluationRounds.frameworkId))
    .orderBy(sql`${evaluationRounds.periodStart} desc`, asc(evaluationRounds.code));
}

export type RoundListRow = Awaited<ReturnType<typeof listRounds>>[number];

/** One round by its code (the URL's), with its framework version. */
export async function findRound(db: Database, code: string) {
  const [row] = await db
    .select(roundColumns)
    .from(evaluationRounds)
    .innerJoin(frameworks, eq(frameworks.id, evaluationRounds.frameworkId))
    .where(eq(evaluationRounds.code, code));
  return row;
}

export type RoundRow = NonNullable<Awaited<ReturnType<typeof findRound>>>;

/** The framework versions a round may use: published ones only, by code and version. */
export async function listPublishedFrameworks(db: Database) {
  return db
    .select({
      id: frameworks.id,
      code: frameworks.code,
      version: frameworks.version,
      name: frameworks.name,
    })
    .from(frameworks)
    .where(isNotNull(frameworks.publishedAt))
    .orderBy(asc(frameworks.code), sql`${frameworks.version} desc`);
}

/** What the round pages show of a project: its code, name and department. */
const projectOptionColumns = {
  id: projects.id,
  code: projects.code,
  name: projects.name,
  departmentName: departments.name,
};

/** Projects for the round forms: every project, or those not yet in one round. */
export async function listProjectOptions(db: Database, notInRoundId?: number) {
  const inRound = db
    .select({ id: roundProjects.projectId })
    .from(roundProjects)
    .where(eq(roundProjects.roundId, notInRoundId ?? 0));
  return db
    .select(projectOptionColumns)
    .from(projects)
    .innerJoin(departments, eq(departments.id, projects.departmentId))
    .where(notInRoundId === undefined ? undefined : notInArray(projects.id, inRound))
    .orderBy(asc(projects.code));
}

/** Evaluators one may assign: users with the evaluator role, not disabled. */
export async function listEvaluatorOptions(db: Database) {
  return db
    .select({ id: users.id, username: users.username, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.role, "evaluator"), sql`${users.disabledAt} is null`))
    .orderBy(asc(users.username));
}

/** A round's projects, by code, with their departments. */
export async function listRoundProjects(db: Database, roundId: number) {
  return db
    .select(projectOptionColumns)
    .from(roundProjects)
    .innerJoin(projects, eq(projects.id, roundProjects.projectId))
    .innerJoin(departments, eq(departments.id, projects.departmentId))
    .where(eq(roundProjects.roundId, roundId))
    .orderBy(asc(projects.code));
}

/**
 * The assignments of some rounds (all with `roundIds` undefined), each with what its
 * progress needs: the declaration, criteria scored of those the evaluators score, and
 * whether it was submitted (a score once submitted and then returned still counts as
 * submitted work: its assignment keeps `submittedAt`).
 */
export async function listRoundAssignments(db: Database, roundIds?: readonly number[]) {
  if (roundIds !== undefined && roundIds.length === 0) return [];
  const rows = await db
    .select({
      id: assignments.id,
      roundId: assignments.roundId,
      projectId: assignments.projectId,
      evaluatorId: assignments.evaluatorId,
      evaluator: users.displayName,
      evaluatorUsername: users.username,
      declaredAt: assignments.noConflictDeclaredAt,
      conflictStatement: assignments.conflictStatement,
      state: assignments.state,
      submittedAt: assignments.submittedAt,
      criteriaTotal,
      criteriaScored,
    })
    .from(assignments)
    .innerJoin(evaluationRounds, eq(evaluationRounds.id, assignments.roundId))
    .innerJoin(users, eq(users.id, assignments.evaluatorId))
    .where(roundIds === undefined ? undefined : inArray(assignments.roundId, [...roundIds]))
    .orderBy(asc(assignments.roundId), asc(assignments.projectId), asc(users.username));
  return rows.map((row) => ({
    ...row,
    declaration: declarationOf(row),
    submitted: row.state !== "draft",
    /** Nothing of it was ever submitted: it may still be removed. */
    removable: row.state === "draft" && row.submittedAt === null,
  }));
}

export type RoundAssignmentRow = Awaited<ReturnType<typeof listRoundAssignments>>[number];

/** The round's row, locked until the transaction ends: every change of a round takes it first. */
async function lockRound(tx: Tx, code: string) {
  const [row] = await tx
    .select({
      id: evaluationRounds.id,
      code: evaluationRounds.code,
      name: evaluationRounds.name,
      state: evaluationRounds.state,
      frameworkId: evaluationRounds.frameworkId,
      periodStart: evaluationRounds.periodStart,
      periodEnd: evaluationRounds.periodEnd,
      deadline: evaluationRounds.deadline,
      disagreementThreshold: evaluationRounds.disagreementThreshold,
    })
    .from(evaluationRounds)
    .where(eq(evaluationRounds.code, code))
    .for("update");
  return row;
}

type LockedRound = NonNullable<Awaited<ReturnType<typeof lockRound>>>;

/**
 * Runs a change of the round under its lock, when its state allows the change (else the
 * refusal `wrongState` says why).
 */
async function changeRound<T extends object>(
  db: Database,
  code: string,
  allowed: (state: RoundState) => boolean,
  wrongState: RoundRefusal,
  change: (tx: Tx, round: LockedRound) => Promise<RoundResult<T>>,
): Promise<RoundResult<T>> {
  return db.transaction(async (tx) => {
    const round = await lockRound(tx, code);
    if (!round) return refused("not_found");
    if (!allowed(round.state)) return refused(wrongState);
    return change(tx, round);
  });
}

const planned = (state: RoundState) => state === "planning";

async function isPublished(tx: Tx, frameworkId: number): Promise<boolean> {
  const [row] = await tx
    .select({ id: frameworks.id })
    .from(frameworks)
    .where(and(eq(frameworks.id, frameworkId), isNotNull(frameworks.publishedAt)));
  return row !== undefined;
}

async function findProjects(tx: Tx, ids: readonly number[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const found = await tx
    .select({ id: projects.id, code: projects.code })
    .from(projects)
    .where(inArray(projects.id, unique))
    .orderBy(asc(projects.code));
  return found.length === unique.length ? found : undefined;
}

function auditOf(actor: Actor, action: string, objectKind: string, objectId: string | number) {
  return { actorId: actor.id, actorName: actor.name, action, objectKind, objectId, ip: actor.ip };
}

/** The settings as the audit trail records them. */
function settingsRecord(settings: RoundSettings) {
  return {
    name: settings.name,
    frameworkId: settings.frameworkId,
    periodStart: settings.periodStart,
    periodEnd: settings.periodEnd,
    deadline: settings.deadline,
    disagreementThreshold: settings.disagreementThreshold,
  };
}

/**
 * A new round in planning, on a published framework version, with its first projects.
 * The code is the round's address (/evaluation/rounds/:code) and never changes.
 */
export async function createRound(
  db: Database,
  input: RoundSettings & { code: string; projectIds: readonly number[] },
  actor: Actor,
): Promise<RoundResult<{ code: string }>> {
  return db.transaction(async (tx) => {
    if (!(await isPublished(tx, input.frameworkId))) return refused("framework_not_published");
    const chosen = await findProjects(tx, input.projectIds);
    if (!chosen) return refused("unknown_project");
    // Two leaders creating one code at once: the unique index decides, without an error.
    const [created] = await tx
      .insert(evaluationRounds)
      .values({
        code: input.code,
        name: input.name,
        frameworkId: input.frameworkId,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        deadline: input.deadline,
        disagreementThreshold: input.disagreementThreshold,
        state: "planning",
      })
      .onConflictDoNothing({ target: evaluationRounds.code })
      .returning({ id: evaluationRounds.id });
    if (!created) return refused("code_taken");
    if (chosen.length > 0)
      await tx
        .insert(roundProjects)
        .values(chosen.map((project) => ({ roundId: created.id, projectId: project.id })));
    await recordAudit(tx, {
      ...auditOf(actor, "round.created", "round", input.code),
      after: {
        code: input.code,
        state: "planning",
        ...settingsRecord(input),
        projects: chosen.map((project) => project.code),
      },
    });
    return { ok: true, code: input.code } as const;
  });
}

/** Changes a planned round's name, framework version, period, deadline and threshold. */
export async function updateRound(
  db: Database,
  code: string,
  settings: RoundSettings,
  actor: Actor,
): Promise<RoundResult> {
  return changeRound(db, code, planned, "not_planning", async (tx, round) => {
    if (!(await isPublished(tx, settings.frameworkId))) return refused("framework_not_published");
    await tx
      .update(evaluationRounds)
      .set({ ...settings })
      .where(eq(evaluationRounds.id, round.id));
    await recordAudit(tx, {
      ...auditOf(actor, "round.updated", "round", code),
      before: settingsRecord({ ...round, deadline: round.deadline ?? "" }),
      after: settingsRecord(settings),
    });
    return { ok: true } as const;
  });
}

/**
 * Opens a planned round to its evaluators (planning → open). It needs a project, an
 * assignment and a deadline still ahead (`today`, the local date, is the last day it
 * may be).
 */
export async function openRound(
  db: Database,
  code: string,
  today: string,
  actor: Actor,
): Promise<RoundResult> {
  return changeRound(db, code, planned, "not_planning", async (tx, round) => {
    const [inRound] = await tx
      .select({ n: count() })
      .from(roundProjects)
      .where(eq(roundProjects.roundId, round.id));
    const [assigned] = await tx
      .select({ n: count() })
      .from(assignments)
      .where(eq(assignments.roundId, round.id));
    const counts = { projects: inRound?.n ?? 0, assignments: assigned?.n ?? 0 };
    if (counts.projects === 0) return refused("no_projects");
    if (counts.assignments === 0) return refused("no_assignments");
    if (round.deadline !== null && round.deadline < today) return refused("deadline_passed");
    await tx
      .update(evaluationRounds)
      .set({ state: "open" })
      .where(eq(evaluationRounds.id, round.id));
    await recordAudit(tx, {
      ...auditOf(actor, "round.opened", "round", code),
      before: { state: "planning" },
      after: { state: "open", projects: counts.projects, assignments: counts.assignments },
    });
    return { ok: true } as const;
  });
}

/** Adds a project to a planned round. */
export async function addRoundProject(
  db: Database,
  code: string,
  projectId: number,
  actor: Actor,
): Promise<RoundResult> {
  return changeRound(db, code, planned, "not_planning", async (tx, round) => {
    const [project] = (await findProjects(tx, [projectId])) ?? [];
    if (!project) return refused("unknown_project");
    const [added] = await tx
      .insert(roundProjects)
      .values({ roundId: round.id, projectId })
      .onConflictDoNothing()
      .returning({ projectId: roundProjects.projectId });
    if (!added) return refused("project_in_round");
    await recordAudit(tx, {
      ...auditOf(actor, "round.project_added", "round", code),
      after: { project: project.code },
    });
    return { ok: true } as const;
  });
}

/**
 * Takes a project out of a planned round, with its assignments (nobody has seen them:
 * evaluators see nothing of a round before it opens); the audit event names them.
 */
export async function removeRoundProject(
  db: Database,
  code: string,
  projectId: number,
  actor: Actor,
): Promise<RoundResult> {
  return changeRound(db, code, planned, "not_planning", async (tx, round) => {
    const [project] = (await findProjects(tx, [projectId])) ?? [];
    const gone = await tx
      .select({ evaluator: users.username })
      .from(assignments)
      .innerJoin(users, eq(users.id, assignments.evaluatorId))
      .where(and(eq(assignments.roundId, round.id), eq(assignments.projectId, projectId)))
      .orderBy(asc(users.username));
    const removed = await tx
      .delete(roundProjects)
      .where(and(eq(roundProjects.roundId, round.id), eq(roundProjects.projectId, projectId)))
      .returning({ projectId: roundProjects.projectId });
    if (!project || removed.length === 0) return refused("project_not_in_round");
    await recordAudit(tx, {
      ...auditOf(actor, "round.project_removed", "round", code),
      before: { project: project.code, assignments: gone.map((row) => row.evaluator) },
    });
    return { ok: true } as const;
  });
}

/**
 * Assigns an active evaluator to a project of the round, while the round is planned or
 * open. Refused when the user is no (active) evaluator, is already assigned to this
 * project in this round, or declared a conflict on it (its withdrawn assignment stays).
 */
export async function assignEvaluator(
  db: Database,
  code: string,
  input: { projectId: number; evaluatorId: number },
  actor: Actor,
): Promise<RoundResult<{ assignmentId: number }>> {
  return changeRound(db, code, assignable, "round_not_assignable", async (tx, round) => {
    const [project] = await tx
      .select({ code: projects.code })
      .from(roundProjects)
      .innerJoin(projects, eq(projects.id, roundProjects.projectId))
      .where(
        and(eq(roundProjects.roundId, round.id), eq(roundProjects.projectId, input.projectId)),
      );
    if (!project) return refused("project_not_in_round");
    const [evaluator] = await tx
      .select({ username: users.username, role: users.role, disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.id, input.evaluatorId));
    if (!evaluator || evaluator.role !== "evaluator" || evaluator.disabledAt !== null)
      return refused("not_evaluator");
    const [existing] = await tx
      .select({
        declaredAt: assignments.noConflictDeclaredAt,
        conflictStatement: assignments.conflictStatement,
      })
      .from(assignments)
      .where(
        and(
          eq(assignments.roundId, round.id),
          eq(assignments.projectId, input.projectId),
          eq(assignments.evaluatorId, input.evaluatorId),
        ),
      );
    if (existing)
      return refused(
        declarationOf(existing) === "conflict" ? "conflict_declared" : "already_assigned",
      );
    const [created] = await tx
      .insert(assignments)
      .values({ roundId: round.id, projectId: input.projectId, evaluatorId: input.evaluatorId })
      .onConflictDoNothing()
      .returning({ id: assignments.id });
    if (!created) return refused("already_assigned");
    await recordAudit(tx, {
      ...auditOf(actor, "assignment.created", "assignment", created.id),
      after: { round: round.code, project: project.code, evaluator: evaluator.username },
    });
    return { ok: true, assignmentId: created.id } as const;
  });
}

/**
 * Removes an assignment of the round while nothing of it was ever submitted (its drafts
 * go with it), and while the round is planned or open. A withdrawn assignment (declared
 * conflict) stays: it is the record that keeps that evaluator off the project.
 */
export async function removeAssignment(
  db: Database,
  code: string,
  assignmentId: number,
  actor: Actor,
): Promise<RoundResult> {
  return changeRound(db, code, assignable, "round_not_assignable", async (tx, round) => {
    // The assignment's own lock: a submission under way finishes first, or finds it gone.
    const [row] = await tx
      .select({
        id: assignments.id,
        state: assignments.state,
        submittedAt: assignments.submittedAt,
        declaredAt: assignments.noConflictDeclaredAt,
        conflictStatement: assignments.conflictStatement,
        project: projects.code,
        evaluator: users.username,
      })
      .from(assignments)
      .innerJoin(projects, eq(projects.id, assignments.projectId))
      .innerJoin(users, eq(users.id, assignments.evaluatorId))
      .where(and(eq(assignments.id, assignmentId), eq(assignments.roundId, round.id)))
      .for("update", { of: assignments });
    if (!row) return refused("assignment_not_found");
    if (row.state !== "draft" || row.submittedAt !== null) return refused("assignment_submitted");
    if (declarationOf(row) === "conflict") return refused("assignment_withdrawn");
    await tx.delete(assignments).where(eq(assignments.id, row.id));
    await recordAudit(tx, {
      ...auditOf(actor, "assignment.removed", "assignment", row.id),
      before: {
        round: round.code,
        project: row.project,
        evaluator: row.evaluator,
        declaration: declarationOf(row),
      },
    });
    return { ok: true } as const;
  });
}
