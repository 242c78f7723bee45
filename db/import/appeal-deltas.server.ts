import type postgres from "postgres";
import type { AppealClock } from "../../metrics/appeal-facts";
import { mergeAppealCounts } from "../../metrics/appeal-kpis";
import { DerivedAppealCounts } from "../rollups/appeal-derived-counts.server";
import { DerivedRollupSpan } from "../rollups/appeal-derived-rollups.server";
import {
  cellColumns,
  cellDayNumber,
  countAppealCells,
  insertCells,
  type AppealCellCounts,
  type CountedAppeal,
} from "../rollups/appeal-rollups.server";
import { dayNumberOf, isoDateOf, lastDayOfMonth } from "../../metrics/iso-date";
import { copyColumns } from "./copy/copy-stream.server";
import type { ImportRow, Tx } from "./kinds/kind";

/** Cells an import counts before it writes them: about two chunks of bench:import's appeals. */
const CELLS_PER_WRITE = 5_000;

/**
 * The roll-up counts of an appeals import's rows, added to their cells a chunk at a time,
 * as the chunk is written: the import never reads its appeals back to recount them.
 * Adding is right for a row that is new; where a row replaced a stored appeal (TouchedCells
 * hears of it from the write), the cell is recounted from the table at the end instead.
 * The month and all-department rows of every cell added to are rewritten at the end, or,
 * where no stored cell lies in their month or day, appended from the sums of the import's
 * own cells (writeDerived).
 *
 * Hotline exports come in time order, so a chunk's cells are mostly new: on PostgreSQL,
 * cells on days that hold no roll-up row yet are appended with COPY, at about half the
 * server's cost of adding to them with INSERT … ON CONFLICT (bench:import). Cells wait
 * until enough are counted to be written together, and those of the latest day until the
 * file moves past it (it usually goes on with that day): each cell is then written once.
 */
export class AppealRollupDeltas {
  /** The month and all-department sums of every cell written. */
  private readonly derived = new DerivedAppealCounts();
  /** Counts of the cells not written yet. */
  private pending: AppealCellCounts = new Map();
  /** The latest day counted, as a day number. */
  private latestDay = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly clock: AppealClock,
    /**
     * Cells waiting before they are written. Each write is a few statements that the
     * transaction's connection runs in turn, so writing after every chunk made the
     * connection (and the import) wait for the server at every chunk; cells that a later
     * chunk adds to are merged first and written once.
     */
    private readonly cellsPerWrite = CELLS_PER_WRITE,
  ) {}

  /** Counts rows (one per natural key) into cells. */
  count(rows: Iterable<ImportRow>): AppealCellCounts {
    return countAppealCells(rows as Iterable<CountedAppeal & ImportRow>, this.clock);
  }

  /** Adds counted cells to those waiting; true when enough wait to be written (flush). */
  merge(counts: AppealCellCounts): boolean {
    const pending = this.pending;
    for (const [key, cell] of counts) {
      const waiting = pending.get(key);
      pending.set(key, waiting ? mergeAppealCounts([waiting, cell]) : cell);
      const day = cellDayNumber(key);
      if (day > this.latestDay) this.latestDay = day;
    }
    return pending.size >= this.cellsPerWrite;
  }

  /**
   * Adds the waiting cells to the day roll-ups, but for those of the latest day: the next
   * rows usually go on with that day. `client` (PostgreSQL: the transaction's connection)
   * lets new cells go by COPY; they are written once `after` has settled.
   */
  async flush(tx: Tx, client?: postgres.Sql, after?: Promise<unknown>): Promise<void> {
    const ready: AppealCellCounts = new Map();
    const held: AppealCellCounts = new Map();
    for (const [key, cell] of this.pending)
      (cellDayNumber(key) === this.latestDay ? held : ready).set(key, cell);
    this.pending = held;
    // The cells are taken now, at the call; `after` (what must reach the connection first)
    // only delays their writing.
    await after;
    await this.write(tx, ready, client);
  }

  /** merge, then flush when enough cells wait. */
  async add(tx: Tx, counts: AppealCellCounts, client?: postgres.Sql): Promise<void> {
    if (this.merge(counts)) await this.flush(tx, client);
  }

  /** Writes every cell still waiting. */
  async finish(tx: Tx, client?: postgres.Sql): Promise<void> {
    const pending = this.pending;
    this.pending = new Map();
    await this.write(tx, pending, client);
  }

  /** The days of roll-up rows stored before the import, first to last; null when none. */
  private storedDays: Promise<{ first: number; last: number } | null> | undefined;
  /** The days this import has written cells on. */
  private readonly writtenDays = new Set<number>();

  /**
   * Adds cells to the day roll-ups: appended with COPY when no roll-up row can lie on their
   * days (a row there could collide with a cell of the same key), otherwise by upsert. The
   * import holds lockAppealRollups, which every writer of appeal roll-ups takes, so the rows
   * are those stored before it began, which one query bounds, and those it wrote itself:
   * knowing both here keeps a round trip per chunk off the connection.
   */
  private async write(tx: Tx, cells: AppealCellCounts, client?: postgres.Sql): Promise<void> {
    if (cells.size === 0) return;
    for (const [key, cell] of cells) this.derived.add(key, cell);
    const days = new Set<number>();
    for (const key of cells.keys()) days.add(cellDayNumber(key));
    // Checked before the days are recorded: a day this import wrote, by either way, may
    // hold a cell of the same key.
    const free = client !== undefined && (await this.noRowsOn(days, client));
    for (const day of days) this.writtenDays.add(day);
    if (free) {
      await copyColumns(client, "appeal_day_rollups", cellColumns(cells));
      return;
    }
    await insertCells(tx, cells, { add: true });
  }

  /** Whether no roll-up row lies on `days`: none stored before the import, none it wrote. */
  private async noRowsOn(days: Iterable<number>, client: postgres.Sql): Promise<boolean> {
    this.storedDays ??= client
      .unsafe<Array<{ first: number | null; last: number | null }>>(
        // The all-department rows lie on the same days, and their key starts with the day.
        `select min(day) - date '1970-01-01' as first, max(day) - date '1970-01-01' as last
         from appeal_total_day_rollups`,
      )
      .then(([span]) =>
        span?.first == null || span.last == null ? null : { first: span.first, last: span.last },
      );
    const stored = await this.storedDays;
    for (const day of days) {
      if (this.writtenDays.has(day) || (stored && day >= stored.first && day <= stored.last)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Appends by COPY the month and all-department rows made up of this import's cells
   * alone: months and days before or after every roll-up row stored before the import,
   * none of whose cells is `recounted` (those hold the counts of rows the import replaced,
   * which the sums here cannot take back). Returns the span left to refresh from the day
   * cells. Summing the day cells again on the server was a tenth of an import's time, with
   * nothing else to do meanwhile (bench:import).
   */
  async writeDerived(
    client: postgres.Sql | undefined,
    recounted: DerivedRollupSpan,
  ): Promise<DerivedRollupSpan> {
    // Without a stored span (PGlite, or nothing written) every row is refreshed.
    const stored = client && this.storedDays ? await this.storedDays : undefined;
    const outside = (first: number, last: number) =>
      stored === null || (stored !== undefined && (last < stored.first || first > stored.last));
    const { pairs, days } = this.derived.extent();
    const left = new DerivedRollupSpan();
    const appended = new Set<string>();
    for (const [departmentId, first] of pairs) {
      const month = isoDateOf(first);
      if (
        outside(first, dayNumberOf(lastDayOfMonth(month))) &&
        !recounted.months.has(`${departmentId}|${month}`)
      ) {
        appended.add(`${departmentId}|${first}`);
      } else left.months.set(`${departmentId}|${month}`, { departmentId, month });
    }
    const appendedDays = new Set<number>();
    for (const number of days) {
      const day = isoDateOf(number);
      if (outside(number, number) && !recounted.days.has(day)) appendedDays.add(number);
      else left.days.add(day);
    }
    if (!client) return left;
    const rows = this.derived.columns({
      month: (departmentId, month) => appended.has(`${departmentId}|${month}`),
      day: (day) => appendedDays.has(day),
    });
    await copyColumns(client, "appeal_month_rollups", rows.month);
    await copyColumns(client, "appeal_reply_month_rollups", rows.replyMonth);
    await copyColumns(client, "appeal_total_day_rollups", rows.totalDay);
    await copyColumns(client, "appeal_total_reply_day_rollups", rows.totalReplyDay);
    return left;
  }
}
