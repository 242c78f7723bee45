import { and, asc, gte, inArray, lte, sql } from "drizzle-orm";
import type { Database } from "../client.server";
import { serviceMonthRollups } from "../schema/rollups";
import { serviceItems } from "../schema/services";

/** One department-month of the services roll-up, in the shape metrics' serviceKpis reads. */
export interface ServiceMonth {
  departmentId: number;
  period: string;
  transactions: number;
  online: number;
  completed: number;
  completedOnTime: number;
}

/** Service-month rows of the departments (all when undefined) for months from..to ("YYYY-MM-01"). */
export async function loadServiceMonths(
  db: Pick<Database, "select">,
  months: { from: string; to: string },
  departmentIds?: readonly number[],
): Promise<ServiceMonth[]> {
  const rows = await db
    .select({
      departmentId: serviceMonthRollups.departmentId,
      period: serviceMonthRollups.period,
      transactions: serviceMonthRollups.transactionsReportingOnline,
      online: serviceMonthRollups.online,
      completed: serviceMonthRollups.completedReportingOnTime,
      completedOnTime: serviceMonthRollups.completedOnTime,
    })
    .from(serviceMonthRollups)
    .where(
      and(
        gte(serviceMonthRollups.period, months.from),
        lte(serviceMonthRollups.period, months.to),
        departmentIds ? inArray(serviceMonthRollups.departmentId, [...departmentIds]) : undefined,
      ),
    )
    .orderBy(asc(serviceMonthRollups.period));
  return rows;
}

export interface ServiceItemRow {
  code: string;
  name: string;
  departmentId: number;
  maturity: number;
  oneVisit: boolean;
  highFrequency: boolean;
  timeLimitDays: number | null;
}

/** Service items (a dimension table) of the departments, all when undefined. */
export async function loadServiceItems(
  db: Pick<Database, "select">,
  departmentIds?: readonly number[],
): Promise<ServiceItemRow[]> {
  return db
    .select({
      code: serviceItems.code,
      name: serviceItems.name,
      departmentId: serviceItems.departmentId,
      maturity: serviceItems.maturity,
      oneVisit: serviceItems.oneVisit,
      highFrequency: serviceItems.highFrequency,
      timeLimitDays: serviceItems.timeLimitDays,
    })
    .from(serviceItems)
    .where(departmentIds ? inArray(serviceItems.departmentId, [...departmentIds]) : undefined)
    .orderBy(sql`${serviceItems.highFrequency} desc`, asc(serviceItems.code));
}
