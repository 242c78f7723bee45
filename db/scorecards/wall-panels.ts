/**
 * The wall screen's panels (/wall, a service hall's display), built from the latest
 * published snapshots alone: the headline, one panel per department with its key KPIs,
 * the departments' citizen ratings, and the latest publications. Each panel carries the
 * dates it must state (data cut-off, publication).
 */
import { headlineFigures, type HeadlineFigures, type PublicationEntry } from "./headline";
import type { KpiFigure, Snapshot } from "./payload";

/** The department KPIs a wall shows, a few a panel so they read from three metres. */
export const WALL_DEPARTMENT_KPIS = [
  "reply_rate",
  "on_time_reply_rate",
  "satisfaction_rate",
  "digital_take_up",
] as const;

/** Departments per ratings panel. */
export const WALL_RATINGS_PER_PANEL = 5;

export interface WallRatingRow {
  code: string;
  name: string;
  rated: number | null;
  suppressed: boolean;
  meanRating: number | null;
  satisfactionRate: number | null;
}

export type WallPanel =
  | { kind: "headline"; headline: HeadlineFigures }
  | {
      kind: "department";
      code: string;
      name: string;
      version: number;
      publishedAt: string;
      dataCutoff: string;
      period: { from: string; to: string };
      kpis: KpiFigure[];
    }
  | {
      kind: "ratings";
      rows: WallRatingRow[];
      cutoffs: { from: string; to: string };
      latestPublishedAt: string;
    }
  | { kind: "publications"; latest: PublicationEntry[] };

const span = (dates: readonly string[]) => {
  const sorted = [...dates].sort();
  return { from: sorted[0] ?? "", to: sorted.at(-1) ?? "" };
};

/** Every panel, in the order the wall cycles through them; at least the headline. */
export function wallPanels(snapshots: readonly Snapshot[]): WallPanel[] {
  const departments = snapshots
    .filter((snapshot) => snapshot.payload.subject === "department")
    .sort((a, b) => a.code.localeCompare(b.code));
  const panels: WallPanel[] = [{ kind: "headline", headline: headlineFigures(snapshots) }];
  for (const snapshot of departments) {
    const payload = snapshot.payload;
    if (payload.subject !== "department") continue;
    panels.push({
      kind: "department",
      code: snapshot.code,
      name: payload.name,
      version: snapshot.version,
      publishedAt: snapshot.publishedAt,
      dataCutoff: snapshot.dataCutoff,
      period: payload.period,
      kpis: WALL_DEPARTMENT_KPIS.flatMap((key) =>
        payload.kpis.filter((figure) => figure.kpi === key),
      ),
    });
  }
  for (let start = 0; start < departments.length; start += WALL_RATINGS_PER_PANEL) {
    const slice = departments.slice(start, start + WALL_RATINGS_PER_PANEL);
    panels.push({
      kind: "ratings",
      rows: slice.flatMap((snapshot) =>
        snapshot.payload.subject === "department"
          ? [
              {
                code: snapshot.code,
                name: snapshot.payload.name,
                rated: snapshot.payload.ratings.rated,
                suppressed: snapshot.payload.ratings.suppressed,
                meanRating: snapshot.payload.ratings.meanRating,
                satisfactionRate: snapshot.payload.ratings.satisfactionRate,
              },
            ]
          : [],
      ),
      cutoffs: span(slice.map((snapshot) => snapshot.dataCutoff)),
      latestPublishedAt: span(slice.map((snapshot) => snapshot.publishedAt)).to,
    });
  }
  if (snapshots.length > 0)
    panels.push({ kind: "publications", latest: headlineFigures(snapshots, 5).latest });
  return panels;
}
