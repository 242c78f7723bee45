import { and, asc, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { projectEarnedValue } from "../../metrics/earned-value";
import {
  projectEvaluation,
  roundIcc,
  type FlatFrameworkNode,
  type ProjectEvaluation,
  type RoundScore,
} from "../../metrics/evaluation-result";
import { FRAMEWORK_KPI_KEYS, type FrameworkKpiKey } from "../../metrics/framework-kpis";
import { projectOutcome } from "../../metrics/outcome-achievement";
import type { Database } from "../client.server";
import {
  assignments,
  evaluationRounds,
  frameworkNodes,
  frameworks,
  roundProjects,
  scores,
} from "../schema/evaluation";
import { projects } from "../schema/projects";
import { loadPortfolio, type PortfolioProject } from "./project-portfolio.server";

type Reader = Pick<Database, "select">;

/** Assessments whose scores count: submitted, and everything after. */
const COUNTED_STATES = ["submitted", "moderated", "final"] as const;

export interface RoundHeader {
  id: number;
  code: string;
  name: string;
  state: "planning" | "open" | "moderation" | "closed";
  periodStart: string;
  periodEnd: string;
  framework: { id: number; code: string; version: number };
}

export interface ProjectResult extends ProjectEvaluation {
  code: string;
}

export interface RoundResults {
  round: RoundHeader;
  icc: Record<string, number | null>;
  projects: ProjectResult[];
}

const roundColumns = {
  id: evaluationRounds.id,
  code: evaluationRounds.code,
  name: evaluationRounds.name,
  state: evaluationRounds.state,
  periodStart: evaluationRounds.periodStart,
  periodEnd: evaluationRounds.periodEnd,
  frameworkId: frameworks.id,
  frameworkCode: frameworks.code,
  frameworkVersion: frameworks.version,
};

function header(row: {
  id: number;
  code: string;
  name: string;
  state: RoundHeader["state"];
  periodStart: string;
  periodEnd: string;
  frameworkId: number;
  frameworkCode: string;
  frameworkVersion: number;
}): RoundHeader {
  const { frameworkId, frameworkCode, frameworkVersion, ...round } = row;
  return {
    ...round,
    framework: { id: frameworkId, code: frameworkCode, version: frameworkVersion },
  };
}

/** A round by its code, or (no code) the closed round whose period ends last. */
export async function findResultRound(db: Reader, code?: string): Promise<RoundHeader | null> {
  const [row] = await db
    .select(roundColumns)
    .from(evaluationRounds)
    .innerJoin(frameworks, eq(frameworks.id, evaluationRounds.frameworkId))
    .where(
      code === undefined ? eq(evaluationRounds.state, "closed") : eq(evaluationRounds.code, code),
    )
    .orderBy(desc(evaluationRounds.periodEnd), desc(evaluationRounds.id))
    .limit(1);
  return row ? header(row) : null;
}

/** The framework version's nodes, flat, parents before their children. */
async function loadFrameworkNodes(db: Reader, frameworkId: number): Promise<FlatFrameworkNode[]> {
  const rows = await db
    .select({
      id: frameworkNodes.id,
      parentId: frameworkNodes.parentId,
      code: frameworkNodes.code,
      weight: frameworkNodes.weight,
      minScore: frameworkNodes.minScore,
      maxScore: frameworkNodes.maxScore,
      kpiKey: frameworkNodes.kpiKey,
    })
    .from(frameworkNodes)
    .where(eq(frameworkNodes.frameworkId, frameworkId))
    .orderBy(asc(frameworkNodes.position), asc(frameworkNodes.id));
  const codeOf = new Map(rows.map((row) => [row.id, row.code]));
  return rows.map((row) => ({
    code: row.code,
    parentCode: row.parentId === null ? null : (codeOf.get(row.parentId) ?? null),
    weight: Number(row.weight),
    min: row.minScore === null ? null : Number(row.minScore),
    max: row.maxScore === null ? null : Number(row.maxScore),
    kpiKey: row.kpiKey,
  }));
}

/**
 * The KPI values a framework criterion can be bound to (its kpiKey), of one project at
 * the end of the round's period, computed by metrics as on the project page.
 */
export function kpiValuesAt(project: PortfolioProject, cutoff: string): Map<string, number | null> {
  const earned = projectEarnedValue(project.earnedValueInput, cutoff);
  // A Record over the keys: a key added to FRAMEWORK_KPI_KEYS without a value is a type error.
  const values: Record<FrameworkKpiKey, number | null> = {
    budget_execution: earned.budgetExecution,
    cpi: earned.cpi,
    spi: earned.spi,
    outcome_achievement: projectOutcome(project.indicators, cutoff),
  };
  return new Map(FRAMEWORK_KPI_KEYS.map((key) => [key, values[key]]));
}

/**
 * Scores of a round's projects through the round's framework version: the submitted
 * scores (assessments submitted, moderated or final) and the KPI values at the end of the
 * round's period. `projectId` limits it to one project (its portfolio row may be passed
 * to save loading it again). Final scores are not stored: they are computed from what
 * is stored, the same way for the project page and `npm run kpi -- evaluation`.
 */
export async function loadRoundResults(
  db: Reader,
  round: RoundHeader,
  only?: { projectId: number; portfolio?: PortfolioProject },
): Promise<RoundResults> {
  const projectCondition = only ? eq(roundProjects.projectId, only.projectId) : undefined;
  const [nodes, members, submitted] = await Promise.all([
    loadFrameworkNodes(db, round.framework.id),
    db
      .select({ id: projects.id, code: projects.code })
      .from(roundProjects)
      .innerJoin(projects, eq(projects.id, roundProjects.projectId))
      .where(and(eq(roundProjects.roundId, round.id), projectCondition))
      .orderBy(asc(projects.code)),
    db
      .select({
        projectId: assignments.projectId,
        evaluatorId: assignments.evaluatorId,
        criterion: frameworkNodes.code,
        value: scores.value,
      })
      .from(scores)
      .innerJoin(assignments, eq(assignments.id, scores.assignmentId))
      .innerJoin(frameworkNodes, eq(frameworkNodes.id, scores.criterionId))
      .where(
        and(
          eq(assignments.roundId, round.id),
          inArray(assignments.state, [...COUNTED_STATES]),
          isNotNull(scores.value),
          only ? eq(assignments.projectId, only.projectId) : undefined,
        ),
      ),
  ]);
  const bound = nodes.some((node) => node.kpiKey);
  const portfolio = !bound
    ? []
    : only?.portfolio
      ? [only.portfolio]
      : await loadPortfolio(db).then((rows) =>
          rows.filter((row) => members.some((member) => member.id === row.id)),
        );
  const portfolioOf = new Map(portfolio.map((row) => [row.id, row]));
  const codeOf = new Map(members.map((member) => [member.id, member.code]));
  const roundScores: RoundScore[] = submitted.flatMap((row) => {
    const project = codeOf.get(row.projectId);
    return project === undefined
      ? []
      : [
          {
            project,
            criterion: row.criterion,
            evaluator: String(row.evaluatorId),
            value: Number(row.value),
          },
        ];
  });
  const criteria = nodes
    .filter((node) => !nodes.some((other) => other.parentCode === node.code))
    .map((node) => node.code);
  return {
    round,
    icc: roundIcc(criteria, roundScores),
    projects: members.map((member) => {
      const row = portfolioOf.get(member.id);
      const kpis = row ? kpiValuesAt(row, round.periodEnd) : new Map<string, number | null>();
      return {
        code: member.code,
        ...projectEvaluation(
          nodes,
          roundScores.filter((score) => score.project === member.code),
          kpis,
        ),
      };
    }),
  };
}

export interface ProjectRoundRow {
  code: string;
  name: string;
  state: RoundHeader["state"];
  framework: { code: string; version: number };
  assignments: number;
  submitted: number;
  /** Final score through the framework, 0–100; only for a closed round, else null. */
  score: number | null;
}

/**
 * Every round that includes the project, the latest period first, with its progress and
 * (for a closed round) the project's final score through the round's framework version.
 */
export async function loadProjectRounds(
  db: Reader,
  project: PortfolioProject,
): Promise<ProjectRoundRow[]> {
  const rounds = await db
    .select(roundColumns)
    .from(roundProjects)
    .innerJoin(evaluationRounds, eq(evaluationRounds.id, roundProjects.roundId))
    .innerJoin(frameworks, eq(frameworks.id, evaluationRounds.frameworkId))
    .where(eq(roundProjects.projectId, project.id))
    .orderBy(desc(evaluationRounds.periodEnd), desc(evaluationRounds.id));
  const progress = await db
    .select({ roundId: assignments.roundId, state: assignments.state })
    .from(assignments)
    .where(eq(assignments.projectId, project.id));
  return Promise.all(
    rounds.map(async (row) => {
      const round = header(row);
      const mine = progress.filter((assignment) => assignment.roundId === round.id);
      const score =
        round.state === "closed"
          ? ((await loadRoundResults(db, round, { projectId: project.id, portfolio: project }))
              .projects[0]?.score ?? null)
          : null;
      return {
        code: round.code,
        name: round.name,
        state: round.state,
        framework: { code: round.framework.code, version: round.framework.version },
        assignments: mine.length,
        submitted: mine.filter((assignment) =>
          (COUNTED_STATES as readonly string[]).includes(assignment.state),
        ).length,
        score,
      };
    }),
  );
}
