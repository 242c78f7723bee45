import { and, asc, count, eq, inArray, or, sql } from "drizzle-orm";
import type { Database } from "../client.server";
import { users } from "../schema/accounts";
import { assignments, evaluationRounds } from "../schema/evaluation";
import { importBatches } from "../schema/imports";
import { departments } from "../schema/organisation";
import { projects } from "../schema/projects";
import { serviceItems } from "../schema/services";

/** Which departments a user may see: every one (null) or these ids. */
export type DepartmentScope = readonly number[] | null;

export interface DepartmentSummary {
  id: number;
  code: string;
  name: string;
  projects: number;
  serviceItems: number;
}

export async function listDepartments(
  db: Database,
  scope: DepartmentScope,
): Promise<DepartmentSummary[]> {
  if (scope && scope.length === 0) return [];
  const projectCounts = db
    .select({ departmentId: projects.departmentId, n: count().as("project_count") })
    .from(projects)
    .groupBy(projects.departmentId)
    .as("project_counts");
  const itemCounts = db
    .select({ departmentId: serviceItems.departmentId, n: count().as("item_count") })
    .from(serviceItems)
    .groupBy(serviceItems.departmentId)
    .as("item_counts");
  const rows = await db
    .select({
      id: departments.id,
      code: departments.code,
      name: departments.name,
      projects: sql<number>`coalesce(${projectCounts.n}, 0)::int`,
      serviceItems: sql<number>`coalesce(${itemCounts.n}, 0)::int`,
    })
    .from(departments)
    .leftJoin(projectCounts, eq(projectCounts.departmentId, departments.id))
    .leftJoin(itemCounts, eq(itemCounts.departmentId, departments.id))
    .where(scope ? inArray(departments.id, [...scope]) : undefined)
    .orderBy(asc(departments.code));
  return rows;
}

export async function findDepartment(db: Database, code: string) {
  const [row] = await db.select().from(departments).where(eq(departments.code, code));
  return row;
}

export async function listDepartmentProjects(db: Database, departmentId: number) {
  return db
    .select({
      code: projects.code,
      name: projects.name,
      stage: projects.stage,
      budgetYuan: projects.budgetYuan,
    })
    .from(projects)
    .where(eq(projects.departmentId, departmentId))
    .orderBy(asc(projects.code));
}

export async function findProject(db: Database, code: string) {
  const [row] = await db
    .select({
      id: projects.id,
      code: projects.code,
      name: projects.name,
      stage: projects.stage,
      category: projects.category,
      budgetYuan: projects.budgetYuan,
      plannedStart: projects.plannedStart,
      plannedEnd: projects.plannedEnd,
      departmentId: projects.departmentId,
      departmentCode: departments.code,
      departmentName: departments.name,
    })
    .from(projects)
    .innerJoin(departments, eq(departments.id, projects.departmentId))
    .where(eq(projects.code, code));
  return row;
}

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

/**
 * Import batches, newest first, of the departments in scope (admins: all), and those the
 * user `madeBy` made (a steward of several departments makes batches filed under none).
 */
export async function listImportBatches(db: Database, scope: DepartmentScope, madeBy?: number) {
  const inScope = scope ? inArray(importBatches.departmentId, [...scope]) : undefined;
  if (scope && scope.length === 0 && madeBy === undefined) return [];
  return db
    .select({
      id: importBatches.id,
      kind: importBatches.kind,
      fileName: importBatches.fileName,
      state: importBatches.state,
      rowsAccepted: importBatches.rowsAccepted,
      rowsRejected: importBatches.rowsRejected,
      createdAt: importBatches.createdAt,
      departmentName: departments.name,
    })
    .from(importBatches)
    .leftJoin(departments, eq(departments.id, importBatches.departmentId))
    .where(
      scope === null
        ? undefined
        : madeBy === undefined
          ? inScope
          : or(scope.length > 0 ? inScope : undefined, eq(importBatches.userId, madeBy)),
    )
    .orderBy(sql`${importBatches.createdAt} desc`)
    .limit(200);
}

export async function findImportBatch(db: Database, id: number) {
  const [row] = await db
    .select()
    .from(importBatches)
    .where(and(eq(importBatches.id, id)));
  return row;
}
