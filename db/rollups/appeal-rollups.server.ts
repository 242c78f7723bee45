import { and, eq, gte, inArray, lt, or, sql } from "drizzle-orm";
import type { AppealClock, AppealRecord } from "../../metrics/appeal-facts";
import { appealCounts, type AppealCounts } from "../../metrics/appeal-kpis";
import { dayNumberOf, isoDateOf } from "../../metrics/iso-date";
import { endOfLocalDayMs, localDayNumberOf } from "../../metrics/time-zone";
import type { Database } from "../client.server";
import { appeals } from "../schema/appeals";
import type { AppealType } from "../schema/enums";
import { appealDayRollups } from "../schema/rollups";
import { APPEAL_COUNT_COLUMNS, appealCountValues } from "./appeal-count-columns";
import { arrayLiteral } from "./array-literal";
import {
  rebuildDerivedAppealRollups,
  refreshDerivedAppealRollups,
} from "./appeal-derived-rollups.server";

type Executor = Pick<Database, "select" | "selectDistinct" | "insert" | "delete" | "execute">;
/** A department's appeals received on one local day: the unit a refresh rewrites. */
export interface AppealCell {
  departmentId: number;
  /** Local date "YYYY-MM-DD" in the deployment's time zone. */
  day: string;
}

/** Local days a full rebuild reads at a time. */
const WINDOW_DAYS = 7;
const columns = {
  departmentId: appeals.departmentId,
  type: appeals.type,
  receivedAt: appeals.receivedAt,
  firstContactAt: appeals.firstContactAt,
  repliedAt: appeals.repliedAt,
  dueAt: appeals.dueAt,
  satisfaction: appeals.satisfaction,
};

const cellKey = (departmentId: number, day: number, type: string) =>
  `${departmentId}|${day}|${type}`;

/** The UTC instant at which a local day starts. */
function startOfLocalDay(dayNumber: number, timeZone: string): Date {
  return new Date(endOfLocalDayMs(dayNumber - 1, timeZone) + 1);
}

/** An appeal as the roll-ups count it: its department and what metrics' counts read. */
export type CountedAppeal = AppealRecord & { readonly departmentId: number };

/** Counts per (department, local day, type) cell, keyed "department|day number|type". */
export type AppealCellCounts = Map<string, AppealCounts>;

/** Groups appeals by (department, local day, type) and counts each group as metrics does. */
export function countAppealCells(
  rows: Iterable<CountedAppeal>,
  clock: AppealClock,
): AppealCellCounts {
  const groups = new Map<string, CountedAppeal[]>();
  for (const row of rows) {
    const key = cellKey(
      row.departmentId,
      localDayNumberOf(row.receivedAt, clock.timeZone),
      row.type,
    );
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const counts: AppealCellCounts = new Map();
  for (const [key, group] of groups) counts.set(key, appealCounts(group, clock));
  return counts;
}

/** Rows per insert statement: each column travels as one array parameter. */
const ROWS_PER_INSERT = 20_000;

/** A column of arrays (type "int[]" …) travels as text literals, each cast on the server. */
const isArrayColumn = (column: RollupColumns[number]) => column.type.endsWith("[]");

/**
 * Inserts rows given as columns, each sent as one array literal and taken apart by
 * unnest(): a query builder that binds every value separately spent more time building
 * the statement than the database took to run it.
 */
async function insertColumns(
  db: Executor,
  table: string,
  columns: RollupColumns,
  /** On a row already there: its key columns, and the assignments that add to it. */
  onConflict?: { key: readonly string[]; set: readonly string[] },
): Promise<void> {
  const rows = columns[0]?.values.length ?? 0;
  const names = sql.raw(columns.map((column) => column.name).join(", "));
  const selected = sql.raw(
    columns
      .map((column, index) => (isArrayColumn(column) ? `c${index}::${column.type}` : `c${index}`))
      .join(", "),
  );
  const aliases = sql.raw(columns.map((_, index) => `c${index}`).join(", "));
  const conflict = onConflict
    ? sql.raw(
        ` on conflict (${onConflict.key.join(", ")}) do update set ${onConflict.set.join(", ")}`,
      )
    : sql``;
  for (let start = 0; start < rows; start += ROWS_PER_INSERT) {
    const arrays = columns.map((column) => {
      const values = column.values.slice(start, start + ROWS_PER_INSERT);
      // An array of array literals would be read as one two-dimensional array: quoted, each
      // stays a text to cast.
      return isArrayColumn(column)
        ? sql`${`{${values.map((value) => `"${value}"`).join(",")}}`}::text[]`
        : sql`${arrayLiteral(values)}::${sql.raw(column.type)}[]`;
    });
    await db.execute(
      sql`insert into ${sql.raw(table)} (${names}) select ${selected} from unnest(${sql.join(arrays, sql`, `)}) as u (${aliases})${conflict}`,
    );
  }
}

/** The advisory lock of appeal roll-up writers (any number: it only has to be the same). */
const APPEAL_ROLLUPS_LOCK = 0x6d6a_0001;

/**
 * Takes, until the transaction ends, the lock every writer of appeal roll-ups holds: an
 * import appends new cells with COPY after finding their days empty, which holds only if
 * no other transaction writes cells meanwhile. It also keeps two imports of appeals from
 * deadlocking on cells they both add to.
 */
export async function lockAppealRollups(db: Executor): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${sql.raw(String(APPEAL_ROLLUPS_LOCK))})`);
}

/** A roll-up table's rows as columns, each with its name and SQL type. */
export type RollupColumns = Array<{ name: string; type: string; values: Array<number | string> }>;

/**
 * A reply-time histogram as appeal_day_rollups keeps it: an array literal whose n-th value
 * (from 0 here) is the replies that took n working days, without trailing zeros.
 */
export function histogramArray(histogram: ReadonlyMap<number, number>): string {
  let top = -1;
  for (const [days, replies] of histogram) {
    if (!Number.isInteger(days) || days < 0) {
      throw new RangeError(`a reply took ${days} working days: expected a whole number >= 0`);
    }
    if (replies !== 0 && days > top) top = days;
  }
  if (top < 0) return "{}";
  const values = new Array<number>(top + 1).fill(0);
  for (const [days, replies] of histogram) if (days <= top) values[days] = replies;
  return `{${values.join(",")}}`;
}

/** Cells' counts as the columns of appeal_day_rollups: one row per cell. */
export function cellColumns(counts: AppealCellCounts): RollupColumns {
  const department = { name: "department_id", type: "int", values: [] as number[] };
  const day = { name: "day", type: "date", values: [] as string[] };
  const type = { name: "type", type: "appeal_type", values: [] as string[] };
  const dayCounts = APPEAL_COUNT_COLUMNS.map((name) => ({
    name,
    type: "int",
    values: [] as number[],
  }));
  const histograms = { name: "replies_by_working_days", type: "int[]", values: [] as string[] };
  for (const [key, cell] of counts) {
    const first = key.indexOf("|");
    const second = key.indexOf("|", first + 1);
    department.values.push(Number(key.slice(0, first)));
    day.values.push(isoDateOf(Number(key.slice(first + 1, second))));
    type.values.push(key.slice(second + 1));
    const values = appealCountValues(cell);
    for (let index = 0; index < values.length; index++)
      dayCounts[index]!.values.push(values[index]!);
    histograms.values.push(histogramArray(cell.replyWorkingDaysHistogram));
  }
  return [department, day, type, ...dayCounts, histograms];
}

/** Adds the replies of two histograms of appeal_day_rollups, working day by working day. */
const ADDED_HISTOGRAMS = `array(
  select coalesce(stored, 0) + coalesce(added, 0)
  from unnest(appeal_day_rollups.replies_by_working_days, excluded.replies_by_working_days)
    with ordinality as h (stored, added, position)
  order by position)`;

/**
 * Writes cells' counts. With `add`, counts go on top of what the cells hold: an import adds
 * the counts of its new appeals to their cells instead of recounting every appeal in them.
 */
export async function insertCells(
  db: Executor,
  counts: AppealCellCounts,
  { add = false }: { add?: boolean } = {},
): Promise<void> {
  await insertColumns(
    db,
    "appeal_day_rollups",
    cellColumns(counts),
    add
      ? {
          key: ["department_id", "day", "type"],
          set: [
            ...APPEAL_COUNT_COLUMNS.map(
              (name) => `${name} = appeal_day_rollups.${name} + excluded.${name}`,
            ),
            `replies_by_working_days = ${ADDED_HISTOGRAMS}`,
          ],
        }
      : undefined,
  );
}

/** The local day number of a cell key of AppealCellCounts. */
export function cellDayNumber(key: string): number {
  const first = key.indexOf("|");
  return Number(key.slice(first + 1, key.indexOf("|", first + 1)));
}

/**
 * Rewrites the roll-up rows of the given cells from the appeals table, inside the
 * caller's transaction: what an import calls for the days and departments it touched
 * (before and after its changes). Cells left without appeals lose their rows.
 */
export async function refreshAppealCells(
  db: Executor,
  cells: readonly AppealCell[],
  clock: AppealClock,
  /** derived: false leaves the month and all-department rows to the caller (refreshDerivedAppealRollups), for batched refreshes. */
  { derived = true }: { derived?: boolean } = {},
): Promise<void> {
  if (cells.length === 0) return;
  const wanted = new Set<string>();
  const departmentIds = new Set<number>();
  let firstDay = Number.POSITIVE_INFINITY;
  let lastDay = Number.NEGATIVE_INFINITY;
  for (const cell of cells) {
    const day = dayNumberOf(cell.day);
    wanted.add(`${cell.departmentId}|${day}`);
    departmentIds.add(cell.departmentId);
    firstDay = Math.min(firstDay, day);
    lastDay = Math.max(lastDay, day);
  }
  const ids = [...departmentIds];
  const days = cells.map((cell) => cell.day);
  // The cells' rows go first; a (department, day) pair outside the cells keeps its rows.
  const departmentList = arrayLiteral(cells.map((cell) => cell.departmentId));
  const dayList = arrayLiteral(days);
  await db
    .delete(appealDayRollups)
    .where(
      sql`(${appealDayRollups.departmentId}, ${appealDayRollups.day}) in (select * from unnest(${departmentList}::int[], ${dayList}::date[]))`,
    );
  const rows = await db
    .select(columns)
    .from(appeals)
    .where(
      and(
        inArray(appeals.departmentId, ids),
        gte(appeals.receivedAt, startOfLocalDay(firstDay, clock.timeZone)),
        lt(appeals.receivedAt, startOfLocalDay(lastDay + 1, clock.timeZone)),
      ),
    );
  const inCells = rows.filter((row) =>
    wanted.has(`${row.departmentId}|${localDayNumberOf(row.receivedAt, clock.timeZone)}`),
  );
  await insertCells(db, countAppealCells(inCells, clock));
  if (derived) await refreshDerivedAppealRollups(db, cells);
}

/**
 * Rebuilds every appeal roll-up from the appeals table (or only one type's, after its
 * reply time limit changed), a week of local days at a time.
 */
export async function rebuildAppealRollups(
  db: Executor,
  clock: AppealClock,
  type?: AppealType,
): Promise<void> {
  await lockAppealRollups(db);
  await db.delete(appealDayRollups).where(type ? eq(appealDayRollups.type, type) : undefined);
  // A window of whole local days holds whole cells: count it, write it, forget it, so
  // memory stays bounded by one window whatever the table's size.
  const [range] = await db
    .select({
      first: sql<Date | string | null>`min(${appeals.receivedAt})`,
      last: sql<Date | string | null>`max(${appeals.receivedAt})`,
    })
    .from(appeals)
    .where(type ? eq(appeals.type, type) : undefined);
  if (!range?.first || !range.last) return rebuildDerivedAppealRollups(db);
  const firstDay = localDayNumberOf(new Date(range.first), clock.timeZone);
  const lastDay = localDayNumberOf(new Date(range.last), clock.timeZone);
  for (let day = firstDay; day <= lastDay; day += WINDOW_DAYS) {
    const rows = await db
      .select(columns)
      .from(appeals)
      .where(
        and(
          gte(appeals.receivedAt, startOfLocalDay(day, clock.timeZone)),
          lt(appeals.receivedAt, startOfLocalDay(day + WINDOW_DAYS, clock.timeZone)),
          type ? eq(appeals.type, type) : undefined,
        ),
      );
    await insertCells(db, countAppealCells(rows, clock));
  }
  await rebuildDerivedAppealRollups(db);
}

/**
 * The cells whose figures can change when the working-day status of `days` changes:
 * appeals received before a changed day and replied, contacted or due on or after it.
 * Due times lie at most `maxLimitWorkingDays` working days after receipt; twice that in
 * calendar days plus a month covers any run of holidays.
 */
export async function cellsAffectedByCalendar(
  db: Executor,
  days: readonly string[],
  timeZone: string,
  maxLimitWorkingDays: number,
): Promise<AppealCell[]> {
  if (days.length === 0) return [];
  const numbers = days.map(dayNumberOf);
  const first = Math.min(...numbers);
  const last = Math.max(...numbers);
  const changedFrom = startOfLocalDay(first, timeZone);
  const reach = startOfLocalDay(first - (maxLimitWorkingDays * 2 + 31), timeZone);
  const rows = await db
    .selectDistinct({
      departmentId: appeals.departmentId,
      day: sql<string>`to_char((${appeals.receivedAt} at time zone ${timeZone})::date, 'YYYY-MM-DD')`,
    })
    .from(appeals)
    .where(
      and(
        lt(appeals.receivedAt, startOfLocalDay(last + 1, timeZone)),
        or(
          gte(appeals.receivedAt, reach),
          gte(appeals.repliedAt, changedFrom),
          gte(appeals.firstContactAt, changedFrom),
        ),
      ),
    );
  return rows;
}
