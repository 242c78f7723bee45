import { outcomeValues } from "../../schema/projects";
import { parseCode } from "../values/parse-code";
import { parsePeriod } from "../values/parse-period";
import { projectColumn } from "./columns";
import { parseExactNumber } from "./decimal-column";
import type { KindDefinition } from "./kind";
import { indicatorDepartment } from "./owners";

export interface OutcomeValueRow {
  indicatorId: number;
  period: string;
  actual: string;
  [key: string]: unknown;
}

const departmentOfRow = new WeakMap<OutcomeValueRow, number>();

/** The actual value of a project's outcome indicator in one month. */
export const outcomeValuesKind: KindDefinition<OutcomeValueRow> = {
  kind: "outcome-values",
  table: outcomeValues,
  // (project, indicator, period): an indicator belongs to one project, so its id says both.
  keyColumns: [outcomeValues.indicatorId, outcomeValues.period],
  parse(reader, { refs }) {
    const project = projectColumn(reader, refs);
    const indicatorCode = reader.required("indicator_code", parseCode);
    const indicatorId =
      project && indicatorCode ? refs.indicators.get(`${project.id}|${indicatorCode}`) : undefined;
    if (project && indicatorCode && indicatorId === undefined) {
      reader.fail(
        "indicator_code",
        "expected the code of a known indicator of this project: the project has no indicator with this code (import the outcome indicators first)",
      );
    }
    const period = reader.required("period", parsePeriod);
    const actual = reader.required("actual", parseExactNumber);
    if (!reader.valid || !project || indicatorId === undefined || !period || !actual)
      return undefined;
    const row: OutcomeValueRow = { indicatorId, period, actual: actual.text };
    departmentOfRow.set(row, project.departmentId);
    return row;
  },
  keyValues: (row) => [row.indicatorId, row.period],
  departmentOf: (row) => departmentOfRow.get(row),
  storedOwner: {
    department: indicatorDepartment(outcomeValues.indicatorId),
    keyColumns: ["project_code", "indicator_code", "period"],
  },
};
