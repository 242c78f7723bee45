import { and, asc, gte, inArray, lte, sql } from "drizzle-orm";
import type { Database } from "../client.server";
import { serviceMonthRollups } from "../schema/rollups";
import { serviceItems } from "../schema/services";
import { arrayLiteral } from "../rollups/array-literal";
import { rowsOf } from "./rows-of.server";

/** One department-month of the services roll-up, in the shape metrics' serviceKpis reads. */
export interface ServiceMonth {
  departmentId: number;
  period: string;
  transactions: number;
  online: number;
  completed: number;
  completedOnTime: number;
}

/** Months from..to, both "YYYY-MM-01". */
export interface MonthRange {
  from: string;
  to: string;
}

/** The services roll-up summed by the database, for a page that shows no single month of a department. */
export interface ServiceSums {
  /** Per department, over `range`. */
  byDepartment: Map<number, ServiceMonth>;
  /** Every department together, over `previous`. */
  previous: ServiceMonth[];
  /** Every department together, per month of `months`. */
  byMonth: Map<string, ServiceMonth>;
}

/**
 * The services roll-up summed per department over a range, in all over a previous range,
 * and per month over a run of months, in one query. The counts are additive and never
 * null, so serviceKpis over these sums gives what it gives over the monthly rows.
 */
export async function loadServiceSums(
  db: Pick<Database, "execute">,
  ranges: { range: MonthRange; previous: MonthRange; months: MonthRange },
  departmentIds?: readonly number[],
): Promise<ServiceSums> {
  const inScope = departmentIds
    ? sql`department_id = any(${arrayLiteral([...departmentIds])}::int[])`
    : sql`true`;
  const sums = sql.raw(
    `sum(transactions_reporting_online)::int as transactions, sum(online)::int as online, ` +
      `sum(completed_reporting_on_time)::int as completed, sum(completed_on_time)::int as "completedOnTime"`,
  );
  const between = ({ from, to }: MonthRange) =>
    sql`period >= ${from}::date and period <= ${to}::date and ${inScope}`;
  const rows = await rowsOf<ServiceMonth & { level: "department" | "previous" | "month" }>(
    db,
    sql`
      select 'department' as level, department_id as "departmentId", ${ranges.range.from} as period, ${sums}
      from service_month_rollups where ${between(ranges.range)} group by department_id
      union all
      select 'previous', 0, ${ranges.previous.from}, ${sums}
      from service_month_rollups where ${between(ranges.previous)}
      having count(*) > 0
      union all
      select 'month', 0, to_char(period, 'YYYY-MM-DD'), ${sums}
      from service_month_rollups where ${between(ranges.months)} group by period`,
  );
  const result: ServiceSums = { byDepartment: new Map(), previous: [], byMonth: new Map() };
  for (const { level, ...row } of rows) {
    if (level === "department") result.byDepartment.set(row.departmentId, row);
    else if (level === "previous") result.previous.push(row);
    else result.byMonth.set(row.period, row);
  }
  return result;
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
