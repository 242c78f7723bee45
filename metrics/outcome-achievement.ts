import { dayNumberOf, lastDayOfMonth } from "./iso-date";

/** Which way an outcome indicator (绩效目标) improves. */
export type IndicatorDirection = "higher" | "lower";

/** The actual value of an indicator in one period (a month, "YYYY-MM-01" or "YYYY-MM"). */
export interface OutcomeValue {
  readonly period: string;
  readonly actual: number;
}

/** An outcome indicator with its values. */
export interface OutcomeIndicator {
  readonly direction: IndicatorDirection;
  readonly baseline: number;
  readonly target: number;
  /** Share in the project outcome; null or absent: see projectOutcome. */
  readonly weight?: number | null;
  readonly values: readonly OutcomeValue[];
}

/** Achievement is clamped to [0, MAX_ACHIEVEMENT]: overshooting counts up to 120 %. */
export const MAX_ACHIEVEMENT = 1.2;

/**
 * Achievement of one indicator value:
 *
 *   a = clamp((actual − baseline) / (target − baseline), 0, 1.2)
 *
 * The formula covers "lower is better" (target < baseline) by itself. When
 * target = baseline: 1 if actual is at least as good as the target (higher:
 * actual ≥ target; lower: actual ≤ target), else 0.
 */
export function achievement(
  actual: number,
  baseline: number,
  target: number,
  direction: IndicatorDirection,
): number {
  if (target === baseline) {
    const met = direction === "higher" ? actual >= target : actual <= target;
    return met ? 1 : 0;
  }
  const raw = (actual - baseline) / (target - baseline);
  return Math.min(MAX_ACHIEVEMENT, Math.max(0, raw));
}

/**
 * The latest period's value up to the cut-off: the value of the latest period that ends
 * on or before the cut-off date (a month counts once its last day ≤ cut-off, as budget
 * lines do). null when there is none.
 */
export function latestValueAt(values: readonly OutcomeValue[], cutoffDate: string): number | null {
  const cutoff = dayNumberOf(cutoffDate);
  let latestEnd = Number.NEGATIVE_INFINITY;
  let latest: number | null = null;
  for (const value of values) {
    const end = dayNumberOf(lastDayOfMonth(value.period));
    if (end <= cutoff && end > latestEnd) {
      latestEnd = end;
      latest = value.actual;
    }
  }
  return latest;
}

/**
 * Outcome achievement of one indicator at a cut-off: achievement() of its latest value
 * up to the cut-off; null when there is no such value.
 */
export function indicatorAchievement(
  indicator: OutcomeIndicator,
  cutoffDate: string,
): number | null {
  const actual = latestValueAt(indicator.values, cutoffDate);
  if (actual === null) return null;
  return achievement(actual, indicator.baseline, indicator.target, indicator.direction);
}

/**
 * Project outcome: the weighted mean of the achievements of the indicators that have a
 * value up to the cut-off (I):
 *
 *   outcome = Σ_I w·a / Σ_I w
 *
 * Weights: as given when every indicator in I has one; equal when none has; when only
 * some have, each missing weight is the mean of the given ones (so an unweighted
 * indicator counts as an average one). null when I is empty or its weights sum to 0.
 */
export function projectOutcome(
  indicators: readonly OutcomeIndicator[],
  cutoffDate: string,
): number | null {
  const scored: { achievement: number; weight: number | null }[] = [];
  for (const indicator of indicators) {
    const value = indicatorAchievement(indicator, cutoffDate);
    if (value !== null) scored.push({ achievement: value, weight: indicator.weight ?? null });
  }
  const given = scored.flatMap(({ weight }) => (weight === null ? [] : [weight]));
  const fallbackWeight = given.length === 0 ? 1 : given.reduce((a, b) => a + b, 0) / given.length;
  let weighted = 0;
  let totalWeight = 0;
  for (const { achievement: value, weight } of scored) {
    const w = weight ?? fallbackWeight;
    weighted += w * value;
    totalWeight += w;
  }
  return totalWeight === 0 ? null : weighted / totalWeight;
}
