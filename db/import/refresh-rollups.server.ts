import { inArray } from "drizzle-orm";
import { localDateOf } from "../../metrics/time-zone";
import {
  cellsAffectedByCalendar,
  refreshAppealCells,
  type AppealCell,
} from "../rollups/appeal-rollups.server";
import { loadAppealClock } from "../rollups/clock.server";
import {
  refreshProjectSpendRollups,
  refreshServiceRollups,
} from "../rollups/service-rollups.server";
import type { ImportKind } from "../schema/enums";
import { replyTimeLimits } from "../schema/reference";
import { serviceItems } from "../schema/services";
import type { ImportRow, Tx } from "./kinds/kind";

/** What an import wrote (its rows) and what those rows replaced (previous versions, column names). */
export interface RollupTouches {
  rows: ImportRow[];
  replaced: Array<Record<string, unknown>>;
}

const unique = <T>(values: Iterable<T>) => [...new Set(values)];

/**
 * Brings the roll-ups up to date inside the import's transaction, touching only what the
 * import changed: the (department, day) cells of appeals before and after, the
 * departments of service statistics, the projects of budget lines, and for a calendar
 * the cells whose working days the changed days can move.
 */
export async function refreshRollupsAfterImport(
  tx: Tx,
  kind: ImportKind,
  touches: RollupTouches,
  timeZone: string,
): Promise<void> {
  switch (kind) {
    case "appeals": {
      const cells: AppealCell[] = [
        ...touches.rows.map((row) => ({
          departmentId: row.departmentId as number,
          day: localDateOf(row.receivedAt as Date, timeZone),
        })),
        ...touches.replaced.map((row) => ({
          departmentId: Number(row.department_id),
          day: localDateOf(new Date(String(row.received_at)), timeZone),
        })),
      ];
      const distinct = unique(cells.map((cell) => `${cell.departmentId}|${cell.day}`)).map(
        (key) => {
          const [departmentId, day] = key.split("|");
          return { departmentId: Number(departmentId), day: day! };
        },
      );
      await refreshAppealCells(tx, distinct, await loadAppealClock(tx, timeZone));
      return;
    }
    case "calendar": {
      const days = unique(touches.rows.map((row) => String(row.date)));
      const limits = await tx.select({ days: replyTimeLimits.workingDays }).from(replyTimeLimits);
      const longest = Math.max(5, ...limits.map((limit) => limit.days));
      const cells = await cellsAffectedByCalendar(tx, days, timeZone, longest);
      await refreshAppealCells(tx, cells, await loadAppealClock(tx, timeZone));
      return;
    }
    case "service-stats":
    case "service-items": {
      const itemIds = unique([
        ...touches.rows.map((row) => Number(kind === "service-items" ? NaN : row.itemId)),
        ...touches.replaced.map((row) => Number(row.item_id)),
      ]).filter(Number.isFinite);
      const items = itemIds.length
        ? await tx
            .select({ departmentId: serviceItems.departmentId })
            .from(serviceItems)
            .where(inArray(serviceItems.id, itemIds))
        : [];
      const departments = unique([
        ...items.map((item) => item.departmentId),
        ...touches.rows.map((row) => Number(row.departmentId)),
        ...touches.replaced.map((row) => Number(row.department_id)),
      ]).filter(Number.isFinite);
      if (departments.length) await refreshServiceRollups(tx, departments);
      return;
    }
    case "budget-lines": {
      const projects = unique([
        ...touches.rows.map((row) => Number(row.projectId)),
        ...touches.replaced.map((row) => Number(row.project_id)),
      ]).filter(Number.isFinite);
      if (projects.length) await refreshProjectSpendRollups(tx, projects);
      return;
    }
    default:
      return;
  }
}
