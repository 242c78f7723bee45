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
import { moderationState, ratingTarget } from "./enums";
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

export const ratingsRelations = relations(ratings, ({ one }) => ({
  serviceItem: one(serviceItems, {
    fields: [ratings.serviceItemId],
    references: [serviceItems.id],
  }),
  project: one(projects, { fields: [ratings.projectId], references: [projects.id] }),
}));
