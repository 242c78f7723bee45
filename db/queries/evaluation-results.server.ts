import { and, asc, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { projectEarnedValue } from "../../metrics/earned-value";
import {
  projectEvaluation,
  roundIcc,
  type CriterionResult,
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
  roundResults,
  scores,
} from "../schema/evaluation";
import { projects } from "../schema/projects";
import { loadPortfolio, type PortfolioProject } from "./project-portfolio.server";

type Reader = Pick<Database, "select">;

/** Assessments whose scores count: submitted, and everything after. */
export const COUNTED_STATES = ["submitted", "moderated", "final"] as const;

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

export const roundColumns = {
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

export function header(row: {
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
export async function loadFrameworkNodes(
  db: Reader,
  frameworkId: number,
): Promise<FlatFrameworkNode[]> {
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
 * to save loading it again). This is how closing a round computes the final scores it
 * stores (round-moderation.server.ts), and what a round not yet closed shows on read.
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
  return {
    round,
    icc: roundIcc(leafCodes(nodes), roundScores),
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

/** The criteria (leaves) of a framework, in the tree's order. */
function leafCodes(nodes: readonly FlatFrameworkNode[]): string[] {
  return nodes
    .filter((node) => !nodes.some((other) => other.parentCode === node.code))
    .map((node) => node.code);
}

/**
 * A closed round's results as stored when it closed: per project the final score and
 * the per-criterion breakdown, and ICC(2,1) per criterion from the stored scores (the
 * breakdown keeps every evaluator's value), so nothing is recomputed from later data.
 */
export async function loadStoredResults(db: Reader, round: RoundHeader): Promise<RoundResults> {
  const [nodes, rows] = await Promise.all([
    loadFrameworkNodes(db, round.framework.id),
    db
      .select({ code: projects.code, score: roundResults.score, criteria: roundResults.criteria })
      .from(roundResults)
      .innerJoin(projects, eq(projects.id, roundResults.projectId))
      .where(eq(roundResults.roundId, round.id))
      .orderBy(asc(projects.code)),
  ]);
  const stored = rows.map((row) => ({
    code: row.code,
    score: row.score === null ? null : Number(row.score),
    criteria: row.criteria as CriterionResult[],
  }));
  const roundScores: RoundScore[] = stored.flatMap((project) =>
    project.criteria.flatMap((criterion) =>
      Object.entries(criterion.scores).map(([evaluator, value]) => ({
        project: project.code,
        criterion: criterion.code,
        evaluator,
        value,
      })),
    ),
  );
  return { round, icc: roundIcc(leafCodes(nodes), roundScores), projects: stored };
}

/** The stored results of a closed round; a round not yet closed, computed on read. */
export function roundResultsOf(db: Reader, round: RoundHeader): Promise<RoundResults> {
  return round.state === "closed" ? loadStoredResults(db, round) : loadRoundResults(db, round);
}

export interface ProjectRoundRow {
  code: string;
  name: string;
  periodEnd: string;
  state: RoundHeader["state"];
  framework: { code: string; version: number };
  assignments: number;
  submitted: number;
  /** Final score through the framework, 0–100; only for a closed round, else null. */
  score: number | null;
}

/**
 * Every round that includes the project, the latest period first, with its progress and
 * (for a closed round) the project's final score as stored when the round closed.
 */
export async function loadProjectRounds(
  db: Reader,
  project: Pick<PortfolioProject, "id">,
): Promise<ProjectRoundRow[]> {
  const [rounds, progress, stored] = await Promise.all([
    db
      .select(roundColumns)
      .from(roundProjects)
      .innerJoin(evaluationRounds, eq(evaluationRounds.id, roundProjects.roundId))
      .innerJoin(frameworks, eq(frameworks.id, evaluationRounds.frameworkId))
      .where(eq(roundProjects.projectId, project.id))
      .orderBy(desc(evaluationRounds.periodEnd), desc(evaluationRounds.id)),
    db
      .select({ roundId: assignments.roundId, state: assignments.state })
      .from(assignments)
      .where(eq(assignments.projectId, project.id)),
    db
      .select({ roundId: roundResults.roundId, score: roundResults.score })
      .from(roundResults)
      .where(eq(roundResults.projectId, project.id)),
  ]);
  const scoreOf = new Map(stored.map((row) => [row.roundId, row.score]));
  return rounds.map((row) => {
    const round = header(row);
    const mine = progress.filter((assignment) => assignment.roundId === round.id);
    const kept = round.state === "closed" ? scoreOf.get(round.id) : undefined;
    const score = kept === undefined || kept === null ? null : Number(kept);
    return {
      code: round.code,
      name: round.name,
      periodEnd: round.periodEnd,
      state: round.state,
      framework: { code: round.framework.code, version: round.framework.version },
      assignments: mine.length,
      submitted: mine.filter((assignment) =>
        (COUNTED_STATES as readonly string[]).includes(assignment.state),
      ).length,
      score,
    };
  });
}

export interface DepartmentRoundResults {
  round: { code: string; name: string; periodEnd: string; closedAt: string | null };
  framework: { code: string; version: number };
  /** The department's projects in that round, by code, with their stored final scores. */
  projects: Array<{ code: string; name: string; score: number | null }>;
}

/**
 * The stored final scores of a department's projects in the latest closed round that
 * included any of them (the round whose period ends last); null when none has.
 */
export async function loadDepartmentRoundResults(
  db: Reader,
  departmentId: number,
): Promise<DepartmentRoundResults | null> {
  const ofDepartment = and(
    eq(projects.departmentId, departmentId),
    eq(evaluationRounds.state, "closed"),
  );
  const [latest] = await db
    .select({ roundId: evaluationRounds.id })
    .from(roundResults)
    .innerJoin(evaluationRounds, eq(evaluationRounds.id, roundResults.roundId))
    .innerJoin(projects, eq(projects.id, roundResults.projectId))
    .where(ofDepartment)
    .orderBy(desc(evaluationRounds.periodEnd), desc(evaluationRounds.id))
    .limit(1);
  if (!latest) return null;
  const rows = await db
    .select({
      roundCode: evaluationRounds.code,
      roundName: evaluationRounds.name,
      periodEnd: evaluationRounds.periodEnd,
      closedAt: evaluationRounds.closedAt,
      frameworkCode: frameworks.code,
      frameworkVersion: frameworks.version,
      code: projects.code,
      name: projects.name,
      score: roundResults.score,
    })
    .from(roundResults)
    .innerJoin(evaluationRounds, eq(evaluationRounds.id, roundResults.roundId))
    .innerJoin(frameworks, eq(frameworks.id, roundResults.frameworkId))
    .innerJoin(projects, eq(projects.id, roundResults.projectId))
    .where(and(ofDepartment, eq(roundResults.roundId, latest.roundId)))
    .orderBy(asc(projects.code));
  const first = rows[0];
  if (!first) return null;
  return {
    round: {
      code: first.roundCode,
      name: first.roundName,
      periodEnd: first.periodEnd,
      closedAt: first.closedAt?.toISOString() ?? null,
    },
    framework: { code: first.frameworkCode, version: first.frameworkVersion },
    projects: rows.map((row) => ({
      code: row.code,
      name: row.name,
      score: row.score === null ? null : Number(row.score),
    })),
  };
}
