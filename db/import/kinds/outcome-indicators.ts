import { outcomeIndicators } from "../../schema/projects";
import { parseCode } from "../values/parse-code";
import { DIRECTION_SYNONYMS, parseEnum } from "../values/parse-enum";
import { optionalText, projectColumn, requiredText } from "./columns";
import { compareDecimals, parseExactNumber, weightColumn } from "./decimal-column";
import type { KindDefinition } from "./kind";
import { projectDepartment } from "./owners";

export interface OutcomeIndicatorRow {
  projectId: number;
  code: string;
  name: string;
  unit: string | null;
  direction: "higher" | "lower";
  baseline: string;
  target: string;
  weight: string | null;
  [key: string]: unknown;
}

const departmentOfRow = new WeakMap<OutcomeIndicatorRow, number>();

/**
 * 绩效目标: an outcome indicator of a project. Its target must point its way (higher is
 * better: target ≥ baseline; lower is better: target ≤ baseline), or achievement would
 * read upside down.
 */
export const outcomeIndicatorsKind: KindDefinition<OutcomeIndicatorRow> = {
  kind: "outcome-indicators",
  table: outcomeIndicators,
  keyColumns: [outcomeIndicators.projectId, outcomeIndicators.code],
  parse(reader, { refs }) {
    const project = projectColumn(reader, refs);
    const code = reader.required("code", parseCode);
    const name = requiredText(reader, "name");
    const unit = optionalText(reader, "unit");
    const direction = reader.required("direction", (value) => parseEnum(value, DIRECTION_SYNONYMS));
    const baseline = reader.required("baseline", parseExactNumber);
    const target = reader.required("target", parseExactNumber);
    const weight = weightColumn(reader, "weight", false);
    if (direction && baseline && target) {
      const order = compareDecimals(target.value, baseline.value);
      if (direction === "higher" && order < 0) {
        reader.fail(
          "target",
          `expected a target of at least the baseline (${baseline.text}), since higher is better for this indicator`,
        );
      } else if (direction === "lower" && order > 0) {
        reader.fail(
          "target",
          `expected a target of at most the baseline (${baseline.text}), since lower is better for this indicator`,
        );
      }
    }
    if (
      !reader.valid ||
      !project ||
      !code ||
      !name ||
      unit === undefined ||
      !direction ||
      !baseline ||
      !target ||
      weight === undefined
    ) {
      return undefined;
    }
    const row: OutcomeIndicatorRow = {
      projectId: project.id,
      code,
      name,
      unit,
      direction,
      baseline: baseline.text,
      target: target.text,
      weight,
    };
    departmentOfRow.set(row, project.departmentId);
    return row;
  },
  keyValues: (row) => [row.projectId, row.code],
  departmentOf: (row) => departmentOfRow.get(row),
  storedOwner: {
    department: projectDepartment(outcomeIndicators.projectId),
    keyColumns: ["project_code", "code"],
  },
};
