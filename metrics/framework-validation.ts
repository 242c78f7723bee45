import { isFrameworkKpiKey } from "./framework-kpis";

/**
 * A node of a framework version (评价框架) as the editor, the JSON import and publishing
 * see it: flat, with its parent's code (null at the top level), its rubric levels inline.
 */
export interface FrameworkNodeDraft {
  readonly code: string;
  readonly parentCode: string | null;
  readonly kind: "dimension" | "criterion";
  readonly name: string;
  readonly weight: number;
  /** A criterion's: scored by evaluators, or bound to a computed KPI; null for a dimension. */
  readonly scoring: "evaluator" | "kpi" | null;
  readonly kpiKey: string | null;
  /** The rubric's range: an evaluator's score, or the KPI values that count as 0 and 100. */
  readonly min: number | null;
  readonly max: number | null;
  /** Scores below justifyBelow or above justifyAbove need a justification. */
  readonly justifyBelow: number | null;
  readonly justifyAbove: number | null;
  readonly levels: ReadonlyArray<{ label: string; min: number; max: number }>;
}

export interface NodeRef {
  code: string;
  name: string;
}

/** What is wrong with a framework version; each names the node (or level) at fault. */
export type FrameworkIssue =
  | { kind: "empty_framework"; node: null }
  /** The weights of one level (a parent's children, or the top level: parent null). */
  | { kind: "weight_sum"; node: NodeRef | null; sum: number }
  | { kind: "weight_range"; node: NodeRef; weight: number }
  | { kind: "duplicate_code"; node: NodeRef }
  | { kind: "unknown_parent"; node: NodeRef; parentCode: string }
  /** Its parents lead back to itself, never to the top level. */
  | { kind: "parent_cycle"; node: NodeRef }
  | { kind: "empty_dimension"; node: NodeRef }
  | { kind: "criterion_has_children"; node: NodeRef }
  | { kind: "score_range"; node: NodeRef; min: number | null; max: number | null }
  | {
      kind: "justify_outside";
      node: NodeRef;
      side: "below" | "above";
      value: number;
      min: number;
      max: number;
    }
  | { kind: "justify_order"; node: NodeRef; below: number; above: number }
  | { kind: "justify_on_kpi"; node: NodeRef }
  | { kind: "unknown_kpi"; node: NodeRef; kpiKey: string | null }
  | {
      kind: "level_outside";
      node: NodeRef;
      label: string;
      levelMin: number;
      levelMax: number;
      min: number;
      max: number;
    }
  | { kind: "level_order"; node: NodeRef; label: string; levelMin: number; levelMax: number }
  | { kind: "level_overlap"; node: NodeRef; label: string; other: string };

/** How far a level's weights may sum from 1 (stored weights have 6 decimals). */
export const WEIGHT_SUM_TOLERANCE = 1e-6;

const refOf = (node: FrameworkNodeDraft): NodeRef => ({ code: node.code, name: node.name });

/**
 * What is wrong with one criterion or dimension by itself, without the tree: its weight in
 * [0, 1]; a criterion's range min < max; justification thresholds (evaluator-scored
 * only) inside [min, max] with below ≤ above; rubric levels inside the range, each
 * ordered, none overlapping another (both ends count: 0–60 and 60–100 overlap at 60);
 * a KPI-bound criterion names a known KPI key.
 */
export function nodeIssues(node: FrameworkNodeDraft): FrameworkIssue[] {
  const ref = refOf(node);
  const issues: FrameworkIssue[] = [];
  if (!(node.weight >= 0 && node.weight <= 1))
    issues.push({ kind: "weight_range", node: ref, weight: node.weight });
  if (node.kind !== "criterion") return issues;
  if (node.scoring === "kpi" && (node.kpiKey === null || !isFrameworkKpiKey(node.kpiKey)))
    issues.push({ kind: "unknown_kpi", node: ref, kpiKey: node.kpiKey });
  const { min, max } = node;
  const ranged = min !== null && max !== null && min < max;
  if (!ranged) issues.push({ kind: "score_range", node: ref, min, max });
  const { justifyBelow: below, justifyAbove: above } = node;
  if (node.scoring === "kpi" && (below !== null || above !== null))
    issues.push({ kind: "justify_on_kpi", node: ref });
  if (ranged) {
    for (const [side, value] of [
      ["below", below],
      ["above", above],
    ] as const) {
      if (value !== null && (value < min || value > max))
        issues.push({ kind: "justify_outside", node: ref, side, value, min, max });
    }
  }
  if (below !== null && above !== null && below > above)
    issues.push({ kind: "justify_order", node: ref, below, above });
  for (const level of node.levels) {
    const bounds = { label: level.label, levelMin: level.min, levelMax: level.max };
    if (level.min > level.max) issues.push({ kind: "level_order", node: ref, ...bounds });
    else if (ranged && (level.min < min || level.max > max))
      issues.push({ kind: "level_outside", node: ref, ...bounds, min, max });
  }
  const sorted = [...node.levels].sort((a, b) => a.min - b.min || a.max - b.max);
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]!;
    const level = sorted[i]!;
    if (level.min <= previous.max)
      issues.push({ kind: "level_overlap", node: ref, label: level.label, other: previous.label });
  }
  return issues;
}

/**
 * Everything that stops a framework version from being published, in the tree's order:
 * codes unique within the version, parents known, every dimension with at least one
 * child and no criterion with any, the weights of each level (the top level, and the
 * children of each dimension) summing to 1 within WEIGHT_SUM_TOLERANCE, and each node's
 * own issues (nodeIssues). Empty: the version can be published.
 */
export function frameworkIssues(nodes: readonly FrameworkNodeDraft[]): FrameworkIssue[] {
  if (nodes.length === 0) return [{ kind: "empty_framework", node: null }];
  const issues: FrameworkIssue[] = [];
  const byCode = new Map<string, FrameworkNodeDraft>();
  for (const node of nodes) {
    if (byCode.has(node.code)) issues.push({ kind: "duplicate_code", node: refOf(node) });
    else byCode.set(node.code, node);
  }
  const children = new Map<string | null, FrameworkNodeDraft[]>();
  for (const node of nodes) {
    if (node.parentCode !== null && !byCode.has(node.parentCode)) {
      issues.push({ kind: "unknown_parent", node: refOf(node), parentCode: node.parentCode });
      continue;
    }
    const siblings = children.get(node.parentCode) ?? [];
    siblings.push(node);
    children.set(node.parentCode, siblings);
  }
  const checkLevel = (parent: FrameworkNodeDraft | null) => {
    const level = children.get(parent?.code ?? null) ?? [];
    if (parent?.kind === "dimension" && level.length === 0)
      issues.push({ kind: "empty_dimension", node: refOf(parent) });
    if (parent?.kind === "criterion" && level.length > 0)
      issues.push({ kind: "criterion_has_children", node: refOf(parent) });
    if (level.length > 0 && parent?.kind !== "criterion") {
      const sum = level.reduce((total, node) => total + node.weight, 0);
      // Rounded for the message: 0.999998, not 0.9999979999999999.
      if (!(Math.abs(sum - 1) <= WEIGHT_SUM_TOLERANCE))
        issues.push({
          kind: "weight_sum",
          node: parent ? refOf(parent) : null,
          sum: Math.round(sum * 1e9) / 1e9,
        });
    }
  };
  checkLevel(null);
  // Each node has one parent, so from the top level the walk only meets trees.
  const reached = new Set<FrameworkNodeDraft>();
  const visit = (node: FrameworkNodeDraft) => {
    reached.add(node);
    issues.push(...nodeIssues(node));
    checkLevel(node);
    for (const child of children.get(node.code) ?? []) visit(child);
  };
  for (const node of children.get(null) ?? []) visit(node);
  for (const node of byCode.values()) {
    if (!reached.has(node) && loopsBack(node, byCode))
      issues.push({ kind: "parent_cycle", node: refOf(node) });
  }
  return issues;
}

/** Whether a node's chain of parents comes back to a node already on it. */
function loopsBack(node: FrameworkNodeDraft, byCode: ReadonlyMap<string, FrameworkNodeDraft>) {
  const seen = new Set<string>();
  let current: FrameworkNodeDraft | undefined = node;
  while (current) {
    if (seen.has(current.code)) return true;
    seen.add(current.code);
    current = current.parentCode === null ? undefined : byCode.get(current.parentCode);
  }
  return false;
}

/**
 * Whether an evaluator's score needs a justification: below the criterion's
 * justifyBelow or above its justifyAbove (a score equal to a threshold does not).
 */
export function justificationRequired(
  value: number | null,
  thresholds: { justifyBelow: number | null; justifyAbove: number | null },
): boolean {
  if (value === null || Number.isNaN(value)) return false;
  const { justifyBelow, justifyAbove } = thresholds;
  return (
    (justifyBelow !== null && value < justifyBelow) ||
    (justifyAbove !== null && value > justifyAbove)
  );
}
