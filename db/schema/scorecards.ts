import { relations, sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { snapshotSubject } from "./enums";
import { frameworks } from "./evaluation";

/**
 * An immutable, published scorecard of one project or department: its KPI values and
 * evaluation result as they stood at `dataCutoff`. A correction is a new version with a
 * reason; a database trigger refuses UPDATE and DELETE, so old versions stay readable.
 */
export const scorecardSnapshots = pgTable(
  "scorecard_snapshots",
  {
    id: serial("id").primaryKey(),
    subject: snapshotSubject("subject").notNull(),
    subjectCode: text("subject_code").notNull(),
    version: integer("version").notNull(),
    frameworkId: integer("framework_id").references(() => frameworks.id, {
      onDelete: "restrict",
    }),
    dataCutoff: date("data_cutoff", { mode: "string" }).notNull(),
    /** KPI values, evaluation result and labels, exactly as published. */
    payload: jsonb("payload").notNull(),
    correctionReason: text("correction_reason"),
    publishedBy: integer("published_by")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("scorecard_snapshots_version_key").on(t.subject, t.subjectCode, t.version),
    index("scorecard_snapshots_published_idx").on(t.publishedAt),
    check("scorecard_snapshots_version_positive", sql`${t.version} >= 1`),
    check(
      "scorecard_snapshots_correction_has_reason",
      sql`${t.version} = 1 or btrim(coalesce(${t.correctionReason}, '')) <> ''`,
    ),
  ],
);

export const scorecardSnapshotsRelations = relations(scorecardSnapshots, ({ one }) => ({
  framework: one(frameworks, {
    fields: [scorecardSnapshots.frameworkId],
    references: [frameworks.id],
  }),
  publisher: one(users, { fields: [scorecardSnapshots.publishedBy], references: [users.id] }),
}));
