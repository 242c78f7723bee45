import { relations, sql } from "drizzle-orm";
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { codeCheck, createdAt, notBlank } from "./_columns";
import { users } from "./accounts";
import { assessmentState, criterionScoring, frameworkNodeKind, roundState } from "./enums";
import { projects } from "./projects";

/** A versioned evaluation framework; a published version is never edited, only superseded. */
export const frameworks = pgTable(
  "frameworks",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull(),
    version: integer("version").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("frameworks_code_version_key").on(t.code, t.version),
    notBlank("frameworks_name_not_blank", t.name),
    codeCheck("frameworks", t.code),
    check("frameworks_version_positive", sql`${t.version} >= 1`),
  ],
);

/**
 * A dimension or criterion of a framework. Weights of the children of one parent sum to
 * 1 (checked when a version is published). A criterion is scored by evaluators within
 * [minScore, maxScore], or bound to a computed KPI by `kpiKey`.
 */
export const frameworkNodes = pgTable(
  "framework_nodes",
  {
    id: serial("id").primaryKey(),
    frameworkId: integer("framework_id")
      .notNull()
      .references(() => frameworks.id, { onDelete: "cascade" }),
    parentId: integer("parent_id"),
    kind: frameworkNodeKind("kind").notNull(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    weight: numeric("weight", { precision: 8, scale: 6, mode: "string" }).notNull(),
    position: integer("position").notNull().default(0),
    scoring: criterionScoring("scoring"),
    kpiKey: text("kpi_key"),
    minScore: numeric("min_score", { mode: "string" }),
    maxScore: numeric("max_score", { mode: "string" }),
    /** An evaluator's score below this (or above justifyAbove) needs a justification. */
    justifyBelow: numeric("justify_below", { mode: "string" }),
    justifyAbove: numeric("justify_above", { mode: "string" }),
  },
  (t) => [
    uniqueIndex("framework_nodes_code_key").on(t.frameworkId, t.code),
    index("framework_nodes_parent_idx").on(t.parentId),
    foreignKey({ columns: [t.parentId], foreignColumns: [t.id] }).onDelete("cascade"),
    codeCheck("framework_nodes", t.code),
    notBlank("framework_nodes_name_not_blank", t.name),
    check("framework_nodes_weight_range", sql`${t.weight} between 0 and 1`),
    check(
      "framework_nodes_criterion_scoring",
      sql`(${t.kind} = 'criterion') = (${t.scoring} is not null)`,
    ),
    check(
      "framework_nodes_kpi_binding",
      sql`(${t.scoring} is not distinct from 'kpi') = (${t.kpiKey} is not null)`,
    ),
    check(
      "framework_nodes_justify_ordered",
      sql`${t.justifyBelow} is null or ${t.justifyAbove} is null or ${t.justifyBelow} <= ${t.justifyAbove}`,
    ),
    check(
      "framework_nodes_score_range",
      sql`${t.scoring} is distinct from 'evaluator' or (${t.minScore} is not null and ${t.maxScore} is not null and ${t.maxScore} > ${t.minScore})`,
    ),
  ],
);

/** A rubric level of a criterion: a score range and what it means. */
export const rubricLevels = pgTable(
  "rubric_levels",
  {
    id: serial("id").primaryKey(),
    criterionId: integer("criterion_id")
      .notNull()
      .references(() => frameworkNodes.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    minScore: numeric("min_score", { mode: "string" }).notNull(),
    maxScore: numeric("max_score", { mode: "string" }).notNull(),
    description: text("description").notNull(),
  },
  (t) => [
    uniqueIndex("rubric_levels_label_key").on(t.criterionId, t.label),
    notBlank("rubric_levels_label_not_blank", t.label),
    check("rubric_levels_range_ordered", sql`${t.minScore} <= ${t.maxScore}`),
  ],
);

export const evaluationRounds = pgTable(
  "evaluation_rounds",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    frameworkId: integer("framework_id")
      .notNull()
      .references(() => frameworks.id, { onDelete: "restrict" }),
    periodStart: date("period_start", { mode: "string" }).notNull(),
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    state: roundState("state").notNull().default("planning"),
    /** Scores on one project ranging (max − min) more than this are flagged for moderation. */
    disagreementThreshold: numeric("disagreement_threshold", { mode: "string" })
      .notNull()
      .default("20"),
    /** The last day evaluators may submit; reminders count the days to it. */
    deadline: date("deadline", { mode: "string" }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedBy: integer("closed_by").references(() => users.id, { onDelete: "restrict" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("evaluation_rounds_code_key").on(t.code),
    codeCheck("evaluation_rounds", t.code),
    notBlank("evaluation_rounds_name_not_blank", t.name),
    check("evaluation_rounds_period_ordered", sql`${t.periodEnd} >= ${t.periodStart}`),
    check("evaluation_rounds_threshold_positive", sql`${t.disagreementThreshold} > 0`),
  ],
);

export const roundProjects = pgTable(
  "round_projects",
  {
    roundId: integer("round_id")
      .notNull()
      .references(() => evaluationRounds.id, { onDelete: "cascade" }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "restrict" }),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.projectId] })],
);

/** One evaluator's assessment of one project in a round. */
export const assignments = pgTable(
  "assignments",
  {
    id: serial("id").primaryKey(),
    roundId: integer("round_id").notNull(),
    projectId: integer("project_id").notNull(),
    evaluatorId: integer("evaluator_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    /** Set when the evaluator declared no conflict of interest; nothing is shown before. */
    noConflictDeclaredAt: timestamp("no_conflict_declared_at", { withTimezone: true }),
    conflictStatement: text("conflict_statement"),
    state: assessmentState("state").notNull().default("draft"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("assignments_natural_key").on(t.roundId, t.projectId, t.evaluatorId),
    index("assignments_evaluator_idx").on(t.evaluatorId),
    foreignKey({
      name: "assignments_round_project_fk",
      columns: [t.roundId, t.projectId],
      foreignColumns: [roundProjects.roundId, roundProjects.projectId],
    }).onDelete("cascade"),
    check(
      "assignments_submitted_has_time",
      sql`${t.state} = 'draft' or ${t.submittedAt} is not null`,
    ),
    check(
      "assignments_submitted_after_declaration",
      sql`${t.state} = 'draft' or ${t.noConflictDeclaredAt} is not null`,
    ),
  ],
);

/** An evaluator's score on one criterion, with its justification and evidence. */
export const scores = pgTable(
  "scores",
  {
    id: serial("id").primaryKey(),
    assignmentId: integer("assignment_id")
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    criterionId: integer("criterion_id")
      .notNull()
      .references(() => frameworkNodes.id, { onDelete: "restrict" }),
    value: numeric("value", { mode: "string" }),
    justification: text("justification"),
    evidence: text("evidence"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** Set when a moderator returned this score to its evaluator; cleared on resubmission. */
    returnComment: text("return_comment"),
    returnedAt: timestamp("returned_at", { withTimezone: true }),
    returnedBy: integer("returned_by").references(() => users.id, { onDelete: "restrict" }),
  },
  (t) => [
    uniqueIndex("scores_natural_key").on(t.assignmentId, t.criterionId),
    check(
      "scores_return_has_comment",
      sql`(${t.returnedAt} is null) = (${t.returnComment} is null)`,
    ),
  ],
);

/**
 * A project's final score in a closed round, stored when the round closes with the
 * framework version it was computed through; `criteria` holds the per-criterion breakdown
 * (weight, range, scores, mean) exactly as computed then.
 */
export const roundResults = pgTable(
  "round_results",
  {
    roundId: integer("round_id")
      .notNull()
      .references(() => evaluationRounds.id, { onDelete: "restrict" }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "restrict" }),
    frameworkId: integer("framework_id")
      .notNull()
      .references(() => frameworks.id, { onDelete: "restrict" }),
    /** 0–100; null when no criterion had a value. */
    score: numeric("score", { mode: "string" }),
    criteria: jsonb("criteria").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.projectId] }),
    index("round_results_project_idx").on(t.projectId),
  ],
);

export const frameworksRelations = relations(frameworks, ({ many }) => ({
  nodes: many(frameworkNodes),
  rounds: many(evaluationRounds),
}));

export const frameworkNodesRelations = relations(frameworkNodes, ({ one, many }) => ({
  framework: one(frameworks, {
    fields: [frameworkNodes.frameworkId],
    references: [frameworks.id],
  }),
  parent: one(frameworkNodes, {
    fields: [frameworkNodes.parentId],
    references: [frameworkNodes.id],
  }),
  rubricLevels: many(rubricLevels),
}));

export const rubricLevelsRelations = relations(rubricLevels, ({ one }) => ({
  criterion: one(frameworkNodes, {
    fields: [rubricLevels.criterionId],
    references: [frameworkNodes.id],
  }),
}));

export const evaluationRoundsRelations = relations(evaluationRounds, ({ one, many }) => ({
  framework: one(frameworks, {
    fields: [evaluationRounds.frameworkId],
    references: [frameworks.id],
  }),
  projects: many(roundProjects),
  assignments: many(assignments),
}));

export const roundProjectsRelations = relations(roundProjects, ({ one }) => ({
  round: one(evaluationRounds, {
    fields: [roundProjects.roundId],
    references: [evaluationRounds.id],
  }),
  project: one(projects, { fields: [roundProjects.projectId], references: [projects.id] }),
}));

export const assignmentsRelations = relations(assignments, ({ one, many }) => ({
  round: one(evaluationRounds, {
    fields: [assignments.roundId],
    references: [evaluationRounds.id],
  }),
  project: one(projects, { fields: [assignments.projectId], references: [projects.id] }),
  evaluator: one(users, { fields: [assignments.evaluatorId], references: [users.id] }),
  scores: many(scores),
}));

export const scoresRelations = relations(scores, ({ one }) => ({
  assignment: one(assignments, { fields: [scores.assignmentId], references: [assignments.id] }),
  criterion: one(frameworkNodes, {
    fields: [scores.criterionId],
    references: [frameworkNodes.id],
  }),
}));
