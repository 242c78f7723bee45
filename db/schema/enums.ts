import { pgEnum } from "drizzle-orm/pg-core";
import {
  APPEAL_TYPES,
  COST_CATEGORIES,
  FUNDING_SOURCES,
  IMPORT_KINDS,
  LIFECYCLE_STAGES,
  MODERATION_STATES,
  RATING_APPEAL_STATES,
  RECTIFICATION_SOURCES,
  RECTIFICATION_STATES,
  ROLES,
  TARGET_DIRECTIONS,
} from "./enum-values";

// The value lists live in enum-values.ts, which the browser may import; the server's
// modules keep importing them from here.
export * from "./enum-values";

export const regionLevel = pgEnum("region_level", ["province", "city", "county"]);

export const lifecycleStage = pgEnum("lifecycle_stage", LIFECYCLE_STAGES);

export const fundingSource = pgEnum("funding_source", FUNDING_SOURCES);

export const costCategory = pgEnum("cost_category", COST_CATEGORIES);

export const indicatorDirection = pgEnum("indicator_direction", ["higher", "lower"]);

export const appealType = pgEnum("appeal_type", APPEAL_TYPES);

export const ratingTarget = pgEnum("rating_target", ["service", "project"]);
export const moderationState = pgEnum("moderation_state", MODERATION_STATES);
export const ratingAppealState = pgEnum("rating_appeal_state", RATING_APPEAL_STATES);

export const userRole = pgEnum("user_role", ROLES);

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
export const rectificationSource = pgEnum("rectification_source", RECTIFICATION_SOURCES);
export const rectificationState = pgEnum("rectification_state", RECTIFICATION_STATES);
export const rectificationStepKind = pgEnum("rectification_step_kind", [
  "answered",
  "returned",
  "accepted",
]);
export const snapshotSubject = pgEnum("snapshot_subject", ["project", "department"]);
export const calendarSource = pgEnum("calendar_source", ["package", "import"]);
export const targetDirection = pgEnum("target_direction", TARGET_DIRECTIONS);
