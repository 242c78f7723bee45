import type { ImportKind } from "../../db/schema/enums";

/** Each import kind's name for people, Chinese and English, as the UI shows it. */
export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  regions: "行政区划 Regions",
  departments: "部门 Departments",
  projects: "项目 Projects",
  "budget-lines": "预算执行 Budget lines",
  milestones: "里程碑 Milestones",
  "outcome-indicators": "绩效指标 Outcome indicators",
  "outcome-values": "指标实际值 Outcome values",
  "service-items": "政务服务事项 Service items",
  "service-stats": "办件统计 Service statistics",
  appeals: "诉求工单 Appeals",
  ratings: "评价 Ratings",
  calendar: "工作日历 Calendar",
};

const CODE = "编码：1–64 个字母、数字或 - _ . A code: 1–64 letters, digits, '-', '_' or '.'";
const DATE = "日期 A date: 2021-07-01, 2021/7/1, 2021年7月1日 or an Excel date";
const TIME =
  "日期时间 A date and time: 2021-07-01 09:30 (deployment's time zone unless the text gives one)";
const PERIOD = "月份 A month: 2021-07, 2021/7 or 2021年7月";
const AMOUNT =
  "金额，单位元；表头或单元格注明万元时按万元 Yuan; 万元 when the header or cell says so";
const COUNT = "非负整数 A whole number, 0 or more";
const BOOLEAN = "是/否 true/false, 1/0, 是/否, Y/N";
const WEIGHT = "权重，如 0.2 或 20% A weight such as 0.2 or 20%";
const NUMBER = "数值 A number";
const TEXT = "文本，原样保存 Free text, kept exactly";
const STAGE =
  "proposal, feasibility, approval, procurement, construction, trial_operation, acceptance, operation, post_evaluation, retired (或中文 or in Chinese)";

/** How each column's cells are written, for the column reference (DESIGN.md "Import files"). */
export function formatNote(kind: ImportKind, column: string): string {
  const special: Partial<Record<string, string>> = {
    level: "province/city/county 或 省/市/县",
    stage: STAGE,
    funding_source: "fiscal, special_fund, private_partner (财政资金, 专项资金, 社会资本)",
    direction: "higher/lower (正向/反向)",
    type: "complaint/consultation/suggestion/praise (投诉/咨询/建议/表扬)",
    maturity: "成熟度 0–4",
    satisfaction: "1–5",
    score: "1–5",
    working: BOOLEAN,
    one_visit: BOOLEAN,
    high_frequency: BOOLEAN,
    department_code: "部门编码或部门全称 The department's code or its exact name",
    weight: WEIGHT,
    period: PERIOD,
  };
  if (kind === "budget-lines" && column === "category") {
    return "hardware, software, services, operation_maintenance, security, training (硬件/软件/服务/运维/安全/培训)";
  }
  if (kind === "ratings" && column === "target") return "service/project (事项/项目)";
  if (kind === "outcome-indicators" && (column === "baseline" || column === "target"))
    return NUMBER;
  if (kind === "outcome-values" && column === "actual") return NUMBER;
  const note = special[column];
  if (note) return note;
  if (column === "code" || column === "external_id" || column.endsWith("_code")) return CODE;
  if (column.endsWith("_at")) return TIME;
  if (column === "date" || column.endsWith("_date") || /^planned_(start|end)$/.test(column))
    return DATE;
  if (["budget", "planned", "actual"].includes(column)) return AMOUNT;
  if (
    ["target_users", "time_limit_days", "transactions", "online", "completed"].includes(column) ||
    column === "completed_on_time"
  ) {
    return COUNT;
  }
  return TEXT;
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
