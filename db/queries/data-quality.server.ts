import { sql } from "drizzle-orm";
import { yearsInRange, yearsWithoutOfficialData } from "../../metrics/calendar-coverage";
import { calendarDaysBetween } from "../../metrics/iso-date";
import type { Database } from "../client.server";
import { arrayLiteral } from "../rollups/array-literal";
import type { DateRange } from "./overview.server";
import { rowsOf } from "./rows-of.server";

type Reader = Pick<Database, "execute">;

/**
 * Data older than this many days before the period's end is stale: the default, which
 * an admin may change at /admin/settings (kept in app_meta under STALE_AFTER_DAYS_KEY).
 */
export const DEFAULT_STALE_AFTER_DAYS = 45;
export const STALE_AFTER_DAYS_KEY = "data_quality_stale_after_days";
/** Rejected rows count from imports of this many recent days. */
export const RECENT_IMPORT_DAYS = 90;

export const QUALITY_KINDS = ["appeals", "service-stats", "budget-lines"] as const;
export type QualityKind = (typeof QUALITY_KINDS)[number];

export interface DataQualityCell {
  /** The latest day (or month) the data covers, "YYYY-MM-DD"; null: none. */
  latestData: string | null;
  /** When the last committed import of this kind for the department ran (ISO instant). */
  latestImport: string | null;
  latestImportId: number | null;
  /** Rows rejected by imports of the last RECENT_IMPORT_DAYS days. */
  rejectedRecently: number;
  stale: boolean;
}

export interface DataQuality {
  /** The stale-data period in force: data older than this many days is stale. */
  staleAfterDays: number;
  rows: Array<{ code: string; name: string; cells: Record<QualityKind, DataQualityCell> }>;
  /** Years of the period without official holiday data: working-day figures are provisional. */
  yearsWithoutCalendar: number[];
}

/**
 * Per department and kind: the latest data date, the latest import, recently rejected
 * rows and whether the data is stale at the period's end; and the calendar's coverage.
 * Three queries; the latest dates are index look-ups per department, not scans.
 */
export async function loadDataQuality(
  db: Reader,
  departments: ReadonlyArray<{ id: number; code: string; name: string }>,
  range: DateRange,
): Promise<DataQuality> {
  const ids = arrayLiteral(departments.map((d) => d.id));
  const [latest, imports, calendarYears, staleAfterDays] = await Promise.all([
    rowsOf<{ id: number; appeals: string | null; services: string | null; spend: string | null }>(
      db,
      sql`select d.id,
          (select to_char(max(r.day), 'YYYY-MM-DD') from appeal_day_rollups r where r.department_id = d.id) as appeals,
          (select to_char((max(s.period) + interval '1 month' - interval '1 day')::date, 'YYYY-MM-DD')
             from service_month_rollups s where s.department_id = d.id) as services,
          (select to_char((max(p.period) + interval '1 month' - interval '1 day')::date, 'YYYY-MM-DD')
             from project_month_spend_rollups p join projects pr on pr.id = p.project_id
             where pr.department_id = d.id) as spend
        from departments d where d.id = any(${ids}::int[])`,
    ),
    rowsOf<{
      departmentId: number;
      kind: QualityKind;
      latestImport: string | null;
      latestImportId: number | null;
      rejected: number;
    }>(
      db,
      sql`select department_id as "departmentId", kind::text as kind,
          to_char(max(committed_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "latestImport",
          (array_agg(id order by committed_at desc nulls last))[1] as "latestImportId",
          coalesce(sum(rows_rejected) filter (where created_at > now() - make_interval(days => ${RECENT_IMPORT_DAYS})), 0)::int as rejected
        from import_batches
        where department_id = any(${ids}::int[]) and kind in ('appeals', 'service-stats', 'budget-lines')
        group by department_id, kind`,
    ),
    rowsOf<{ year: number }>(
      db,
      sql`select distinct extract(year from date)::int as year from calendar_days`,
    ),
    loadStaleAfterDays(db),
  ]);
  const latestOf = new Map(latest.map((row) => [row.id, row]));
  const importsOf = new Map(imports.map((row) => [`${row.departmentId}|${row.kind}`, row]));
  const cell = (
    departmentId: number,
    kind: QualityKind,
    latestData: string | null,
  ): DataQualityCell => {
    const batch = importsOf.get(`${departmentId}|${kind}`);
    return {
      latestData,
      latestImport: batch?.latestImport ?? null,
      latestImportId: batch?.latestImport ? (batch.latestImportId ?? null) : null,
      rejectedRecently: batch?.rejected ?? 0,
      stale: latestData === null || calendarDaysBetween(latestData, range.to) > staleAfterDays,
    };
  };
  return {
    staleAfterDays,
    rows: departments.map((department) => {
      const row = latestOf.get(department.id);
      return {
        code: department.code,
        name: department.name,
        cells: {
          appeals: cell(department.id, "appeals", row?.appeals ?? null),
          "service-stats": cell(department.id, "service-stats", row?.services ?? null),
          "budget-lines": cell(department.id, "budget-lines", row?.spend ?? null),
        },
      };
    }),
    yearsWithoutCalendar: yearsWithoutOfficialData(
      yearsInRange(range.from, range.to),
      calendarYears.map((row) => row.year),
    ),
  };
}

/**
 * The stale-data period in force: the admin's setting in app_meta, read on every request
 * (nothing caches it, so a change shows at once), else the default. A stored value that
 * is not a whole number of days in range is ignored rather than trusted.
 */
export async function loadStaleAfterDays(db: Reader): Promise<number> {
  const [row] = await rowsOf<{ value: string }>(
    db,
    sql`select value from app_meta where key = ${STALE_AFTER_DAYS_KEY}`,
  );
  const days = Number(row?.value);
  return Number.isInteger(days) && days >= 1 && days <= 3650 ? days : DEFAULT_STALE_AFTER_DAYS;
}
