/**
 * Effective weight (实际权重) of every node of a framework tree: the share of the project
 * score that the node carries, the product of the weights on its path from the top:
 *
 *   effective(node) = w(node) × effective(parent)      effective(top-level node) = w(node)
 *
 * Each level's weights sum to 1, so the effective weights of the criteria (the leaves)
 * sum to 1 too, and the project score Σ w_d · Σ w_c · s_c equals Σ effective(c) · s_c when
 * every criterion is scored (metrics/evaluation-score.ts). A node whose parent is not in
 * the list is treated as top-level.
 */
export interface WeightedNode<Id> {
  readonly id: Id;
  readonly parentId: Id | null;
  readonly weight: number;
}

export function effectiveWeights<Id>(nodes: readonly WeightedNode<Id>[]): Map<Id, number> {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const result = new Map<Id, number>();
  const visiting = new Set<Id>();
  const of = (node: WeightedNode<Id>): number => {
    const known = result.get(node.id);
    if (known !== undefined) return known;
    // A cycle cannot be stored (parents are inserted first), but never loop on one.
    if (visiting.has(node.id))
      throw new RangeError(`The framework tree has a cycle at ${String(node.id)}`);
    visiting.add(node.id);
    const parent = node.parentId === null ? undefined : byId.get(node.parentId);
    const value = parent ? node.weight * of(parent) : node.weight;
    visiting.delete(node.id);
    result.set(node.id, value);
    return value;
  };
  nodes.forEach(of);
  return result;
}
