import type { KpiTarget } from "./target-comparison";

/** A band edge of a target that contradicts the others, and why. */
export interface TargetEdgeProblem {
  readonly field: "targetMax" | "amberFrom" | "amberTo";
  /**
   * required: "between" needs an upper green edge; notAllowed: the direction has no such
   * edge; belowMin: the upper green edge lies below the lower one; wrongSide: an amber
   * edge lies inside the green band, or on its edge, instead of beyond it.
   */
  readonly problem: "required" | "notAllowed" | "belowMin" | "wrongSide";
}

/**
 * Checks that a target's band edges describe bands in order, as compareToTarget reads
 * them (an empty list: consistent):
 *
 *   at_least: amberFrom < target                     (no targetMax, no amberTo)
 *   at_most:  target < amberTo                       (no targetMax, no amberFrom)
 *   between:  amberFrom < target ≤ targetMax < amberTo (targetMax required)
 *
 * Amber edges are optional: without one there is no amber band on that side.
 */
export function targetEdgeProblems(target: KpiTarget): TargetEdgeProblem[] {
  const problems: TargetEdgeProblem[] = [];
  const targetMax = target.targetMax ?? null;
  const amberFrom = target.amberFrom ?? null;
  const amberTo = target.amberTo ?? null;
  const add = (field: TargetEdgeProblem["field"], problem: TargetEdgeProblem["problem"]) =>
    problems.push({ field, problem });
  switch (target.direction) {
    case "at_least":
      if (targetMax !== null) add("targetMax", "notAllowed");
      if (amberFrom !== null && amberFrom >= target.target) add("amberFrom", "wrongSide");
      if (amberTo !== null) add("amberTo", "notAllowed");
      break;
    case "at_most":
      if (targetMax !== null) add("targetMax", "notAllowed");
      if (amberFrom !== null) add("amberFrom", "notAllowed");
      if (amberTo !== null && amberTo <= target.target) add("amberTo", "wrongSide");
      break;
    case "between":
      if (targetMax === null) add("targetMax", "required");
      else if (targetMax < target.target) add("targetMax", "belowMin");
      if (amberFrom !== null && amberFrom >= target.target) add("amberFrom", "wrongSide");
      if (amberTo !== null && amberTo <= (targetMax ?? target.target)) add("amberTo", "wrongSide");
      break;
  }
  return problems;
}
