import { sql, type SQL } from "drizzle-orm";
import type { AppealCounts } from "../../metrics/appeal-kpis";
import { splitAtWholeMonths, type DayRange } from "../../metrics/whole-months";
import type { Database } from "../client.server";
import type { AppealType } from "../schema/enums";
import { arrayLiteral } from "../rollups/array-literal";
import { everyDepartment } from "../rollups/every-department";
import { rowsOf } from "./rows-of.server";

/*
 * Appeal counts for any whole-day range from the roll-ups, reading the coarsest rows
 * that answer it: all-department day rows when no department filter applies; otherwise
 * department-month rows for the whole months and department-day rows for the loose days
 * around them (metrics' splitAtWholeMonths). Each function is one query.
 */

type Reader = Pick<Database, "execute">;
/** Departments to cover: all of them when undefined. */
export type DepartmentIds = readonly number[] | undefined;

const COUNT_COLUMNS = [
  ["received", "received"],
  ["replied", "replied"],
  ["repliedOnTime", "replied_on_time"],
  ["withFirstContact", "with_first_contact"],
  ["firstContactInTime", "first_contact_in_time"],
  ["repliedRated", "replied_rated"],
  ["rated1", "rated_1"],
  ["rated2", "rated_2"],
  ["rated3", "rated_3"],
  ["rated4", "rated_4"],
  ["rated5", "rated_5"],
] as const;
const columnList = sql.raw(COUNT_COLUMNS.map(([, column]) => column).join(", "));
const sums = sql.raw(
  COUNT_COLUMNS.map(([key, column]) => `coalesce(sum(${column}), 0)::int as "${key}"`).join(", "),
);

type CountRow = Record<(typeof COUNT_COLUMNS)[number][0], number>;

const departmentCondition = (ids: DepartmentIds) =>
  ids ? sql`department_id = any(${arrayLiteral([...ids])}::int[])` : sql`true`;

const dayRangesCondition = (days: readonly DayRange[]) =>
  days.length === 0
    ? sql`false`
    : sql.join(
        days.map((range) => sql`(day between ${range.from}::date and ${range.to}::date)`),
        sql` or `,
      );

/**
 * The rows that sum to the range's figures: (department_id, month, key, value columns).
 * `byDepartment` forces department-level rows even without a department filter.
 */
function source(
  tables: { month: string; day: string; totalDay: string; key: string; values: SQL },
  range: DayRange,
  departments: DepartmentIds,
  byDepartment: boolean,
): SQL {
  const { month, day, totalDay, key, values } = tables;
  if (!departments && !byDepartment) {
    return sql`select null::int as department_id, date_trunc('month', day)::date as month, ${sql.raw(key)}, ${values}
      from ${sql.raw(totalDay)} where day between ${range.from}::date and ${range.to}::date`;
  }
  const split = splitAtWholeMonths(range.from, range.to);
  const monthRows = split.months
    ? sql`select department_id, month, ${sql.raw(key)}, ${values} from ${sql.raw(month)}
        where ${departmentCondition(departments)} and month between ${split.months.from}::date and ${split.months.to}::date`
    : null;
  const dayRows = sql`select department_id, date_trunc('month', day)::date as month, ${sql.raw(key)}, ${values}
      from ${sql.raw(day)} where ${departments ? departmentCondition(departments) : everyDepartment} and (${dayRangesCondition(split.days)})`;
  return monthRows ? sql`${monthRows} union all ${dayRows}` : dayRows;
}

const countSource = (range: DayRange, departments: DepartmentIds, byDepartment = false) =>
  source(
    {
      month: "appeal_month_rollups",
      day: "appeal_day_rollups",
      totalDay: "appeal_total_day_rollups",
      key: "type",
      values: columnList,
    },
    range,
    departments,
    byDepartment,
  );

const replySource = (range: DayRange, departments: DepartmentIds) =>
  source(
    {
      month: "appeal_reply_month_rollups",
      day: "appeal_reply_day_rollups",
      totalDay: "appeal_total_reply_day_rollups",
      key: "working_days",
      values: sql`replies`,
    },
    range,
    departments,
    false,
  );

/** Counts without the histogram: what trends and breakdowns need (no medians). */
export type AppealTallies = Omit<AppealCounts, "replyWorkingDaysHistogram">;

const talliesOf = (row: CountRow): AppealTallies => ({
  received: row.received,
  replied: row.replied,
  repliedOnTime: row.repliedOnTime,
  withFirstContact: row.withFirstContact,
  firstContactInTime: row.firstContactInTime,
  repliedRated: row.repliedRated,
  ratingCounts: [row.rated1, row.rated2, row.rated3, row.rated4, row.rated5],
});

/** Every count of the range, with the reply-time histogram (two queries). */
export async function appealCountsInRange(
  db: Reader,
  range: DayRange,
  departments?: DepartmentIds,
): Promise<AppealCounts> {
  const [totals, histogram] = await Promise.all([
    rowsOf<CountRow>(db, sql`select ${sums} from (${countSource(range, departments)}) s`),
    rowsOf<{ workingDays: number; replies: number }>(
      db,
      sql`select working_days as "workingDays", sum(replies)::int as replies
        from (${replySource(range, departments)}) s group by working_days`,
    ),
  ]);
  const row = totals[0];
  if (!row) throw new Error("an aggregate query returned no row");
  return {
    ...talliesOf(row),
    replyWorkingDaysHistogram: new Map(histogram.map((bin) => [bin.workingDays, bin.replies])),
  };
}

/** Tallies per month ("YYYY-MM-01") of the range, ascending; months without appeals are absent. */
export async function appealTalliesByMonth(
  db: Reader,
  range: DayRange,
  departments?: DepartmentIds,
): Promise<Array<{ month: string; tallies: AppealTallies }>> {
  const rows = await rowsOf<CountRow & { month: string }>(
    db,
    sql`select to_char(month, 'YYYY-MM-DD') as month, ${sums}
      from (${countSource(range, departments)}) s group by month order by month`,
  );
  return rows.map((row) => ({ month: row.month, tallies: talliesOf(row) }));
}

/** Tallies per department of the range; departments without appeals are absent. */
export async function appealTalliesByDepartment(
  db: Reader,
  range: DayRange,
  departments?: DepartmentIds,
): Promise<Map<number, AppealTallies>> {
  const rows = await rowsOf<CountRow & { departmentId: number }>(
    db,
    sql`select department_id as "departmentId", ${sums}
      from (${countSource(range, departments, true)}) s group by department_id`,
  );
  return new Map(rows.map((row) => [row.departmentId, talliesOf(row)]));
}

/** Tallies per appeal type of the range. */
export async function appealTalliesByType(
  db: Reader,
  range: DayRange,
  departments?: DepartmentIds,
): Promise<Map<AppealType, AppealTallies>> {
  const rows = await rowsOf<CountRow & { type: AppealType }>(
    db,
    sql`select type, ${sums} from (${countSource(range, departments)}) s group by type order by type`,
  );
  return new Map(rows.map((row) => [row.type, talliesOf(row)]));
}
