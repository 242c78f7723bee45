/**
 * What /compare shows: the latest published version of each scorecard asked for, and
 * the list to choose from. Snapshots only; a bad request says why on the page (400 for
 * ids that cannot be compared, 404 for codes with no published scorecard).
 */
import { data } from "@remix-run/node";
import {
  listPublishedScorecards,
  type PublishedScorecard,
} from "../../db/queries/published-scorecards.server";
import { findSnapshot } from "../../db/queries/scorecard-snapshots.server";
import { getDb } from "../../db/runtime.server";
import type { Snapshot } from "../../db/scorecards/payload";
import { compareId, parseCompareIds } from "./compare-ids";

export type CompareProblem = {
  kind: "too_many" | "mixed" | "duplicate" | "malformed" | "unpublished";
  values: string[];
};

export interface ComparePage {
  catalogue: PublishedScorecard[];
  /** The ids ticked in the picker. */
  chosen: string[];
  problem: CompareProblem | null;
  /** The compared versions, in the order asked for (none with a problem). */
  snapshots: Snapshot[];
}

export async function loadCompare(request: Request) {
  const db = getDb();
  const parsed = parseCompareIds(new URL(request.url).searchParams);
  const catalogue = await listPublishedScorecards(db);
  if (!parsed.ok) {
    const problem = { kind: parsed.problem, values: parsed.values };
    return data<ComparePage>(
      { catalogue, chosen: parsed.chosen, problem, snapshots: [] },
      { status: 400 },
    );
  }
  const { subject, codes } = parsed;
  const chosen = subject ? codes.map((code) => compareId(subject, code)) : [];
  const served = subject
    ? await Promise.all(codes.map((code) => findSnapshot(db, subject, code)))
    : [];
  const missing = chosen.filter((_, index) => served[index] === null);
  if (missing.length > 0) {
    return data<ComparePage>(
      { catalogue, chosen, problem: { kind: "unpublished", values: missing }, snapshots: [] },
      { status: 404 },
    );
  }
  const snapshots = served.flatMap((entry) => (entry ? [entry.snapshot] : []));
  return data<ComparePage>({ catalogue, chosen, problem: null, snapshots });
}
