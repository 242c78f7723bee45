import type { ScorecardSubject } from "./payload";

/** The stable public page of a scorecard (all versions; `?version=N` for one). */
export function scorecardPagePath(subject: ScorecardSubject, code: string): string {
  return `/scorecards/${subject}s/${encodeURIComponent(code)}`;
}

/** The stable API address of a scorecard: the latest, or one version. */
export function scorecardApiPath(subject: ScorecardSubject, code: string, version?: number) {
  const base = `/api/v1/scorecards/${subject}s/${encodeURIComponent(code)}`;
  return version === undefined ? base : `${base}?version=${version}`;
}
