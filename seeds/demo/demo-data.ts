import { IMPORT_KINDS, type ImportKind } from "../../db/schema/enum-values";

/** One row as it stands in an import file: English column names, codes for references. */
export type DemoRow = Record<string, string | number | boolean | null>;

/** The demo data set: rows per import kind (the calendar comes from the official data). */
export type DemoData = Record<Exclude<ImportKind, "calendar">, DemoRow[]>;

/**
 * Kinds in the order that references need (a row refers only to kinds before it): the
 * import kinds' own order, which the column reference and templates list too.
 */
export const DEMO_KINDS = IMPORT_KINDS.filter(
  (kind): kind is keyof DemoData => kind !== "calendar",
);
