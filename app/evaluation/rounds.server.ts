/**
 * The leader's round pages' server side: the round by its code (404 when there is none),
 * the figures of its list and page (progress through metrics/round-progress.ts, the
 * deadline through metrics/deadline-reminder.ts, on the local date), and the evaluator's
 * deadline reminders.
 */
import type { AssignmentListRow } from "../../db/queries/assignments.server";
import type { Database } from "../../db/client.server";
import {
  assignable,
  findRound,
  listEvaluatorOptions,
  listProjectOptions,
  listRoundAssignments,
  listRoundProjects,
  listRounds,
  type RoundAssignmentRow,
  type RoundRow,
} from "../../db/queries/rounds.server";
import { getSettings } from "../../db/settings.server";
import { deadlineNear, deadlineStatus, type DeadlineStatus } from "../../metrics/deadline-reminder";
import { assignmentOverdue, roundProgress } from "../../metrics/round-progress";
import { localDateOf } from "../../metrics/time-zone";
import { notFound } from "../utils/permissions.server";

/** Today's local date in the deployment's time zone. */
export function localToday(): string {
  return localDateOf(new Date(), getSettings().timeZone);
}

export async function requireRound(db: Database, code: string | undefined): Promise<RoundRow> {
  const round = code === undefined ? undefined : await findRound(db, code);
  if (!round) throw notFound();
  return round;
}

/** Reminders count only while evaluators can still submit: in an open round with a deadline. */
export function roundDeadline(
  round: { state: string; deadline: string | null },
  today: string,
): DeadlineStatus | null {
  return round.state === "open" && round.deadline !== null
    ? deadlineStatus(round.deadline, today)
    : null;
}

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row)) ?? [];
    group.push(row);
    groups.set(key(row), group);
  }
  return groups;
}

/** Every round with its progress and its count of declared conflicts. */
export async function roundList(db: Database, today: string) {
  const [rounds, assignments] = await Promise.all([listRounds(db), listRoundAssignments(db)]);
  const byRound = groupBy(assignments, (row) => row.roundId);
  return rounds.map((round) => ({
    ...round,
    progress: roundProgress(byRound.get(round.id) ?? [], roundDeadline(round, today)),
  }));
}

/** What the leader's table shows of one assignment. */
function assignmentView(row: RoundAssignmentRow, deadline: DeadlineStatus | null) {
  return {
    id: row.id,
    evaluator: row.evaluator,
    declaration: row.declaration,
    conflictStatement: row.conflictStatement,
    criteriaScored: row.criteriaScored,
    criteriaTotal: row.criteriaTotal,
    submitted: row.submitted,
    removable: row.removable && row.declaration !== "conflict",
    overdue: assignmentOverdue(row, deadline),
  };
}

/**
 * The round page: its projects each with their assignments, what each assign form may
 * offer, the conflicts declared (each project's count of evaluators still on it), the
 * totals, and the projects one may still add while it is planned.
 */
export async function roundPage(db: Database, round: RoundRow, today: string) {
  const planning = round.state === "planning";
  const [projects, assignments, evaluators, addable] = await Promise.all([
    listRoundProjects(db, round.id),
    listRoundAssignments(db, [round.id]),
    assignable(round.state) ? listEvaluatorOptions(db) : Promise.resolve([]),
    planning ? listProjectOptions(db, round.id) : Promise.resolve([]),
  ]);
  const deadline = roundDeadline(round, today);
  const byProject = groupBy(assignments, (row) => row.projectId);
  const projectRows = projects.map((project) => {
    const own = byProject.get(project.id) ?? [];
    const taken = new Set(own.map((row) => row.evaluatorId));
    return {
      ...project,
      assignments: own.map((row) => assignmentView(row, deadline)),
      evaluatorOptions: evaluators.filter((evaluator) => !taken.has(evaluator.id)),
      activeEvaluators: own.filter((row) => row.declaration !== "conflict").length,
    };
  });
  const conflicts = projectRows.flatMap((project) =>
    project.assignments
      .filter((row) => row.declaration === "conflict")
      .map((row) => ({
        id: row.id,
        evaluator: row.evaluator,
        statement: row.conflictStatement ?? "",
        projectName: project.name,
        projectCode: project.code,
        activeEvaluators: project.activeEvaluators,
      })),
  );
  return {
    projects: projectRows,
    conflicts,
    progress: roundProgress(assignments, deadline),
    deadline,
    addable,
    can: {
      edit: planning,
      open: planning,
      assign: assignable(round.state),
      moderate: round.state !== "planning",
    },
  };
}

/**
 * The evaluator's list with each unsubmitted assignment of an open round's deadline
 * status, and the reminders to show at the top: those at most 3 days away, or overdue.
 */
export function withDeadlines<
  T extends Pick<AssignmentListRow, "roundState" | "deadline" | "state">,
>(rows: readonly T[], today: string) {
  const dated = rows.map((row) => ({
    ...row,
    deadlineStatus:
      row.state === "draft"
        ? roundDeadline({ state: row.roundState, deadline: row.deadline }, today)
        : null,
  }));
  return {
    rows: dated,
    reminders: dated.filter(
      (row) => row.deadlineStatus !== null && deadlineNear(row.deadlineStatus),
    ),
  };
}
