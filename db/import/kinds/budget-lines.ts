import type { COST_CATEGORIES } from "../../schema/enums";
import { budgetLines } from "../../schema/projects";
import { COST_CATEGORY_SYNONYMS, parseEnum } from "../values/parse-enum";
import { parsePeriod } from "../values/parse-period";
import { projectColumn } from "./columns";
import type { KindDefinition } from "./kind";
import { projectDepartment } from "./owners";

export interface BudgetLineRow {
  projectId: number;
  period: string;
  category: (typeof COST_CATEGORIES)[number] | null;
  plannedYuan: string;
  actualYuan: string;
  [key: string]: unknown;
}

const departmentOfRow = new WeakMap<BudgetLineRow, number>();

/** Planned and actual spend of a project in one month and (optional) cost category. */
export const budgetLinesKind: KindDefinition<BudgetLineRow> = {
  kind: "budget-lines",
  table: budgetLines,
  // A line without a category is one key: the table's unique key treats NULLs as equal.
  keyColumns: [budgetLines.projectId, budgetLines.period, budgetLines.category],
  parse(reader, { refs }) {
    const project = projectColumn(reader, refs);
    const period = reader.required("period", parsePeriod);
    const category = reader.optional("category", (value) =>
      parseEnum(value, COST_CATEGORY_SYNONYMS),
    );
    const plannedYuan = reader.amount("planned", true);
    const actualYuan = reader.amount("actual", true);
    if (
      !reader.valid ||
      !project ||
      !period ||
      category === undefined ||
      !plannedYuan ||
      !actualYuan
    ) {
      return undefined;
    }
    const row: BudgetLineRow = { projectId: project.id, period, category, plannedYuan, actualYuan };
    departmentOfRow.set(row, project.departmentId);
    return row;
  },
  keyValues: (row) => [row.projectId, row.period, row.category],
  departmentOf: (row) => departmentOfRow.get(row),
  storedOwner: {
    department: projectDepartment(budgetLines.projectId),
    keyColumns: ["project_code", "period", "category"],
  },
};
