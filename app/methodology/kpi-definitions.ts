/**
 * The KPI definitions the methodology page explains, in DESIGN.md's order, each with its
 * anchor (`/methodology#kpi-<key>`) and the targets (kpi_targets rows) that apply to it.
 * The wording lives in app/i18n/messages/methodology.ts (methodology.kpi.<key>.name and
 * .formula, zh and en); the formulas there follow the doc comments of metrics/.
 */
import { FRAMEWORK_KPI_KEYS } from "../../metrics/framework-kpis";

export const KPI_GROUPS = [
  "appeals",
  "ratings",
  "services",
  "projects",
  "evaluation",
  "ranking",
  "supervision",
] as const;
export type KpiGroup = (typeof KPI_GROUPS)[number];

export const KPI_DEFINITIONS = [
  { key: "received", group: "appeals", targets: [] },
  { key: "reply_rate", group: "appeals", targets: ["reply_rate"] },
  { key: "on_time_reply_rate", group: "appeals", targets: ["on_time_reply_rate"] },
  { key: "first_contact_rate", group: "appeals", targets: ["first_contact_rate"] },
  { key: "median_reply_working_days", group: "appeals", targets: [] },
  { key: "satisfaction_rate", group: "appeals", targets: ["satisfaction_rate"] },
  { key: "bad_review_rate", group: "appeals", targets: ["bad_review_rate"] },
  { key: "rated_share", group: "appeals", targets: [] },
  { key: "service_rating", group: "ratings", targets: ["service_rating_satisfaction"] },
  { key: "service_coverage", group: "services", targets: ["service_coverage"] },
  { key: "high_frequency_coverage", group: "services", targets: ["high_frequency_coverage"] },
  { key: "one_visit_share", group: "services", targets: [] },
  { key: "digital_take_up", group: "services", targets: ["digital_take_up"] },
  { key: "on_time_completion", group: "services", targets: ["on_time_completion"] },
  { key: "earned_value", group: "projects", targets: [] },
  { key: "budget_execution", group: "projects", targets: ["budget_execution"] },
  { key: "cpi", group: "projects", targets: ["cpi"] },
  { key: "spi", group: "projects", targets: ["spi"] },
  { key: "variances", group: "projects", targets: [] },
  { key: "schedule_slip", group: "projects", targets: [] },
  { key: "outcome_achievement", group: "projects", targets: ["outcome_achievement"] },
  { key: "forecast_at_completion", group: "projects", targets: [] },
  { key: "evaluation_score", group: "evaluation", targets: [] },
  { key: "icc", group: "evaluation", targets: [] },
  { key: "composite_index", group: "ranking", targets: [] },
  {
    key: "rectification_on_time_rate",
    group: "supervision",
    targets: ["rectification_on_time_rate"],
  },
] as const satisfies ReadonlyArray<{ key: string; group: KpiGroup; targets: readonly string[] }>;

export type KpiDefinitionKey = (typeof KPI_DEFINITIONS)[number]["key"];

// Every KPI a framework criterion can be bound to has a definition to link to.
const _bound: ReadonlyArray<KpiDefinitionKey> = FRAMEWORK_KPI_KEYS;
void _bound;

/** The anchor of a KPI's definition on /methodology. */
export const kpiAnchor = (key: KpiDefinitionKey) => `kpi-${key}`;

/** The definition a target (kpi_targets.kpi) belongs to, or null for one it does not know. */
export function definitionOfTarget(targetKpi: string): KpiDefinitionKey | null {
  for (const definition of KPI_DEFINITIONS) {
    if ((definition.targets as readonly string[]).includes(targetKpi)) return definition.key;
  }
  return null;
}
