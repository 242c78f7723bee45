import { data } from "@remix-run/node";
import { latestSnapshots } from "../../db/queries/published-scorecards.server";
import { getDb } from "../../db/runtime.server";
import { wallPanels } from "../../db/scorecards/wall-panels";
import { notFound } from "~/utils/permissions.server";

/** Seconds a panel stays up before the wall moves on. */
export const WALL_PANEL_SECONDS = 15;

/** The address of panel n. */
export const wallPath = (panel: number) => `/wall?panel=${panel}`;

/**
 * One panel of the wall, from the latest published snapshots, and where to go next. The
 * move on is an HTTP `Refresh` header (every browser follows it, without JavaScript and
 * whatever the Content-Security-Policy says), so a screen left alone cycles for ever: the
 * last panel leads back to 0, and a number past the end (panels come and go as
 * departments publish) wraps round. `?panel` that is not a number answers 404.
 */
export async function loadWallPanel(request: Request) {
  const raw = new URL(request.url).searchParams.get("panel");
  if (raw !== null && !/^\d{1,6}$/.test(raw)) throw notFound();
  const panels = wallPanels(await latestSnapshots(getDb()));
  const index = Number(raw ?? 0) % panels.length;
  const next = (index + 1) % panels.length;
  const panel = panels[index] ?? panels[0];
  if (!panel) throw notFound();
  return data(
    { panel, index, count: panels.length, next: wallPath(next) },
    {
      headers: {
        Refresh: `${WALL_PANEL_SECONDS}; url=${wallPath(next)}`,
        // A wall is left open for days: always ask again, so a new publication shows.
        "Cache-Control": "no-store",
      },
    },
  );
}
