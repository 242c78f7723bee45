/**
 * Published scorecards (scorecard_snapshots): publishing a version, and reading them
 * back for the public pages and the open data API. A published version never changes
 * (the database refuses UPDATE and DELETE), so it is read from the database once and then
 * served from memory, keyed by (subject, code, version).
 */
import { createHash } from "node:crypto";
import { and, asc, eq, gt, max } from "drizzle-orm";
import { addCalendarDays } from "../../metrics/iso-date";
import { endOfLocalDay } from "../../metrics/time-zone";
import type { Database } from "../client.server";
import { departments } from "../schema/organisation";
import { projects } from "../schema/projects";
import { scorecardSnapshots } from "../schema/scorecards";
import { diffPayloads, type FigureChange } from "../scorecards/snapshot-diff";
import {
  scorecardPayloadSchema,
  type ScorecardPayload,
  type ScorecardSubject,
  type Snapshot,
} from "../scorecards/payload";
import { singleton } from "../singleton.server";
import { recordAudit } from "./audit.server";
import { buildDepartmentPayload, buildProjectPayload } from "./scorecard-drafts.server";

type Reader = Pick<Database, "select" | "execute">;

export interface Actor {
  id: number;
  name: string;
  ip: string | null;
}

/** A draft: what publishing now, with data up to the cut-off, would publish. */
export function buildDraft(
  db: Reader,
  subject: ScorecardSubject,
  code: string,
  cutoff: string,
  timeZone: string,
): Promise<ScorecardPayload | null> {
  return subject === "project"
    ? buildProjectPayload(db, code, cutoff, timeZone)
    : buildDepartmentPayload(db, code, cutoff, timeZone);
}

export type PublishOutcome =
  | { ok: true; version: number }
  | { ok: false; reason: "not_found" | "reason_required" | "draft_changed" };

/** What identifies a draft's content: publishing checks the leader saw this very draft. */
export const draftDigest = (payload: ScorecardPayload) =>
  createHash("sha256").update(JSON.stringify(payload)).digest("base64url");

/**
 * Publishes the subject's scorecard with data up to `cutoff` as its next version. A
 * version after the first is a correction and needs a reason. The subject's row is
 * locked first, so two leaders publishing at once get versions n and n + 1, never the
 * same number twice; the audit event goes in the same transaction.
 */
export async function publishScorecard(
  db: Pick<Database, "transaction">,
  input: {
    subject: ScorecardSubject;
    code: string;
    cutoff: string;
    reason: string | null;
    timeZone: string;
    /** draftDigest of the draft the leader reviewed; refused when the data moved since. */
    reviewed?: string;
  },
  actor: Actor,
): Promise<PublishOutcome> {
  const outcome = await db.transaction(async (tx): Promise<PublishOutcome> => {
    const table = input.subject === "project" ? projects : departments;
    const [subject] = await tx
      .select({ id: table.id })
      .from(table)
      .where(eq(table.code, input.code))
      .for("update");
    if (!subject) return { ok: false, reason: "not_found" };
    const [previous] = await tx
      .select({ version: max(scorecardSnapshots.version) })
      .from(scorecardSnapshots)
      .where(snapshotOf(input.subject, input.code));
    const version = (previous?.version ?? 0) + 1;
    const reason = input.reason?.trim() || null;
    if (version > 1 && !reason) return { ok: false, reason: "reason_required" };
    const payload = await buildDraft(tx, input.subject, input.code, input.cutoff, input.timeZone);
    if (!payload) return { ok: false, reason: "not_found" };
    if (input.reviewed !== undefined && input.reviewed !== draftDigest(payload))
      return { ok: false, reason: "draft_changed" };
    await tx.insert(scorecardSnapshots).values({
      subject: input.subject,
      subjectCode: input.code,
      version,
      dataCutoff: input.cutoff,
      payload,
      correctionReason: version > 1 ? reason : null,
      publishedBy: actor.id,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      actorName: actor.name,
      action: version === 1 ? "scorecard.published" : "scorecard.corrected",
      objectKind: "scorecard",
      objectId: `${input.subject}/${input.code}/${version}`,
      after: { version, dataCutoff: input.cutoff, reason: version > 1 ? reason : null },
      ip: actor.ip,
    });
    return { ok: true, version };
  });
  // After the commit: a look-up that started before it may hold the old latest version.
  if (outcome.ok) latestVersions().generation += 1;
  return outcome;
}

function snapshotOf(subject: ScorecardSubject, code: string) {
  return and(eq(scorecardSnapshots.subject, subject), eq(scorecardSnapshots.subjectCode, code));
}

/** One version, as served: the record, its JSON body and the body's ETag. */
export interface ServedSnapshot {
  snapshot: Snapshot;
  body: string;
  etag: string;
}

const caches = () =>
  singleton("scorecard-snapshots", () => new WeakMap<object, Map<string, ServedSnapshot>>());

function cached(db: object): Map<string, ServedSnapshot> {
  // Per database: the tests open several in one process, each with its own versions.
  let cache = caches().get(db);
  if (!cache) {
    cache = new Map();
    caches().set(db, cache);
  }
  return cache;
}

export const etagOf = (body: string) =>
  `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;

/**
 * How long another process's publication may go unseen: as long as the API lets clients
 * and proxies keep a "latest" answer (open-data.server.ts, LATEST).
 */
export const LATEST_MAX_AGE_MS = 60_000;

interface LatestEntry {
  /** The look-up, shared by every request that asks while it runs. */
  version: Promise<number | null>;
  generation: number;
  expiresAt: number;
}

/**
 * Latest version numbers per database, and the publication generation: publishScorecard
 * bumps it once its transaction has committed, which voids every entry looked up before.
 */
const latestVersions = () =>
  singleton("scorecard-latest-versions", () => ({
    generation: 0,
    byDb: new WeakMap<object, Map<string, LatestEntry>>(),
  }));

/**
 * The number of a subject's latest published version, or null when none is. Read from
 * the database at most once per LATEST_MAX_AGE_MS per subject (an unpublished subject,
 * a 404, is asked each time), and again at once after this process publishes: the public
 * pages and the API's "latest" answers make no query per request.
 */
export async function latestVersion(
  db: Reader,
  subject: ScorecardSubject,
  code: string,
): Promise<number | null> {
  const state = latestVersions();
  let entries = state.byDb.get(db);
  if (!entries) {
    entries = new Map();
    state.byDb.set(db, entries);
  }
  const key = `${subject}\u0000${code}`;
  const now = Date.now();
  const entry = entries.get(key);
  if (entry && entry.generation === state.generation && entry.expiresAt > now) return entry.version;
  const generation = state.generation;
  const version = db
    .select({ version: max(scorecardSnapshots.version) })
    .from(scorecardSnapshots)
    .where(snapshotOf(subject, code))
    .then(([row]) => row?.version ?? null);
  entries.set(key, { version, generation, expiresAt: now + LATEST_MAX_AGE_MS });
  const forget = () => {
    if (entries.get(key)?.version === version) entries.delete(key);
  };
  const found = await version.catch((error: unknown) => {
    forget();
    throw error;
  });
  // Nothing published yet: not kept, so the first publication shows wherever it was made.
  if (found === null) forget();
  return found;
}

/**
 * A published version (the latest when `version` is undefined), or null. Each version is
 * read from the database once per process, and the latest's number comes from
 * latestVersion: a request for a known version or for the latest makes no query.
 */
export async function findSnapshot(
  db: Reader,
  subject: ScorecardSubject,
  code: string,
  version?: number,
): Promise<ServedSnapshot | null> {
  const wanted = version ?? (await latestVersion(db, subject, code));
  if (wanted === null) return null;
  const cache = cached(db);
  const key = `${subject}\u0000${code}\u0000${wanted}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const [row] = await db
    .select()
    .from(scorecardSnapshots)
    .where(and(snapshotOf(subject, code), eq(scorecardSnapshots.version, wanted)));
  if (!row) return null;
  const snapshot: Snapshot = {
    subject: row.subject,
    code: row.subjectCode,
    version: row.version,
    publishedAt: row.publishedAt.toISOString(),
    dataCutoff: row.dataCutoff,
    correctionReason: row.correctionReason,
    payload: scorecardPayloadSchema.parse(row.payload),
  };
  const body = JSON.stringify(snapshot);
  const served = { snapshot, body, etag: etagOf(body) };
  cache.set(key, served);
  return served;
}

export interface VersionEntry {
  version: number;
  publishedAt: string;
  dataCutoff: string;
  correctionReason: string | null;
}

/** Every published version of a subject, the first first (the change log). */
export async function listVersions(
  db: Reader,
  subject: ScorecardSubject,
  code: string,
): Promise<VersionEntry[]> {
  const rows = await db
    .select({
      version: scorecardSnapshots.version,
      publishedAt: scorecardSnapshots.publishedAt,
      dataCutoff: scorecardSnapshots.dataCutoff,
      correctionReason: scorecardSnapshots.correctionReason,
    })
    .from(scorecardSnapshots)
    .where(snapshotOf(subject, code))
    .orderBy(asc(scorecardSnapshots.version));
  return rows.map((row) => ({ ...row, publishedAt: row.publishedAt.toISOString() }));
}

/** The figures a correction changed: version n against n − 1 (both immutable). */
export async function correctionDiff(
  db: Reader,
  current: Snapshot,
): Promise<FigureChange[] | null> {
  if (current.version === 1) return null;
  const previous = await findSnapshot(db, current.subject, current.code, current.version - 1);
  return previous ? diffPayloads(previous.snapshot.payload, current.payload) : null;
}

export interface Publication extends VersionEntry {
  subject: ScorecardSubject;
  code: string;
}

/** Versions published since the start of a local date, oldest first (the change feed). */
export async function publicationsSince(
  db: Reader,
  since: string,
  timeZone: string,
): Promise<Publication[]> {
  const after = endOfLocalDay(addCalendarDays(since, -1), timeZone);
  const rows = await db
    .select({
      subject: scorecardSnapshots.subject,
      code: scorecardSnapshots.subjectCode,
      version: scorecardSnapshots.version,
      publishedAt: scorecardSnapshots.publishedAt,
      dataCutoff: scorecardSnapshots.dataCutoff,
      correctionReason: scorecardSnapshots.correctionReason,
    })
    .from(scorecardSnapshots)
    .where(gt(scorecardSnapshots.publishedAt, after))
    .orderBy(asc(scorecardSnapshots.publishedAt), asc(scorecardSnapshots.id))
    .limit(10_000);
  return rows.map((row) => ({ ...row, publishedAt: row.publishedAt.toISOString() }));
}

export interface ScorecardListRow {
  subject: ScorecardSubject;
  code: string;
  name: string;
  latestVersion: number | null;
  latestPublishedAt: string | null;
}

/** Every project and department with its latest published version, for the publishing list. */
export async function listScorecards(db: Reader): Promise<ScorecardListRow[]> {
  const latest = db
    .select({
      subject: scorecardSnapshots.subject,
      code: scorecardSnapshots.subjectCode,
      version: max(scorecardSnapshots.version).as("version"),
      publishedAt: max(scorecardSnapshots.publishedAt).as("published_at"),
    })
    .from(scorecardSnapshots)
    .groupBy(scorecardSnapshots.subject, scorecardSnapshots.subjectCode)
    .as("latest");
  const of = async (subject: ScorecardSubject) => {
    const table = subject === "project" ? projects : departments;
    const rows = await db
      .select({
        code: table.code,
        name: table.name,
        version: latest.version,
        publishedAt: latest.publishedAt,
      })
      .from(table)
      .leftJoin(latest, and(eq(latest.code, table.code), eq(latest.subject, subject)))
      .orderBy(asc(table.code));
    return rows.map((row) => ({
      subject,
      code: row.code,
      name: row.name,
      latestVersion: row.version ?? null,
      latestPublishedAt: row.publishedAt ? new Date(row.publishedAt).toISOString() : null,
    }));
  };
  const [departmentRows, projectRows] = await Promise.all([of("department"), of("project")]);
  return [...departmentRows, ...projectRows];
}
