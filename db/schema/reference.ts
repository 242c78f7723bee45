import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { batchId } from "./_columns";
import { appealType, calendarSource, targetDirection } from "./enums";

/**
 * A day of the working-day calendar. Days without a row follow the default rule
 * (Saturday and Sunday off); rows record official holidays, adjusted working days (调休)
 * and a deployment's own overrides, which win over the package's data.
 */
export const calendarDays = pgTable("calendar_days", {
  date: date("date", { mode: "string" }).primaryKey(),
  isWorking: boolean("is_working").notNull(),
  name: text("name"),
  source: calendarSource("source").notNull(),
  batchId: batchId(),
});

/**
 * 目标值: what a deployment aims for on one KPI, and the band edges that colour its
 * tiles. "at_least": green from `target`, amber from `amberFrom`; "at_most" mirrors it;
 * "between": green within [target, targetMax].
 */
export const kpiTargets = pgTable(
  "kpi_targets",
  {
    kpi: text("kpi").primaryKey(),
    direction: targetDirection("direction").notNull(),
    target: numeric("target", { mode: "string" }).notNull(),
    targetMax: numeric("target_max", { mode: "string" }),
    amberFrom: numeric("amber_from", { mode: "string" }),
    amberTo: numeric("amber_to", { mode: "string" }),
    basis: text("basis").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      "kpi_targets_between_has_max",
      sql`(${t.direction} = 'between') = (${t.targetMax} is not null)`,
    ),
    check("kpi_targets_max_above_min", sql`${t.targetMax} >= ${t.target}`),
  ],
);

/** Working days allowed for a reply, per appeal type (a type without a row gets 5). */
export const replyTimeLimits = pgTable(
  "reply_time_limits",
  {
    appealType: appealType("appeal_type").primaryKey(),
    workingDays: integer("working_days").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("reply_time_limits_positive", sql`${t.workingDays} between 1 and 365`)],
);

/** Facts about this instance itself, such as whether the demo seed completed. */
export const appMeta = pgTable("app_meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
