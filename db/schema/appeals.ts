import { relations, sql } from "drizzle-orm";
import {
  bigserial,
  check,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { batchId, notBlank } from "./_columns";
import { appealType } from "./enums";
import { departments } from "./organisation";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * 诉求: an appeal from the 12345 hotline or another channel. The caller's personal data is
 * never stored in clear: `callerHash` is an HMAC of it, or null when no key is set.
 */
export const appeals = pgTable(
  "appeals",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    externalId: text("external_id").notNull(),
    channel: text("channel"),
    departmentId: integer("department_id")
      .notNull()
      .references(() => departments.id, { onDelete: "restrict" }),
    type: appealType("type").notNull(),
    category: text("category"),
    receivedAt: at("received_at").notNull(),
    firstContactAt: at("first_contact_at"),
    repliedAt: at("replied_at"),
    closedAt: at("closed_at"),
    dueAt: at("due_at"),
    satisfaction: smallint("satisfaction"),
    callerHash: text("caller_hash"),
    batchId: batchId(),
  },
  (t) => [
    uniqueIndex("appeals_external_id_key").on(t.externalId),
    index("appeals_department_received_idx").on(t.departmentId, t.receivedAt),
    index("appeals_received_idx").on(t.receivedAt),
    index("appeals_batch_idx").on(t.batchId),
    notBlank("appeals_external_id_not_blank", t.externalId),
    check("appeals_satisfaction_range", sql`${t.satisfaction} between 1 and 5`),
    check("appeals_first_contact_after_received", sql`${t.firstContactAt} >= ${t.receivedAt}`),
    check("appeals_replied_after_received", sql`${t.repliedAt} >= ${t.receivedAt}`),
    check("appeals_closed_after_received", sql`${t.closedAt} >= ${t.receivedAt}`),
    check("appeals_due_after_received", sql`${t.dueAt} >= ${t.receivedAt}`),
  ],
);

export const appealsRelations = relations(appeals, ({ one }) => ({
  department: one(departments, { fields: [appeals.departmentId], references: [departments.id] }),
}));
