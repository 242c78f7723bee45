import type { Database } from "../../db/client.server";
import { LIFECYCLE_STAGES, type LifecycleStage } from "../../db/schema/enum-values";
import { publishScorecard, type Actor } from "../../db/queries/scorecard-snapshots.server";
import type { DemoData } from "./demo-data";
import { DEFAULT_LAST_DAY } from "./generate";

/** How many projects the demo publishes (the first by code), beside every department. */
export const DEMO_PUBLISHED_PROJECTS = 12;

/** The demo's one correction: a project first published a month earlier, then brought up to date. */
export const DEMO_CORRECTION = {
  firstCutoff: "2026-09-30",
  reason:
    "September's spend was provisional when first published; restated with October's figures.",
} as const;

/**
 * Publishes what the demo's portal shows, through the same function a leader's form
 * calls: version 1 of every department's scorecard and of the first projects', and a
 * correction (version 2, with its reason) of the first project.
 */
export async function publishDemoScorecards(
  db: Pick<Database, "transaction">,
  data: DemoData,
  leader: Actor,
  timeZone: string,
): Promise<void> {
  const publish = async (
    subject: "project" | "department",
    code: string,
    cutoff: string,
    reason: string | null = null,
  ) => {
    const outcome = await publishScorecard(db, { subject, code, cutoff, reason, timeZone }, leader);
    if (!outcome.ok) throw new Error(`Demo scorecard ${subject} ${code}: ${outcome.reason}`);
  };
  for (const row of data.departments)
    await publish("department", String(row.code), DEFAULT_LAST_DAY);
  // Projects under way first: they have spend, milestones and ratings to show.
  const underWay = (row: DemoData["projects"][number]) =>
    LIFECYCLE_STAGES.indexOf(row.stage as LifecycleStage) >=
    LIFECYCLE_STAGES.indexOf("construction");
  const chosen = [...data.projects]
    .sort(
      (a, b) =>
        Number(underWay(b)) - Number(underWay(a)) || String(a.code).localeCompare(String(b.code)),
    )
    .slice(0, DEMO_PUBLISHED_PROJECTS)
    .map((row) => String(row.code));
  const corrected = chosen[0];
  const others = chosen.slice(1);
  if (corrected) {
    await publish("project", corrected, DEMO_CORRECTION.firstCutoff);
    await publish("project", corrected, DEFAULT_LAST_DAY, DEMO_CORRECTION.reason);
  }
  for (const code of others) await publish("project", code, DEFAULT_LAST_DAY);
}
