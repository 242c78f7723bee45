import { sql } from "drizzle-orm";
import type { FUNDING_SOURCES, LifecycleStage } from "../../schema/enums";
import { projects } from "../../schema/projects";
import { parseCode } from "../values/parse-code";
import { parseDate } from "../values/parse-date";
import { FUNDING_SOURCE_SYNONYMS, LIFECYCLE_STAGE_SYNONYMS, parseEnum } from "../values/parse-enum";
import { departmentColumn, optionalText, requiredText, wholeNumber } from "./columns";
import type { KindDefinition } from "./kind";

export interface ProjectRow {
  code: string;
  name: string;
  departmentId: number;
  category: string | null;
  fundingSource: (typeof FUNDING_SOURCES)[number] | null;
  stage: LifecycleStage;
  budgetYuan: string;
  plannedStart: string | null;
  plannedEnd: string | null;
  targetUsers: number | null;
  [key: string]: unknown;
}

/** 电子政务工程项目: a project, its department, its approved budget (批复金额) and plan. */
export const projectsKind: KindDefinition<ProjectRow> = {
  kind: "projects",
  table: projects,
  keyColumns: [projects.code],
  parse(reader, { refs }) {
    const code = reader.required("code", parseCode);
    const name = requiredText(reader, "name");
    const departmentId = departmentColumn(reader, refs, "department_code");
    const category = optionalText(reader, "category");
    const fundingSource = reader.optional("funding_source", (value) =>
      parseEnum(value, FUNDING_SOURCE_SYNONYMS),
    );
    const stage = reader.optional("stage", (value) => parseEnum(value, LIFECYCLE_STAGE_SYNONYMS));
    const budgetYuan = reader.amount("budget", true);
    const plannedStart = reader.optional("planned_start", parseDate);
    const plannedEnd = reader.optional("planned_end", parseDate);
    if (plannedStart && plannedEnd && plannedEnd < plannedStart) {
      reader.fail("planned_end", `expected a date on or after the planned start (${plannedStart})`);
    }
    const targetUsers = wholeNumber(reader, "target_users", {
      required: false,
      min: 0,
      what: "a number of target users of 0 or more",
    });
    if (!reader.valid || !code || !name || !departmentId || !budgetYuan || category === undefined) {
      return undefined;
    }
    return {
      code,
      name,
      departmentId,
      category,
      fundingSource: fundingSource ?? null,
      // An empty stage is the first one: the project is only proposed.
      stage: stage ?? "proposal",
      budgetYuan,
      plannedStart: plannedStart ?? null,
      plannedEnd: plannedEnd ?? null,
      targetUsers: targetUsers ?? null,
    };
  },
  keyValues: (row) => [row.code],
  departmentOf: (row) => row.departmentId,
  storedOwner: { department: sql`${projects.departmentId}`, keyColumns: ["code"] },
};
