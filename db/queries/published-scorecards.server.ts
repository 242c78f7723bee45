/**
 * What the public may choose from: every scorecard with a published version, named from
 * its latest snapshot (never from the internal tables, which may have moved since).
 */
import { asc, max } from "drizzle-orm";
import type { Database } from "../client.server";
import { scorecardSnapshots } from "../schema/scorecards";
import type { ScorecardSubject } from "../scorecards/payload";
import { findSnapshot, type ServedSnapshot } from "./scorecard-snapshots.server";

type Reader = Pick<Database, "select" | "execute">;

export interface PublishedScorecard {
  subject: ScorecardSubject;
  code: string;
  name: string;
  version: number;
  publishedAt: string;
  dataCutoff: string;
}

/**
 * The latest published version of every scorecard, by subject then code. One grouped
 * query; each snapshot then comes from the per-version memory cache.
 */
export async function listPublishedScorecards(db: Reader): Promise<PublishedScorecard[]> {
  const latest = await db
    .select({
      subject: scorecardSnapshots.subject,
      code: scorecardSnapshots.subjectCode,
      version: max(scorecardSnapshots.version),
    })
    .from(scorecardSnapshots)
    .groupBy(scorecardSnapshots.subject, scorecardSnapshots.subjectCode)
    .orderBy(asc(scorecardSnapshots.subject), asc(scorecardSnapshots.subjectCode));
  const served = await Promise.all(
    latest.map((row) => findSnapshot(db, row.subject, row.code, row.version ?? 1)),
  );
  return served
    .filter((entry): entry is ServedSnapshot => entry !== null)
    .map(({ snapshot }) => ({
      subject: snapshot.subject,
      code: snapshot.code,
      name: snapshot.payload.name,
      version: snapshot.version,
      publishedAt: snapshot.publishedAt,
      dataCutoff: snapshot.dataCutoff,
    }));
}
