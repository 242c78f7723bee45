/** Which way an indicator improves. */
export type Direction = "higher" | "lower";

/**
 * Min–max normalisation over the compared set (nulls stay null and are left out of
 * min and max):
 *
 *   higher is better: (v − min) / (max − min)
 *   lower is better:  (max − v) / (max − min)
 *
 * Every known value becomes 1 when max = min. Results lie in [0, 1], 1 being the best.
 */
export function minMaxNormalise(
  values: readonly (number | null)[],
  direction: Direction,
): (number | null)[] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const value of values) {
    if (value === null) continue;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  const span = max - min;
  return values.map((value) => {
    if (value === null) return null;
    if (span === 0) return 1;
    return direction === "higher" ? (value - min) / span : (max - value) / span;
  });
}

/**
 * Distance-to-target normalisation of one value, in [0, 1], 1 once the target is met:
 *
 *   higher is better: min(value / target, 1)
 *   lower is better:  min(target / value, 1)
 *
 * For the ratios to mean anything values and targets are ≥ 0; at the edges a met target
 * gives 1 (0 ≥ target 0, value 0 ≤ any target) and an unmet one with nothing to divide
 * by gives 0 (value ≤ 0 below a positive target; target 0 below a positive value).
 */
export function distanceToTarget(value: number, target: number, direction: Direction): number {
  if (direction === "higher") {
    if (value >= target) return 1;
    return value <= 0 ? 0 : value / target;
  }
  if (value <= target) return 1;
  return target <= 0 ? 0 : target / value;
}
