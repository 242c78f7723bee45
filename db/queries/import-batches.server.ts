/** Import batches (导入批次): the list a user may see, and one batch by id. */
import { eq, inArray, or, sql } from "drizzle-orm";
import type { Database } from "../client.server";
import { importBatches } from "../schema/imports";
import { departments } from "../schema/organisation";

/** Which departments a user may see: every one (null) or these ids. */
export type DepartmentScope = readonly number[] | null;

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
  const [row] = await db.select().from(importBatches).where(eq(importBatches.id, id));
  return row;
}
