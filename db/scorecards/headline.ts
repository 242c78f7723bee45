/**
 * The public home page's and the wall's headline figures, drawn from the latest published
 * version of each scorecard and nothing else (never a live query on internal tables), so
 * a headline changes only when a leader publishes.
 *
 * Across departments a rate is the median of the departments' published rates: each
 * department counts once, whatever its volume, and a figure withheld for a small count
 * (`suppressed`) or with no data is left out and counted as such, so the page can say so.
 */
import { median } from "../../metrics/median";
import type { KpiFigure, ScorecardSubject, Snapshot } from "./payload";
import { ratingFigureWithheld } from "./rating-figure";

/** A median across scorecards, with what went into it and what was left out. */
export interface MedianFigure {
  median: number | null;
  /** Scorecards whose value counted. */
  counted: number;
  /** Scorecards whose value was withheld (1–4 behind it). */
  withheld: number;
  /** Scorecards with no data for it. */
  noData: number;
}

/** How many projects' published figure is in each band. */
export interface BandCounts {
  green: number;
  amber: number;
  red: number;
  /** No band: no value, or no target to compare with. */
  none: number;
}

export interface PublicationEntry {
  subject: ScorecardSubject;
  code: string;
  name: string;
  version: number;
  publishedAt: string;
  dataCutoff: string;
}

export interface HeadlineFigures {
  departments: number;
  projects: number;
  /** Earliest and latest data cut-off of the scorecards counted; null with none. */
  cutoffs: { from: string; to: string } | null;
  latestPublishedAt: string | null;
  replyRate: MedianFigure;
  satisfactionRate: MedianFigure;
  /** 好差评 over each department's services: the median of the published satisfaction. */
  serviceRatingSatisfaction: MedianFigure;
  cpiBands: BandCounts;
  spiBands: BandCounts;
  /** The latest publications, newest first. */
  latest: PublicationEntry[];
}

type Latest = Pick<
  Snapshot,
  "subject" | "code" | "version" | "publishedAt" | "dataCutoff" | "payload"
>;

function medianOf(
  values: ReadonlyArray<{ value: number | null; suppressed: boolean } | undefined>,
): MedianFigure {
  let withheld = 0;
  let noData = 0;
  const known: number[] = [];
  for (const figure of values) {
    if (!figure) noData += 1;
    else if (figure.suppressed) withheld += 1;
    else if (figure.value === null) noData += 1;
    else known.push(figure.value);
  }
  return { median: median(known), counted: known.length, withheld, noData };
}

const kpiOf = (kpis: readonly KpiFigure[], key: string) =>
  kpis.find((figure) => figure.kpi === key);

function bandCounts(figures: ReadonlyArray<KpiFigure | undefined>): BandCounts {
  const counts: BandCounts = { green: 0, amber: 0, red: 0, none: 0 };
  for (const figure of figures) {
    const band = figure && !figure.suppressed ? figure.band : null;
    counts[band ?? "none"] += 1;
  }
  return counts;
}

/**
 * Headline figures over the latest version of each published scorecard (one entry per
 * subject and code; pass older versions and they are ignored in favour of the newest).
 */
export function headlineFigures(snapshots: readonly Latest[], latestCount = 5): HeadlineFigures {
  const newest = new Map<string, Latest>();
  for (const snapshot of snapshots) {
    const key = `${snapshot.subject}\u0000${snapshot.code}`;
    const seen = newest.get(key);
    if (!seen || seen.version < snapshot.version) newest.set(key, snapshot);
  }
  const all = [...newest.values()];
  const departments = all.flatMap((s) => (s.payload.subject === "department" ? [s.payload] : []));
  const projects = all.flatMap((s) => (s.payload.subject === "project" ? [s.payload] : []));
  const cutoffs = all.map((s) => s.dataCutoff).sort();
  const published = all.map((s) => s.publishedAt).sort();
  return {
    departments: departments.length,
    projects: projects.length,
    cutoffs: cutoffs.length ? { from: cutoffs[0] as string, to: cutoffs.at(-1) as string } : null,
    latestPublishedAt: published.at(-1) ?? null,
    replyRate: medianOf(departments.map((p) => kpiOf(p.kpis, "reply_rate"))),
    satisfactionRate: medianOf(departments.map((p) => kpiOf(p.kpis, "satisfaction_rate"))),
    serviceRatingSatisfaction: medianOf(
      departments.map((p) => ({
        value: p.ratings.satisfactionRate,
        suppressed:
          // A suppressed total suppresses the whole breakdown, so this covers it too.
          ratingFigureWithheld(p.ratings, p.ratings.satisfactionRate),
      })),
    ),
    cpiBands: bandCounts(projects.map((p) => kpiOf(p.kpis, "cpi"))),
    spiBands: bandCounts(projects.map((p) => kpiOf(p.kpis, "spi"))),
    latest: [...all]
      .sort((a, b) =>
        a.publishedAt === b.publishedAt
          ? a.code.localeCompare(b.code)
          : a.publishedAt < b.publishedAt
            ? 1
            : -1,
      )
      .slice(0, latestCount)
      .map((s) => ({
        subject: s.subject,
        code: s.code,
        name: s.payload.name,
        version: s.version,
        publishedAt: s.publishedAt,
        dataCutoff: s.dataCutoff,
      })),
  };
}
