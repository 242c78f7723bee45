import { group } from "d3";
import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import type { EarnedValueInput } from "../../metrics/earned-value";
import type { OutcomeIndicator } from "../../metrics/outcome-achievement";
import type { Database } from "../client.server";
import type { LifecycleStage } from "../schema/enums";
import { departments } from "../schema/organisation";
import { milestones, outcomeIndicators, outcomeValues, projects } from "../schema/projects";
import { projectMonthSpendRollups } from "../schema/rollups";

/** Which projects: all of them when a field is undefined. */
export interface ProjectFilter {
  departmentIds?: readonly number[] | undefined;
  projectCode?: string | undefined;
  category?: string | undefined;
  stage?: LifecycleStage | undefined;
}

export interface PortfolioProject {
  id: number;
  code: string;
  name: string;
  departmentId: number;
  departmentCode: string;
  departmentName: string;
  category: string | null;
  stage: LifecycleStage;
  plannedStart: string | null;
  plannedEnd: string | null;
  /** Inputs of metrics' projectEarnedValue; spend of every month (the cut-off rule is metrics'). */
  earnedValueInput: EarnedValueInput;
  milestones: Array<{
    name: string;
    stage: LifecycleStage | null;
    weight: number;
    plannedDate: string;
    actualDate: string | null;
    forecastDate: string | null;
  }>;
  indicators: Array<OutcomeIndicator & { code: string; name: string; unit: string | null }>;
}

/** The projects a filter chooses, as a condition on projects. */
export function projectCondition(filter: ProjectFilter): SQL | undefined {
  return and(
    filter.departmentIds ? inArray(projects.departmentId, [...filter.departmentIds]) : undefined,
    filter.projectCode ? eq(projects.code, filter.projectCode) : undefined,
    filter.category ? eq(projects.category, filter.category) : undefined,
    filter.stage ? eq(projects.stage, filter.stage) : undefined,
  );
}

/**
 * The ids of the projects a filter chooses, as a subquery: a list of hundreds of ids bound
 * one by one took PostgreSQL longer to parse (9 ms at 300) than the query took to run.
 */
export function chosenProjectIds(db: Pick<Database, "select">, filter: ProjectFilter) {
  return db.select({ id: projects.id }).from(projects).where(projectCondition(filter));
}

/**
 * Every project in the filter with what its KPIs need, from dimension rows and the
 * monthly spend roll-up (five queries whatever the number of projects). Computing at a
 * cut-off is left to metrics, so callers can take several cut-offs from one load.
 */
export async function loadPortfolio(
  db: Pick<Database, "select">,
  filter: ProjectFilter = {},
): Promise<PortfolioProject[]> {
  if (filter.departmentIds && filter.departmentIds.length === 0) return [];
  const rows = await db
    .select({
      id: projects.id,
      code: projects.code,
      name: projects.name,
      departmentId: projects.departmentId,
      departmentCode: departments.code,
      departmentName: departments.name,
      category: projects.category,
      stage: projects.stage,
      plannedStart: projects.plannedStart,
      plannedEnd: projects.plannedEnd,
      budgetYuan: projects.budgetYuan,
    })
    .from(projects)
    .innerJoin(departments, eq(departments.id, projects.departmentId))
    .where(projectCondition(filter))
    .orderBy(asc(projects.code));
  if (rows.length === 0) return [];
  const ids = chosenProjectIds(db, filter);
  const [spend, plan, indicators, values] = await Promise.all([
    db
      .select({
        projectId: projectMonthSpendRollups.projectId,
        period: projectMonthSpendRollups.period,
        plannedYuan: projectMonthSpendRollups.plannedYuan,
        actualYuan: projectMonthSpendRollups.actualYuan,
      })
      .from(projectMonthSpendRollups)
      .where(inArray(projectMonthSpendRollups.projectId, ids))
      .orderBy(asc(projectMonthSpendRollups.period)),
    db
      .select({
        projectId: milestones.projectId,
        name: milestones.name,
        stage: milestones.stage,
        weight: milestones.weight,
        plannedDate: milestones.plannedDate,
        actualDate: milestones.actualDate,
        forecastDate: milestones.forecastDate,
      })
      .from(milestones)
      .where(inArray(milestones.projectId, ids))
      .orderBy(asc(milestones.plannedDate), asc(milestones.name)),
    db
      .select()
      .from(outcomeIndicators)
      .where(inArray(outcomeIndicators.projectId, ids))
      .orderBy(asc(outcomeIndicators.code)),
    db
      .select({
        indicatorId: outcomeValues.indicatorId,
        period: outcomeValues.period,
        actual: outcomeValues.actual,
      })
      .from(outcomeValues)
      .innerJoin(outcomeIndicators, eq(outcomeIndicators.id, outcomeValues.indicatorId))
      .where(inArray(outcomeIndicators.projectId, ids))
      .orderBy(asc(outcomeValues.period)),
  ]);
  // One pass to group, not a scan of every row per project.
  const linesOf = group(spend, (line) => line.projectId);
  const milestonesOf = group(plan, (milestone) => milestone.projectId);
  const indicatorsOf = group(indicators, (indicator) => indicator.projectId);
  const valuesOf = group(values, (value) => value.indicatorId);
  return rows.map((project) => {
    const projectMilestones = (milestonesOf.get(project.id) ?? []).map((milestone) => ({
      name: milestone.name,
      stage: milestone.stage,
      weight: Number(milestone.weight),
      plannedDate: milestone.plannedDate,
      actualDate: milestone.actualDate,
      forecastDate: milestone.forecastDate,
    }));
    return {
      id: project.id,
      code: project.code,
      name: project.name,
      departmentId: project.departmentId,
      departmentCode: project.departmentCode,
      departmentName: project.departmentName,
      category: project.category,
      stage: project.stage,
      plannedStart: project.plannedStart,
      plannedEnd: project.plannedEnd,
      earnedValueInput: {
        bacYuan: Number(project.budgetYuan),
        budgetLines: (linesOf.get(project.id) ?? []).map((line) => ({
          period: line.period,
          plannedYuan: Number(line.plannedYuan),
          actualYuan: Number(line.actualYuan),
        })),
        milestones: projectMilestones,
      },
      milestones: projectMilestones,
      indicators: (indicatorsOf.get(project.id) ?? []).map((indicator) => ({
        code: indicator.code,
        name: indicator.name,
        unit: indicator.unit,
        direction: indicator.direction,
        baseline: Number(indicator.baseline),
        target: Number(indicator.target),
        weight: indicator.weight === null ? null : Number(indicator.weight),
        values: (valuesOf.get(indicator.id) ?? []).map((value) => ({
          period: value.period,
          actual: Number(value.actual),
        })),
      })),
    };
  });
}
