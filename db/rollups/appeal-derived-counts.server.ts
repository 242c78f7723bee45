import type { AppealCounts } from "../../metrics/appeal-kpis";
import { isoDateOf, partsFromDayNumber } from "../../metrics/iso-date";
import { addToHistogram, type Histogram as ReadonlyHistogram } from "../../metrics/median";
import { APPEAL_COUNT_COLUMNS, appealCountValues } from "./appeal-count-columns";
import type { RollupColumns } from "./appeal-rollups.server";

/** Sums of a group of cells, in APPEAL_COUNT_COLUMNS' order. */
type Sums = number[];
/** Working days → replies. */
type Histogram = Map<number, number>;

function addSums(groups: Map<string, Sums>, key: string, values: readonly number[]): void {
  const sums = groups.get(key);
  if (!sums) groups.set(key, [...values]);
  else for (let index = 0; index < values.length; index++) sums[index]! += values[index]!;
}

function addHistogram(groups: Map<string, Histogram>, key: string, histogram: ReadonlyHistogram) {
  let sums = groups.get(key);
  if (!sums) groups.set(key, (sums = new Map()));
  addToHistogram(sums, histogram);
}

/** Which derived rows to give: (department, first day of month) pairs and days, as day numbers. */
export interface DerivedRowsKept {
  month(departmentId: number, month: number): boolean;
  day(day: number): boolean;
}

/**
 * The month and all-department roll-up rows of a set of day cells, summed as the cells
 * are added, each cell once: the same sums that appeal-derived-rollups.server.ts makes
 * from the stored day cells, for months and days whose every cell is in the set.
 */
export class DerivedAppealCounts {
  /** "department|month|type", the month as the day number of its first day. */
  private readonly months = new Map<string, Sums>();
  /** "department|month" → working days → replies (all types together). */
  private readonly replyMonths = new Map<string, Histogram>();
  /** "day|type". */
  private readonly days = new Map<string, Sums>();
  /** "day" → working days → replies. */
  private readonly replyDays = new Map<string, Histogram>();
  /** Day number → the day number of its month's first day. */
  private readonly monthStarts = new Map<number, number>();

  /** Adds a cell, keyed "department|day number|type" as AppealCellCounts are. */
  add(key: string, cell: AppealCounts): void {
    // Sliced, not split: split made an array for every cell, the largest allocation of an
    // import's roll-up counting (V8 heap profile).
    const first = key.indexOf("|");
    const second = key.indexOf("|", first + 1);
    const department = key.slice(0, first);
    const day = key.slice(first + 1, second);
    const type = key.slice(second + 1);
    const dayNumber = Number(day);
    let month = this.monthStarts.get(dayNumber);
    if (month === undefined) {
      month = dayNumber - partsFromDayNumber(dayNumber).day + 1;
      this.monthStarts.set(dayNumber, month);
    }
    const values = appealCountValues(cell);
    addSums(this.months, `${department}|${month}|${type}`, values);
    addSums(this.days, `${day}|${type}`, values);
    if (cell.replyWorkingDaysHistogram.size > 0) {
      addHistogram(this.replyMonths, `${department}|${month}`, cell.replyWorkingDaysHistogram);
      addHistogram(this.replyDays, day, cell.replyWorkingDaysHistogram);
    }
  }

  /** The (department, month) pairs and the days of the cells added; months and days as day numbers. */
  extent(): { pairs: Array<[departmentId: number, month: number]>; days: number[] } {
    const pairs = new Map<string, [number, number]>();
    for (const key of this.months.keys()) {
      const pair = key.slice(0, key.lastIndexOf("|"));
      if (pairs.has(pair)) continue;
      const [department, month] = pair.split("|") as [string, string];
      pairs.set(pair, [Number(department), Number(month)]);
    }
    const days = new Set<number>();
    for (const key of this.days.keys()) days.add(Number(key.slice(0, key.indexOf("|"))));
    return { pairs: [...pairs.values()], days: [...days] };
  }

  /** The kept rows of appeal_month_rollups, appeal_reply_month_rollups, appeal_total_day_rollups and appeal_total_reply_day_rollups, as columns. */
  columns(kept: DerivedRowsKept): {
    month: RollupColumns;
    replyMonth: RollupColumns;
    totalDay: RollupColumns;
    totalReplyDay: RollupColumns;
  } {
    const counts = APPEAL_COUNT_COLUMNS.map((name): [string, string] => [name, "int"]);
    const replies: Array<[string, string]> = [
      ["working_days", "int"],
      ["replies", "int"],
    ];
    const sumRow = (sums: Sums) => [sums];
    const histogramRows = (histogram: Histogram) => histogram.entries();
    // Keys are "department|month…" and "day…": the month or day a day number.
    const monthKey = ([department, month, ...rest]: string[]) =>
      kept.month(Number(department), Number(month))
        ? [Number(department), isoDateOf(Number(month)), ...rest]
        : undefined;
    const dayKey = ([day, ...rest]: string[]) =>
      kept.day(Number(day)) ? [isoDateOf(Number(day)), ...rest] : undefined;
    const monthColumns: Array<[string, string]> = [
      ["department_id", "int"],
      ["month", "date"],
    ];
    return {
      month: rollupRows(
        this.months,
        [...monthColumns, ["type", "appeal_type"], ...counts],
        monthKey,
        sumRow,
      ),
      replyMonth: rollupRows(
        this.replyMonths,
        [...monthColumns, ...replies],
        monthKey,
        histogramRows,
      ),
      totalDay: rollupRows(
        this.days,
        [["day", "date"], ["type", "appeal_type"], ...counts],
        dayKey,
        sumRow,
      ),
      totalReplyDay: rollupRows(
        this.replyDays,
        [["day", "date"], ...replies],
        dayKey,
        histogramRows,
      ),
    };
  }
}

/**
 * Roll-up rows as columns: each group's key fields (or none: the group is left out), then
 * each row of values the group gives.
 */
function rollupRows<G>(
  groups: Map<string, G>,
  columns: Array<[name: string, type: string]>,
  keyOf: (fields: string[]) => Array<number | string> | undefined,
  valueRowsOf: (group: G) => Iterable<readonly number[]>,
): RollupColumns {
  const result = columns.map(([name, type]) => ({
    name,
    type,
    values: [] as Array<number | string>,
  }));
  for (const [key, group] of groups) {
    const keyValues = keyOf(key.split("|"));
    if (!keyValues) continue;
    for (const values of valueRowsOf(group)) {
      keyValues.forEach((value, index) => result[index]!.values.push(value));
      values.forEach((value, index) => result[keyValues.length + index]!.values.push(value));
    }
  }
  return result;
}
