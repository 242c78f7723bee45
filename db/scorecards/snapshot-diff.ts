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
