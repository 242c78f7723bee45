import type postgres from "postgres";
import type { AppealClock } from "../../metrics/appeal-facts";
import { mergeAppealCounts } from "../../metrics/appeal-kpis";
import { isoDateOf } from "../../metrics/iso-date";
import { DerivedRollupSpan } from "../rollups/appeal-derived-rollups.server";
import {
  cellColumns,
  cellDayNumber,
  cellOfKey,
  countAppealCells,
  insertCells,
  type AppealCellCounts,
  type CountedAppeal,
} from "../rollups/appeal-rollups.server";
import { copyColumns } from "./copy/copy-stream.server";
import type { ImportRow, Tx } from "./kinds/kind";

/**
 * The roll-up counts of an appeals import's rows, added to their cells a chunk at a time,
 * as the chunk is written: the import never reads its appeals back to recount them.
 * Adding is right for a row that is new; where a row replaced a stored appeal (TouchedCells
 * hears of it from the write), the cell is recounted from the table at the end instead.
 * The month and all-department rows of every cell added to are rewritten at the end.
 *
 * Hotline exports come in time order, so a chunk's cells are mostly new: on PostgreSQL,
 * cells on days that hold no roll-up row yet are appended with COPY, at about half the
 * server's cost of adding to them with INSERT … ON CONFLICT (bench:import). The cells of a
 * chunk's last day are held back and merged with the next chunk's, which usually goes on
 * with that day: each cell is then written once.
 */
export class AppealRollupDeltas {
  readonly span = new DerivedRollupSpan();
  /** Counts of the cells on the latest day counted, not written yet. */
  private held: AppealCellCounts = new Map();

  constructor(private readonly clock: AppealClock) {}

  /** Counts rows (one per natural key) into cells, remembering the months and days. */
  count(rows: Iterable<ImportRow>): AppealCellCounts {
    const counts = countAppealCells(rows as Iterable<CountedAppeal & ImportRow>, this.clock);
    for (const key of counts.keys()) this.span.add(cellOfKey(key));
    return counts;
  }

  /**
   * Adds counted cells to the day roll-ups, but for those of the latest day: they wait for
   * the next chunk, or for finish. `client` (PostgreSQL: the transaction's connection) lets
   * new cells go by COPY.
   */
  async add(tx: Tx, counts: AppealCellCounts, client?: postgres.Sql): Promise<void> {
    const cells = this.held;
    for (const [key, cell] of counts) {
      const held = cells.get(key);
      cells.set(key, held ? mergeAppealCounts([held, cell]) : cell);
    }
    let latest = Number.NEGATIVE_INFINITY;
    for (const key of cells.keys()) latest = Math.max(latest, cellDayNumber(key));
    const ready: AppealCellCounts = new Map();
    this.held = new Map();
    for (const [key, cell] of cells)
      (cellDayNumber(key) === latest ? this.held : ready).set(key, cell);
    await write(tx, ready, client);
  }

  /** Writes the cells held back. */
  async finish(tx: Tx, client?: postgres.Sql): Promise<void> {
    const held = this.held;
    this.held = new Map();
    await write(tx, held, client);
  }
}

/**
 * Adds cells to the day roll-ups: appended with COPY when no roll-up row lies on their days
 * (a row on such a day would collide with a cell of the same key), otherwise by upsert.
 * The import holds lockAppealRollups, which every writer of appeal roll-ups takes, so no
 * other transaction adds rows there in the meantime.
 */
async function write(tx: Tx, cells: AppealCellCounts, client?: postgres.Sql): Promise<void> {
  if (cells.size === 0) return;
  if (client) {
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const key of cells.keys()) {
      const day = cellDayNumber(key);
      first = Math.min(first, day);
      last = Math.max(last, day);
    }
    const [span] = await client.unsafe<Array<{ taken: boolean }>>(
      `select exists (select 1 from appeal_day_rollups where day between $1::date and $2::date) as taken`,
      [isoDateOf(first), isoDateOf(last)],
    );
    if (span && !span.taken) {
      const { day, reply } = cellColumns(cells);
      await copyColumns(client, "appeal_day_rollups", day);
      await copyColumns(client, "appeal_reply_day_rollups", reply);
      return;
    }
  }
  await insertCells(tx, cells, { add: true });
}
