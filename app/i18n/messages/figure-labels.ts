/**
 * A human name for every figure a scorecard's version diff can list (db/scorecards/
 * snapshot-diff.ts DIFF_FIGURE_PATTERNS), in place of its payload path. `{item}` is the
 * list item the figure belongs to (a KPI's name, a month, a code). The `satisfies` below
 * makes a pattern without a label a type error.
 */
import type { DiffFigurePattern } from "../../../db/scorecards/snapshot-diff";

type Label = { zh: string; en: string };

export const figureLabels = {
  "figure.format": { zh: "数据格式版本", en: "Data format version" },
  "figure.subject": { zh: "对象类型", en: "Kind of scorecard" },
  "figure.code": { zh: "编码", en: "Code" },
  "figure.name": { zh: "名称", en: "Name" },
  "figure.dataCutoff": { zh: "数据截止日期", en: "Data cut-off" },
  "figure.department.code": { zh: "建设单位编码", en: "Department code" },
  "figure.department.name": { zh: "建设单位", en: "Department" },
  "figure.facts.stage": { zh: "项目阶段", en: "Lifecycle stage" },
  "figure.facts.category": { zh: "项目类别", en: "Category" },
  "figure.facts.plannedStart": { zh: "计划开始日期", en: "Planned start" },
  "figure.facts.plannedEnd": { zh: "计划完成日期", en: "Planned end" },
  "figure.facts.bacYuan": { zh: "批复预算 BAC（元）", en: "Approved budget, BAC (yuan)" },
  "figure.facts.acYuan": { zh: "实际支出 AC（元）", en: "Actual spend, AC (yuan)" },
  "figure.facts.eacYuan": { zh: "完工预测 EAC（元）", en: "Estimate at completion, EAC (yuan)" },
  "figure.kpis.*.kpi": { zh: "指标：{item}", en: "KPI: {item}" },
  "figure.kpis.*.value": { zh: "{item}", en: "{item}" },
  "figure.kpis.*.suppressed": {
    zh: "{item}：因样本过少不予公开",
    en: "{item}: withheld (small count)",
  },
  "figure.kpis.*.target": { zh: "{item}：目标值", en: "{item}: target" },
  "figure.kpis.*.target.direction": { zh: "{item}：目标方向", en: "{item}: target direction" },
  "figure.kpis.*.target.target": { zh: "{item}：目标值", en: "{item}: target" },
  "figure.kpis.*.target.targetMax": { zh: "{item}：目标上限", en: "{item}: target upper bound" },
  "figure.kpis.*.band": { zh: "{item}：状态", en: "{item}: status" },
  "figure.variances.*.key": { zh: "偏差：{item}", en: "Variance: {item}" },
  "figure.variances.*.value": { zh: "{item}", en: "{item}" },
  "figure.variances.*.band": { zh: "{item}：状态", en: "{item}: status" },
  "figure.outcomes.*.code": { zh: "绩效指标 {item}：编码", en: "Outcome indicator {item}: code" },
  "figure.outcomes.*.name": { zh: "绩效指标 {item}：名称", en: "Outcome indicator {item}: name" },
  "figure.outcomes.*.unit": {
    zh: "绩效指标 {item}：计量单位",
    en: "Outcome indicator {item}: unit",
  },
  "figure.outcomes.*.direction": {
    zh: "绩效指标 {item}：指标方向",
    en: "Outcome indicator {item}: direction",
  },
  "figure.outcomes.*.baseline": {
    zh: "绩效指标 {item}：基期值",
    en: "Outcome indicator {item}: baseline",
  },
  "figure.outcomes.*.target": {
    zh: "绩效指标 {item}：目标值",
    en: "Outcome indicator {item}: target",
  },
  "figure.outcomes.*.actual": {
    zh: "绩效指标 {item}：实际值",
    en: "Outcome indicator {item}: actual",
  },
  "figure.outcomes.*.achievement": {
    zh: "绩效指标 {item}：完成度",
    en: "Outcome indicator {item}: achievement",
  },
  "figure.milestones.total": { zh: "里程碑数", en: "Milestones" },
  "figure.milestones.completed": { zh: "已完成里程碑数", en: "Milestones completed" },
  "figure.milestones.scheduleSlipDays": { zh: "进度延误（天）", en: "Schedule slip (days)" },
  "figure.milestones.items.*.name": { zh: "里程碑“{item}”：名称", en: "Milestone “{item}”: name" },
  "figure.milestones.items.*.plannedDate": {
    zh: "里程碑“{item}”：计划日期",
    en: "Milestone “{item}”: planned date",
  },
  "figure.milestones.items.*.actualDate": {
    zh: "里程碑“{item}”：实际日期",
    en: "Milestone “{item}”: actual date",
  },
  "figure.milestones.items.*.forecastDate": {
    zh: "里程碑“{item}”：预计日期",
    en: "Milestone “{item}”: forecast date",
  },
  "figure.milestones.items.*.completed": {
    zh: "里程碑“{item}”：已完成",
    en: "Milestone “{item}”: completed",
  },
  "figure.spendCurve.*.month": { zh: "支出曲线 {item}：月份", en: "Spend curve {item}: month" },
  "figure.spendCurve.*.pv": {
    zh: "支出曲线 {item}：计划值 PV",
    en: "Spend curve {item}: planned value (PV)",
  },
  "figure.spendCurve.*.ac": {
    zh: "支出曲线 {item}：实际支出 AC",
    en: "Spend curve {item}: actual cost (AC)",
  },
  "figure.spendCurve.*.ev": {
    zh: "支出曲线 {item}：挣值 EV",
    en: "Spend curve {item}: earned value (EV)",
  },
  "figure.evaluation": { zh: "评价结果", en: "Evaluation result" },
  "figure.evaluation.round.code": { zh: "评价轮次编码", en: "Evaluation round code" },
  "figure.evaluation.round.name": { zh: "评价轮次", en: "Evaluation round" },
  "figure.evaluation.round.periodEnd": { zh: "评价期末", en: "Evaluation period end" },
  "figure.evaluation.framework.code": { zh: "评价框架", en: "Framework" },
  "figure.evaluation.framework.version": { zh: "评价框架版本", en: "Framework version" },
  "figure.evaluation.score": { zh: "评价得分", en: "Evaluation score" },
  "figure.ratings.rated": { zh: "好差评：评价数", en: "Citizen ratings: ratings counted" },
  "figure.ratings.suppressed": {
    zh: "好差评：因样本过少不予公开",
    en: "Citizen ratings: withheld (small count)",
  },
  "figure.ratings.meanRating": { zh: "好差评：平均分", en: "Citizen ratings: mean rating" },
  "figure.ratings.satisfactionRate": { zh: "好差评：满意率", en: "Citizen ratings: satisfaction" },
  "figure.ratings.badReviewRate": { zh: "好差评：差评率", en: "Citizen ratings: bad-review rate" },
  "figure.ratings.byScore.cells.*.key": {
    zh: "好差评 {item}：分值",
    en: "Citizen ratings {item}: score",
  },
  "figure.ratings.byScore.cells.*.count": {
    zh: "好差评 {item}：评价数",
    en: "Citizen ratings {item}: count",
  },
  "figure.ratings.byScore.cells.*.suppressed": {
    zh: "好差评 {item}：不予公开",
    en: "Citizen ratings {item}: withheld",
  },
  "figure.ratings.byScore.total": { zh: "好差评：合计", en: "Citizen ratings: total" },
  "figure.ratings.byScore.totalSuppressed": {
    zh: "好差评：合计不予公开",
    en: "Citizen ratings: total withheld",
  },
  "figure.period.from": { zh: "统计期起", en: "Period from" },
  "figure.period.to": { zh: "统计期止", en: "Period to" },
  "figure.appeals.byType.cells.*.key": { zh: "诉求（{item}）：类型", en: "Appeals ({item}): type" },
  "figure.appeals.byType.cells.*.count": {
    zh: "受理诉求（{item}）",
    en: "Appeals received ({item})",
  },
  "figure.appeals.byType.cells.*.suppressed": {
    zh: "受理诉求（{item}）：不予公开",
    en: "Appeals received ({item}): withheld",
  },
  "figure.appeals.byType.total": { zh: "受理诉求合计", en: "Appeals received, total" },
  "figure.appeals.byType.totalSuppressed": {
    zh: "受理诉求合计：不予公开",
    en: "Appeals received, total: withheld",
  },
  "figure.appeals.medianReplyWorkingDays": {
    zh: "答复用时中位数（工作日）",
    en: "Median reply time (working days)",
  },
  "figure.appeals.ratedShare": { zh: "诉求评价率", en: "Rated share of replied appeals" },
  "figure.appeals.trend.*.month": { zh: "诉求趋势 {item}：月份", en: "Appeal trend {item}: month" },
  "figure.appeals.trend.*.through": {
    zh: "诉求趋势 {item}：统计至",
    en: "Appeal trend {item}: through",
  },
  "figure.appeals.trend.*.suppressed": {
    zh: "诉求趋势 {item}：不予公开",
    en: "Appeal trend {item}: withheld",
  },
  "figure.appeals.trend.*.replyRate": {
    zh: "诉求趋势 {item}：答复率",
    en: "Appeal trend {item}: reply rate",
  },
  "figure.appeals.trend.*.onTimeReplyRate": {
    zh: "诉求趋势 {item}：按时答复率",
    en: "Appeal trend {item}: on-time reply rate",
  },
  "figure.appeals.trend.*.satisfactionRate": {
    zh: "诉求趋势 {item}：满意率",
    en: "Appeal trend {item}: satisfaction rate",
  },
  "figure.services.items": { zh: "政务服务事项数", en: "Service items" },
  "figure.services.oneVisitShare": { zh: "最多跑一次事项占比", en: "“At most one visit” share" },
  "figure.services.takeUpTrend.*.month": {
    zh: "网办趋势 {item}：月份",
    en: "Take-up trend {item}: month",
  },
  "figure.services.takeUpTrend.*.digitalTakeUp": {
    zh: "网办率 {item}",
    en: "Digital take-up {item}",
  },
  "figure.projects.*.code": { zh: "项目 {item}：编码", en: "Project {item}: code" },
  "figure.projects.*.name": { zh: "项目 {item}：名称", en: "Project {item}: name" },
  "figure.projects.*.stage": { zh: "项目 {item}：阶段", en: "Project {item}: stage" },
  "figure.projects.*.cpi": { zh: "项目 {item}：CPI", en: "Project {item}: CPI" },
  "figure.projects.*.spi": { zh: "项目 {item}：SPI", en: "Project {item}: SPI" },
  "figure.projects.*.outcome": {
    zh: "项目 {item}：绩效目标完成度",
    en: "Project {item}: outcome achievement",
  },
  "figure.projects.*.costBand": {
    zh: "项目 {item}：成本偏差状态",
    en: "Project {item}: cost variance status",
  },
  "figure.projects.*.scheduleBand": {
    zh: "项目 {item}：进度偏差状态",
    en: "Project {item}: schedule variance status",
  },
  "figure.projects.*.budgetBand": {
    zh: "项目 {item}：预算偏差状态",
    en: "Project {item}: budget variance status",
  },
} as const satisfies Record<`figure.${DiffFigurePattern}`, Label>;
