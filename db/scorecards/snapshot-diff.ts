/**
 * What changed between two published versions of a scorecard: every figure (a leaf of the
 * payload) whose value differs, as before → after. Lists of figures are matched by their
 * natural key (kpi, key, code, month, name), not by position, so a new outcome indicator
 * shows as one addition rather than shifting every row after it.
 */

export type Leaf = string | number | boolean | null;

export interface FigureChange {
  /** Dotted path, e.g. "kpis.cpi.value", "ratings.byScore.cells.1.count". */
  path: string;
  /** undefined: the figure was not in that version. */
  before: Leaf | undefined;
  after: Leaf | undefined;
}

const KEY_FIELDS = ["kpi", "key", "code", "month", "name"] as const;

function keyOf(item: unknown, index: number): string {
  if (item && typeof item === "object") {
    for (const field of KEY_FIELDS) {
      const value = (item as Record<string, unknown>)[field];
      if (typeof value === "string") return value;
    }
  }
  return String(index);
}

/** Every leaf of a JSON value by its path. */
export function flattenFigures(value: unknown, prefix = "", into = new Map<string, Leaf>()) {
  if (Array.isArray(value)) {
    value.forEach((item, index) => flattenFigures(item, `${prefix}${keyOf(item, index)}.`, into));
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) flattenFigures(item, `${prefix}${key}.`, into);
  } else {
    into.set(prefix.slice(0, -1), value as Leaf);
  }
  return into;
}

/** The figures that differ, in the order of the newer version (removed ones last). */
export function diffPayloads(before: unknown, after: unknown): FigureChange[] {
  const old = flattenFigures(before);
  const now = flattenFigures(after);
  const changes: FigureChange[] = [];
  for (const [path, value] of now) {
    if (!old.has(path)) changes.push({ path, before: undefined, after: value });
    else if (!Object.is(old.get(path), value))
      changes.push({ path, before: old.get(path), after: value });
  }
  for (const [path, value] of old) {
    if (!now.has(path)) changes.push({ path, before: value, after: undefined });
  }
  return changes;
}

/**
 * Every figure a payload can hold, by its path with a list item's key as `*`: the diff's
 * names for its rows (app/i18n/messages/figure-labels.ts gives each one a zh and en
 * label, checked by the type system). A leaf that can also be null in place of an object
 * (a KPI without a target, a project without an evaluation) is listed at both depths.
 */
export const DIFF_FIGURE_PATTERNS = [
  "format",
  "subject",
  "code",
  "name",
  "dataCutoff",
  // Projects
  "department.code",
  "department.name",
  "facts.stage",
  "facts.category",
  "facts.plannedStart",
  "facts.plannedEnd",
  "facts.bacYuan",
  "facts.acYuan",
  "facts.eacYuan",
  "kpis.*.kpi",
  "kpis.*.value",
  "kpis.*.suppressed",
  "kpis.*.target",
  "kpis.*.target.direction",
  "kpis.*.target.target",
  "kpis.*.target.targetMax",
  "kpis.*.band",
  "variances.*.key",
  "variances.*.value",
  "variances.*.band",
  "outcomes.*.code",
  "outcomes.*.name",
  "outcomes.*.unit",
  "outcomes.*.direction",
  "outcomes.*.baseline",
  "outcomes.*.target",
  "outcomes.*.actual",
  "outcomes.*.achievement",
  "milestones.total",
  "milestones.completed",
  "milestones.scheduleSlipDays",
  "milestones.items.*.name",
  "milestones.items.*.plannedDate",
  "milestones.items.*.actualDate",
  "milestones.items.*.forecastDate",
  "milestones.items.*.completed",
  "spendCurve.*.month",
  "spendCurve.*.pv",
  "spendCurve.*.ac",
  "spendCurve.*.ev",
  "evaluation",
  "evaluation.round.code",
  "evaluation.round.name",
  "evaluation.round.periodEnd",
  "evaluation.framework.code",
  "evaluation.framework.version",
  "evaluation.score",
  // Both
  "ratings.rated",
  "ratings.suppressed",
  "ratings.meanRating",
  "ratings.satisfactionRate",
  "ratings.badReviewRate",
  "ratings.byScore.cells.*.key",
  "ratings.byScore.cells.*.count",
  "ratings.byScore.cells.*.suppressed",
  "ratings.byScore.total",
  "ratings.byScore.totalSuppressed",
  // Departments
  "period.from",
  "period.to",
  "appeals.byType.cells.*.key",
  "appeals.byType.cells.*.count",
  "appeals.byType.cells.*.suppressed",
  "appeals.byType.total",
  "appeals.byType.totalSuppressed",
  "appeals.medianReplyWorkingDays",
  "appeals.ratedShare",
  "appeals.trend.*.month",
  "appeals.trend.*.through",
  "appeals.trend.*.suppressed",
  "appeals.trend.*.replyRate",
  "appeals.trend.*.onTimeReplyRate",
  "appeals.trend.*.satisfactionRate",
  "services.items",
  "services.oneVisitShare",
  "services.takeUpTrend.*.month",
  "services.takeUpTrend.*.digitalTakeUp",
  "projects.*.code",
  "projects.*.name",
  "projects.*.stage",
  "projects.*.cpi",
  "projects.*.spi",
  "projects.*.outcome",
  "projects.*.costBand",
  "projects.*.scheduleBand",
  "projects.*.budgetBand",
] as const;

export type DiffFigurePattern = (typeof DIFF_FIGURE_PATTERNS)[number];

/** A diff path read back: which figure, and for a list item, the item's key. */
export interface FigureRef {
  pattern: DiffFigurePattern;
  /** The list item's key (a KPI, a month, a code, a score), null outside lists. */
  item: string | null;
}

const exact = new Set<string>(DIFF_FIGURE_PATTERNS.filter((pattern) => !pattern.includes("*")));
// Longest suffix first, so "kpis.*.target.target" wins over "kpis.*.target".
const listed = DIFF_FIGURE_PATTERNS.filter((pattern) => pattern.includes("*"))
  .map((pattern) => {
    const [prefix = "", suffix = ""] = pattern.split("*");
    return { pattern, prefix, suffix };
  })
  .sort((a, b) => b.suffix.length - a.suffix.length);

/**
 * The figure a diff path names, or null for a path no payload format holds. An item key
 * may itself contain dots (a code "A.1"): the prefix and suffix are matched, and what
 * lies between is the key.
 */
export function figureRef(path: string): FigureRef | null {
  if (exact.has(path)) return { pattern: path as DiffFigurePattern, item: null };
  for (const { pattern, prefix, suffix } of listed) {
    if (
      path.length > prefix.length + suffix.length &&
      path.startsWith(prefix) &&
      path.endsWith(suffix)
    )
      return { pattern, item: path.slice(prefix.length, path.length - suffix.length) };
  }
  return null;
}
