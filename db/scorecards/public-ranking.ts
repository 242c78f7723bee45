/**
 * The public rankings (/rankings), computed from published snapshots alone: each entry's
 * figures come from its latest snapshot's payload, the weights from the framework the
 * snapshots' evaluations name (projects) or the department ranking KPIs (departments),
 * the math from metrics/ (bandedRanking: composite index and rank bands).
 */
import {
  bandedRanking,
  kpiIndicator,
  kpiIndicatorValue,
  type KpiTargetSpec,
} from "../../metrics/banded-ranking";
import type { IndexEntity, IndexIndicator } from "../../metrics/composite-index";
import { RANKING_KPIS } from "../../metrics/department-ranking";
import type { FlatFrameworkNode } from "../../metrics/evaluation-result";
import {
  EVALUATION_SCORE_INDICATOR,
  frameworkIndicatorWeights,
} from "../../metrics/framework-weighting";
import { seedFromString } from "../../metrics/prng";
import { compareIds } from "../../metrics/rank";
import { DEFAULT_DRAWS } from "../../metrics/rank-uncertainty";
import type { DepartmentPayload, KpiFigure, ProjectPayload, Snapshot } from "./payload";

export const RANKING_SUBJECTS = ["projects", "departments"] as const;
export type RankingSubject = (typeof RANKING_SUBJECTS)[number];

/** A framework version by its public name. */
export interface FrameworkRef {
  code: string;
  version: number;
}

/** What every row says of the snapshot it comes from. */
interface RowSource {
  code: string;
  name: string;
  version: number;
  dataCutoff: string;
  publishedAt: string;
}

export interface RankedRow extends RowSource {
  rank: number;
  score: number;
  medianRank: number;
  rankP5: number;
  rankP95: number;
  coveredWeight: number;
}

export type UnrankedReason =
  "no_figures" | "too_few_figures" | "not_evaluated" | "other_framework" | "framework_not_public";

export interface UnrankedRow extends RowSource {
  reason: UnrankedReason;
  coveredWeight: number | null;
  /** other_framework: the framework version it was evaluated through. */
  framework: FrameworkRef | null;
}

export interface PublicRanking {
  subject: RankingSubject;
  /** Projects: the framework version whose weights are used; null when none can be. */
  framework: FrameworkRef | null;
  indicators: Array<{ id: string; weight: number }>;
  draws: number;
  ranked: RankedRow[];
  unranked: UnrankedRow[];
}

const sourceOf = (snapshot: Snapshot): RowSource => ({
  code: snapshot.code,
  name: snapshot.payload.name,
  version: snapshot.version,
  dataCutoff: snapshot.dataCutoff,
  publishedAt: snapshot.publishedAt,
});

/** The key of the set of snapshots a ranking is computed from: (subject, code, version). */
export function snapshotSetKey(
  subject: RankingSubject,
  entries: ReadonlyArray<{ code: string; version: number }>,
): string {
  return `${subject}|${entries
    .map((entry) => `${entry.code}@${entry.version}`)
    .sort(compareIds)
    .join(",")}`;
}

/**
 * The framework version most of the project snapshots were evaluated through (ties: the
 * later version, then the code): one ranking needs one set of weights.
 */
export function rankingFramework(snapshots: readonly Snapshot[]): FrameworkRef | null {
  const counts = new Map<string, { ref: FrameworkRef; n: number }>();
  for (const snapshot of snapshots) {
    const payload = snapshot.payload;
    if (payload.subject !== "project" || !payload.evaluation) continue;
    const ref = payload.evaluation.framework;
    const key = `${ref.code}@${ref.version}`;
    const entry = counts.get(key) ?? { ref: { code: ref.code, version: ref.version }, n: 0 };
    entry.n += 1;
    counts.set(key, entry);
  }
  const [best] = [...counts.values()].sort(
    (a, b) => b.n - a.n || b.ref.version - a.ref.version || compareIds(a.ref.code, b.ref.code),
  );
  return best?.ref ?? null;
}

/**
 * Each KPI's target as the most recently published snapshot that holds one recorded it
 * (targets can change between publications; the latest is the deployment's current one).
 */
function targetsOf(
  snapshots: readonly Snapshot[],
  figuresOf: (snapshot: Snapshot) => readonly KpiFigure[],
): Map<string, KpiTargetSpec> {
  const targets = new Map<string, KpiTargetSpec>();
  const latestFirst = [...snapshots].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
  for (const snapshot of latestFirst) {
    for (const figure of figuresOf(snapshot)) {
      if (figure.target && !targets.has(figure.kpi)) targets.set(figure.kpi, figure.target);
    }
  }
  return targets;
}

function valuesFrom(
  figures: readonly KpiFigure[],
  targets: ReadonlyMap<string, KpiTargetSpec>,
): Record<string, number | null> {
  return Object.fromEntries(
    figures.map((figure) => [
      figure.kpi,
      kpiIndicatorValue(figure.value, targets.get(figure.kpi) ?? null),
    ]),
  );
}

function ranking(
  subject: RankingSubject,
  snapshots: readonly Snapshot[],
  entities: readonly IndexEntity[],
  indicators: readonly IndexIndicator[],
  setAside: UnrankedRow[],
  framework: FrameworkRef | null,
  draws: number,
): PublicRanking {
  const byCode = new Map(snapshots.map((snapshot) => [snapshot.code, snapshot]));
  const source = (code: string) => sourceOf(byCode.get(code)!);
  // The seed is the set of snapshots: the same publications always give the same bands.
  const seed = seedFromString(snapshotSetKey(subject, snapshots));
  const { ranked, unranked } =
    entities.length > 0 && indicators.length > 0
      ? bandedRanking(entities, indicators, { seed, draws })
      : { ranked: [], unranked: [] };
  return {
    subject,
    framework,
    indicators: indicators.map(({ id, weight }) => ({ id, weight })),
    draws,
    ranked: ranked.map(({ id, ...entry }) => ({ ...source(id), ...entry })),
    unranked: [
      ...unranked.map((entry) => ({
        ...source(entry.id),
        reason: entry.reason,
        coveredWeight: entry.coveredWeight,
        framework: null,
      })),
      ...setAside,
    ].sort((a, b) => compareIds(a.code, b.code)),
  };
}

/**
 * Projects ranked by their latest snapshots' figures, weighted by the framework version
 * (`nodes`: that version's tree, null when it is not published and so not public):
 * KPI-bound criteria weigh their KPI, the evaluators' criteria together the evaluation
 * score (frameworkIndicatorWeights). A project without an evaluation, or evaluated through
 * another version, is listed as not ranked with the reason.
 */
export function rankProjects(
  snapshots: readonly Snapshot[],
  framework: FrameworkRef | null,
  nodes: readonly FlatFrameworkNode[] | null,
  draws: number = DEFAULT_DRAWS,
): PublicRanking {
  const projects = snapshots.filter(
    (snapshot): snapshot is Snapshot & { payload: ProjectPayload } =>
      snapshot.payload.subject === "project",
  );
  const targets = targetsOf(projects, (snapshot) =>
    snapshot.payload.subject === "project" ? snapshot.payload.kpis : [],
  );
  const setAside: UnrankedRow[] = [];
  const entities: IndexEntity[] = [];
  for (const snapshot of projects) {
    const evaluation = snapshot.payload.evaluation;
    const row = (reason: UnrankedReason, ref: FrameworkRef | null = null) =>
      setAside.push({ ...sourceOf(snapshot), reason, coveredWeight: null, framework: ref });
    if (!evaluation) row("not_evaluated");
    else if (
      !framework ||
      evaluation.framework.code !== framework.code ||
      evaluation.framework.version !== framework.version
    )
      row("other_framework", evaluation.framework);
    else if (!nodes) row("framework_not_public");
    else
      entities.push({
        id: snapshot.code,
        values: {
          ...valuesFrom(snapshot.payload.kpis, targets),
          [EVALUATION_SCORE_INDICATOR]: evaluation.score,
        },
      });
  }
  const indicators = nodes
    ? frameworkIndicatorWeights(nodes).map(({ id, weight }) =>
        kpiIndicator(id, weight, targets.get(id) ?? null),
      )
    : [];
  return ranking("projects", projects, entities, indicators, setAside, framework, draws);
}

/** The KPIs of a department snapshot, its rectification rate among them when it has one. */
function departmentFigures(payload: DepartmentPayload): KpiFigure[] {
  return payload.rectification ? [...payload.kpis, payload.rectification.onTimeRate] : payload.kpis;
}

/**
 * Departments ranked by their latest snapshots' figures on the department ranking KPIs
 * (RANKING_KPIS, equal weights, each against its target). A KPI a snapshot does not hold
 * (the department's CPI is not published; rectification only since issue #22) is missing
 * for that department, and the weights are renormalised over what it has.
 */
export function rankDepartmentSnapshots(
  snapshots: readonly Snapshot[],
  draws: number = DEFAULT_DRAWS,
): PublicRanking {
  const departments = snapshots.filter((snapshot) => snapshot.payload.subject === "department");
  const figuresOf = (snapshot: Snapshot) =>
    snapshot.payload.subject === "department" ? departmentFigures(snapshot.payload) : [];
  const targets = targetsOf(departments, figuresOf);
  const indicators = RANKING_KPIS.map((kpi) =>
    kpiIndicator(kpi, 1 / RANKING_KPIS.length, targets.get(kpi) ?? null),
  );
  const entities = departments.map((snapshot) => ({
    id: snapshot.code,
    values: valuesFrom(figuresOf(snapshot), targets),
  }));
  return ranking("departments", departments, entities, indicators, [], null, draws);
}
