/**
 * The evaluator workspace's server side: whose assignment this is, what of the project
 * may be shown at which step (conflict of interest first), and what each refusal of
 * db/queries/assessments.server.ts says.
 */
import type { AssessmentRefusal } from "../../db/queries/assessments.server";
import { loadRubric, loadScores } from "../../db/queries/assessments.server";
import {
  declarationOf,
  findAssignment,
  type AssignmentRow,
} from "../../db/queries/assignments.server";
import type { Database } from "../../db/client.server";
import { loadProjectPage } from "../../db/queries/project-page.server";
import { getSettings } from "../../db/settings.server";
import { localDateOf } from "../../metrics/time-zone";
import type { I18n, MessageKey } from "../i18n/i18n";
import { notFound, type SessionUser } from "../utils/permissions.server";

/**
 * The assignment, if this user may open it: leaders and admins any; an evaluator only
 * its own, not while its round is still planned (nothing of a round shows before the
 * leader opens it), and not once it declared a conflict (the assignment left its work).
 * Else 404.
 */
export async function requireOpenAssignment(
  db: Database,
  user: SessionUser,
  id: number,
): Promise<AssignmentRow> {
  const assignment = await findAssignment(db, id);
  if (!assignment) throw notFound();
  if (user.role === "evaluator") {
    if (assignment.evaluatorId !== user.id) throw notFound();
    if (assignment.roundState === "planning") throw notFound();
    if (declarationOf(assignment) === "conflict") throw notFound();
  }
  return assignment;
}

/** What may be shown before anything else: the project's name and department, the round. */
export function assignmentHeader(assignment: AssignmentRow) {
  return {
    id: assignment.id,
    projectName: assignment.projectName,
    departmentName: assignment.departmentName,
    roundName: assignment.roundName,
    periodStart: assignment.periodStart,
    periodEnd: assignment.periodEnd,
  };
}

/** The day the project's figures are read at: the round's end, or today (local) if sooner. */
function figuresCutoff(periodEnd: string): string {
  const today = localDateOf(new Date(), getSettings().timeZone);
  return periodEnd < today ? periodEnd : today;
}

/**
 * The project's internal figures as the project page shows them (earned value,
 * milestones, outcome indicators), read-only. Not the page's evaluation figures: an
 * evaluator never sees other evaluators' scores.
 */
export async function projectFigures(db: Database, assignment: AssignmentRow) {
  const page = await loadProjectPage(
    db,
    assignment.projectCode,
    figuresCutoff(assignment.periodEnd),
  );
  if (!page) throw notFound();
  return {
    code: page.project.code,
    stage: page.project.stage,
    cutoff: page.cutoff,
    earnedValue: page.earnedValue,
    milestones: page.milestones.map((milestone) => ({
      name: milestone.name,
      plannedDate: milestone.plannedDate,
      actualDate:
        milestone.actualDate && milestone.actualDate <= page.cutoff ? milestone.actualDate : null,
      forecastDate: milestone.forecastDate,
    })),
    indicators: page.indicators,
  };
}

/** The scoring step: the round's rubric and this assignment's own scores. */
export async function scoringSheet(db: Database, assignment: AssignmentRow) {
  const [criteria, stored] = await Promise.all([
    loadRubric(db, assignment.frameworkId),
    loadScores(db, assignment.id),
  ]);
  const lastSaved = stored.reduce<Date | null>(
    (latest, score) => (latest === null || score.updatedAt > latest ? score.updatedAt : latest),
    null,
  );
  return {
    criteria,
    scores: stored.map(({ updatedAt: _updatedAt, ...score }) => score),
    lastSavedAt: lastSaved?.toISOString() ?? null,
  };
}

const REFUSALS: Record<AssessmentRefusal, { status: number; message: MessageKey }> = {
  not_found: { status: 404, message: "evaluation.refusal.not_found" },
  already_declared: { status: 409, message: "evaluation.refusal.already_declared" },
  not_declared: { status: 409, message: "evaluation.refusal.not_declared" },
  submitted: { status: 409, message: "evaluation.refusal.submitted" },
  round_not_open: { status: 409, message: "evaluation.refusal.round_not_open" },
  criterion_locked: { status: 409, message: "moderation.refusal.criterionLocked" },
};

/** A refusal as a status and a message for the form's error summary. */
export function refusalOf(i18n: I18n, reason: AssessmentRefusal) {
  const { status, message } = REFUSALS[reason];
  return { status, errors: { form: i18n.t(message) } };
}

/** Who acts, for the audit trail. */
export function actorOf(user: SessionUser, ip: string | null) {
  return { id: user.id, name: user.username, ip };
}
