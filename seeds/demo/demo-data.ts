import type { ImportKind } from "../../db/schema/enums";

/** One row as it stands in an import file: English column names, codes for references. */
export type DemoRow = Record<string, string | number | boolean | null>;

/** The demo data set: rows per import kind (the calendar comes from the official data). */
export type DemoData = Record<Exclude<ImportKind, "calendar">, DemoRow[]>;

/** Kinds in the order that references need: a row refers only to kinds before it. */
export const DEMO_KINDS = [
  "regions",
  "departments",
  "projects",
  "budget-lines",
  "milestones",
  "outcome-indicators",
  "outcome-values",
  "service-items",
  "service-stats",
  "appeals",
  "ratings",
] as const satisfies ReadonlyArray<keyof DemoData>;
