/**
 * Criterion score: the mean of the submitted evaluator scores (nulls — not yet scored —
 * skipped):
 *
 *   score = Σ s / n     (null when n = 0)
 */
export function criterionScore(submittedScores: Iterable<number | null>): number | null {
  let sum = 0;
  let count = 0;
  for (const score of submittedScores) {
    if (score === null || Number.isNaN(score)) continue;
    sum += score;
    count += 1;
  }
  return count === 0 ? null : sum / count;
}

/** A node of a framework: a dimension with children, or a criterion (a leaf). */
export interface FrameworkNode {
  readonly id: string;
  /** Share of its level; the weights of one level sum to 1. */
  readonly weight: number;
  readonly children?: readonly FrameworkNode[];
}

/**
 * Scores of every node of a framework tree, from the criterion scores (leaves):
 *
 *   score(dimension) = Σ w_c · score(c) / Σ w_c   over its children c with a score
 *
 * With every child scored the weights of a level sum to 1 and this is the weighted sum
 * Σ w_c · score(c); with some children unscored it is renormalised over the scored ones.
 * null when no child has a score (or their weights sum to 0). A leaf's score is
 * criterionScores.get(id) (missing → null).
 */
export function frameworkNodeScores(
  nodes: readonly FrameworkNode[],
  criterionScores: ReadonlyMap<string, number | null>,
): Map<string, number | null> {
  const scores = new Map<string, number | null>();
  const visit = (node: FrameworkNode): number | null => {
    const score =
      node.children === undefined || node.children.length === 0
        ? (criterionScores.get(node.id) ?? null)
        : weightedMean(
            node.children.map((child) => ({ weight: child.weight, score: visit(child) })),
          );
    scores.set(node.id, score);
    return score;
  };
  nodes.forEach(visit);
  return scores;
}

/**
 * Project score: the weighted sum over the framework tree (see frameworkNodeScores)
 * of its top-level dimensions:
 *
 *   score = Σ w_d · score(d)  (renormalised over the dimensions with a score)
 */
export function frameworkScore(
  nodes: readonly FrameworkNode[],
  criterionScores: ReadonlyMap<string, number | null>,
): number | null {
  const scores = frameworkNodeScores(nodes, criterionScores);
  return weightedMean(
    nodes.map((node) => ({ weight: node.weight, score: scores.get(node.id) ?? null })),
  );
}

function weightedMean(parts: readonly { weight: number; score: number | null }[]): number | null {
  let weighted = 0;
  let total = 0;
  for (const { weight, score } of parts) {
    if (score === null) continue;
    weighted += weight * score;
    total += weight;
  }
  return total === 0 ? null : weighted / total;
}
