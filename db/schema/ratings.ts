import { relations, sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  check,
  index,
  integer,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { batchId, notBlank } from "./_columns";
import { users } from "./accounts";
import { moderationState, ratingAppealState, ratingTarget } from "./enums";
import { projects } from "./projects";
import { serviceItems } from "./services";

/** 好差评: a citizen's 1–5 rating of a service item or a published project. */
export const ratings = pgTable(
  "ratings",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    externalId: text("external_id").notNull(),
    target: ratingTarget("target").notNull(),
    serviceItemId: integer("service_item_id").references(() => serviceItems.id, {
      onDelete: "cascade",
    }),
    projectId: integer("project_id").references(() => projects.id, { onDelete: "cascade" }),
    score: smallint("score").notNull(),
    channel: text("channel"),
    ratedAt: timestamp("rated_at", { withTimezone: true, mode: "date" }).notNull(),
    comment: text("comment"),
    /** A comment is shown to the public only once a moderator approved it. */
    commentState: moderationState("comment_state"),
    moderatedBy: integer("moderated_by").references(() => users.id, { onDelete: "restrict" }),
    moderatedAt: timestamp("moderated_at", { withTimezone: true }),
    batchId: batchId(),
  },
  (t) => [
    uniqueIndex("ratings_external_id_key").on(t.externalId),
    notBlank("ratings_external_id_not_blank", t.externalId),
    index("ratings_service_item_idx").on(t.serviceItemId, t.ratedAt),
    index("ratings_project_idx").on(t.projectId, t.ratedAt),
    check("ratings_score_range", sql`${t.score} between 1 and 5`),
    check(
      "ratings_target_matches",
      sql`(${t.target} = 'service' and ${t.serviceItemId} is not null and ${t.projectId} is null) or (${t.target} = 'project' and ${t.projectId} is not null and ${t.serviceItemId} is null)`,
    ),
    check(
      "ratings_comment_state_with_comment",
      sql`(${t.comment} is null) = (${t.commentState} is null)`,
    ),
  ],
);

/**
 * A rated department's appeal against a rating it believes malicious. The leader decides;
 * an upheld appeal takes the rating out of every figure, the reason kept here.
 */
export const ratingAppeals = pgTable(
  "rating_appeals",
  {
    id: serial("id").primaryKey(),
    ratingId: bigint("rating_id", { mode: "number" })
      .notNull()
      .references(() => ratings.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    filedBy: integer("filed_by")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    filedAt: timestamp("filed_at", { withTimezone: true }).notNull().defaultNow(),
    state: ratingAppealState("state").notNull().default("pending"),
    decisionReason: text("decision_reason"),
    decidedBy: integer("decided_by").references(() => users.id, { onDelete: "restrict" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("rating_appeals_rating_key").on(t.ratingId),
    index("rating_appeals_state_idx").on(t.state),
    notBlank("rating_appeals_reason_not_blank", t.reason),
    check(
      "rating_appeals_decided",
      sql`(${t.state} = 'pending') = (${t.decidedAt} is null) and (${t.state} = 'pending' or btrim(coalesce(${t.decisionReason}, '')) <> '')`,
    ),
  ],
);

export const ratingsRelations = relations(ratings, ({ one }) => ({
  serviceItem: one(serviceItems, {
    fields: [ratings.serviceItemId],
    references: [serviceItems.id],
  }),
  project: one(projects, { fields: [ratings.projectId], references: [projects.id] }),
}));
