import { relations, sql } from "drizzle-orm";
import {
  bigserial,
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { importKind, importState } from "./enums";
import { departments } from "./organisation";

/** One imported file: what it was, who brought it, what came of it. */
export const importBatches = pgTable(
  "import_batches",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    kind: importKind("kind").notNull(),
    fileName: text("file_name").notNull(),
    /** SHA-256 of the file's bytes: re-importing committed content is a no-op. */
    contentHash: text("content_hash").notNull(),
    byteSize: bigint("byte_size", { mode: "number" }).notNull(),
    encoding: text("encoding"),
    delimiter: text("delimiter"),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    /** The department the import was made for, when a steward made it. */
    departmentId: integer("department_id").references(() => departments.id, {
      onDelete: "set null",
    }),
    state: importState("state").notNull(),
    rowsTotal: integer("rows_total").notNull().default(0),
    rowsAccepted: integer("rows_accepted").notNull().default(0),
    rowsRejected: integer("rows_rejected").notNull().default(0),
    /** Each rejected value: line, column, value, reason. */
    errorReport: jsonb("error_report"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    committedAt: timestamp("committed_at", { withTimezone: true }),
    revertedAt: timestamp("reverted_at", { withTimezone: true }),
  },
  (t) => [
    index("import_batches_hash_idx").on(t.contentHash),
    index("import_batches_kind_idx").on(t.kind, t.createdAt),
    check("import_batches_byte_size_non_negative", sql`${t.byteSize} >= 0`),
    check("import_batches_hash_format", sql`${t.contentHash} ~ '^[0-9a-f]{64}$'`),
    check(
      "import_batches_row_counts",
      sql`${t.rowsAccepted} >= 0 and ${t.rowsRejected} >= 0 and ${t.rowsAccepted} + ${t.rowsRejected} <= ${t.rowsTotal}`,
    ),
    check(
      "import_batches_committed_has_time",
      sql`(${t.state} in ('committed', 'reverted')) = (${t.committedAt} is not null)`,
    ),
    check(
      "import_batches_reverted_has_time",
      sql`(${t.state} = 'reverted') = (${t.revertedAt} is not null)`,
    ),
  ],
);

/**
 * The row an import replaced (by natural key), so reverting the batch restores it.
 * `before` is null when the import inserted a new row.
 */
export const importReplacedRows = pgTable(
  "import_replaced_rows",
  {
    batchId: bigint("batch_id", { mode: "number" })
      .notNull()
      .references(() => importBatches.id, { onDelete: "cascade" }),
    naturalKey: text("natural_key").notNull(),
    before: jsonb("before"),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.naturalKey] })],
);

/**
 * Append-only record of logins, imports, reverts, scores, publications and role
 * changes. A database trigger refuses UPDATE and DELETE.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: integer("actor_id"),
    /** Kept as text so the record survives the account's removal. */
    actorName: text("actor_name"),
    action: text("action").notNull(),
    objectKind: text("object_kind"),
    objectId: text("object_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    ip: text("ip"),
  },
  (t) => [
    index("audit_events_at_idx").on(t.at),
    index("audit_events_action_idx").on(t.action, t.at),
    index("audit_events_actor_idx").on(t.actorId, t.at),
    check("audit_events_action_format", sql`${t.action} ~ '^[a-z_]+(\\.[a-z_]+)*$'`),
  ],
);

export const importBatchesRelations = relations(importBatches, ({ one }) => ({
  user: one(users, { fields: [importBatches.userId], references: [users.id] }),
  department: one(departments, {
    fields: [importBatches.departmentId],
    references: [departments.id],
  }),
}));
