import type { LifecycleStage } from "../../schema/enums";
import { milestones } from "../../schema/projects";
import { parseDate } from "../values/parse-date";
import { LIFECYCLE_STAGE_SYNONYMS, parseEnum } from "../values/parse-enum";
import { projectColumn, requiredText } from "./columns";
import { weightColumn } from "./decimal-column";
import type { KindDefinition } from "./kind";
import { projectDepartment } from "./owners";

export interface MilestoneRow {
  projectId: number;
  name: string;
  stage: LifecycleStage | null;
  /** Its share of the project's work, as exact decimal text ("0.2" for 20%). */
  weight: string;
  plannedDate: string;
  actualDate: string | null;
  forecastDate: string | null;
  [key: string]: unknown;
}

const departmentOfRow = new WeakMap<MilestoneRow, number>();

/**
 * 里程碑: a weighted milestone of a project. A milestone is a single point in time, so
 * there is no order to check between its dates: done (actual) or expected (forecast)
 * before or after the plan are both facts worth recording.
 */
export const milestonesKind: KindDefinition<MilestoneRow> = {
  kind: "milestones",
  table: milestones,
  keyColumns: [milestones.projectId, milestones.name],
  parse(reader, { refs }) {
    const project = projectColumn(reader, refs);
    const name = requiredText(reader, "name");
    const stage = reader.optional("stage", (value) => parseEnum(value, LIFECYCLE_STAGE_SYNONYMS));
    const weight = weightColumn(reader, "weight", true);
    const plannedDate = reader.required("planned_date", parseDate);
    const actualDate = reader.optional("actual_date", parseDate);
    const forecastDate = reader.optional("forecast_date", parseDate);
    if (!reader.valid || !project || !name || !weight || !plannedDate) return undefined;
    const row: MilestoneRow = {
      projectId: project.id,
      name,
      stage: stage ?? null,
      weight,
      plannedDate,
      actualDate: actualDate ?? null,
      forecastDate: forecastDate ?? null,
    };
    departmentOfRow.set(row, project.departmentId);
    return row;
  },
  keyValues: (row) => [row.projectId, row.name],
  departmentOf: (row) => departmentOfRow.get(row),
  storedOwner: {
    department: projectDepartment(milestones.projectId),
    keyColumns: ["project_code", "name"],
  },
};
