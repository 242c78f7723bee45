import type { Band } from "./variance-band";

/** How a KPI is compared with its target (目标值), as stored in kpi_targets. */
export interface KpiTarget {
  readonly direction: "at_least" | "at_most" | "between";
  /** Green edge: the lower one for at_least and between, the upper one for at_most. */
  readonly target: number;
  /** Upper green edge of "between". */
  readonly targetMax?: number | null;
  /** Lower amber edge (at_least, between). */
  readonly amberFrom?: number | null;
  /** Upper amber edge (at_most, between). */
  readonly amberTo?: number | null;
}

/**
 * Colours a KPI value against its target:
 *
 *   at_least: v ≥ target → green; v ≥ amberFrom → amber; else red (no amberFrom → red)
 *   at_most:  v ≤ target → green; v ≤ amberTo → amber;   else red (no amberTo → red)
 *   between:  target ≤ v ≤ targetMax → green; amberFrom ≤ v ≤ amberTo → amber; else red
 *
 * null value → null. In "between" a missing amber edge falls back to the green edge on
 * that side (no amber band there), and a missing targetMax means no upper limit.
 */
export function compareToTarget(value: number | null, target: KpiTarget): Band | null {
  if (value === null || Number.isNaN(value)) return null;
  const amberFrom = target.amberFrom ?? null;
  const amberTo = target.amberTo ?? null;
  switch (target.direction) {
    case "at_least":
      if (value >= target.target) return "green";
      return amberFrom !== null && value >= amberFrom ? "amber" : "red";
    case "at_most":
      if (value <= target.target) return "green";
      return amberTo !== null && value <= amberTo ? "amber" : "red";
    case "between": {
      const greenMax = target.targetMax ?? Number.POSITIVE_INFINITY;
      if (value >= target.target && value <= greenMax) return "green";
      const amberMin = amberFrom ?? target.target;
      const amberMax = amberTo ?? greenMax;
      return value >= amberMin && value <= amberMax ? "amber" : "red";
    }
  }
}
