import { group } from "d3";
import { and, asc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import { appealKpisFromCounts, type AppealKpis } from "../../metrics/appeal-kpis";
import { calendarDaysInclusive } from "../../metrics/iso-date";
import {
  lastMonthCountedAt,
  projectEarnedValue,
  type ProjectEarnedValue,
} from "../../metrics/earned-value";
import {
  portfolioEarnedValue,
  type PortfolioEarnedValue,
} from "../../metrics/portfolio-earned-value";
import { serviceKpis, type ServiceKpis } from "../../metrics/service-kpis";
import type { Database } from "../client.server";
import { chosenProjectIds, projectCondition, type ProjectFilter } from "./project-portfolio.server";
import { appealCountsInRange } from "./appeal-figures.server";
import { departments } from "../schema/organisation";
import { milestones, projects } from "../schema/projects";
import { projectMonthSpendRollups, serviceMonthRollups } from "../schema/rollups";
import { serviceItems } from "../schema/services";

/** Local dates, both ends inclusive. */
export interface DateRange {
  from: string;
  to: string;
}

/** Departments to cover: all of them when undefined. */
export type DepartmentFilter = readonly number[] | undefined;

/**
 * Appeals KPIs of DESIGN.md for a range and departments, from the roll-ups (two queries:
 * the additive counts, then the reply-time histogram for the median).
 */
export async function appealKpisFromRollups(
  db: Pick<Database, "execute">,
  range: DateRange,
  departmentIds?: DepartmentFilter,
): Promise<AppealKpis> {
  const counts = await appealCountsInRange(db, range, departmentIds);
  return appealKpisFromCounts(counts, calendarDaysInclusive(range.from, range.to));
}

/**
 * Services KPIs: coverage over the departments' items (a dimension table), take-up and
 * on-time completion over every month from the month of `from` through that of `to`.
 */
export async function serviceKpisFromRollups(
  db: Pick<Database, "select">,
  range: DateRange,
  departmentIds?: DepartmentFilter,
): Promise<ServiceKpis> {
  const items = await db
    .select({
      maturity: serviceItems.maturity,
      oneVisit: serviceItems.oneVisit,
      highFrequency: serviceItems.highFrequency,
    })
    .from(serviceItems)
    .where(departmentIds ? inArray(serviceItems.departmentId, [...departmentIds]) : undefined);
  const sum = (column: (typeof serviceMonthRollups)["online"]) =>
    sql<number>`coalesce(sum(${column}), 0)::bigint`;
  const [stats] = await db
    .select({
      transactions: sum(serviceMonthRollups.transactionsReportingOnline),
      online: sum(serviceMonthRollups.online),
      completed: sum(serviceMonthRollups.completedReportingOnTime),
      completedOnTime: sum(serviceMonthRollups.completedOnTime),
    })
    .from(serviceMonthRollups)
    .where(
      and(
        gte(serviceMonthRollups.period, `${range.from.slice(0, 7)}-01`),
        lte(serviceMonthRollups.period, `${range.to.slice(0, 7)}-01`),
        departmentIds ? inArray(serviceMonthRollups.departmentId, [...departmentIds]) : undefined,
      ),
    );
  const row = {
    transactions: Number(stats?.transactions ?? 0),
    online: Number(stats?.online ?? 0),
    completed: Number(stats?.completed ?? 0),
    completedOnTime: Number(stats?.completedOnTime ?? 0),
  };
  return serviceKpis(items, [row]);
}

export interface ProjectKpis extends ProjectEarnedValue {
  code: string;
  name: string;
  departmentCode: string;
}

/**
 * Earned value of each project in scope at the cut-off, and of the portfolio: four small
 * queries whatever the history's length. Spend is summed in SQL over the months that
 * count at the cut-off (metrics' lastMonthCountedAt), so one line per project reaches
 * metrics' projectEarnedValue; milestones are dimension rows of a few per project.
 */
export async function projectKpisFromRollups(
  db: Pick<Database, "select">,
  cutoff: string,
  filter: ProjectFilter = {},
): Promise<{ portfolio: PortfolioEarnedValue; byProject: ProjectKpis[] }> {
  if (filter.departmentIds && filter.departmentIds.length === 0) {
    return { portfolio: portfolioEarnedValue([]), byProject: [] };
  }
  const rows = await db
    .select({
      id: projects.id,
      code: projects.code,
      name: projects.name,
      budgetYuan: projects.budgetYuan,
      departmentCode: departments.code,
    })
    .from(projects)
    .innerJoin(departments, eq(departments.id, projects.departmentId))
    .where(projectCondition(filter))
    .orderBy(asc(projects.code));
  if (rows.length === 0) return { portfolio: portfolioEarnedValue([]), byProject: [] };
  const ids = chosenProjectIds(db, filter);
  const lastMonth = lastMonthCountedAt(cutoff);
  const [spend, plan] = await Promise.all([
    db
      .select({
        projectId: projectMonthSpendRollups.projectId,
        planned: sql<string>`sum(${projectMonthSpendRollups.plannedYuan})::text`,
        actual: sql<string>`sum(${projectMonthSpendRollups.actualYuan})::text`,
      })
      .from(projectMonthSpendRollups)
      .where(
        and(
          inArray(projectMonthSpendRollups.projectId, ids),
          lte(projectMonthSpendRollups.period, lastMonth),
        ),
      )
      .groupBy(projectMonthSpendRollups.projectId),
    db
      .select({
        projectId: milestones.projectId,
        weight: milestones.weight,
        plannedDate: milestones.plannedDate,
        actualDate: milestones.actualDate,
        forecastDate: milestones.forecastDate,
      })
      .from(milestones)
      .where(inArray(milestones.projectId, ids)),
  ]);
  const spendOf = new Map(spend.map((row) => [row.projectId, row]));
  const milestonesOf = group(plan, (milestone) => milestone.projectId);
  const byProject = rows.map((project) => {
    const total = spendOf.get(project.id);
    return {
      code: project.code,
      name: project.name,
      departmentCode: project.departmentCode,
      ...projectEarnedValue(
        {
          bacYuan: Number(project.budgetYuan),
          budgetLines: total
            ? [
                {
                  period: lastMonth,
                  plannedYuan: Number(total.planned),
                  actualYuan: Number(total.actual),
                },
              ]
            : [],
          milestones: (milestonesOf.get(project.id) ?? []).map((milestone) => ({
            ...milestone,
            weight: Number(milestone.weight),
          })),
        },
        cutoff,
      ),
    };
  });
  return { portfolio: portfolioEarnedValue(byProject), byProject };
}
