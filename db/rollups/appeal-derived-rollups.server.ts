import { sql, type SQL } from "drizzle-orm";
import type { Database } from "../client.server";
import { APPEAL_COUNT_COLUMNS } from "./appeal-count-columns";
import { arrayLiteral } from "./array-literal";
import { everyDepartment } from "./every-department";
import type { AppealCell } from "./appeal-rollups.server";

type Executor = Pick<Database, "execute">;

const countList = sql.raw(APPEAL_COUNT_COLUMNS.join(", "));
const countSums = sql.raw(APPEAL_COUNT_COLUMNS.map((name) => `sum(${name})::int`).join(", "));

/**
 * The first day of a day's month. On timestamp, not timestamptz (what a bare date becomes):
 * the same day, without a time-zone conversion for every row summed.
 */
const monthOfDay = sql.raw("date_trunc('month', day::timestamp)::date");

/**
 * Writes the derived rows of the selected day cells: `monthRange` filters the day rows of
 * appeal_day_rollups / appeal_reply_day_rollups summed into months, `monthKept` then the
 * (department_id, month) rows kept; `dayWhere` the day rows summed over departments.
 */
async function insertDerived(
  db: Executor,
  monthRange: SQL,
  monthKept: SQL,
  dayWhere: SQL,
): Promise<void> {
  // Months are summed first and picked after: a test of each day row's month made the
  // planner expect a few rows and sort hundreds of thousands on disk (bench:import).
  await db.execute(sql`
    insert into appeal_month_rollups (department_id, month, type, ${countList})
    select * from (
      select department_id, ${monthOfDay} as month, type, ${countSums}
      from appeal_day_rollups where ${monthRange}
      group by 1, 2, 3) m
    where ${monthKept}`);
  await db.execute(sql`
    insert into appeal_reply_month_rollups (department_id, month, working_days, replies)
    select * from (
      select department_id, ${monthOfDay} as month, working_days, sum(replies)::int
      from appeal_reply_day_rollups where ${monthRange}
      group by 1, 2, 3) m
    where ${monthKept}`);
  await db.execute(sql`
    insert into appeal_total_day_rollups (day, type, ${countList})
    select day, type, ${countSums}
    from appeal_day_rollups where ${dayWhere}
    group by day, type`);
  await db.execute(sql`
    insert into appeal_total_reply_day_rollups (day, working_days, replies)
    select day, working_days, sum(replies)::int
    from appeal_reply_day_rollups where ${dayWhere}
    group by day, working_days`);
}

const firstOfMonth = (day: string) => `${day.slice(0, 7)}-01`;

/**
 * The month and all-department rows that a set of day cells falls in: (department, month)
 * pairs and days, a few thousand at most whatever the number of cells.
 */
export class DerivedRollupSpan {
  readonly months = new Map<string, { departmentId: number; month: string }>();
  readonly days = new Set<string>();

  constructor(cells: Iterable<AppealCell> = []) {
    for (const cell of cells) this.add(cell);
  }

  add(cell: AppealCell): void {
    const month = firstOfMonth(cell.day);
    this.months.set(`${cell.departmentId}|${month}`, { departmentId: cell.departmentId, month });
    this.days.add(cell.day);
  }

  /** Adds another span's months and days. */
  merge(other: DerivedRollupSpan): void {
    for (const [key, pair] of other.months) this.months.set(key, pair);
    for (const day of other.days) this.days.add(day);
  }
}

/**
 * Rewrites the month and all-department rows that contain the given day cells, from the
 * day cells (after they were refreshed), inside the caller's transaction.
 */
export async function refreshDerivedAppealRollups(
  db: Executor,
  cells: readonly AppealCell[] | DerivedRollupSpan,
): Promise<void> {
  const span = cells instanceof DerivedRollupSpan ? cells : new DerivedRollupSpan(cells);
  if (span.days.size === 0) return;
  const pairs = [...span.months.values()];
  const departmentList = arrayLiteral(pairs.map((pair) => pair.departmentId));
  const monthList = arrayLiteral(pairs.map((pair) => pair.month));
  const dayList = arrayLiteral([...span.days]);
  const sortedMonths = pairs.map((pair) => pair.month).sort();
  const firstMonth = sortedMonths[0] ?? "";
  const afterLastMonth = sql`(${sortedMonths.at(-1) ?? ""}::date + interval '1 month')::date`;
  const inPairs = sql`(department_id, month) in (select * from unnest(${departmentList}::int[], ${monthList}::date[]))`;
  await db.execute(sql`delete from appeal_month_rollups where ${inPairs}`);
  await db.execute(sql`delete from appeal_reply_month_rollups where ${inPairs}`);
  await db.execute(sql`delete from appeal_total_day_rollups where day = any(${dayList}::date[])`);
  await db.execute(
    sql`delete from appeal_total_reply_day_rollups where day = any(${dayList}::date[])`,
  );
  // The day range lets the (department, day, …) keys narrow the scan; the pair test then
  // keeps only the months asked for.
  const monthRange = sql`department_id = any(${arrayLiteral([...new Set(pairs.map((pair) => pair.departmentId))])}::int[])
    and day >= ${firstMonth}::date and day < ${afterLastMonth}`;
  await insertDerived(
    db,
    monthRange,
    inPairs,
    sql`${everyDepartment} and day = any(${dayList}::date[])`,
  );
}

/** Rebuilds every derived row from the day cells. */
export async function rebuildDerivedAppealRollups(db: Executor): Promise<void> {
  for (const table of [
    "appeal_month_rollups",
    "appeal_reply_month_rollups",
    "appeal_total_day_rollups",
    "appeal_total_reply_day_rollups",
  ]) {
    await db.execute(sql.raw(`delete from ${table}`));
  }
  await insertDerived(db, sql`true`, sql`true`, sql`true`);
}
