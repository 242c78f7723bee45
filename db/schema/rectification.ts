import { relations, sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { notBlank } from "./_columns";
import { users } from "./accounts";
import { rectificationSource, rectificationState, rectificationStepKind } from "./enums";
import { departments } from "./organisation";
import { ratings } from "./ratings";

/** Working days a department has to rectify, per source; a changed limit applies to new cases. */
export const rectificationLimits = pgTable(
  "rectification_limits",
  {
    source: rectificationSource("source").primaryKey(),
    workingDays: integer("working_days").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("rectification_limits_positive", sql`${t.workingDays} between 1 and 365`)],
);

/**
 * A rectification case (整改): opened for each bad review (rating 1–2) and, by a leader's
 * decision, for a red flag (a supervision notice, 督办). The limit in force when it opened
 * is kept with it, so a later change of the setting never moves its deadline.
 */
export const rectificationCases = pgTable(
  "rectification_cases",
  {
    id: serial("id").primaryKey(),
    departmentId: integer("department_id")
      .notNull()
      .references(() => departments.id, { onDelete: "restrict" }),
    source: rectificationSource("source").notNull(),
    ratingId: bigint("rating_id", { mode: "number" }).references(() => ratings.id, {
      onDelete: "cascade",
    }),
    /** The red-flag rule and the object it flagged ("project:P-2023.1"). */
    flagRule: text("flag_rule"),
    flagSubject: text("flag_subject"),
    /** The leader's note for a supervision notice. */
    note: text("note"),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    /** Local date (Asia/Shanghai) the deadline counts from. */
    openedOn: date("opened_on", { mode: "string" }).notNull(),
    openedBy: integer("opened_by").references(() => users.id, { onDelete: "restrict" }),
    limitWorkingDays: integer("limit_working_days").notNull(),
    deadline: date("deadline", { mode: "string" }).notNull(),
    state: rectificationState("state").notNull().default("open"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedOn: date("closed_on", { mode: "string" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("rectification_cases_rating_key").on(t.ratingId),
    // One open supervision notice per flag: two leaders pressing the button open one case.
    uniqueIndex("rectification_cases_open_flag_key")
      .on(t.flagRule, t.flagSubject)
      .where(sql`${t.state} <> 'closed'`),
    index("rectification_cases_department_idx").on(t.departmentId, t.state),
    check(
      "rectification_cases_source_matches",
      sql`(${t.source} = 'rating' and ${t.ratingId} is not null and ${t.flagRule} is null and ${t.flagSubject} is null) or (${t.source} = 'red_flag' and ${t.ratingId} is null and ${t.flagRule} is not null and ${t.flagSubject} is not null and ${t.note} is not null)`,
    ),
    check(
      "rectification_cases_closed_has_time",
      sql`(${t.state} = 'closed') = (${t.closedAt} is not null and ${t.closedOn} is not null)`,
    ),
    notBlank("rectification_cases_note_not_blank", t.note),
    check("rectification_cases_limit_positive", sql`${t.limitWorkingDays} between 1 and 365`),
    check("rectification_cases_deadline_after_opening", sql`${t.deadline} > ${t.openedOn}`),
  ],
);

/** A step of a case: the department's answer, the leader's return or acceptance. */
export const rectificationSteps = pgTable(
  "rectification_steps",
  {
    id: serial("id").primaryKey(),
    caseId: integer("case_id")
      .notNull()
      .references(() => rectificationCases.id, { onDelete: "cascade" }),
    kind: rectificationStepKind("kind").notNull(),
    actorId: integer("actor_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    /** An answer: what was found, what was done, and a link to the evidence. */
    found: text("found"),
    done: text("done"),
    evidence: text("evidence"),
    /** The leader's comment; required on a return. */
    comment: text("comment"),
  },
  (t) => [
    index("rectification_steps_case_idx").on(t.caseId, t.at),
    notBlank("rectification_steps_found_not_blank", t.found),
    notBlank("rectification_steps_done_not_blank", t.done),
    check(
      "rectification_steps_answer_complete",
      sql`${t.kind} <> 'answered' or (${t.found} is not null and ${t.done} is not null)`,
    ),
    notBlank("rectification_steps_comment_not_blank", t.comment),
    check(
      "rectification_steps_return_has_comment",
      sql`${t.kind} <> 'returned' or ${t.comment} is not null`,
    ),
  ],
);

export const rectificationCasesRelations = relations(rectificationCases, ({ one, many }) => ({
  department: one(departments, {
    fields: [rectificationCases.departmentId],
    references: [departments.id],
  }),
  rating: one(ratings, { fields: [rectificationCases.ratingId], references: [ratings.id] }),
  steps: many(rectificationSteps),
}));

export const rectificationStepsRelations = relations(rectificationSteps, ({ one }) => ({
  case: one(rectificationCases, {
    fields: [rectificationSteps.caseId],
    references: [rectificationCases.id],
  }),
  actor: one(users, { fields: [rectificationSteps.actorId], references: [users.id] }),
}));
