import { relations, sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  serial,
  smallint,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { batchId, codeCheck, createdAt, periodCheck, notBlank } from "./_columns";
import { departments } from "./organisation";

/**
 * 政务服务事项: a public service item. Maturity: 0 information only, 1 downloadable forms,
 * 2 online submission, 3 full online processing (全程网办), 4 proactive / cross-department.
 */
export const serviceItems = pgTable(
  "service_items",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    departmentId: integer("department_id")
      .notNull()
      .references(() => departments.id, { onDelete: "restrict" }),
    maturity: smallint("maturity").notNull(),
    /** 最多跑一次: the citizen visits at most once. */
    oneVisit: boolean("one_visit").notNull().default(false),
    highFrequency: boolean("high_frequency").notNull().default(false),
    /** 承诺时限, in working days. */
    timeLimitDays: integer("time_limit_days"),
    batchId: batchId(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("service_items_code_key").on(t.code),
    index("service_items_department_idx").on(t.departmentId),
    codeCheck("service_items", t.code),
    notBlank("service_items_name_not_blank", t.name),
    check("service_items_maturity_range", sql`${t.maturity} between 0 and 4`),
    check("service_items_time_limit_non_negative", sql`${t.timeLimitDays} >= 0`),
  ],
);

/** Monthly transaction statistics of one service item. */
export const serviceStats = pgTable(
  "service_stats",
  {
    id: serial("id").primaryKey(),
    itemId: integer("item_id")
      .notNull()
      .references(() => serviceItems.id, { onDelete: "cascade" }),
    period: date("period", { mode: "string" }).notNull(),
    transactions: integer("transactions").notNull(),
    online: integer("online"),
    completed: integer("completed"),
    completedOnTime: integer("completed_on_time"),
    batchId: batchId(),
  },
  (t) => [
    uniqueIndex("service_stats_natural_key").on(t.itemId, t.period),
    index("service_stats_period_idx").on(t.period),
    periodCheck("service_stats", t.period),
    check("service_stats_transactions_non_negative", sql`${t.transactions} >= 0`),
    check("service_stats_online_in_range", sql`${t.online} between 0 and ${t.transactions}`),
    check("service_stats_completed_non_negative", sql`${t.completed} >= 0`),
    check(
      "service_stats_on_time_in_range",
      sql`${t.completedOnTime} >= 0 and (${t.completed} is null or ${t.completedOnTime} <= ${t.completed})`,
    ),
  ],
);

export const serviceItemsRelations = relations(serviceItems, ({ one, many }) => ({
  department: one(departments, {
    fields: [serviceItems.departmentId],
    references: [departments.id],
  }),
  stats: many(serviceStats),
}));

export const serviceStatsRelations = relations(serviceStats, ({ one }) => ({
  item: one(serviceItems, { fields: [serviceStats.itemId], references: [serviceItems.id] }),
}));
