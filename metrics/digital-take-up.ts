import { ratio } from "./ratio";

/** One month of a service item's statistics, as digital take-up needs it. */
export interface TransactionCounts {
  /** 办件量 */
  readonly transactions: number | null;
  /** 网办量; null when not reported. */
  readonly online: number | null;
}

/**
 * Digital take-up over the statistics rows that report both counts:
 *
 *   Σ online / Σ transactions   (rows with online and transactions both given)
 *
 * null when those rows hold no transactions.
 */
export function digitalTakeUp(rows: Iterable<TransactionCounts>): number | null {
  let online = 0;
  let transactions = 0;
  for (const row of rows) {
    if (row.online === null || row.transactions === null) continue;
    online += row.online;
    transactions += row.transactions;
  }
  return ratio(online, transactions);
}
