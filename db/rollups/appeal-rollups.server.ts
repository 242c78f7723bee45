import { and, eq, gte, inArray, lt, or, sql } from "drizzle-orm";
import type { AppealClock } from "../../metrics/appeal-facts";
import { appealCounts, type AppealCounts } from "../../metrics/appeal-kpis";
import { dayNumberOf, isoDateOf } from "../../metrics/iso-date";
import { endOfLocalDayMs, localDayNumberOf } from "../../metrics/time-zone";
import type { Database } from "../client.server";
import { appeals } from "../schema/appeals";
import type { AppealType } from "../schema/enums";
import { appealDayRollups, appealReplyDayRollups } from "../schema/rollups";
import { arrayLiteral } from "./array-literal";
import {
  rebuildDerivedAppealRollups,
  refreshDerivedAppealRollups,
} from "./appeal-derived-rollups.server";

type Executor = Pick<Database, "select" | "selectDistinct" | "insert" | "delete" | "execute">;
type AppealRow = Pick<
  typeof appeals.$inferSelect,
  | "id"
  | "departmentId"
  | "type"
  | "receivedAt"
  | "firstContactAt"
  | "repliedAt"
  | "dueAt"
  | "satisfaction"
>;

/** A department's appeals received on one local day: the unit a refresh rewrites. */
export interface AppealCell {
  departmentId: number;
  /** Local date "YYYY-MM-DD" in the deployment's time zone. */
  day: string;
}

/** Local days a full rebuild reads at a time. */
const WINDOW_DAYS = 7;
const columns = {
  id: appeals.id,
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

/** Groups appeals by (department, local day, type) and counts each group as metrics does. */
function countCells(rows: Iterable<AppealRow>, clock: AppealClock): Map<string, AppealCounts> {
  const groups = new Map<string, AppealRow[]>();
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
  const counts = new Map<string, AppealCounts>();
  for (const [key, group] of groups) counts.set(key, appealCounts(group, clock));
  return counts;
}

async function insertCells(db: Executor, counts: Map<string, AppealCounts>): Promise<void> {
  const dayRows: Array<typeof appealDayRollups.$inferInsert> = [];
  const replyRows: Array<typeof appealReplyDayRollups.$inferInsert> = [];
  for (const [key, cell] of counts) {
    const [department, day, type] = key.split("|");
    const base = {
      departmentId: Number(department),
      day: isoDateOf(Number(day)),
      type: type as AppealType,
    };
    const [r1, r2, r3, r4, r5] = cell.ratingCounts;
    dayRows.push({
      ...base,
      received: cell.received,
      replied: cell.replied,
      repliedOnTime: cell.repliedOnTime,
      withFirstContact: cell.withFirstContact,
      firstContactInTime: cell.firstContactInTime,
      repliedRated: cell.repliedRated,
      rated1: r1,
      rated2: r2,
      rated3: r3,
      rated4: r4,
      rated5: r5,
    });
    for (const [workingDays, replies] of cell.replyWorkingDaysHistogram) {
      replyRows.push({ ...base, workingDays, replies });
    }
  }
  for (let start = 0; start < dayRows.length; start += 2_000) {
    await db.insert(appealDayRollups).values(dayRows.slice(start, start + 2_000));
  }
  for (let start = 0; start < replyRows.length; start += 4_000) {
    await db.insert(appealReplyDayRollups).values(replyRows.slice(start, start + 4_000));
  }
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
  const cellCondition = (table: typeof appealDayRollups | typeof appealReplyDayRollups) =>
    sql`(${table.departmentId}, ${table.day}) in (select * from unnest(${departmentList}::int[], ${dayList}::date[]))`;
  await db.delete(appealDayRollups).where(cellCondition(appealDayRollups));
  await db.delete(appealReplyDayRollups).where(cellCondition(appealReplyDayRollups));
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
  await insertCells(db, countCells(inCells, clock));
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
  const onlyType = (table: typeof appealDayRollups | typeof appealReplyDayRollups) =>
    type ? eq(table.type, type) : undefined;
  await db.delete(appealDayRollups).where(onlyType(appealDayRollups));
  await db.delete(appealReplyDayRollups).where(onlyType(appealReplyDayRollups));
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
    await insertCells(db, countCells(rows, clock));
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
