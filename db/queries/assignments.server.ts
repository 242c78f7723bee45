/** Evaluation assignments (评估任务): which evaluator assesses which project in a round. */
import { asc, eq } from "drizzle-orm";
import type { Database } from "../client.server";
import { users } from "../schema/accounts";
import { assignments, evaluationRounds } from "../schema/evaluation";
import { projects } from "../schema/projects";

/** Assignments of one evaluator, or of everyone (null) for leaders and admins. */
export async function listAssignments(db: Database, evaluatorId: number | null) {
  return db
    .select({
      id: assignments.id,
      state: assignments.state,
      declaredAt: assignments.noConflictDeclaredAt,
      projectCode: projects.code,
      projectName: projects.name,
      roundCode: evaluationRounds.code,
      roundName: evaluationRounds.name,
      evaluator: users.displayName,
    })
    .from(assignments)
    .innerJoin(projects, eq(projects.id, assignments.projectId))
    .innerJoin(evaluationRounds, eq(evaluationRounds.id, assignments.roundId))
    .innerJoin(users, eq(users.id, assignments.evaluatorId))
    .where(evaluatorId === null ? undefined : eq(assignments.evaluatorId, evaluatorId))
    .orderBy(asc(evaluationRounds.code), asc(projects.code), asc(users.username));
}

export async function findAssignment(db: Database, id: number) {
  const rows = await db
    .select({
      id: assignments.id,
      evaluatorId: assignments.evaluatorId,
      state: assignments.state,
      declaredAt: assignments.noConflictDeclaredAt,
      projectCode: projects.code,
      projectName: projects.name,
      roundName: evaluationRounds.name,
      periodStart: evaluationRounds.periodStart,
      periodEnd: evaluationRounds.periodEnd,
    })
    .from(assignments)
    .innerJoin(projects, eq(projects.id, assignments.projectId))
    .innerJoin(evaluationRounds, eq(evaluationRounds.id, assignments.roundId))
    .where(eq(assignments.id, id));
  return rows[0];
}
