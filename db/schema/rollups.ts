import { sql } from "drizzle-orm";
import { date, index, integer, pgTable, pgView, primaryKey } from "drizzle-orm/pg-core";
import { yuan } from "./_columns";
import { appealType } from "./enums";
import { departments } from "./organisation";
import { projects } from "./projects";

/*
 * Roll-ups that the pages read instead of the fact tables, kept current by every import
 * inside its transaction (db/rollups/). Their figures are additive, so any whole-day
 * range, department set or type set is a SUM over rows; the KPIs then come from
 * metrics/ (appealKpisFromCounts, serviceKpis, projectEarnedValue).
 */

const count = (name: string) => integer(name).notNull().default(0);

/** The additive counts of metrics' AppealCounts, as every appeal roll-up stores them. */
const appealCountColumns = () => ({
  received: count("received"),
  replied: count("replied"),
  repliedOnTime: count("replied_on_time"),
  withFirstContact: count("with_first_contact"),
  firstContactInTime: count("first_contact_in_time"),
  repliedRated: count("replied_rated"),
  rated1: count("rated_1"),
  rated2: count("rated_2"),
  rated3: count("rated_3"),
  rated4: count("rated_4"),
  rated5: count("rated_5"),
});

/**
 * Appeals per department, local day of receipt and type: the additive counts of metrics'
 * AppealCounts, and their reply-time histogram as an array: `replies_by_working_days[n]`
 * (PostgreSQL counts from 1) is the number of replies that took n − 1 working days, with
 * no trailing zeros (empty when nothing was replied). A row per cell and number of working
 * days, as the histogram was kept before, was about one more row per replied appeal that
 * an import wrote, ~2 µs of server time each (bench:import).
 * appeal_reply_day_rollups reads it a row per number of working days.
 *
 * The table has no foreign key to departments (nor have the month roll-ups): checking each
 * row's department again cost PostgreSQL ~5 µs per appeal (bench:import). A cell exists
 * only while appeals of its department do (a refresh deletes emptied cells), and appeals'
 * own key forbids deleting such a department, so the check could never fail.
 *
 * Nor has it an index on the day alone: keeping one up to date cost the server ~0.9 µs
 * per row. Reads by day across departments go to the all-department roll-ups, or name
 * every department (everyDepartment), so the primary key (department first) serves them.
 */
export const appealDayRollups = pgTable(
  "appeal_day_rollups",
  {
    departmentId: integer("department_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    type: appealType("type").notNull(),
    ...appealCountColumns(),
    repliesByWorkingDays: integer("replies_by_working_days")
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
  },
  (t) => [primaryKey({ columns: [t.departmentId, t.day, t.type] })],
);

/**
 * The reply-time histogram of the day cells, a row per cell and number of working days
 * with replies: what the histogram reads (and the month and all-department sums) take.
 */
export const appealReplyDayRollups = pgView("appeal_reply_day_rollups", {
  departmentId: integer("department_id").notNull(),
  day: date("day", { mode: "string" }).notNull(),
  type: appealType("type").notNull(),
  workingDays: integer("working_days").notNull(),
  replies: integer("replies").notNull(),
}).as(
  sql`select r.department_id, r.day, r.type, (h.position - 1)::integer as working_days, h.replies
    from ${appealDayRollups} r
    cross join lateral unnest(r.replies_by_working_days) with ordinality as h (replies, position)
    where h.replies > 0`,
);

/** Service statistics per department and month, summed over the rows that report each pair. */
export const serviceMonthRollups = pgTable(
  "service_month_rollups",
  {
    departmentId: integer("department_id")
      .notNull()
      .references(() => departments.id, { onDelete: "cascade" }),
    period: date("period", { mode: "string" }).notNull(),
    transactions: count("transactions"),
    /** Σ transactions over the rows that report online too (take-up's denominator). */
    transactionsReportingOnline: count("transactions_reporting_online"),
    online: count("online"),
    /** Σ completed over the rows that report completed on time too. */
    completedReportingOnTime: count("completed_reporting_on_time"),
    completedOnTime: count("completed_on_time"),
  },
  (t) => [
    primaryKey({ columns: [t.departmentId, t.period] }),
    index("service_month_rollups_period_idx").on(t.period),
  ],
);

/** Planned and actual spend per project and month, over all cost categories. */
export const projectMonthSpendRollups = pgTable(
  "project_month_spend_rollups",
  {
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    period: date("period", { mode: "string" }).notNull(),
    plannedYuan: yuan("planned_yuan").notNull(),
    actualYuan: yuan("actual_yuan").notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.period] })],
);

/*
 * Coarser roll-ups derived from the day cells above (never from the fact table), so a
 * whole-month or all-department range reads a few hundred rows instead of every
 * department's every day. db/rollups/appeal-derived-rollups.server.ts keeps them equal
 * to the sums of the day cells, in the same transaction as every day-cell change.
 */

/**
 * Appeals per department, month (first local day of the month) and type. Without a foreign
 * key to departments, as the day cells they sum: an appeals import appends ~120,000 month
 * rows over three years of 180 departments, and checking each one's department cost the
 * server ~5 µs a row (psql COPY of 120,000 rows: 1.0–1.3 s with the key, 0.5–0.6 s
 * without), at the end of the import with nothing else to do. Their rows exist only where
 * day cells do, which only appeals of an existing department make.
 */
export const appealMonthRollups = pgTable(
  "appeal_month_rollups",
  {
    departmentId: integer("department_id").notNull(),
    month: date("month", { mode: "string" }).notNull(),
    type: appealType("type").notNull(),
    ...appealCountColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.departmentId, t.month, t.type] }),
    index("appeal_month_rollups_month_idx").on(t.month),
  ],
);

/** Replies per department, month and number of working days (all types together); no foreign key either. */
export const appealReplyMonthRollups = pgTable(
  "appeal_reply_month_rollups",
  {
    departmentId: integer("department_id").notNull(),
    month: date("month", { mode: "string" }).notNull(),
    workingDays: integer("working_days").notNull(),
    replies: count("replies"),
  },
  (t) => [
    primaryKey({ columns: [t.departmentId, t.month, t.workingDays] }),
    index("appeal_reply_month_rollups_month_idx").on(t.month),
  ],
);

/** Appeals of every department per local day and type: the overview's unit. */
export const appealTotalDayRollups = pgTable(
  "appeal_total_day_rollups",
  {
    day: date("day", { mode: "string" }).notNull(),
    type: appealType("type").notNull(),
    ...appealCountColumns(),
  },
  (t) => [primaryKey({ columns: [t.day, t.type] })],
);

/** Replies of every department per local day of receipt and number of working days. */
export const appealTotalReplyDayRollups = pgTable(
  "appeal_total_reply_day_rollups",
  {
    day: date("day", { mode: "string" }).notNull(),
    workingDays: integer("working_days").notNull(),
    replies: count("replies"),
  },
  (t) => [primaryKey({ columns: [t.day, t.workingDays] })],
);
