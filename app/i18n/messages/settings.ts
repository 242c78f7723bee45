/** Messages of the admin's settings page (/admin/settings): both languages side by side. */
export const settings = {
  "admin.home.settings": { zh: "目标值、时限与工作日历", en: "Targets, limits and calendar" },
  "settings.title": { zh: "系统设置", en: "Settings" },
  "settings.lede": {
    zh: "修改后立即生效，每次修改都记入审计日志（含修改前后的值），受影响的汇总数据随即重算。",
    en: "Changes take effect at once; each is recorded in the audit log with the values before and after, and the figures it affects are recomputed.",
  },
  "settings.contents": { zh: "本页内容", en: "On this page" },
  "settings.save": { zh: "保存", en: "Save" },
  "settings.unknownIntent": {
    zh: "无法识别的操作，请刷新页面后重试。",
    en: "Unknown action: reload the page and try again.",
  },
  "settings.notice.targets": { zh: "已保存目标值 {kpi}。", en: "Saved the target of {kpi}." },
  "settings.notice.replyLimits": {
    zh: "已保存答复时限，相关汇总已重算。",
    en: "Saved the reply time limits; the appeal figures were recomputed.",
  },
  "settings.notice.rectificationLimits": {
    zh: "已保存整改时限。",
    en: "Saved the rectification limits.",
  },
  "settings.notice.stale": { zh: "已保存数据过期天数。", en: "Saved the stale-data period." },
  "settings.notice.calendarSet": {
    zh: "已保存 {date} 的日历设置。",
    en: "Saved the calendar entry for {date}.",
  },
  "settings.notice.calendarRemoved": {
    zh: "已删除 {date} 的本地设置，恢复官方或默认规则。",
    en: "Removed the entry for {date}: the official day or the default rule applies again.",
  },
  "settings.notice.unchanged": {
    zh: "未作修改：值与原来相同。",
    en: "Nothing changed: the values were the same.",
  },

  // Targets
  "settings.targets.title": { zh: "指标目标值与色带", en: "KPI targets and bands" },
  "settings.targets.intro": {
    zh: "以小数填写比率（0.95 即 95 %）。“不低于”：达到目标为绿，不低于黄色下限为黄，否则为红；“不高于”相反；“区间”：目标下限至上限为绿，黄色下限至黄色上限为黄。黄色边界可留空（不设黄色区间）。",
    en: "Enter rates as fractions (0.95 is 95 %). “At least”: green from the target, amber from the amber lower edge, red below; “at most” mirrors it; “between”: green from the target to the upper target, amber from the amber lower to the amber upper edge. Amber edges may be left empty (no amber band).",
  },
  "settings.targets.kpi": { zh: "指标", en: "Indicator" },
  "settings.targets.direction": { zh: "方向", en: "Direction" },
  "settings.targets.target": { zh: "目标（下限）", en: "Target (lower)" },
  "settings.targets.targetMax": { zh: "目标上限", en: "Target upper" },
  "settings.targets.amberFrom": { zh: "黄色下限", en: "Amber lower" },
  "settings.targets.amberTo": { zh: "黄色上限", en: "Amber upper" },
  "settings.targets.action": { zh: "操作", en: "Action" },
  "settings.targets.fieldLabel": { zh: "{kpi}：{field}", en: "{kpi}: {field}" },
  "settings.targets.saveOf": { zh: "保存 {kpi}", en: "Save {kpi}" },
  "settings.direction.at_least": { zh: "不低于", en: "At least" },
  "settings.direction.at_most": { zh: "不高于", en: "At most" },
  "settings.direction.between": { zh: "区间", en: "Between" },
  "settings.kpi.reply_rate": { zh: "诉求答复率", en: "Reply rate" },
  "settings.kpi.on_time_reply_rate": { zh: "按时答复率", en: "On-time reply rate" },
  "settings.kpi.first_contact_rate": { zh: "及时联系率", en: "First-contact rate" },
  "settings.kpi.satisfaction_rate": { zh: "诉求满意率", en: "Satisfaction rate" },
  "settings.kpi.bad_review_rate": { zh: "差评率", en: "Bad-review rate" },
  "settings.kpi.service_coverage": { zh: "全程网办率", en: "Service coverage" },
  "settings.kpi.high_frequency_coverage": {
    zh: "高频事项全程网办率",
    en: "High-frequency coverage",
  },
  "settings.kpi.digital_take_up": { zh: "网办率", en: "Digital take-up" },
  "settings.kpi.on_time_completion": { zh: "按时办结率", en: "On-time completion" },
  "settings.kpi.budget_execution": { zh: "预算执行率", en: "Budget execution" },
  "settings.kpi.cpi": { zh: "成本绩效指数 CPI", en: "Cost performance (CPI)" },
  "settings.kpi.spi": { zh: "进度绩效指数 SPI", en: "Schedule performance (SPI)" },
  "settings.kpi.outcome_achievement": { zh: "绩效目标完成度", en: "Outcome achievement" },
  "settings.kpi.service_rating_satisfaction": {
    zh: "好差评满意率",
    en: "Service rating satisfaction",
  },
  "settings.kpi.rectification_on_time_rate": { zh: "按期整改率", en: "On-time rectification rate" },
  "settings.error.kpi": {
    zh: "没有这个指标，请刷新页面。",
    en: "There is no such indicator: reload the page.",
  },
  "settings.error.direction": { zh: "请选择方向。", en: "Choose a direction." },
  "settings.error.number": {
    zh: "{field} 须为 0 至 1000000 之间的数字，最多 6 位小数（收到“{value}”）。",
    en: "{field} must be a number from 0 to 1000000 with at most 6 decimals (got “{value}”).",
  },
  "settings.error.required": { zh: "请填写{field}。", en: "Enter the {field}." },
  "settings.error.targetMax.required": {
    zh: "“区间”需要目标上限。",
    en: "“Between” needs an upper target.",
  },
  "settings.error.targetMax.belowMin": {
    zh: "目标上限须不低于目标下限。",
    en: "The upper target must be at least the lower target.",
  },
  "settings.error.targetMax.notAllowed": {
    zh: "只有“区间”才有目标上限，请留空。",
    en: "Only “between” has an upper target: leave it empty.",
  },
  "settings.error.amberFrom.wrongSide": {
    zh: "黄色下限须低于目标（下限）。",
    en: "The amber lower edge must be below the (lower) target.",
  },
  "settings.error.amberFrom.notAllowed": {
    zh: "“不高于”没有黄色下限，请留空。",
    en: "“At most” has no amber lower edge: leave it empty.",
  },
  "settings.error.amberTo.wrongSide": {
    zh: "黄色上限须高于目标（上限）。",
    en: "The amber upper edge must be above the (upper) target.",
  },
  "settings.error.amberTo.notAllowed": {
    zh: "“不低于”没有黄色上限，请留空。",
    en: "“At least” has no amber upper edge: leave it empty.",
  },

  // Reply time limits
  "settings.replyLimits.title": { zh: "诉求答复时限", en: "Reply time limits" },
  "settings.replyLimits.intro": {
    zh: "每类诉求自受理次日起的答复时限（工作日，1–365）。修改后，该类诉求的按时答复率立即按新时限重算。",
    en: "Working days allowed for a reply after the day of receipt, per appeal type (1–365). A change recomputes that type's on-time reply rate at once.",
  },
  "settings.replyLimits.field": { zh: "{type}（工作日）", en: "{type} (working days)" },
  "settings.type.complaint": { zh: "投诉", en: "Complaint" },
  "settings.type.consultation": { zh: "咨询", en: "Consultation" },
  "settings.type.suggestion": { zh: "建议", en: "Suggestion" },
  "settings.type.praise": { zh: "表扬", en: "Praise" },
  "settings.error.workingDays": {
    zh: "{field} 须为 1 至 365 之间的整数（收到“{value}”）。",
    en: "{field} must be a whole number from 1 to 365 (got “{value}”).",
  },

  // Rectification limits
  "settings.rectification.title": { zh: "整改时限", en: "Rectification limits" },
  "settings.rectification.intro": {
    zh: "部门整改的期限（工作日，1–365）。",
    en: "Working days a department has to rectify (1–365).",
  },
  "settings.rectification.newOnly": {
    zh: "修改只适用于此后新开的案件：已开案件保留开案时的时限和截止日期。",
    en: "A changed limit applies to new cases only: cases already open keep the limit and deadline they were opened with.",
  },
  "settings.rectification.rating": { zh: "差评整改（工作日）", en: "Bad review (working days)" },
  "settings.rectification.red_flag": {
    zh: "督办通知（工作日）",
    en: "Supervision notice (working days)",
  },

  // Stale data
  "settings.stale.title": { zh: "数据质量", en: "Data quality" },
  "settings.stale.field": { zh: "数据过期天数", en: "Stale after (days)" },
  "settings.stale.hint": {
    zh: "最新数据早于期间末日超过这么多天即标为过期（1–3650，默认 45）。",
    en: "Data whose latest day is more than this many days before the period's end is marked stale (1–3650, default 45).",
  },
  "settings.error.staleDays": {
    zh: "数据过期天数须为 1 至 3650 之间的整数（收到“{value}”）。",
    en: "The stale-data period must be a whole number of days from 1 to 3650 (got “{value}”).",
  },

  // Calendar
  "settings.calendar.title": { zh: "工作日历", en: "Working-day calendar" },
  "settings.calendar.intro": {
    zh: "周六、周日休息，其余为工作日；官方节假日和调休来自随系统发布的国务院通知数据；本地设置优先于两者。下表只列出与默认规则不同或有名称的日子。",
    en: "Saturdays and Sundays are off, other days are working days; official holidays and adjusted working days (调休) come from the packaged State Council notices; this deployment's own entries win over both. The list shows only the days that differ from the default rule or have a name.",
  },
  "settings.calendar.year": { zh: "年份", en: "Year" },
  "settings.calendar.show": { zh: "查看", en: "Show" },
  "settings.calendar.prev": { zh: "← {year} 年", en: "← {year}" },
  "settings.calendar.next": { zh: "{year} 年 →", en: "{year} →" },
  "settings.calendar.coverage": {
    zh: "官方数据覆盖 {first}–{last} 年。",
    en: "Official data covers {first}–{last}.",
  },
  "settings.calendar.uncovered": {
    zh: "⚠ {year} 年没有官方节假日数据：该年只按周末规则和本地设置计算工作日，相关工作日指标为临时数据。请在官方通知发布后更新系统，或在此录入。",
    en: "⚠ No official holiday data for {year}: its working days follow the weekend rule and this deployment's entries only, and working-day figures over it are provisional. Update the package once the notice is out, or enter the days here.",
  },
  "settings.calendar.listTitle": { zh: "{year} 年的非默认日", en: "Non-default days of {year}" },
  "settings.calendar.caption": {
    zh: "{year} 年与默认规则不同或有名称的日子（共 {count} 天）",
    en: "Days of {year} that differ from the default rule or have a name ({count})",
  },
  "settings.calendar.none": { zh: "该年没有非默认日。", en: "No non-default days in this year." },
  "settings.calendar.date": { zh: "日期", en: "Date" },
  "settings.calendar.status": { zh: "是否工作日", en: "Working day" },
  "settings.calendar.name": { zh: "名称", en: "Name" },
  "settings.calendar.source": { zh: "来源", en: "Source" },
  "settings.calendar.working": { zh: "工作日", en: "Working" },
  "settings.calendar.off": { zh: "休息日", en: "Day off" },
  "settings.calendar.source.official": { zh: "官方", en: "Official" },
  "settings.calendar.source.override": { zh: "本地设置", en: "This deployment" },
  "settings.calendar.source.imported": { zh: "本地（导入）", en: "This deployment (imported)" },
  "settings.calendar.replaces": {
    zh: "（替代官方：{status}{name}）",
    en: "(replaces official: {status}{name})",
  },
  "settings.calendar.remove": { zh: "删除", en: "Remove" },
  "settings.error.year": {
    zh: "年份须为 1900 至 2199 之间的四位数（收到“{value}”）。",
    en: "The year must be four digits from 1900 to 2199 (got “{value}”).",
  },
  "settings.calendar.formTitle": { zh: "添加或修改本地设置", en: "Add or change an entry" },
  "settings.calendar.formHint": {
    zh: "同一日期再次保存即覆盖原设置。",
    en: "Saving a date again replaces its entry.",
  },
  "settings.calendar.field.date": { zh: "日期", en: "Date" },
  "settings.calendar.field.working": { zh: "这一天", en: "This day is" },
  "settings.calendar.field.name": { zh: "名称（可选）", en: "Name (optional)" },
  "settings.calendar.sameAsRule": { zh: "（与默认规则相同）", en: "(as by the default rule)" },
  "settings.error.date": {
    zh: "日期须为 YYYY-MM-DD 格式的有效日期（收到“{value}”）。",
    en: "The date must be a real date as YYYY-MM-DD (got “{value}”).",
  },
  "settings.error.working": { zh: "请选择工作日或休息日。", en: "Choose working day or day off." },
  "settings.error.name": {
    zh: "名称最多 100 个字符。",
    en: "The name may have at most 100 characters.",
  },
  "settings.error.notOverridden": {
    zh: "{date} 没有本地设置可删除。",
    en: "{date} has no entry of this deployment to remove.",
  },
} as const satisfies Record<string, { zh: string; en: string }>;
