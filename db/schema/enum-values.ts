/**
 * The values of the enums of enums.ts, as plain lists. No drizzle here: the browser
 * build imports these (filters, labels), and pgEnum would bring the ORM along with it.
 */

/** Lifecycle stages of an e-government project, in order. */
export const LIFECYCLE_STAGES = [
  "proposal",
  "feasibility",
  "approval",
  "procurement",
  "construction",
  "trial_operation",
  "acceptance",
  "operation",
  "post_evaluation",
  "retired",
] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const FUNDING_SOURCES = ["fiscal", "special_fund", "private_partner"] as const;

export const COST_CATEGORIES = [
  "hardware",
  "software",
  "services",
  "operation_maintenance",
  "security",
  "training",
] as const;

export const APPEAL_TYPES = ["complaint", "consultation", "suggestion", "praise"] as const;
export type AppealType = (typeof APPEAL_TYPES)[number];

export const ROLES = ["admin", "leader", "steward", "evaluator"] as const;
export type Role = (typeof ROLES)[number];

export const IMPORT_KINDS = [
  "regions",
  "departments",
  "projects",
  "budget-lines",
  "milestones",
  "outcome-indicators",
  "outcome-values",
  "service-items",
  "service-stats",
  "appeals",
  "ratings",
  "calendar",
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Where a rectification case comes from: a bad review, or a leader's supervision notice. */
export const RECTIFICATION_SOURCES = ["rating", "red_flag"] as const;
export type RectificationSource = (typeof RECTIFICATION_SOURCES)[number];

/** open → answered → returned (→ answered again) … → closed (the leader accepted). */
export const RECTIFICATION_STATES = ["open", "answered", "returned", "closed"] as const;
export type RectificationState = (typeof RECTIFICATION_STATES)[number];

/** Where a citizen's comment stands in moderation: shown to the public only when approved. */
export const MODERATION_STATES = ["pending", "approved", "rejected"] as const;
export type ModerationState = (typeof MODERATION_STATES)[number];

/** A rated department's appeal against a rating: the leader upholds or dismisses it. */
export const RATING_APPEAL_STATES = ["pending", "upheld", "dismissed"] as const;
export type RatingAppealState = (typeof RATING_APPEAL_STATES)[number];

/** How a KPI is compared with its target (kpi_targets.direction). */
export const TARGET_DIRECTIONS = ["at_least", "at_most", "between"] as const;
export type TargetDirection = (typeof TARGET_DIRECTIONS)[number];
