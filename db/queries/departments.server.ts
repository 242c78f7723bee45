/** Departments (部门): looked up by code for their pages, listed for the user forms. */
import { asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../client.server";
import { departments } from "../schema/organisation";

export interface DepartmentRef {
  id: number;
  code: string;
  name: string;
}

const refColumns = { id: departments.id, code: departments.code, name: departments.name };

export async function findDepartment(db: Pick<Database, "select">, code: string) {
  const [row] = await db.select().from(departments).where(eq(departments.code, code));
  return row;
}

/** Every department, for the checkboxes of the user forms. */
export async function listDepartmentOptions(db: Database): Promise<DepartmentRef[]> {
  return db.select(refColumns).from(departments).orderBy(asc(departments.code));
}

/**
 * The departments behind these ids, by code; undefined when any id names no
 * department (the form was tampered with, or the department was removed meanwhile).
 */
export async function findDepartmentsByIds(
  db: Pick<Database, "select">,
  ids: readonly number[],
): Promise<DepartmentRef[] | undefined> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const found = await db
    .select(refColumns)
    .from(departments)
    .where(inArray(departments.id, unique))
    .orderBy(asc(departments.code));
  return found.length === unique.length ? found : undefined;
}
