/** Messages of the rectification figures on the dashboard (overview tile, department panel, red flag). */
export const rectificationFigures = {
  "dashboard.kpi.rectification_on_time_rate": {
    zh: "按期整改率",
    en: "On-time rectification",
  },
  "dashboard.def.rectification_on_time_rate": {
    zh: "期内验收关闭的整改件中，在整改期限内关闭的 ÷ 期内关闭的整改件；期限为立案次日起第 N 个工作日（差评、督办各有时限）。",
    en: "Rectification cases closed in the period by their deadline ÷ cases closed in the period; the deadline is the N-th working day after opening (bad reviews and supervision notices each have their limit).",
  },
  "dashboard.rectification.overdue": {
    zh: "逾期未办结：{count} 件",
    en: "Overdue cases: {count}",
  },
  "dashboard.rule.rectification-overdue": {
    zh: "有整改件超过整改期限仍未办结",
    en: "Rectification cases open past their deadline",
  },
  "dashboard.threshold.count": {
    zh: "逾期未办结 ≥ {count} 件",
    en: "overdue open cases ≥ {count}",
  },
  "dashboard.basis.rectification-time-limit": {
    zh: "好差评制度：差评须在规定工作日内整改到位（默认 5 个工作日，督办 15 个）",
    en: "好差评 rules: a bad review is rectified within its working-day limit (default 5; supervision notices 15)",
  },
  "dashboard.dept.rectification": { zh: "整改", en: "Rectification" },
  "dashboard.dept.rectification.opened": { zh: "期内立案", en: "Opened in the period" },
  "dashboard.dept.rectification.closed": { zh: "期内办结", en: "Closed in the period" },
  "dashboard.dept.rectification.overdueOpen": {
    zh: "逾期未办结",
    en: "Overdue open",
  },
  "dashboard.dept.rectification.median": {
    zh: "办结用时中位数",
    en: "Median time to closure",
  },
  "dashboard.dept.rectification.days": { zh: "{days} 个工作日", en: "{days} working days" },
  "dashboard.dept.rectification.cases": {
    zh: "查看本部门整改件",
    en: "This department's cases",
  },
} as const;
