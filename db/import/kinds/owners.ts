import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { outcomeIndicators, projects } from "../../schema/projects";
import { serviceItems } from "../../schema/services";

/**
 * The department of a stored row, for StoredOwner: the parent's as stored, not as the
 * import's References loaded it, so that a project moved meanwhile is judged where it is.
 */

/** The department of the project whose id `projectId` holds. */
export function projectDepartment(projectId: AnyPgColumn): SQL {
  return sql`(select ${projects.departmentId} from ${projects} where ${projects.id} = ${projectId})`;
}

/** The department of the service item whose id `itemId` holds. */
export function serviceItemDepartment(itemId: AnyPgColumn): SQL {
  return sql`(select ${serviceItems.departmentId} from ${serviceItems} where ${serviceItems.id} = ${itemId})`;
}

/** The department of the project of the outcome indicator whose id `indicatorId` holds. */
export function indicatorDepartment(indicatorId: AnyPgColumn): SQL {
  return sql`(select ${projects.departmentId} from ${outcomeIndicators}
    join ${projects} on ${projects.id} = ${outcomeIndicators.projectId}
    where ${outcomeIndicators.id} = ${indicatorId})`;
}
