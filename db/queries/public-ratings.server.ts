/**
 * 好差评 given on a public scorecard page: a citizen's 1–5 of a published project or of a
 * service item its department's published scorecard lists. Stored as ratings imported
 * are (channel "web", comment scrubbed and held for moderation), counted by the same
 * figures, and a bad review opens its rectification case in the same transaction, as an
 * import of it would.
 *
 * Limited per client address, known here only by its keyed hash: at most
 * MAX_PER_ADDRESS_PER_HOUR ratings an hour, and one per target a day. The count and the
 * insert happen under an advisory lock on the hash, so requests sent in parallel get no
 * more through than requests sent one by one (as sign-in throttling does).
 */
import crypto from "node:crypto";
import { and, count, desc, eq, gt, lt, min, sql } from "drizzle-orm";
import type { Database } from "../client.server";
import { scrubPersonalData } from "../privacy/scrub-personal-data";
import { projects } from "../schema/projects";
import { publicRatingSubmissions } from "../schema/public-ratings";
import { ratings } from "../schema/ratings";
import { scorecardSnapshots } from "../schema/scorecards";
import { serviceItems } from "../schema/services";
import { MAX_PER_ADDRESS_PER_HOUR, MAX_PER_TARGET_PER_DAY } from "../scorecards/citizen-rating";
import { departmentPayloadSchema } from "../scorecards/payload";
import { recordAudit } from "./audit.server";
import { openCasesForBadReviews } from "./rectification.server";

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Advisory-lock namespace of a client address's rating count (sign-in throttling takes 1
 * and 2, see sign-in.server.ts).
 */
const RATING_ADDRESS_LOCK = 3;

/**
 * The keyed hash a client address is counted by: HMAC-SHA-256 under the deployment's key,
 * with a label so the same key's other uses never yield the same value. An unknown
 * address (no socket address reached the app) is one client: it shares one limit.
 */
export function addressHash(address: string | null, key: string): string {
  if (key === "") throw new RangeError("addressHash needs a non-empty key");
  return crypto
    .createHmac("sha256", key)
    .update(`public-rating-address\0${address ?? "unknown"}`)
    .digest("hex");
}

/** What the citizen rates: the published project, or a service item its department lists. */
export type RatingTarget =
  | { kind: "project"; projectCode: string }
  | { kind: "service"; departmentCode: string; itemCode: string };

export interface PublicRatingInput {
  target: RatingTarget;
  score: number;
  /** As typed (trimmed); scrubbed here before it is stored. */
  comment: string | null;
  addressHash: string;
  timeZone: string;
}

export type PublicRatingOutcome =
  | { ok: true; ratingId: number; externalId: string; caseOpened: boolean }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "rate_limited"; limit: "address" | "target"; retryAfterSeconds: number };

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

async function latestPayload(tx: Tx, subject: "project" | "department", code: string) {
  const [row] = await tx
    .select({ payload: scorecardSnapshots.payload })
    .from(scorecardSnapshots)
    .where(and(eq(scorecardSnapshots.subject, subject), eq(scorecardSnapshots.subjectCode, code)))
    .orderBy(desc(scorecardSnapshots.version))
    .limit(1);
  return row?.payload;
}

/**
 * The stored row the target names, when the latest published version shows it: a project
 * with a published scorecard, or a service item on its department's latest published
 * scorecard (a version from before the list was published lists none). null otherwise.
 */
async function publishedTarget(
  tx: Tx,
  target: RatingTarget,
): Promise<{ key: string; projectId: number | null; serviceItemId: number | null } | null> {
  if (target.kind === "project") {
    if ((await latestPayload(tx, "project", target.projectCode)) === undefined) return null;
    const [project] = await tx
      .select({ id: projects.id })
      .from(projects)
      .where(eq(projects.code, target.projectCode));
    return project
      ? { key: `project:${target.projectCode}`, projectId: project.id, serviceItemId: null }
      : null;
  }
  const payload = departmentPayloadSchema.safeParse(
    await latestPayload(tx, "department", target.departmentCode),
  );
  if (!payload.success) return null;
  const listed = payload.data.serviceItems?.some((item) => item.code === target.itemCode);
  if (!listed) return null;
  const [item] = await tx
    .select({ id: serviceItems.id })
    .from(serviceItems)
    .where(eq(serviceItems.code, target.itemCode));
  return item
    ? { key: `service:${target.itemCode}`, projectId: null, serviceItemId: item.id }
    : null;
}

/** Seconds until the oldest of `limit` submissions leaves its window; 0 while under it. */
async function waitFor(
  tx: Tx,
  where: ReturnType<typeof and>,
  limit: number,
  windowMs: number,
  now: Date,
): Promise<number> {
  const [row] = await tx
    .select({ n: count(), oldest: min(publicRatingSubmissions.submittedAt) })
    .from(publicRatingSubmissions)
    .where(where);
  if (!row || row.n < limit || !row.oldest) return 0;
  return Math.max(1, Math.ceil((row.oldest.getTime() + windowMs - now.getTime()) / 1000));
}

/**
 * Stores a public rating within the limits, or says why not. A target the latest
 * published scorecards do not show is "not found", whatever exists internally.
 */
export async function submitPublicRating(
  db: Pick<Database, "transaction">,
  input: PublicRatingInput,
  now = new Date(),
): Promise<PublicRatingOutcome> {
  return db.transaction(async (tx): Promise<PublicRatingOutcome> => {
    const target = await publishedTarget(tx, input.target);
    if (!target) return { ok: false, reason: "not_found" };
    await tx.execute(
      sql`select pg_advisory_xact_lock(${RATING_ADDRESS_LOCK}, hashtext(${input.addressHash}))`,
    );
    // Nothing older than the longest window counts again: prune it as new rows arrive.
    await tx
      .delete(publicRatingSubmissions)
      .where(lt(publicRatingSubmissions.submittedAt, new Date(now.getTime() - DAY_MS)));
    const byAddress = eq(publicRatingSubmissions.addressHash, input.addressHash);
    const perAddress = await waitFor(
      tx,
      and(byAddress, gt(publicRatingSubmissions.submittedAt, new Date(now.getTime() - HOUR_MS))),
      MAX_PER_ADDRESS_PER_HOUR,
      HOUR_MS,
      now,
    );
    if (perAddress > 0)
      return { ok: false, reason: "rate_limited", limit: "address", retryAfterSeconds: perAddress };
    const perTarget = await waitFor(
      tx,
      and(
        byAddress,
        eq(publicRatingSubmissions.targetKey, target.key),
        gt(publicRatingSubmissions.submittedAt, new Date(now.getTime() - DAY_MS)),
      ),
      MAX_PER_TARGET_PER_DAY,
      DAY_MS,
      now,
    );
    if (perTarget > 0)
      return { ok: false, reason: "rate_limited", limit: "target", retryAfterSeconds: perTarget };

    await tx
      .insert(publicRatingSubmissions)
      .values({ addressHash: input.addressHash, targetKey: target.key, submittedAt: now });
    const comment = input.comment ? scrubPersonalData(input.comment) : null;
    const externalId = `web-${crypto.randomUUID()}`;
    const [stored] = await tx
      .insert(ratings)
      .values({
        externalId,
        target: input.target.kind,
        projectId: target.projectId,
        serviceItemId: target.serviceItemId,
        score: input.score,
        channel: "web",
        ratedAt: now,
        comment,
        commentState: comment === null ? null : "pending",
      })
      .returning({ id: ratings.id });
    if (!stored) throw new Error("rating not stored");
    // 好差评 rules: a bad review is rectified; its case opens with it, as an import's do.
    const opened = await openCasesForBadReviews(tx, {
      timeZone: input.timeZone,
      ratingIds: [stored.id],
    });
    await recordAudit(tx, {
      actorName: "public",
      action: "rating.public_submitted",
      objectKind: "rating",
      objectId: stored.id,
      // What was rated and how; no address, no comment text (it waits for moderation).
      after: {
        externalId,
        target: target.key,
        score: input.score,
        comment: comment !== null,
        caseOpened: opened > 0,
      },
    });
    return { ok: true, ratingId: stored.id, externalId, caseOpened: opened > 0 };
  });
}
