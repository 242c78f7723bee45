import type { ImportKind } from "../schema/enums";

/** One column of an import file: its English name, its Chinese name, whether it is required. */
export interface ImportColumn {
  name: string;
  chinese: string;
  required: boolean;
  /**
   * Free text a citizen wrote (a rating's comment): scrubbed of phone numbers, ID numbers
   * and e-mail addresses as it is read, so the original reaches neither the database nor a
   * preview or error report.
   */
  scrubbed?: boolean;
}

const col = (
  name: string,
  chinese: string,
  required = false,
  options: { scrubbed?: boolean } = {},
): ImportColumn => ({ name, chinese, required, ...options });

/** The columns of each import kind, in the order of DESIGN.md "Import files". */
export const IMPORT_COLUMNS: Record<ImportKind, readonly ImportColumn[]> = {
  regions: [
    col("code", "区划编码", true),
    col("name", "区划名称", true),
    col("level", "层级", true),
    col("parent_code", "上级区划编码"),
  ],
  departments: [
    col("code", "部门编码", true),
    col("name", "部门名称", true),
    col("region_code", "区划编码"),
    col("parent_code", "上级部门编码"),
  ],
  projects: [
    col("code", "项目编码", true),
    col("name", "项目名称", true),
    col("department_code", "建设单位", true),
    col("category", "项目类别"),
    col("funding_source", "资金来源"),
    col("stage", "项目阶段"),
    col("budget", "批复金额", true),
    col("planned_start", "计划开始日期"),
    col("planned_end", "计划完成日期"),
    col("target_users", "目标用户数"),
  ],
  "budget-lines": [
    col("project_code", "项目编码", true),
    col("period", "期间", true),
    col("category", "支出类别"),
    col("planned", "计划金额", true),
    col("actual", "实际支出", true),
  ],
  milestones: [
    col("project_code", "项目编码", true),
    col("name", "里程碑名称", true),
    col("stage", "项目阶段"),
    col("weight", "权重", true),
    col("planned_date", "计划日期", true),
    col("actual_date", "实际日期"),
    col("forecast_date", "预计日期"),
  ],
  "outcome-indicators": [
    col("project_code", "项目编码", true),
    col("code", "指标编码", true),
    col("name", "指标名称", true),
    col("unit", "计量单位"),
    col("direction", "指标方向", true),
    col("baseline", "基期值", true),
    col("target", "目标值", true),
    col("weight", "权重"),
  ],
  "outcome-values": [
    col("project_code", "项目编码", true),
    col("indicator_code", "指标编码", true),
    col("period", "期间", true),
    col("actual", "实际值", true),
  ],
  "service-items": [
    col("code", "事项编码", true),
    col("name", "事项名称", true),
    col("department_code", "实施部门", true),
    col("maturity", "成熟度", true),
    col("one_visit", "最多跑一次"),
    col("high_frequency", "高频事项"),
    col("time_limit_days", "承诺时限"),
  ],
  "service-stats": [
    col("item_code", "事项编码", true),
    col("period", "期间", true),
    col("transactions", "办件量", true),
    col("online", "网办量"),
    col("completed", "办结量"),
    col("completed_on_time", "按时办结量"),
  ],
  appeals: [
    col("external_id", "工单编号", true),
    col("channel", "渠道"),
    col("department_code", "承办部门", true),
    col("type", "诉求类型", true),
    col("category", "诉求分类"),
    col("received_at", "受理时间", true),
    col("first_contact_at", "首次联系时间"),
    col("replied_at", "答复时间"),
    col("closed_at", "办结时间"),
    col("due_at", "截止时间"),
    col("satisfaction", "满意度"),
  ],
  ratings: [
    col("external_id", "评价编号", true),
    col("target", "评价对象", true),
    col("target_code", "对象编码", true),
    col("score", "评分", true),
    col("channel", "渠道"),
    col("rated_at", "评价时间", true),
    col("comment", "评价内容", false, { scrubbed: true }),
  ],
  calendar: [col("date", "日期", true), col("working", "是否工作日", true), col("name", "名称")],
};
