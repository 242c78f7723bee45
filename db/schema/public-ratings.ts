import { sql } from "drizzle-orm";
import { bigserial, check, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * A rating given on a public scorecard page, kept only to limit how many one client
 * address may give (db/queries/public-ratings.server.ts). The address itself is never
 * stored: only its keyed hash (HMAC-SHA-256 under MINGJING_PII_KEY or the session secret),
 * which links a client's submissions within a day and names no one. Rows older than the
 * longest limit's window are pruned as new ones arrive.
 */
export const publicRatingSubmissions = pgTable(
  "public_rating_submissions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** 64 lower-case hex digits: the keyed hash of the client address. */
    addressHash: text("address_hash").notNull(),
    /** What was rated: "project:CODE" or "service:CODE" (published codes, no personal data). */
    targetKey: text("target_key").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true, mode: "date" })
      .notNull()
      .defaultNow(),
  },
  (t) => [
    index("public_rating_submissions_address_idx").on(t.addressHash, t.submittedAt),
    // Pruning deletes by age across every address.
    index("public_rating_submissions_submitted_idx").on(t.submittedAt),
    check("public_rating_submissions_hash_format", sql`${t.addressHash} ~ '^[0-9a-f]{64}$'`),
  ],
);
