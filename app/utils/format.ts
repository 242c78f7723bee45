/** Display formats shared by the pages (zh-CN; the language switch comes with i18n). */
const wanFormat = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 2 });

/** Yuan shown in 万元 (10,000 yuan), as Chinese budget documents do. */
export function formatWan(yuan: string | number | null): string {
  if (yuan === null) return "—";
  return `${wanFormat.format(Number(yuan) / 10_000)} 万元`;
}

const dateTime = new Intl.DateTimeFormat("zh-CN", {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
  timeZone: "Asia/Shanghai",
});

export function formatDateTime(value: Date | string | null, timeZone?: string): string {
  if (value === null) return "—";
  const date = typeof value === "string" ? new Date(value) : value;
  if (!timeZone) return dateTime.format(date);
  return new Intl.DateTimeFormat("zh-CN", {
    dateStyle: "short",
    timeStyle: "short",
    hour12: false,
    timeZone,
  }).format(date);
}

export const STAGE_LABELS: Record<string, string> = {
  proposal: "项目建议 Proposal",
  feasibility: "可行性研究 Feasibility",
  approval: "立项审批 Approval",
  procurement: "招标采购 Procurement",
  construction: "建设实施 Construction",
  trial_operation: "试运行 Trial operation",
  acceptance: "竣工验收 Acceptance",
  operation: "运行维护 Operation",
  post_evaluation: "后评价 Post-evaluation",
  retired: "退役 Retired",
};

export const ASSESSMENT_STATE_LABELS: Record<string, string> = {
  draft: "草稿 Draft",
  submitted: "已提交 Submitted",
  moderated: "已复核 Moderated",
  final: "定稿 Final",
};
