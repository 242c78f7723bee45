import { criterionPathWeights, frameworkTree, type FlatFrameworkNode } from "./evaluation-result";

/**
 * The indicator that stands for every evaluator-scored criterion of a framework: the
 * project's stored evaluation score (评价得分), which already combines them.
 */
export const EVALUATION_SCORE_INDICATOR = "evaluation_score";

/** One indicator of a framework-weighted ranking and its share of the whole. */
export interface IndicatorWeight {
  /** A KPI key, or EVALUATION_SCORE_INDICATOR. */
  readonly id: string;
  readonly weight: number;
}

/**
 * The weights a framework version gives the figures a published project scorecard holds.
 * Each criterion (a leaf) weighs the product of the weights on its path from the top
 * (criterionPathWeights); then
 *
 *   weight(k)                = Σ weight(c)   over the criteria c bound to KPI k
 *   weight(evaluation_score) = Σ weight(c)   over the criteria scored by evaluators
 *
 * so with every level summing to 1 the indicators' weights sum to 1 too. The evaluators'
 * criteria are pooled because a scorecard publishes their combined score, never the
 * criteria one by one. Indicators come in the order their first criterion appears in the
 * tree; an indicator with no criterion is absent.
 */
export function frameworkIndicatorWeights(nodes: readonly FlatFrameworkNode[]): IndicatorWeight[] {
  const kpiOf = new Map(nodes.map((node) => [node.code, node.kpiKey ?? null]));
  const weights = new Map<string, number>();
  for (const [code, weight] of criterionPathWeights(frameworkTree(nodes))) {
    const id = kpiOf.get(code) ?? EVALUATION_SCORE_INDICATOR;
    weights.set(id, (weights.get(id) ?? 0) + weight);
  }
  return [...weights].map(([id, weight]) => ({ id, weight }));
}
