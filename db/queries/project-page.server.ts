import { sql } from "drizzle-orm";
import { projectEarnedValue, type ProjectEarnedValue } from "../../metrics/earned-value";
import { lastDayOfMonth } from "../../metrics/iso-date";
import { monthsInRange } from "../../metrics/months-in-range";
import { indicatorAchievement, latestValueAt } from "../../metrics/outcome-achievement";
import type { Database } from "../client.server";
import { loadProjectRounds, type ProjectRoundRow } from "./evaluation-results.server";
import { projectPoint, type ProjectPoint } from "./overview.server";
import { loadPortfolio, type PortfolioProject } from "./project-portfolio.server";
import { loadTargets, type TargetView } from "./targets.server";

type Reader = Pick<Database, "select" | "execute">;

export interface ProjectPage {
  project: Omit<PortfolioProject, "earnedValueInput" | "indicators" | "milestones"> & {
    departmentId: number;
  };
  cutoff: string;
  point: ProjectPoint;
  earnedValue: ProjectEarnedValue;
  milestones: PortfolioProject["milestones"];
  /** Cumulative PV and AC, and EV at each month's end (the last capped at the cut-off). */
  spendCurve: Array<{ month: string; pv: number; ac: number | null; ev: number | null }>;
  indicators: Array<{
    code: string;
    name: string;
    unit: string | null;
    direction: "higher" | "lower";
    baseline: number;
    target: number;
    actual: number | null;
    achievement: number | null;
  }>;
  /** Rounds including the project; a closed round's final score through its framework. */
  evaluations: ProjectRoundRow[];
  sources: Array<{
    batchId: number;
    kind: string;
    fileName: string;
    state: string;
    createdAt: string;
    rows: number;
  }>;
  targets: Record<string, TargetView | undefined>;
}

async function rowsOf<T>(db: Reader, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

/**
 * Everything the project page shows at a cut-off (a fixed number of queries, and three more
 * per closed evaluation round of the project). null: no such project.
 */
export async function loadProjectPage(
  db: Reader,
  code: string,
  cutoff: string,
): Promise<ProjectPage | null> {
  const [project] = await loadPortfolio(db, { projectCode: code });
  if (!project) return null;
  const [targets, evaluations, sources] = await Promise.all([
    loadTargets(db),
    loadProjectRounds(db, project),
    rowsOf<ProjectPage["sources"][number]>(
      db,
      sql`with used as (
            select batch_id from projects where id = ${project.id}
            union all select batch_id from budget_lines where project_id = ${project.id}
            union all select batch_id from milestones where project_id = ${project.id}
            union all select batch_id from outcome_indicators where project_id = ${project.id}
            union all select v.batch_id from outcome_values v join outcome_indicators i on i.id = v.indicator_id where i.project_id = ${project.id}
          )
          select b.id as "batchId", b.kind::text as kind, b.file_name as "fileName", b.state::text as state,
            to_char(b.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "createdAt", count(*)::int as rows
          from used join import_batches b on b.id = used.batch_id
          group by b.id order by b.created_at desc`,
    ),
  ]);
  const input = project.earnedValueInput;
  const periods = input.budgetLines.map((line) => line.period).sort();
  const first = periods[0] ?? project.plannedStart ?? cutoff;
  // Through the cut-off (flat once spending stops) and the plan's end, whichever is later.
  const last =
    [periods.at(-1) ?? cutoff, project.plannedEnd ?? cutoff, cutoff].sort().at(-1) ?? cutoff;
  const spendCurve = monthsInRange(first, last).map((month) => {
    const end = lastDayOfMonth(month);
    const plan = projectEarnedValue(input, end);
    // Actual spend and earned value are facts only up to the cut-off; the plan goes on.
    if (month > cutoff) return { month, pv: plan.pv, ac: null, ev: null };
    const actual = end > cutoff ? projectEarnedValue(input, cutoff) : plan;
    return { month, pv: plan.pv, ac: actual.ac, ev: actual.ev };
  });
  const { earnedValueInput: _input, indicators, milestones, ...facts } = project;
  return {
    project: facts,
    cutoff,
    point: (({ ev: _ev, ...point }) => point)(projectPoint(project, cutoff)),
    earnedValue: projectEarnedValue(input, cutoff),
    milestones,
    spendCurve,
    indicators: indicators.map((indicator) => ({
      code: indicator.code,
      name: indicator.name,
      unit: indicator.unit,
      direction: indicator.direction,
      baseline: indicator.baseline,
      target: indicator.target,
      actual: latestValueAt(indicator.values, cutoff),
      achievement: indicatorAchievement(indicator, cutoff),
    })),
    evaluations,
    sources,
    targets,
  };
}
