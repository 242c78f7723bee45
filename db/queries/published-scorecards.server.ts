/**
 * The latest published version of every scorecard, for the home page's headline and the
 * wall: one grouped look-up of the version numbers, then each version from the
 * per-process cache of immutable snapshots (scorecard-snapshots.server.ts findSnapshot).
 * Only scorecard_snapshots is read: nothing here is computed from internal tables.
 */
import { max } from "drizzle-orm";
import type { Database } from "../client.server";
import type { Snapshot } from "../scorecards/payload";
import { scorecardSnapshots } from "../schema/scorecards";
import { findSnapshot } from "./scorecard-snapshots.server";

export async function latestSnapshots(
  db: Pick<Database, "select" | "execute">,
): Promise<Snapshot[]> {
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
