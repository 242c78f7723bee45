import type { KpiTarget } from "../../metrics/target-comparison";
import type { Database } from "../client.server";
import { kpiTargets } from "../schema/reference";

export interface TargetView extends KpiTarget {
  kpi: string;
  basis: string;
}

const optional = (value: string | null) => (value === null ? null : Number(value));

/** The deployment's targets (目标值) by KPI name, as metrics' compareToTarget reads them. */
export async function loadTargets(
  db: Pick<Database, "select">,
): Promise<Record<string, TargetView | undefined>> {
  const rows = await db.select().from(kpiTargets);
  return Object.fromEntries(
    rows.map((row) => [
      row.kpi,
      {
        kpi: row.kpi,
        direction: row.direction,
        target: Number(row.target),
        targetMax: optional(row.targetMax),
        amberFrom: optional(row.amberFrom),
        amberTo: optional(row.amberTo),
        basis: row.basis,
      },
    ]),
  );
}
