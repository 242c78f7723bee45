import { ratio } from "./ratio";

/** One month of a service item's statistics, as on-time completion needs it. */
export interface CompletionCounts {
  /** 办结量; null when not reported. */
  readonly completed: number | null;
  /** 按时办结量; null when not reported. */
  readonly completedOnTime: number | null;
}

/**
 * On-time completion over the statistics rows that report both counts:
 *
 *   Σ completed on time / Σ completed   (rows with both given)
 *
 * null when those rows hold no completed transactions.
 */
export function onTimeCompletion(rows: Iterable<CompletionCounts>): number | null {
  let onTime = 0;
  let completed = 0;
  for (const row of rows) {
    if (row.completed === null || row.completedOnTime === null) continue;
    onTime += row.completedOnTime;
    completed += row.completed;
  }
  return ratio(onTime, completed);
}
