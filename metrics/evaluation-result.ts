import { criterionScore, frameworkScore, type FrameworkNode } from "./evaluation-score";
import { iccOfScores } from "./icc";

/**
 * A node of a framework version as stored: flat, with its parent's code (null at the top).
 * A criterion (a leaf) carries its rubric's range [min, max]; a KPI-bound one its kpiKey.
 */
export interface FlatFrameworkNode {
  readonly code: string;
  readonly parentCode: string | null;
  readonly weight: number;
  readonly min?: number | null;
  readonly max?: number | null;
  readonly kpiKey?: string | null;
}

/** The tree of a flat framework, children in the order given. Unknown parents throw. */
export function frameworkTree(nodes: readonly FlatFrameworkNode[]): FrameworkNode[] {
  const children = new Map<string | null, FlatFrameworkNode[]>();
  const codes = new Set(nodes.map((node) => node.code));
  for (const node of nodes) {
    if (node.parentCode !== null && !codes.has(node.parentCode)) {
      throw new RangeError(`Framework node ${node.code} has an unknown parent ${node.parentCode}`);
    }
    const siblings = children.get(node.parentCode) ?? [];
    siblings.push(node);
    children.set(node.parentCode, siblings);
  }
  const build = (node: FlatFrameworkNode): FrameworkNode => {
    const below = children.get(node.code);
    return below
      ? { id: node.code, weight: node.weight, children: below.map(build) }
      : { id: node.code, weight: node.weight };
  };
  return (children.get(null) ?? []).map(build);
}

/**
 * A criterion's share of the project score: the product of the weights on its path from
 * the top of the tree,
 *
 *   weight(c) = Π w_a  over c and its ancestors a
 *
 * so that, with every level summing to 1, the criteria's weights sum to 1. Leaves only,
 * in the tree's order.
 */
export function criterionPathWeights(tree: readonly FrameworkNode[]): Map<string, number> {
  const weights = new Map<string, number>();
  const visit = (node: FrameworkNode, above: number) => {
    const weight = above * node.weight;
    if (node.children === undefined || node.children.length === 0) weights.set(node.id, weight);
    else for (const child of node.children) visit(child, weight);
  };
  for (const node of tree) visit(node, 1);
  return weights;
}

/**
 * A value on a rubric's range as a share of it, in percent (clamped to [0, 100], so a KPI
 * beyond the range counts as its end):
 *
 *   percent = (value − min) / (max − min) × 100
 *
 * null without a value, or without a range (min or max missing, or max ≤ min).
 */
export function rubricPercent(
  value: number | null,
  min: number | null | undefined,
  max: number | null | undefined,
): number | null {
  if (value === null || Number.isNaN(value)) return null;
  if (min === null || min === undefined || max === null || max === undefined || max <= min) {
    return null;
  }
  return Math.min(100, Math.max(0, ((value - min) / (max - min)) * 100));
}

/** One evaluator's submitted score of one criterion (of one project). */
export interface CriterionScoreInput {
  readonly criterion: string;
  readonly evaluator: string;
  readonly value: number;
}

export interface CriterionResult {
  code: string;
  /** Share of the project score (criterionPathWeights). */
  weight: number;
  min: number | null;
  max: number | null;
  /** Evaluator id → submitted value on [min, max]; empty for a KPI-bound criterion. */
  scores: Record<string, number>;
  /** Number of submitted scores. */
  n: number;
  /** The value the score uses, 0–100: rubricPercent of the mean score, or of the KPI. */
  mean: number | null;
  /** KPI-bound only: the KPI's key and its value for the round's period (null: no data). */
  kpi?: { key: string; value: number | null };
}

export interface ProjectEvaluation {
  /** frameworkScore of the criteria's means: Σ weight × mean when every mean is known. */
  score: number | null;
  criteria: CriterionResult[];
}

/**
 * A project's evaluation through a framework version. Per criterion (a leaf):
 *
 *   scored by evaluators:  mean = (criterionScore(scores) − min) / (max − min) × 100
 *   bound to a KPI:        mean = (kpi − min) / (max − min) × 100, clamped to [0, 100]
 *
 * and the project score is the weighted sum over the tree (frameworkScore), which equals
 * Σ_c weight(c) × mean(c) when every criterion has a mean; criteria without one (no scores,
 * no KPI value) leave their level renormalised over the others. null when none has a mean.
 * `kpiValues` maps a KPI key to its value (missing → null).
 */
export function projectEvaluation(
  nodes: readonly FlatFrameworkNode[],
  scores: readonly CriterionScoreInput[],
  kpiValues: ReadonlyMap<string, number | null> = new Map(),
): ProjectEvaluation {
  const tree = frameworkTree(nodes);
  const weights = criterionPathWeights(tree);
  const byCode = new Map(nodes.map((node) => [node.code, node]));
  const scoresOf = new Map<string, Record<string, number>>();
  for (const score of scores) {
    const row = scoresOf.get(score.criterion) ?? {};
    row[score.evaluator] = score.value;
    scoresOf.set(score.criterion, row);
  }
  const criteria = [...weights].map(([code, weight]): CriterionResult => {
    const node = byCode.get(code);
    const min = node?.min ?? null;
    const max = node?.max ?? null;
    const kpiKey = node?.kpiKey ?? null;
    if (kpiKey !== null) {
      const value = kpiValues.get(kpiKey) ?? null;
      return {
        code,
        weight,
        min,
        max,
        scores: {},
        n: 0,
        mean: rubricPercent(value, min, max),
        kpi: { key: kpiKey, value },
      };
    }
    const given = scoresOf.get(code) ?? {};
    const values = Object.values(given);
    return {
      code,
      weight,
      min,
      max,
      scores: given,
      n: values.length,
      mean: rubricPercent(criterionScore(values), min, max),
    };
  });
  const means = new Map(criteria.map((criterion) => [criterion.code, criterion.mean]));
  return { score: frameworkScore(tree, means), criteria };
}

/** Submitted scores of a round: one criterion of one project by one evaluator. */
export interface RoundScore extends CriterionScoreInput {
  readonly project: string;
}

/**
 * ICC(2,1) per criterion over a round (iccOfScores: projects × evaluators, the projects
 * scored by every evaluator of the criterion). Every code of `criteria` gets an entry,
 * null when it cannot be computed (KPI-bound, fewer than 2 projects or evaluators).
 */
export function roundIcc(
  criteria: readonly string[],
  scores: readonly RoundScore[],
): Record<string, number | null> {
  const byCriterion = new Map<string, RoundScore[]>();
  for (const score of scores) {
    const list = byCriterion.get(score.criterion) ?? [];
    list.push(score);
    byCriterion.set(score.criterion, list);
  }
  return Object.fromEntries(
    criteria.map((code) => [
      code,
      iccOfScores(
        (byCriterion.get(code) ?? []).map((score) => ({
          subject: score.project,
          rater: score.evaluator,
          value: score.value,
        })),
      ),
    ]),
  );
}
