import { relations, sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  serial,
  text,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { batchId, codeCheck, createdAt, periodCheck, yuan, notBlank } from "./_columns";
import { costCategory, fundingSource, indicatorDirection, lifecycleStage } from "./enums";
import { departments } from "./organisation";

/** 电子政务工程项目: an e-government project and its approved budget (BAC). */
export const projects = pgTable(
  "projects",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    departmentId: integer("department_id")
      .notNull()
      .references(() => departments.id, { onDelete: "restrict" }),
    category: text("category"),
    fundingSource: fundingSource("funding_source"),
    stage: lifecycleStage("stage").notNull().default("proposal"),
    budgetYuan: yuan("budget_yuan").notNull(),
    plannedStart: date("planned_start", { mode: "string" }),
    plannedEnd: date("planned_end", { mode: "string" }),
    targetUsers: integer("target_users"),
    batchId: batchId(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("projects_code_key").on(t.code),
    index("projects_department_idx").on(t.departmentId),
    index("projects_stage_idx").on(t.stage),
    codeCheck("projects", t.code),
    notBlank("projects_name_not_blank", t.name),
    check("projects_budget_non_negative", sql`${t.budgetYuan} >= 0`),
    check("projects_target_users_non_negative", sql`${t.targetUsers} >= 0`),
    check("projects_dates_ordered", sql`${t.plannedEnd} >= ${t.plannedStart}`),
  ],
);

/** Planned and actual spend of one project in one month and cost category. */
export const budgetLines = pgTable(
  "budget_lines",
  {
    id: serial("id").primaryKey(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    period: date("period", { mode: "string" }).notNull(),
    category: costCategory("category"),
    plannedYuan: yuan("planned_yuan").notNull(),
    actualYuan: yuan("actual_yuan").notNull(),
    batchId: batchId(),
  },
  (t) => [
    // A line without a category is one line, not one per import: NULLs count as equal.
    unique("budget_lines_natural_key").on(t.projectId, t.period, t.category).nullsNotDistinct(),
    index("budget_lines_period_idx").on(t.period),
    periodCheck("budget_lines", t.period),
    check("budget_lines_planned_non_negative", sql`${t.plannedYuan} >= 0`),
    check("budget_lines_actual_non_negative", sql`${t.actualYuan} >= 0`),
  ],
);

/** A weighted milestone: its weight is its share of the project's work (for EV). */
export const milestones = pgTable(
  "milestones",
  {
    id: serial("id").primaryKey(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    stage: lifecycleStage("stage"),
    weight: numeric("weight", { precision: 12, scale: 6, mode: "string" }).notNull(),
    plannedDate: date("planned_date", { mode: "string" }).notNull(),
    actualDate: date("actual_date", { mode: "string" }),
    forecastDate: date("forecast_date", { mode: "string" }),
    batchId: batchId(),
  },
  (t) => [
    uniqueIndex("milestones_natural_key").on(t.projectId, t.name),
    notBlank("milestones_name_not_blank", t.name),
    check("milestones_weight_non_negative", sql`${t.weight} >= 0`),
  ],
);

/** 绩效目标: an outcome indicator with its baseline, target and direction. */
export const outcomeIndicators = pgTable(
  "outcome_indicators",
  {
    id: serial("id").primaryKey(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    name: text("name").notNull(),
    unit: text("unit"),
    direction: indicatorDirection("direction").notNull(),
    baseline: numeric("baseline", { mode: "string" }).notNull(),
    target: numeric("target", { mode: "string" }).notNull(),
    weight: numeric("weight", { precision: 12, scale: 6, mode: "string" }),
    batchId: batchId(),
  },
  (t) => [
    uniqueIndex("outcome_indicators_natural_key").on(t.projectId, t.code),
    codeCheck("outcome_indicators", t.code),
    notBlank("outcome_indicators_name_not_blank", t.name),
    check("outcome_indicators_weight_non_negative", sql`${t.weight} >= 0`),
    // A target that does not point the indicator's way would turn achievement upside down.
    check(
      "outcome_indicators_target_matches_direction",
      sql`(${t.direction} = 'higher' and ${t.target} >= ${t.baseline}) or (${t.direction} = 'lower' and ${t.target} <= ${t.baseline})`,
    ),
  ],
);

/** The actual value of an outcome indicator in one period (month). */
export const outcomeValues = pgTable(
  "outcome_values",
  {
    id: serial("id").primaryKey(),
    indicatorId: integer("indicator_id")
      .notNull()
      .references(() => outcomeIndicators.id, { onDelete: "cascade" }),
    period: date("period", { mode: "string" }).notNull(),
    actual: numeric("actual", { mode: "string" }).notNull(),
    batchId: batchId(),
  },
  (t) => [
    uniqueIndex("outcome_values_natural_key").on(t.indicatorId, t.period),
    periodCheck("outcome_values", t.period),
  ],
);

export const projectsRelations = relations(projects, ({ one, many }) => ({
  department: one(departments, { fields: [projects.departmentId], references: [departments.id] }),
  budgetLines: many(budgetLines),
  milestones: many(milestones),
  outcomeIndicators: many(outcomeIndicators),
}));

export const budgetLinesRelations = relations(budgetLines, ({ one }) => ({
  project: one(projects, { fields: [budgetLines.projectId], references: [projects.id] }),
}));

export const milestonesRelations = relations(milestones, ({ one }) => ({
  project: one(projects, { fields: [milestones.projectId], references: [projects.id] }),
}));

export const outcomeIndicatorsRelations = relations(outcomeIndicators, ({ one, many }) => ({
  project: one(projects, { fields: [outcomeIndicators.projectId], references: [projects.id] }),
  values: many(outcomeValues),
}));

export const outcomeValuesRelations = relations(outcomeValues, ({ one }) => ({
  indicator: one(outcomeIndicators, {
    fields: [outcomeValues.indicatorId],
    references: [outcomeIndicators.id],
  }),
}));
