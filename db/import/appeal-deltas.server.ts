import type { AppealClock } from "../../metrics/appeal-facts";
import { DerivedRollupSpan } from "../rollups/appeal-derived-rollups.server";
import {
  cellOfKey,
  countAppealCells,
  insertCells,
  type AppealCellCounts,
  type CountedAppeal,
} from "../rollups/appeal-rollups.server";
import type { ImportRow, Tx } from "./kinds/kind";

/**
 * The roll-up counts of an appeals import's rows, added to their cells a chunk at a time,
 * as the chunk is written: the import never reads its appeals back to recount them.
 * Adding is right for a row that is new; where a row replaced a stored appeal (TouchedCells
 * hears of it from the write), the cell is recounted from the table at the end instead.
 * The month and all-department rows of every cell added to are rewritten at the end.
 */
export class AppealRollupDeltas {
  readonly span = new DerivedRollupSpan();

  constructor(private readonly clock: AppealClock) {}

  /** Counts rows (one per natural key) into cells, remembering the months and days. */
  count(rows: Iterable<ImportRow>): AppealCellCounts {
    const counts = countAppealCells(rows as Iterable<CountedAppeal & ImportRow>, this.clock);
    for (const key of counts.keys()) this.span.add(cellOfKey(key));
    return counts;
  }

  /** Adds counted cells to the day roll-ups. */
  async add(tx: Tx, counts: AppealCellCounts): Promise<void> {
    await insertCells(tx, counts, { add: true });
  }
}
