import { inArray } from "drizzle-orm";
import type { AppealClock } from "../../metrics/appeal-facts";
import { dayNumberOf } from "../../metrics/iso-date";
import {
  cellsAffectedByCalendar,
  lockAppealRollups,
  refreshAppealCells,
  type AppealCell,
} from "../rollups/appeal-rollups.server";
import {
  DerivedRollupSpan,
  refreshDerivedAppealRollups,
} from "../rollups/appeal-derived-rollups.server";
import { loadAppealClock } from "../rollups/clock.server";
import {
  refreshProjectSpendRollups,
  refreshServiceRollups,
} from "../rollups/service-rollups.server";
import type { ImportKind } from "../schema/enums";
import { replyTimeLimits } from "../schema/reference";
import { serviceItems } from "../schema/services";
import type { AppealRollupDeltas } from "./appeal-deltas.server";
import { postgresClientOf } from "./copy/copy-writer.server";
import type { ImportRow, Tx } from "./kinds/kind";
import { TouchedCells } from "./touched-cells";

/** What an import wrote (its rows) and what those rows replaced (previous versions, column names). */
export interface RollupTouches {
  rows: ImportRow[];
  replaced: Array<Record<string, unknown>>;
}

/**
 * Appeals a refresh reads at a time, counted from the file's rows in each cell: the
 * refresh loads the appeals of the cells it rewrites, so memory stays bounded by this
 * (plus the rows already stored in those cells), not by the file. Each appeal read costs
 * the recount several kB of objects that live as long as its batch, and the V8 heap grows
 * to a multiple of what survives before it collects: keep the batch small.
 */
const APPEALS_PER_REFRESH = 4_000;
/** Cells per refresh, whatever they hold (the delete lists them). */
const CELLS_PER_REFRESH = 4_000;
/** Ids per service or spend refresh statement. */
const IDS_PER_REFRESH = 1_000;

/**
 * Brings the roll-ups up to date for the rows given and the versions they replaced: a
 * revert's entry point, with rows in memory. An import collects TouchedCells as it goes
 * and calls refreshTouchedRollups.
 */
export async function refreshRollupsAfterImport(
  tx: Tx,
  kind: ImportKind,
  touches: RollupTouches,
  timeZone: string,
): Promise<void> {
  const touched = new TouchedCells(kind, timeZone);
  touched.addRows(touches.rows);
  for (const before of touches.replaced) touched.addReplaced(before);
  await refreshTouchedRollups(tx, touched);
}

/**
 * Brings the roll-ups up to date inside the import's transaction, touching only what the
 * import changed: the (department, day) cells of appeals before and after, the
 * departments of service items and statistics, the projects of budget lines, and for a
 * calendar the cells whose working days the changed days can move. Cells are refreshed a
 * bounded batch at a time, in day order.
 */
export async function refreshTouchedRollups(
  tx: Tx,
  touched: TouchedCells,
  /** An appeals import's counts already added to their cells: their derived rows follow. */
  deltas?: AppealRollupDeltas,
): Promise<void> {
  if (touched.size === 0 && !deltas) return;
  const { timeZone } = touched;
  switch (touched.kind) {
    case "appeals": {
      await lockAppealRollups(tx);
      // One object per cell (up to departments × days of them), built once and put in order.
      const cells: OrderedCell[] = [];
      for (const [key, rows] of touched.keys) {
        const bar = key.indexOf("|");
        const day = key.slice(bar + 1);
        cells.push({
          departmentId: Number(key.slice(0, bar)),
          day,
          rows,
          dayNumber: dayNumberOf(day),
        });
      }
      const clock = await loadAppealClock(tx, timeZone);
      const span = new DerivedRollupSpan(cells);
      if (deltas) span.merge(await deltas.writeDerived(postgresClientOf(tx), span));
      await refreshOrdered(tx, cells, clock, span);
      return;
    }
    case "calendar": {
      await lockAppealRollups(tx);
      const days = [...touched.keys.keys()];
      const limits = await tx.select({ days: replyTimeLimits.workingDays }).from(replyTimeLimits);
      const longest = Math.max(5, ...limits.map((limit) => limit.days));
      const cells = await cellsAffectedByCalendar(tx, days, timeZone, longest);
      await refreshInBatches(
        tx,
        cells.map((cell) => ({ ...cell, rows: 0 })),
        await loadAppealClock(tx, timeZone),
      );
      return;
    }
    case "service-items":
    case "service-stats": {
      const ids = [...touched.keys.keys()].map(Number);
      const departments = new Set<number>();
      if (touched.kind === "service-items") for (const id of ids) departments.add(id);
      else {
        for (let start = 0; start < ids.length; start += IDS_PER_REFRESH) {
          const items = await tx
            .selectDistinct({ departmentId: serviceItems.departmentId })
            .from(serviceItems)
            .where(inArray(serviceItems.id, ids.slice(start, start + IDS_PER_REFRESH)));
          for (const item of items) departments.add(item.departmentId);
        }
      }
      const list = [...departments];
      for (let start = 0; start < list.length; start += IDS_PER_REFRESH) {
        await refreshServiceRollups(tx, list.slice(start, start + IDS_PER_REFRESH));
      }
      return;
    }
    case "budget-lines": {
      const projects = [...touched.keys.keys()].map(Number);
      for (let start = 0; start < projects.length; start += IDS_PER_REFRESH) {
        await refreshProjectSpendRollups(tx, projects.slice(start, start + IDS_PER_REFRESH));
      }
      return;
    }
    default:
      return;
  }
}

/**
 * Refreshes appeal cells in day order, a batch at a time: a batch's cells lie in a run of
 * consecutive days, so the appeals refreshAppealCells reads for it are about those cells'.
 */
async function refreshInBatches(
  tx: Tx,
  cells: Array<AppealCell & { rows: number }>,
  clock: AppealClock,
): Promise<void> {
  await refreshOrdered(
    tx,
    cells.map((cell) => ({ ...cell, dayNumber: dayNumberOf(cell.day) })),
    clock,
  );
}

type OrderedCell = AppealCell & { rows: number; dayNumber: number };

/** refreshInBatches for cells that carry their day number; sorts `ordered` in place. */
async function refreshOrdered(
  tx: Tx,
  ordered: OrderedCell[],
  clock: AppealClock,
  /** The month and all-department rows to rewrite: by default, those of the cells. */
  derived = new DerivedRollupSpan(ordered),
): Promise<void> {
  ordered.sort((a, b) => a.dayNumber - b.dayNumber || a.departmentId - b.departmentId);
  let batch: AppealCell[] = [];
  let rows = 0;
  for (const cell of ordered) {
    batch.push({ departmentId: cell.departmentId, day: cell.day });
    rows += cell.rows;
    if (rows >= APPEALS_PER_REFRESH || batch.length >= CELLS_PER_REFRESH) {
      await refreshAppealCells(tx, batch, clock, { derived: false });
      batch = [];
      rows = 0;
    }
  }
  await refreshAppealCells(tx, batch, clock, { derived: false });
  // Month and all-department rows once, over every touched cell: per batch, a month
  // would be re-summed for every batch that touches one of its days.
  await refreshDerivedAppealRollups(tx, derived);
}
