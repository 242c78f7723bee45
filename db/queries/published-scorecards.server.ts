/**
 * What the public sees of the published scorecards as a whole: the latest version of each,
 * for the home page's headline, the wall and the comparison's picker. One grouped look-up
 * of the version numbers, then each version from the per-process cache of immutable
 * snapshots (scorecard-snapshots.server.ts findSnapshot). Only scorecard_snapshots is
 * read: nothing here is computed from, or named after, the internal tables.
 */
import { max } from "drizzle-orm";
import type { Database } from "../client.server";
import type { ScorecardSubject, Snapshot } from "../scorecards/payload";
import { scorecardSnapshots } from "../schema/scorecards";
import { findSnapshot } from "./scorecard-snapshots.server";

type Reader = Pick<Database, "select" | "execute">;

/** The latest published version of every scorecard, by subject then code. */
export async function latestSnapshots(db: Reader): Promise<Snapshot[]> {
  const rows = await db
    .select({
      subject: scorecardSnapshots.subject,
      code: scorecardSnapshots.subjectCode,
      version: max(scorecardSnapshots.version),
    })
    .from(scorecardSnapshots)
    .groupBy(scorecardSnapshots.subject, scorecardSnapshots.subjectCode);
  const served = await Promise.all(
    rows.map((row) =>
      row.version === null ? null : findSnapshot(db, row.subject, row.code, row.version),
    ),
  );
  return served
    .flatMap((entry) => (entry ? [entry.snapshot] : []))
    .sort((a, b) => a.subject.localeCompare(b.subject) || a.code.localeCompare(b.code));
}

export interface PublishedScorecard {
  subject: ScorecardSubject;
  code: string;
  name: string;
  version: number;
  publishedAt: string;
  dataCutoff: string;
}

/** Every scorecard with a published version, named from its latest snapshot. */
export async function listPublishedScorecards(db: Reader): Promise<PublishedScorecard[]> {
  return (await latestSnapshots(db)).map((snapshot) => ({
    subject: snapshot.subject,
    code: snapshot.code,
    name: snapshot.payload.name,
    version: snapshot.version,
    publishedAt: snapshot.publishedAt,
    dataCutoff: snapshot.dataCutoff,
  }));
}
