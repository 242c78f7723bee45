import { serviceStats } from "../../schema/services";
import { parsePeriod } from "../values/parse-period";
import { serviceItemColumn, wholeNumber } from "./columns";
import type { KindDefinition } from "./kind";
import { serviceItemDepartment } from "./owners";

export interface ServiceStatRow {
  itemId: number;
  period: string;
  transactions: number;
  online: number | null;
  completed: number | null;
  completedOnTime: number | null;
  [key: string]: unknown;
}

const departmentOfRow = new WeakMap<ServiceStatRow, number>();

/** Monthly counts of one service item: 办件量, 网办量, 办结量, 按时办结量. */
export const serviceStatsKind: KindDefinition<ServiceStatRow> = {
  kind: "service-stats",
  table: serviceStats,
  keyColumns: [serviceStats.itemId, serviceStats.period],
  parse(reader, { refs }) {
    const item = serviceItemColumn(reader, refs);
    const period = reader.required("period", parsePeriod);
    const count = (column: string, required: boolean, what: string) =>
      wholeNumber(reader, column, { required, min: 0, what: `${what} of 0 or more` });
    const transactions = count("transactions", true, "a number of transactions");
    const online = count("online", false, "a number of online transactions");
    const completed = count("completed", false, "a number of completed transactions");
    const completedOnTime = count(
      "completed_on_time",
      false,
      "a number of transactions completed on time",
    );
    if (typeof online === "number" && typeof transactions === "number" && online > transactions) {
      reader.fail("online", `expected at most the number of transactions (${transactions})`);
    }
    if (
      typeof completedOnTime === "number" &&
      typeof completed === "number" &&
      completedOnTime > completed
    ) {
      reader.fail(
        "completed_on_time",
        `expected at most the number of completed transactions (${completed})`,
      );
    }
    if (!reader.valid || !item || !period || typeof transactions !== "number") return undefined;
    const row: ServiceStatRow = {
      itemId: item.id,
      period,
      transactions,
      online: online ?? null,
      completed: completed ?? null,
      completedOnTime: completedOnTime ?? null,
    };
    departmentOfRow.set(row, item.departmentId);
    return row;
  },
  keyValues: (row) => [row.itemId, row.period],
  departmentOf: (row) => departmentOfRow.get(row),
  storedOwner: {
    department: serviceItemDepartment(serviceStats.itemId),
    keyColumns: ["item_code", "period"],
  },
};
