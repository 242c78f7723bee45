import { IMPORT_COLUMNS, type ImportColumn } from "../columns";
import type { ImportKind } from "../../schema/enums";
import { normaliseHeader } from "./header-key";
import { piiKindOfHeader, type PiiKind } from "./pii-columns";

/** A file column holding a known column of the kind. */
export interface MatchedColumn extends ImportColumn {
  /** 0-based position in the file. */
  readonly index: number;
  /** The header as written. */
  readonly header: string;
  readonly unitIsWan: boolean;
  readonly unit: string | null;
}

export interface IgnoredColumn {
  readonly index: number;
  readonly header: string;
  readonly reason: string;
}

export interface PiiColumn {
  readonly index: number;
  readonly header: string;
  readonly kind: PiiKind;
}

export interface DuplicateColumn {
  readonly name: string;
  readonly chinese: string;
  /** 0-based positions of every file column naming it. */
  readonly indexes: readonly number[];
  readonly headers: readonly string[];
  readonly reason: string;
}

export interface MissingColumn {
  readonly name: string;
  readonly chinese: string;
  readonly reason: string;
}

export interface HeaderMatch {
  /** Known columns by English name (the first, if a column is given twice). */
  readonly columns: ReadonlyMap<string, MatchedColumn>;
  /** Per file column: the known column it holds, or null (ignored or personal data). */
  readonly byIndex: readonly (MatchedColumn | null)[];
  readonly ignored: readonly IgnoredColumn[];
  readonly pii: readonly PiiColumn[];
  readonly duplicates: readonly DuplicateColumn[];
  readonly missing: readonly MissingColumn[];
  /** No duplicates and nothing missing. */
  readonly ok: boolean;
}

const columnsByKey = new Map<ImportKind, ReadonlyMap<string, ImportColumn>>();

/** The columns of a kind by normalised English and Chinese name. */
function columnKeys(kind: ImportKind): ReadonlyMap<string, ImportColumn> {
  let keys = columnsByKey.get(kind);
  if (keys === undefined) {
    const built = new Map<string, ImportColumn>();
    for (const column of IMPORT_COLUMNS[kind]) {
      built.set(normaliseHeader(column.name).key, column);
      built.set(normaliseHeader(column.chinese).key, column);
    }
    keys = built;
    columnsByKey.set(kind, keys);
  }
  return keys;
}

/** The known column a header names in a kind, or null. */
export function columnOfHeader(kind: ImportKind, header: string): ImportColumn | null {
  return columnKeys(kind).get(normaliseHeader(header).key) ?? null;
}

/**
 * Matches a file's header row to the columns of an import kind (db/import/columns.ts).
 * Each header is compared, as header-key.ts normalises it, with each column's English
 * and Chinese name: `Department Code`, `department_code`, `建设单位` and `批复金额（万元）`
 * all match. Every file column ends up in exactly one of:
 *
 *   matched    a known column (with the unit its header names, e.g. 万元);
 *   pii        personal data (name, phone, ID number): the importer drops or hashes it;
 *   ignored    anything else, reported and not read.
 *
 * Problems that reject the file: a known column given twice (`duplicates`) and a
 * required column absent (`missing`), each with its English and Chinese name and a
 * plain English reason.
 */
export function matchHeaders(kind: ImportKind, headers: readonly string[]): HeaderMatch {
  const keys = columnKeys(kind);
  const byIndex: (MatchedColumn | null)[] = [];
  const seen = new Map<string, MatchedColumn[]>();
  const ignored: IgnoredColumn[] = [];
  const pii: PiiColumn[] = [];
  headers.forEach((header, index) => {
    const { key, unitIsWan, unit } = normaliseHeader(header);
    const column = keys.get(key);
    if (column !== undefined) {
      const matched: MatchedColumn = { ...column, index, header, unitIsWan, unit };
      byIndex.push(matched);
      seen.set(column.name, [...(seen.get(column.name) ?? []), matched]);
      return;
    }
    byIndex.push(null);
    const piiKind = piiKindOfHeader(header);
    if (piiKind !== null) {
      pii.push({ index, header, kind: piiKind });
    } else {
      ignored.push({
        index,
        header,
        reason:
          header.trim() === ""
            ? "a column without a header: ignored"
            : `not a column of ${kind}: ignored (expected one of ${IMPORT_COLUMNS[kind].map((c) => c.name).join(", ")})`,
      });
    }
  });
  const columns = new Map<string, MatchedColumn>();
  const duplicates: DuplicateColumn[] = [];
  for (const [name, occurrences] of seen) {
    const first = occurrences[0];
    if (first === undefined) continue;
    columns.set(name, first);
    if (occurrences.length > 1) {
      const positions = occurrences.map((occurrence) => occurrence.index + 1);
      duplicates.push({
        name,
        chinese: first.chinese,
        indexes: occurrences.map((occurrence) => occurrence.index),
        headers: occurrences.map((occurrence) => occurrence.header),
        reason: `expected the column ${name} (${first.chinese}) once, found it ${occurrences.length} times: columns ${positions.slice(0, -1).join(", ")} and ${positions.at(-1) ?? ""}`,
      });
    }
  }
  const missing: MissingColumn[] = IMPORT_COLUMNS[kind]
    .filter((column) => column.required && !columns.has(column.name))
    .map((column) => ({
      name: column.name,
      chinese: column.chinese,
      reason: `expected the required column ${column.name} (${column.chinese}), which is missing`,
    }));
  return {
    columns,
    byIndex,
    ignored,
    pii,
    duplicates,
    missing,
    ok: duplicates.length === 0 && missing.length === 0,
  };
}
