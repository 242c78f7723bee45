import type { I18n, MessageKey } from "~/i18n/i18n";
import type { ImportKind } from "../../db/schema/enums";

/** Each import kind's name for people, in the page's language ("appeals" → 诉求工单 / Appeals). */
export function kindLabel(i18n: I18n, kind: ImportKind): string {
  return i18n.t(`imports.kind.${kind}`);
}

const STATE_KEYS: Partial<Record<string, MessageKey>> = {
  previewed: "imports.state.previewed",
  committed: "imports.state.committed",
  failed: "imports.state.failed",
  reverted: "imports.state.reverted",
};

/** An import batch's state in the page's language ("committed" → 已导入 / Committed). */
export function batchStateLabel(i18n: I18n, state: string): string {
  const key = STATE_KEYS[state];
  return key ? i18n.t(key) : state;
}

/**
 * How each column's cells are written, for the column reference (DESIGN.md "Import files"),
 * as the key of its message.
 */
export function formatNote(kind: ImportKind, column: string): MessageKey {
  const special: Partial<Record<string, MessageKey>> = {
    level: "imports.format.level",
    stage: "imports.format.stage",
    funding_source: "imports.format.fundingSource",
    direction: "imports.format.direction",
    type: "imports.format.appealType",
    maturity: "imports.format.maturity",
    satisfaction: "imports.format.oneToFive",
    score: "imports.format.oneToFive",
    working: "imports.format.boolean",
    one_visit: "imports.format.boolean",
    high_frequency: "imports.format.boolean",
    department_code: "imports.format.departmentCode",
    weight: "imports.format.weight",
    period: "imports.format.period",
  };
  if (kind === "budget-lines" && column === "category") return "imports.format.budgetCategory";
  if (kind === "ratings" && column === "target") return "imports.format.ratingTarget";
  if (kind === "outcome-indicators" && (column === "baseline" || column === "target"))
    return "imports.format.number";
  if (kind === "outcome-values" && column === "actual") return "imports.format.number";
  const note = special[column];
  if (note) return note;
  if (column === "code" || column === "external_id" || column.endsWith("_code"))
    return "imports.format.code";
  if (column.endsWith("_at")) return "imports.format.time";
  if (column === "date" || column.endsWith("_date") || /^planned_(start|end)$/.test(column))
    return "imports.format.date";
  if (["budget", "planned", "actual"].includes(column)) return "imports.format.amount";
  if (
    ["target_users", "time_limit_days", "transactions", "online", "completed"].includes(column) ||
    column === "completed_on_time"
  ) {
    return "imports.format.count";
  }
  return "imports.format.text";
}

/**
 * One example row per kind, for the templates. The codes refer to one another (the
 * department is in the region, the project in the department…), so importing the
 * templates in the order of IMPORT_KINDS builds a small consistent world.
 */
export const EXAMPLE_ROWS: Record<ImportKind, Record<string, string>> = {
  regions: { code: "330100", name: "示例市", level: "city", parent_code: "" },
  departments: { code: "EX-DEPT", name: "示例数据局", region_code: "330100", parent_code: "" },
  projects: {
    code: "EX-PRJ-001",
    name: "一网通办平台升级",
    department_code: "EX-DEPT",
    category: "平台建设",
    funding_source: "fiscal",
    stage: "construction",
    budget: "1250000.00",
    planned_start: "2025-01-01",
    planned_end: "2025-12-31",
    target_users: "200000",
  },
  "budget-lines": {
    project_code: "EX-PRJ-001",
    period: "2025-03",
    category: "software",
    planned: "100000.00",
    actual: "92500.50",
  },
  milestones: {
    project_code: "EX-PRJ-001",
    name: "系统上线 Go-live",
    stage: "trial_operation",
    weight: "0.3",
    planned_date: "2025-09-30",
    actual_date: "",
    forecast_date: "2025-10-15",
  },
  "outcome-indicators": {
    project_code: "EX-PRJ-001",
    code: "EX-IND-1",
    name: "网办率 Online share",
    unit: "%",
    direction: "higher",
    baseline: "40",
    target: "80",
    weight: "0.5",
  },
  "outcome-values": {
    project_code: "EX-PRJ-001",
    indicator_code: "EX-IND-1",
    period: "2025-06",
    actual: "62.5",
  },
  "service-items": {
    code: "EX-SVC-001",
    name: "营业执照办理 Business licence",
    department_code: "EX-DEPT",
    maturity: "3",
    one_visit: "是",
    high_frequency: "是",
    time_limit_days: "5",
  },
  "service-stats": {
    item_code: "EX-SVC-001",
    period: "2025-06",
    transactions: "1200",
    online: "950",
    completed: "1180",
    completed_on_time: "1150",
  },
  appeals: {
    external_id: "EX-A-0001",
    channel: "12345热线",
    department_code: "EX-DEPT",
    type: "consultation",
    category: "营商环境",
    received_at: "2025-06-02 09:15",
    first_contact_at: "2025-06-02 10:00",
    replied_at: "2025-06-03 16:30",
    closed_at: "2025-06-04 11:00",
    due_at: "2025-06-09 18:00",
    satisfaction: "5",
  },
  ratings: {
    external_id: "EX-R-0001",
    target: "service",
    target_code: "EX-SVC-001",
    score: "4",
    channel: "好差评",
    rated_at: "2025-06-05 14:20",
    comment: "办理很快 Quick service",
  },
  calendar: { date: "2025-10-01", working: "否", name: "国庆节" },
};
