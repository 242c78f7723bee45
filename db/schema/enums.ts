import { pgEnum } from "drizzle-orm/pg-core";

export const regionLevel = pgEnum("region_level", ["province", "city", "county"]);

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
export const lifecycleStage = pgEnum("lifecycle_stage", LIFECYCLE_STAGES);

export const FUNDING_SOURCES = ["fiscal", "special_fund", "private_partner"] as const;
export const fundingSource = pgEnum("funding_source", FUNDING_SOURCES);

export const COST_CATEGORIES = [
  "hardware",
  "software",
  "services",
  "operation_maintenance",
  "security",
  "training",
] as const;
export const costCategory = pgEnum("cost_category", COST_CATEGORIES);

export const indicatorDirection = pgEnum("indicator_direction", ["higher", "lower"]);

export const APPEAL_TYPES = ["complaint", "consultation", "suggestion", "praise"] as const;
export type AppealType = (typeof APPEAL_TYPES)[number];
export const appealType = pgEnum("appeal_type", APPEAL_TYPES);

export const ratingTarget = pgEnum("rating_target", ["service", "project"]);
export const moderationState = pgEnum("moderation_state", ["pending", "approved", "rejected"]);

export const ROLES = ["admin", "leader", "steward", "evaluator"] as const;
export type Role = (typeof ROLES)[number];
export const userRole = pgEnum("user_role", ROLES);

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
export const importKind = pgEnum("import_kind", IMPORT_KINDS);
export const importState = pgEnum("import_state", ["previewed", "committed", "failed", "reverted"]);

export const frameworkNodeKind = pgEnum("framework_node_kind", ["dimension", "criterion"]);
export const criterionScoring = pgEnum("criterion_scoring", ["evaluator", "kpi"]);
export const roundState = pgEnum("round_state", ["planning", "open", "moderation", "closed"]);
/** An evaluator's work on one project moves draft → submitted → moderated → final. */
export const assessmentState = pgEnum("assessment_state", [
  "draft",
  "submitted",
  "moderated",
  "final",
]);
export const snapshotSubject = pgEnum("snapshot_subject", ["project", "department"]);
export const calendarSource = pgEnum("calendar_source", ["package", "import"]);
export const targetDirection = pgEnum("target_direction", ["at_least", "at_most", "between"]);
