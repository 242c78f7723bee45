/**
 * The computed KPIs a framework criterion can be bound to (its kpiKey): the one list the
 * framework validation checks against and the evaluation results compute
 * (db/queries/evaluation-results.server.ts kpiValuesAt), so a key cannot be accepted by
 * one and unknown to the other.
 */
export const FRAMEWORK_KPI_KEYS = [
  "budget_execution",
  "cpi",
  "spi",
  "outcome_achievement",
] as const;

export type FrameworkKpiKey = (typeof FRAMEWORK_KPI_KEYS)[number];

export function isFrameworkKpiKey(key: string): key is FrameworkKpiKey {
  return (FRAMEWORK_KPI_KEYS as readonly string[]).includes(key);
}
