import { sql, type SQL } from "drizzle-orm";
import { localDateOf } from "../../metrics/time-zone";
import type { ImportKind } from "../schema/enums";
import type { ImportRow } from "./kinds/kind";

/**
 * The roll-up cells an import touched, as short keys, not the rows that touched them: a
 * (department, local day) of appeals, a department of service items, a service item of
 * service statistics, a project of budget lines, a date of the calendar. Memory grows with
 * the cells (at most departments × days), never with the file.
 *
 * Keys come from the rows written (`addRow`), and from the versions they replaced, either
 * as records with table column names (`addReplaced`) or computed by the database from a
 * replaced row's JSON (`replacedKeySql`, the same key as text).
 */
export class TouchedCells {
  /** Key → how many rows the import wrote or replaced in the cell: what a recount will read, roughly. */
  readonly keys = new Map<string, number>();

  constructor(
    readonly kind: ImportKind,
    readonly timeZone: string,
  ) {}

  get size(): number {
    return this.keys.size;
  }

  add(key: string | null, rows = 0): void {
    if (key === null) return;
    this.keys.set(key, (this.keys.get(key) ?? 0) + rows);
  }

  addRow(row: ImportRow): void {
    this.add(rowKey(this.kind, row, this.timeZone), 1);
  }

  addRows(rows: Iterable<ImportRow>): void {
    for (const row of rows) this.addRow(row);
  }

  /** A replaced (or removed) row's previous version, with table column names. */
  addReplaced(before: Record<string, unknown>): void {
    this.add(beforeKey(this.kind, before, this.timeZone), 1);
  }
}

const idKey = (value: unknown): string | null => {
  const id = Number(value);
  return value === null || value === undefined || !Number.isFinite(id) ? null : String(id);
};

function rowKey(kind: ImportKind, row: ImportRow, timeZone: string): string | null {
  switch (kind) {
    case "appeals":
      return `${row.departmentId as number}|${localDateOf(row.receivedAt as Date, timeZone)}`;
    case "calendar":
      return String(row.date);
    case "service-items":
      return idKey(row.departmentId);
    case "service-stats":
      return idKey(row.itemId);
    case "budget-lines":
      return idKey(row.projectId);
    default:
      return null;
  }
}

function beforeKey(
  kind: ImportKind,
  before: Record<string, unknown>,
  timeZone: string,
): string | null {
  switch (kind) {
    case "appeals":
      return `${Number(before.department_id)}|${localDateOf(new Date(String(before.received_at)), timeZone)}`;
    case "calendar":
      return before.date === undefined ? null : String(before.date);
    case "service-items":
      return idKey(before.department_id);
    case "service-stats":
      return idKey(before.item_id);
    case "budget-lines":
      return idKey(before.project_id);
    default:
      return null;
  }
}

/**
 * The key of `addReplaced` computed in SQL from a replaced row's JSON (`before`, to_jsonb of
 * the old row), so a bulk merge returns the few distinct keys rather than the rows.
 * Undefined for kinds whose rows feed no roll-up.
 */
export function replacedKeySql(kind: ImportKind, before: SQL, timeZone: string): SQL | undefined {
  switch (kind) {
    case "appeals":
      return sql`((${before}->>'department_id')::int)::text || '|' || to_char((((${before}->>'received_at')::timestamptz) at time zone ${timeZone})::date, 'YYYY-MM-DD')`;
    case "calendar":
      return sql`(${before}->>'date')`;
    case "service-items":
      return sql`(${before}->>'department_id')`;
    case "service-stats":
      return sql`(${before}->>'item_id')`;
    case "budget-lines":
      return sql`(${before}->>'project_id')`;
    default:
      return undefined;
  }
}
