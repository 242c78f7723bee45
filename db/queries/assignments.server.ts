/** Evaluation assignments (评估任务): which evaluator assesses which project in a round. */
import { and, asc, eq, isNotNull, isNull, ne, or, sql } from "drizzle-orm";
import type { Declaration } from "../../metrics/round-progress";
import type { Database } from "../client.server";
import { users } from "../schema/accounts";
import { assignments, evaluationRounds, frameworkNodes, scores } from "../schema/evaluation";
import { departments } from "../schema/organisation";
import { projects } from "../schema/projects";

/**
 * Criteria an evaluator scores in the assignment's round, and how many of them carry a
 * score ("n of m criteria scored"). KPI-bound criteria are computed, so they count in neither.
 */
export const criteriaTotal = sql<number>`(select count(*)::int from ${frameworkNodes} n
  where n.framework_id = ${evaluationRounds.frameworkId} and n.kind = 'criterion' and n.scoring = 'evaluator')`;
export const criteriaScored = sql<number>`(select count(*)::int from ${scores} s
  join ${frameworkNodes} n on n.id = s.criterion_id
  where s.assignment_id = ${assignments.id} and s.value is not null
    and n.framework_id = ${evaluationRounds.frameworkId} and n.kind = 'criterion' and n.scoring = 'evaluator')`;

/** Scores of the assignment returned by the moderator and not yet resubmitted. */
const returnedScores = sql<number>`(select count(*)::int from ${scores} s
  where s.assignment_id = ${assignments.id} and s.returned_at is not null)`;

/** The joins from an assignment to its project, department, round and evaluator. */
const withProject = [projects, eq(projects.id, assignments.projectId)] as const;
const withDepartment = [departments, eq(departments.id, projects.departmentId)] as const;
const withRound = [evaluationRounds, eq(evaluationRounds.id, assignments.roundId)] as const;
const withEvaluator = [users, eq(users.id, assignments.evaluatorId)] as const;

/** A declared conflict of interest: a statement, and no "no conflict" declaration. */
export const conflictDeclared = and(
  isNull(assignments.noConflictDeclaredAt),
  isNotNull(assignments.conflictStatement),
);

/**
 * Assignments of one evaluator, or of everyone (null) for leaders and admins. An
 * evaluator's list leaves out the assignments it declared a conflict on: they are no
 * longer its work (leaders see them, with the statement); and those of rounds still in
 * planning, which the leader may yet change and has not opened. Like the page before the
 * declaration, it names the project but holds nothing else of it, not even its code.
 */
export async function listAssignments(db: Database, evaluatorId: number | null) {
  return db
    .select({
      id: assignments.id,
      state: assignments.state,
      declaredAt: assignments.noConflictDeclaredAt,
      conflictStatement: assignments.conflictStatement,
      projectName: projects.name,
      departmentName: departments.name,
      roundCode: evaluationRounds.code,
      roundName: evaluationRounds.name,
      roundState: evaluationRounds.state,
      periodEnd: evaluationRounds.periodEnd,
      deadline: evaluationRounds.deadline,
      evaluator: users.displayName,
      criteriaTotal,
      criteriaScored,
      returnedScores,
    })
    .from(assignments)
    .innerJoin(...withProject)
    .innerJoin(...withDepartment)
    .innerJoin(...withRound)
    .innerJoin(...withEvaluator)
    .where(
      evaluatorId === null
        ? undefined
        : and(
            eq(assignments.evaluatorId, evaluatorId),
            ne(evaluationRounds.state, "planning"),
            or(isNotNull(assignments.noConflictDeclaredAt), isNull(assignments.conflictStatement)),
          ),
    )
    .orderBy(asc(evaluationRounds.code), asc(projects.code), asc(users.username));
}

export type AssignmentListRow = Awaited<ReturnType<typeof listAssignments>>[number];

/**
 * One assignment with what anyone may see before the conflict-of-interest declaration:
 * the project's name and department, the round. The project's code (for its figures)
 * stays on the server until the evaluator declared no conflict.
 */
export async function findAssignment(db: Database, id: number) {
  const rows = await db
    .select({
      id: assignments.id,
      evaluatorId: assignments.evaluatorId,
      evaluator: users.displayName,
      state: assignments.state,
      declaredAt: assignments.noConflictDeclaredAt,
      conflictStatement: assignments.conflictStatement,
      submittedAt: assignments.submittedAt,
      projectId: assignments.projectId,
      projectCode: projects.code,
      projectName: projects.name,
      departmentName: departments.name,
      roundId: evaluationRounds.id,
      roundCode: evaluationRounds.code,
      roundName: evaluationRounds.name,
      roundState: evaluationRounds.state,
      frameworkId: evaluationRounds.frameworkId,
      periodStart: evaluationRounds.periodStart,
      periodEnd: evaluationRounds.periodEnd,
      deadline: evaluationRounds.deadline,
      criteriaTotal,
      criteriaScored,
    })
    .from(assignments)
    .innerJoin(...withProject)
    .innerJoin(...withDepartment)
    .innerJoin(...withRound)
    .innerJoin(...withEvaluator)
    .where(eq(assignments.id, id));
  return rows[0];
}

export type AssignmentRow = NonNullable<Awaited<ReturnType<typeof findAssignment>>>;

/** Where an assignment stands on the conflict-of-interest declaration. */
export function declarationOf(
  assignment: Pick<AssignmentRow, "declaredAt" | "conflictStatement">,
): Declaration {
  if (assignment.declaredAt) return "no_conflict";
  return assignment.conflictStatement === null ? "pending" : "conflict";
}
