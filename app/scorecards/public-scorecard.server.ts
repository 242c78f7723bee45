import { z } from "zod";
import {
  correctionDiff,
  findSnapshot,
  listVersions,
  type ServedSnapshot,
} from "../../db/queries/scorecard-snapshots.server";
import { getDb } from "../../db/runtime.server";
import type { ScorecardSubject } from "../../db/scorecards/payload";
import { notFound } from "~/utils/permissions.server";

const versionParam = z.coerce.number().int().min(1).max(1_000_000);

/**
 * `?version=N` of a public address: undefined for the latest; anything that is not a
 * version number answers 404, as an unknown version does.
 */
export function requestedVersion(request: Request): number | undefined {
  const raw = new URL(request.url).searchParams.get("version");
  if (raw === null) return undefined;
  const parsed = versionParam.safeParse(raw);
  if (!parsed.success || !/^\d+$/.test(raw)) throw notFound();
  return parsed.data;
}

/** A published version or 404. */
export async function requireSnapshot(
  subject: ScorecardSubject,
  code: string | undefined,
  version: number | undefined,
): Promise<ServedSnapshot> {
  const served = code ? await findSnapshot(getDb(), subject, code, version) : null;
  if (!served) throw notFound();
  return served;
}

/**
 * What a public scorecard page shows: the version asked for (the latest by default),
 * the change log, and for a correction the figures it changed. Published rows only.
 */
export async function loadPublicScorecard(
  request: Request,
  subject: ScorecardSubject,
  code: string | undefined,
) {
  const { snapshot } = await requireSnapshot(subject, code, requestedVersion(request));
  const db = getDb();
  const [versions, diff] = await Promise.all([
    listVersions(db, subject, snapshot.code),
    correctionDiff(db, snapshot),
  ]);
  return { snapshot, versions, diff };
}
