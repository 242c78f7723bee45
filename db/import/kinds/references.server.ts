import type { Database } from "../../client.server";
import { outcomeIndicators, projects } from "../../schema/projects";
import { departments, regions } from "../../schema/organisation";
import { serviceItems } from "../../schema/services";

type Reader = Pick<Database, "select">;

/**
 * What import rows refer to, by code (and departments by exact name too), loaded once per
 * import: these dimension tables hold hundreds of rows, not millions. Rows of the same
 * file that define a code (a parent department above its children) are added as they pass.
 */
export class References {
  readonly regions = new Map<string, number>();
  readonly departments = new Map<string, number>();
  readonly departmentNames = new Map<string, number>();
  readonly projects = new Map<string, { id: number; departmentId: number }>();
  readonly serviceItems = new Map<string, { id: number; departmentId: number }>();
  /** "projectId|indicatorCode" → indicator id */
  readonly indicators = new Map<string, number>();

  static async load(db: Reader): Promise<References> {
    const refs = new References();
    const [regionRows, departmentRows, projectRows, itemRows, indicatorRows] = await Promise.all([
      db.select({ id: regions.id, code: regions.code }).from(regions),
      db
        .select({ id: departments.id, code: departments.code, name: departments.name })
        .from(departments),
      db
        .select({ id: projects.id, code: projects.code, departmentId: projects.departmentId })
        .from(projects),
      db
        .select({
          id: serviceItems.id,
          code: serviceItems.code,
          departmentId: serviceItems.departmentId,
        })
        .from(serviceItems),
      db
        .select({
          id: outcomeIndicators.id,
          projectId: outcomeIndicators.projectId,
          code: outcomeIndicators.code,
        })
        .from(outcomeIndicators),
    ]);
    for (const row of regionRows) refs.regions.set(row.code, row.id);
    for (const row of departmentRows) {
      refs.departments.set(row.code, row.id);
      refs.departmentNames.set(row.name, row.id);
    }
    for (const row of projectRows)
      refs.projects.set(row.code, { id: row.id, departmentId: row.departmentId });
    for (const row of itemRows)
      refs.serviceItems.set(row.code, { id: row.id, departmentId: row.departmentId });
    for (const row of indicatorRows) refs.indicators.set(`${row.projectId}|${row.code}`, row.id);
    return refs;
  }

  /** A department column holds the department's code or its exact name. */
  department(codeOrName: string): number | undefined {
    return this.departments.get(codeOrName) ?? this.departmentNames.get(codeOrName);
  }
}
