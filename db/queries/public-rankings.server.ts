/**
 * The public rankings, from published snapshots only (nothing read from internal tables
 * but the published framework version, which is public configuration). A ranking is
 * computed once per set of snapshots it ranks, (subject, code, version), and kept in
 * memory: published versions never change, so the same set always gives the same ranking.
 */
import { and, asc, eq, isNotNull, max } from "drizzle-orm";
import type { FlatFrameworkNode } from "../../metrics/evaluation-result";
import type { Database } from "../client.server";
import { frameworkNodes, frameworks } from "../schema/evaluation";
import { scorecardSnapshots } from "../schema/scorecards";
import type { ScorecardSubject, Snapshot } from "../scorecards/payload";
import {
  rankDepartmentSnapshots,
  rankingFramework,
  rankProjects,
  snapshotSetKey,
  type PublicRanking,
  type RankingSubject,
} from "../scorecards/public-ranking";
import { singleton } from "../singleton.server";
import { findSnapshot } from "./scorecard-snapshots.server";

type Reader = Pick<Database, "select" | "execute">;

const SNAPSHOT_SUBJECT: Record<RankingSubject, ScorecardSubject> = {
  projects: "project",
  departments: "department",
};

/** The latest published version of every project or department that has one. */
export async function latestVersions(
  db: Reader,
  subject: RankingSubject,
): Promise<Array<{ code: string; version: number }>> {
  const rows = await db
    .select({ code: scorecardSnapshots.subjectCode, version: max(scorecardSnapshots.version) })
    .from(scorecardSnapshots)
    .where(eq(scorecardSnapshots.subject, SNAPSHOT_SUBJECT[subject]))
    .groupBy(scorecardSnapshots.subjectCode)
    .orderBy(asc(scorecardSnapshots.subjectCode));
  return rows.flatMap((row) =>
    row.version === null ? [] : [{ code: row.code, version: row.version }],
  );
}

/** A published framework version's tree, flat; null when that version is not published. */
export async function publishedFrameworkNodes(
  db: Reader,
  code: string,
  version: number,
): Promise<FlatFrameworkNode[] | null> {
  const [framework] = await db
    .select({ id: frameworks.id })
    .from(frameworks)
    .where(
      and(
        eq(frameworks.code, code),
        eq(frameworks.version, version),
        isNotNull(frameworks.publishedAt),
      ),
    );
  if (!framework) return null;
  const rows = await db
    .select({
      id: frameworkNodes.id,
      parentId: frameworkNodes.parentId,
      code: frameworkNodes.code,
      weight: frameworkNodes.weight,
      kpiKey: frameworkNodes.kpiKey,
    })
    .from(frameworkNodes)
    .where(eq(frameworkNodes.frameworkId, framework.id))
    .orderBy(asc(frameworkNodes.position), asc(frameworkNodes.id));
  const codeOf = new Map(rows.map((row) => [row.id, row.code]));
  return rows.map((row) => ({
    code: row.code,
    parentCode: row.parentId === null ? null : (codeOf.get(row.parentId) ?? null),
    weight: Number(row.weight),
    kpiKey: row.kpiKey,
  }));
}

/** Rankings kept per database (the tests open several), by snapshot set; a few at most. */
const caches = () =>
  singleton("public-rankings", () => new WeakMap<object, Map<string, PublicRanking>>());
const MAX_KEPT = 16;

function cacheOf(db: object): Map<string, PublicRanking> {
  let cache = caches().get(db);
  if (!cache) {
    cache = new Map();
    caches().set(db, cache);
  }
  return cache;
}

async function compute(
  db: Reader,
  subject: RankingSubject,
  versions: ReadonlyArray<{ code: string; version: number }>,
): Promise<PublicRanking> {
  const served = await Promise.all(
    versions.map(({ code, version }) => findSnapshot(db, SNAPSHOT_SUBJECT[subject], code, version)),
  );
  const snapshots: Snapshot[] = served.flatMap((item) => (item ? [item.snapshot] : []));
  if (subject === "departments") return rankDepartmentSnapshots(snapshots);
  const framework = rankingFramework(snapshots);
  const nodes = framework
    ? await publishedFrameworkNodes(db, framework.code, framework.version)
    : null;
  return rankProjects(snapshots, framework, nodes);
}

/**
 * The public ranking of projects or departments from their latest published snapshots.
 * Costs one grouped query of the latest versions per request; the ranking itself (1,000
 * draws) is computed only when a new version has been published since.
 */
export async function loadPublicRanking(
  db: Reader,
  subject: RankingSubject,
): Promise<PublicRanking> {
  const versions = await latestVersions(db, subject);
  const key = snapshotSetKey(subject, versions);
  const cache = cacheOf(db);
  const hit = cache.get(key);
  if (hit) return hit;
  const ranking = await compute(db, subject, versions);
  if (cache.size >= MAX_KEPT) cache.clear();
  cache.set(key, ranking);
  return ranking;
}
