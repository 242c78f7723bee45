/**
 * Messages of the public methodology page (/methodology): the framework, every KPI's
 * definition (following DESIGN.md "KPI definitions"), targets, data sources and the
 * small-count suppression rule.
 */
export const methodology = {
  "methodology.title": { zh: "方法说明", en: "Methodology" },
  "methodology.lede": {
    zh: "公开评分卡上每个数字的来历：评价框架与权重、各项指标的计算公式、目标值、数据来源，以及为保护个人而不予公布小数字的规则。",
    en: "Where every figure on a published scorecard comes from: the evaluation framework and its weights, how each KPI is computed, the targets, the data sources, and the rule that withholds small counts to protect individuals.",
  },
  "methodology.contents": { zh: "目录", en: "Contents" },
  "methodology.link": { zh: "方法说明", en: "Methodology" },
  "methodology.linkTitle": { zh: "“{name}”的定义", en: "How “{name}” is defined" },

  // Framework
  "methodology.framework": { zh: "评价框架与权重", en: "Evaluation framework and weights" },
  "methodology.framework.none": {
    zh: "尚未发布评价框架。",
    en: "No evaluation framework has been published yet.",
  },
  "methodology.framework.heading": {
    zh: "{name}（{code}，第 {version} 版，{published} 发布）",
    en: "{name} ({code}, version {version}, published {published})",
  },
  "methodology.framework.explain": {
    zh: "框架由维度和指标（评价项）组成，每一层的权重之和为 1。实际权重是从顶层到该节点路径上各权重的乘积，即该项在项目总分中所占的份额；各评价项的实际权重之和为 1。项目得分 = Σ 实际权重 × 评价项得分。",
    en: "A framework is a tree of dimensions and criteria; the weights of each level sum to 1. A node's effective weight is the product of the weights on its path from the top: the share of the project score it carries. The criteria's effective weights sum to 1, and the project score = Σ effective weight × criterion score.",
  },
  "methodology.framework.versions": { zh: "已发布的框架版本", en: "Published framework versions" },
  "methodology.framework.version": { zh: "{code} 第 {version} 版", en: "{code} version {version}" },
  "methodology.framework.viewing": { zh: "（正在查看）", en: "(shown)" },
  "methodology.framework.tree": {
    zh: "维度、评价项与权重",
    en: "Dimensions, criteria and weights",
  },
  "methodology.col.code": { zh: "编码", en: "Code" },
  "methodology.col.node": { zh: "维度／评价项", en: "Dimension / criterion" },
  "methodology.col.kind": { zh: "层级", en: "Level" },
  "methodology.col.weight": { zh: "本层权重", en: "Weight in its level" },
  "methodology.col.effective": { zh: "实际权重", en: "Effective weight" },
  "methodology.col.scoring": { zh: "评分方式", en: "Scored by" },
  "methodology.col.range": { zh: "分值范围", en: "Score range" },
  "methodology.kind.dimension": { zh: "维度", en: "Dimension" },
  "methodology.kind.criterion": { zh: "评价项", en: "Criterion" },
  "methodology.scoring.evaluator": { zh: "第三方评估人员评分", en: "Third-party evaluators" },
  "methodology.scoring.kpi": { zh: "计算指标：{kpi}", en: "Computed KPI: {kpi}" },
  "methodology.rubric": { zh: "评分细则（评分档次）", en: "Rubric levels" },
  "methodology.rubric.of": { zh: "{code} {name}", en: "{code} {name}" },
  "methodology.rubric.level": { zh: "{label}：{min}–{max} 分", en: "{label}: {min}–{max}" },
  "methodology.rubric.none": { zh: "无评分档次", en: "No rubric levels" },

  // KPI definitions
  "methodology.kpis": { zh: "指标定义", en: "KPI definitions" },
  "methodology.kpis.explain": {
    zh: "比率的分母为 0 时显示“无数据”，从不显示为 0% 或 100%。同比变化：数量和金额为相对变化（今年 − 去年）/ 去年，比率为百分点差（今年 − 去年）。工作日依据工作日历：周六、周日和法定节假日休息，调休上班日工作。",
    en: "A rate whose denominator is 0 is “no data”, never 0 % or 100 %. Year-on-year change is relative for counts and amounts ((this − last) / last) and in percentage points for rates (this − last). Working days follow the calendar: Saturdays, Sundays and official holidays are off, adjusted working days (调休) are on.",
  },
  "methodology.group.appeals": {
    zh: "诉求（12345 热线等渠道），按受理时间落在统计期内的诉求计算",
    en: "Appeals (12345 hotline and other channels), over the appeals received in the period",
  },
  "methodology.group.ratings": { zh: "好差评", en: "Citizen ratings (好差评)" },
  "methodology.group.services": {
    zh: "政务服务（按部门或地区；统计数据按月）",
    en: "Public services (per department or region; statistics are monthly)",
  },
  "methodology.group.projects": {
    zh: "电子政务项目（挣值法，以数据截止日为准）",
    en: "E-government projects (earned value, at the data cut-off)",
  },
  "methodology.group.evaluation": { zh: "第三方评价", en: "Third-party evaluation" },
  "methodology.group.ranking": { zh: "综合指数与排名", en: "Composite index and ranking" },
  "methodology.group.supervision": { zh: "整改闭环", en: "Rectification (closing the loop)" },
  "methodology.target": { zh: "目标值：{target}", en: "Target: {target}" },
  "methodology.kpiKey": { zh: "指标键：{key}", en: "Key: {key}" },

  "methodology.kpi.received.name": { zh: "受理诉求量", en: "Appeals received" },
  "methodology.kpi.received.formula": {
    zh: "受理量 = 受理时间落在统计期内（本地日期，含首尾两日）的诉求数；日均 = 受理量 / 统计期日历天数；同比为相对变化。",
    en: "Received = the number of appeals whose received time falls in the period (local dates, both ends inclusive); per day = received / calendar days in the period; year-on-year change is relative.",
  },
  "methodology.kpi.reply_rate.name": { zh: "诉求答复率", en: "Reply rate" },
  "methodology.kpi.reply_rate.formula": {
    zh: "答复率 = 已答复（有答复时间记录）的诉求数 / 受理量。",
    en: "Reply rate = appeals replied (a reply time is recorded) / appeals received.",
  },
  "methodology.kpi.on_time_reply_rate.name": { zh: "按时答复率", en: "On-time reply rate" },
  "methodology.kpi.on_time_reply_rate.formula": {
    zh: "按时答复率 = 不晚于截止时间答复的诉求数 / 受理量。截止时间为诉求的 due_at；未给出时为受理日之后第 N 个工作日的结束时刻（当地 23:59:59.999），受理当日不计，N 为该诉求类型的答复时限（默认 5 个工作日）。恰好在截止时间答复算按时。",
    en: "On-time reply rate = appeals replied no later than the due time / appeals received. The due time is the appeal's due_at when given; otherwise the end (23:59:59.999 local) of the N-th working day after the day of receipt, which itself never counts (N = the reply time limit of the appeal's type, default 5). A reply exactly at the due time is on time.",
  },
  "methodology.kpi.first_contact_rate.name": { zh: "及时联系率", en: "First-contact rate" },
  "methodology.kpi.first_contact_rate.formula": {
    zh: "及时联系率 = 首次联系时间不晚于受理日之后第 1 个工作日结束时刻的诉求数 / 受理量；若统计范围内没有任何诉求记录了首次联系时间，则为“无数据”。",
    en: "First-contact rate = appeals first contacted no later than the end of the 1st working day after the day of receipt / appeals received; “no data” when no appeal in the set has a first-contact time.",
  },
  "methodology.kpi.median_reply_working_days.name": {
    zh: "答复用时中位数（工作日）",
    en: "Median reply time (working days)",
  },
  "methodology.kpi.median_reply_working_days.formula": {
    zh: "每件诉求的答复用时 = 受理日之后、至答复日（含）为止的工作日数（受理当日答复为 0）；取已答复诉求的中位数，个数为偶数时取中间两个值的平均。",
    en: "An appeal's reply time = the number of working days after the day of receipt up to and including the day of reply (0 when replied on the day of receipt); the median over replied appeals (an even count takes the mean of the two middle values).",
  },
  "methodology.kpi.satisfaction_rate.name": { zh: "诉求满意率", en: "Satisfaction rate" },
  "methodology.kpi.satisfaction_rate.formula": {
    zh: "满意率 = 自身满意度为 4 或 5 分的诉求数 / 有满意度评价的诉求数；平均分为有评价诉求的满意度平均值。",
    en: "Satisfaction rate = appeals whose own satisfaction is 4 or 5 / appeals with a satisfaction value (rated); the mean rating is the mean over rated appeals.",
  },
  "methodology.kpi.bad_review_rate.name": { zh: "差评率", en: "Bad-review rate" },
  "methodology.kpi.bad_review_rate.formula": {
    zh: "差评率 = 满意度为 1 或 2 分的诉求数 / 有满意度评价的诉求数。",
    en: "Bad-review rate (差评率) = appeals with satisfaction 1 or 2 / appeals rated.",
  },
  "methodology.kpi.rated_share.name": { zh: "诉求评价率", en: "Rated share" },
  "methodology.kpi.rated_share.formula": {
    zh: "评价率 = 有满意度评价的已答复诉求数 / 已答复诉求数。与每个满意率并列显示，避免把少数评价得出的比率误读为强有力的结论。",
    en: "Rated share = replied appeals with a satisfaction value / replied appeals. Shown beside every satisfaction figure, so a rate from few ratings is never mistaken for a strong one.",
  },
  "methodology.kpi.service_rating.name": {
    zh: "服务评价（好差评）",
    en: "Service rating (好差评)",
  },
  "methodology.kpi.service_rating.formula": {
    zh: "市民对政务服务事项和已发布项目的 1–5 分评价单独统计，与诉求满意度互不混合：满意率 = 4 或 5 分的评价数 / 评价总数；差评率 = 1 或 2 分的评价数 / 评价总数；平均分 = 评价分数的平均值。申诉成立的评价不计入。",
    en: "Citizens' 1–5 ratings of service items and published projects are counted on their own, never mixed with appeals: satisfaction = ratings of 4 or 5 / ratings; bad-review rate = ratings of 1 or 2 / ratings; mean rating = the mean score. A rating withdrawn by an upheld appeal does not count.",
  },
  "methodology.kpi.service_coverage.name": { zh: "全程网办率", en: "Service coverage" },
  "methodology.kpi.service_coverage.formula": {
    zh: "全程网办率 = 成熟度 ≥ 3（全程网办或主动、跨部门办理）的事项数 / 全部事项数。",
    en: "Service coverage = items at maturity ≥ 3 (full online processing, or proactive / integrated across departments) / all items.",
  },
  "methodology.kpi.high_frequency_coverage.name": {
    zh: "高频事项全程网办率",
    en: "High-frequency coverage",
  },
  "methodology.kpi.high_frequency_coverage.formula": {
    zh: "同全程网办率，仅计高频事项：成熟度 ≥ 3 的高频事项数 / 高频事项数。",
    en: "Service coverage for high-frequency items only: high-frequency items at maturity ≥ 3 / high-frequency items.",
  },
  "methodology.kpi.one_visit_share.name": {
    zh: "最多跑一次事项占比",
    en: "“At most one visit” share",
  },
  "methodology.kpi.one_visit_share.formula": {
    zh: "最多跑一次占比 = 标记为“最多跑一次”的事项数 / 全部事项数。",
    en: "One-visit share = items marked “at most one visit” (最多跑一次) / all items.",
  },
  "methodology.kpi.digital_take_up.name": { zh: "网办率", en: "Digital take-up" },
  "methodology.kpi.digital_take_up.formula": {
    zh: "网办率 = Σ 网上办件量 / Σ 办件量，只计同时报送两项的统计行；日期范围取其首日所在月至末日所在月的每个月。",
    en: "Digital take-up = Σ online transactions / Σ transactions, over the statistics rows that report both; a range of dates takes every month from the month of its first day through the month of its last day.",
  },
  "methodology.kpi.on_time_completion.name": { zh: "按时办结率", en: "On-time completion" },
  "methodology.kpi.on_time_completion.formula": {
    zh: "按时办结率 = Σ 承诺时限内办结量 / Σ 办结量，只计同时报送两项的统计行。",
    en: "On-time completion = Σ completed within the promised time limit / Σ completed, over the rows that report both.",
  },
  "methodology.kpi.earned_value.name": {
    zh: "BAC、PV、AC、EV（挣值）",
    en: "BAC, PV, AC and EV (earned value)",
  },
  "methodology.kpi.earned_value.formula": {
    zh: "BAC = 批复预算；PV = 截至数据截止日的计划支出（期间在截止日或之前结束的预算行）；AC = 截至截止日的实际支出；EV = BAC × 已完成里程碑权重之和 / 全部里程碑权重之和（实际日期在截止日或之前的里程碑算完成）。没有里程碑或权重之和为 0 的项目 EV 为“无数据”。",
    en: "BAC = the approved budget; PV = planned spend to the cut-off (budget lines whose period ends on or before it); AC = actual spend to the cut-off; EV = BAC × (Σ weights of completed milestones) / (Σ weights of all milestones), a milestone being completed when its actual date is on or before the cut-off. A project without milestones, or whose weights sum to 0, has EV “no data”.",
  },
  "methodology.kpi.budget_execution.name": { zh: "预算执行率", en: "Budget execution" },
  "methodology.kpi.budget_execution.formula": {
    zh: "预算执行率 = AC / PV。多个项目合计时先分别求和再相除，只计 PV > 0 的项目。",
    en: "Budget execution = AC / PV. Over several projects the sums are taken first, then the ratio, over the projects with PV > 0.",
  },
  "methodology.kpi.cpi.name": { zh: "成本绩效指数 CPI", en: "Cost performance index (CPI)" },
  "methodology.kpi.cpi.formula": {
    zh: "CPI = EV / AC；大于 1 表示花的钱少于完成的工作所值。多个项目合计时只计 EV 已知的项目。",
    en: "CPI = EV / AC; above 1, the work done is worth more than was spent on it. Over several projects, only those whose EV is known count.",
  },
  "methodology.kpi.spi.name": { zh: "进度绩效指数 SPI", en: "Schedule performance index (SPI)" },
  "methodology.kpi.spi.formula": {
    zh: "SPI = EV / PV；小于 1 表示进度落后于计划。多个项目合计时只计 EV 已知的项目。",
    en: "SPI = EV / PV; below 1, the work is behind plan. Over several projects, only those whose EV is known count.",
  },
  "methodology.kpi.variances.name": { zh: "偏差与状态分档", en: "Variances and status bands" },
  "methodology.kpi.variances.formula": {
    zh: "成本偏差 % = (EV − AC) / EV；进度偏差 % = (EV − PV) / PV；预算偏差 % = (PV − AC) / PV（计划与实际之比，没有里程碑时也可用）。状态分档参照美国联邦 IT Dashboard：偏差按四舍五入（远离零）保留 4 位小数后，|v| < 10% 为绿，10% ≤ |v| < 30% 为黄，≥ 30% 为红；偏差无数据时分档也无数据。状态总以文字标明，不仅靠颜色。",
    en: "Cost variance % = (EV − AC) / EV; schedule variance % = (EV − PV) / PV; budget variance % = (PV − AC) / PV (plan against actual, usable where no milestones are recorded). Bands as on the US Federal IT Dashboard, on the variance rounded half away from zero to 4 decimals: |v| < 10 % green, 10 % ≤ |v| < 30 % amber, ≥ 30 % red; “no data” where the variance is. A band is always written out, never shown by colour alone.",
  },
  "methodology.kpi.schedule_slip.name": { zh: "进度延误", en: "Schedule slip" },
  "methodology.kpi.schedule_slip.formula": {
    zh: "项目进度延误 = 各里程碑（实际日期，无则预计日期）− 计划日期中的最大值，以日历天计。",
    en: "A project's schedule slip = the largest (actual, else forecast) − planned date of its milestones, in calendar days.",
  },
  "methodology.kpi.outcome_achievement.name": { zh: "绩效目标完成度", en: "Outcome achievement" },
  "methodology.kpi.outcome_achievement.formula": {
    zh: "每个绩效指标的完成度 = (实际值 − 基期值) / (目标值 − 基期值)，实际值取截止日前最近一期；该公式已涵盖“越低越好”的指标（目标值 < 基期值），限制在 [0, 1.2]；目标值等于基期值时，实际值不差于目标为 1，否则为 0。项目完成度 = 各指标完成度的加权平均（未给权重时等权）。",
    en: "Per indicator, achievement = (actual − baseline) / (target − baseline), with actual the latest period's value up to the cut-off; the formula already covers “lower is better” (target < baseline), clamped to [0, 1.2]; when target = baseline it is 1 if the actual is at least as good as the target, else 0. A project's outcome = the weighted mean over its indicators (equal weights where none are given).",
  },
  "methodology.kpi.forecast_at_completion.name": {
    zh: "完工预测（EAC）",
    en: "Forecast at completion (EAC)",
  },
  "methodology.kpi.forecast_at_completion.formula": {
    zh: "EAC = BAC / CPI；预测超支 = (EAC − BAC) / BAC，按偏差同样分档，提前显示正走向红档的项目。",
    en: "EAC = BAC / CPI, and the forecast overrun = (EAC − BAC) / BAC, banded like a variance, so a project heading for the red band shows before it gets there.",
  },
  "methodology.kpi.evaluation_score.name": { zh: "评价得分", en: "Evaluation score" },
  "methodology.kpi.evaluation_score.formula": {
    zh: "评价项得分 = 已提交的各评估人员评分的平均值；与计算指标绑定的评价项取该指标的值；项目得分 = 按评价框架树的加权和（见上方实际权重）。评分卡注明所用的评价轮次和框架版本。",
    en: "Criterion score = the mean of the submitted evaluator scores (a criterion bound to a computed KPI takes that KPI's value); project score = the weighted sum over the framework tree (see the effective weights above). The scorecard states the round and framework version used.",
  },
  "methodology.kpi.icc.name": {
    zh: "评估人员一致性（ICC）",
    en: "Agreement between evaluators (ICC)",
  },
  "methodology.kpi.icc.formula": {
    zh: "ICC(2,1)（双向随机效应、绝对一致、单一评估人，Shrout & Fleiss），按评价轮次和评价项、在该评价项所有评估人员都打过分的项目上计算；少于 2 个这样的项目或 2 名评估人员时为“无数据”。同一项目上某评价项的最高分与最低分之差超过设定阈值时，提交复核。",
    en: "ICC(2,1) (two-way random effects, absolute agreement, single rater; Shrout & Fleiss) per round and criterion, over the projects scored by every evaluator of that criterion; “no data” with fewer than 2 such projects or 2 evaluators. A criterion whose scores on a project range (max − min) more than a set threshold is flagged for moderation.",
  },
  "methodology.kpi.composite_index.name": {
    zh: "综合指数与排名区间",
    en: "Composite index and rank bands",
  },
  "methodology.kpi.composite_index.formula": {
    zh: "各指标先归一化（在比较范围内最小–最大归一，或按与目标的距离：越高越好取 min(值 / 目标, 1)，越低越好取 min(目标 / 值, 1)），再按评价框架的权重算术加权汇总（可选几何汇总）。不确定性：以固定种子抽样 1,000 次，每次把每个权重乘以 [0.75, 1.25] 内的均匀随机因子并重新归一，并随机选取归一化方法，得出每个对象的排名中位数和第 5–95 百分位排名区间（次序统计量间线性插值），与每个排名并列显示。区间越宽，排名越取决于权重的取舍。",
    en: "Indicators are normalised (min–max over the compared set, or distance to target: min(value / target, 1) where higher is better, min(target / value, 1) where lower is), weighted by the framework and aggregated arithmetically (geometric as an option). Uncertainty: 1,000 seeded draws, each multiplying every weight by a uniform factor in [0.75, 1.25] and renormalising, and picking the normalisation at random, give each entity a median rank and a 5th–95th percentile rank band (linear interpolation between order statistics), shown beside every ranking. The wider the band, the more a rank depends on how the weights are chosen.",
  },
  "methodology.kpi.rectification_on_time_rate.name": {
    zh: "整改按时办结率",
    en: "Rectification on-time rate",
  },
  "methodology.kpi.rectification_on_time_rate.formula": {
    zh: "每条差评（1–2 分）和每个红色预警都开立整改案件，期限为开立日之后第 N 个工作日（差评默认 5，督办通知默认 15）。按时办结率 = 统计期内验收办结、且不晚于期限的案件数 / 统计期内办结的案件数；期限已过而未验收的案件为逾期。",
    en: "Each bad review (rating 1–2) and each red flag opens a rectification case, due on the N-th working day after it opened (defaults: 5 for bad reviews, 15 for supervision notices). On-time rate = cases accepted and closed in the period no later than their deadline / cases closed in the period; a case whose deadline passes before acceptance is overdue.",
  },

  // Targets
  "methodology.targets": { zh: "目标值", en: "Targets" },
  "methodology.targets.explain": {
    zh: "每项指标的目标值和状态分档界限由本系统管理员设定；评分卡发布时记录当时的目标值，此后不再改变。下表为当前设定。",
    en: "Each KPI's target and band edges are set by this deployment's administrator; a scorecard records the targets in force when it was published, and never changes afterwards. The table shows the current settings.",
  },
  "methodology.targetName.service_rating_satisfaction": {
    zh: "服务评价满意率（好差评）",
    en: "Service rating: satisfaction (好差评)",
  },
  "methodology.col.kpi": { zh: "指标", en: "KPI" },
  "methodology.col.target": { zh: "目标（绿档）", en: "Target (green)" },
  "methodology.col.amber": { zh: "黄档界限", en: "Amber band edge" },
  "methodology.amber.at_least": {
    zh: "≥ {value} 为黄，低于为红",
    en: "amber from {value}, red below",
  },
  "methodology.amber.at_most": {
    zh: "≤ {value} 为黄，高于为红",
    en: "amber up to {value}, red above",
  },
  "methodology.amber.between": {
    zh: "{from} – {to} 为黄，范围外为红",
    en: "amber within {from} – {to}, red outside",
  },
  "methodology.amber.none": { zh: "未设黄档", en: "no amber band" },

  // Data sources
  "methodology.sources": { zh: "数据来源", en: "Data sources" },
  "methodology.sources.explain": {
    zh: "各部门按下列类别导入数据（CSV 或 Excel）。每行数据都记录其导入批次，可整批撤回。来电人的姓名、电话、身份证号等个人信息在导入时即被删除或替换为不可逆的密钥散列，从不明文保存。",
    en: "Departments import their data by the kinds below (CSV or Excel). Every row keeps the batch it came in, so a batch can be reverted. Callers' names, phone numbers and ID numbers are dropped at import or replaced by a keyed hash; they are never stored in clear.",
  },
  "methodology.col.source": { zh: "导入类别", en: "Import kind" },
  "methodology.col.holds": { zh: "内容", en: "What it holds" },
  "methodology.source.regions": {
    zh: "行政区划：编码、名称、层级（省、市、县）、上级区划。",
    en: "Regions: code, name, level (province, city, county), parent region.",
  },
  "methodology.source.departments": {
    zh: "部门：编码、名称、所属区划、上级部门。",
    en: "Departments: code, name, region, parent department.",
  },
  "methodology.source.projects": {
    zh: "电子政务项目：编码、名称、建设单位、类别、资金来源、阶段、批复金额（BAC）、计划起止日期、目标用户数。",
    en: "E-government projects: code, name, department, category, funding source, stage, approved budget (BAC), planned start and end, target users.",
  },
  "methodology.source.budget-lines": {
    zh: "预算行：项目、月份、支出类别、计划金额、实际支出（PV 和 AC 的来源）。",
    en: "Budget lines: project, month, cost category, planned amount, actual spend (the source of PV and AC).",
  },
  "methodology.source.milestones": {
    zh: "里程碑：项目、名称、阶段、权重、计划／实际／预计日期（EV 和进度延误的来源）。",
    en: "Milestones: project, name, stage, weight, planned / actual / forecast date (the source of EV and schedule slip).",
  },
  "methodology.source.outcome-indicators": {
    zh: "绩效目标：项目、指标编码、名称、单位、方向、基期值、目标值、权重。",
    en: "Outcome indicators: project, code, name, unit, direction, baseline, target, weight.",
  },
  "methodology.source.outcome-values": {
    zh: "绩效指标实际值：项目、指标、月份、实际值。",
    en: "Outcome values: project, indicator, month, actual value.",
  },
  "methodology.source.service-items": {
    zh: "政务服务事项：编码、名称、实施部门、成熟度（0–4）、最多跑一次、高频事项、承诺时限。",
    en: "Service items: code, name, department, maturity (0–4), at most one visit, high frequency, promised time limit.",
  },
  "methodology.source.service-stats": {
    zh: "服务统计：事项、月份、办件量、网办量、办结量、按时办结量。",
    en: "Service statistics: item, month, transactions, online, completed, completed on time.",
  },
  "methodology.source.appeals": {
    zh: "诉求：工单编号、渠道、承办部门、类型、分类、受理／首次联系／答复／办结／截止时间、满意度（1–5）；不含来电人个人信息。",
    en: "Appeals: ticket id, channel, department, type, category, received / first contact / replied / closed / due times, satisfaction (1–5); no personal data of the caller.",
  },
  "methodology.source.ratings": {
    zh: "好差评：评价编号、对象（事项或项目）、评分（1–5）、渠道、时间、评价内容（经审核和脱敏后才可能公开）。",
    en: "Ratings (好差评): id, target (service item or project), score (1–5), channel, time, comment (published only after moderation and scrubbing).",
  },
  "methodology.source.calendar": {
    zh: "工作日历：日期、是否工作日、名称（法定节假日和调休）。",
    en: "Calendar: date, working day or not, name (official holidays and adjusted working days).",
  },

  // Suppression
  "methodology.suppression": { zh: "小数抑制规则", en: "Small-count suppression" },
  "methodology.suppression.why": {
    zh: "1–4 这样的小数字可能指向具体的人（例如某个小窗口唯一的一件投诉），所以公开页面、CSV、JSON 和接口中一律不公布，并标为“不予公布”。规则对每个一维分组（如按评分、按诉求类型）适用，阈值为 {threshold}：",
    en: "A count of 1–4 can point at a person (the one complaint about a small office), so pages, CSV, JSON and the API never publish one; it is marked “withheld”. The rule applies to every one-dimensional breakdown (ratings per score, appeals per type), with a threshold of {threshold}:",
  },
  "methodology.suppression.primary": {
    zh: "1 ≤ 数值 < {threshold} 的格子不予公布；0 照常公布（空格子不涉及任何人）。",
    en: "every cell with 1 ≤ count < {threshold} is withheld; zeros are shown (an empty cell holds nobody).",
  },
  "methodology.suppression.total": {
    zh: "合计在 1 到 {below} 之间时，所有非零格子和合计都不予公布。",
    en: "when the total is between 1 and {below}, every non-zero cell and the total are withheld.",
  },
  "methodology.suppression.complementary": {
    zh: "互补抑制：只要还能由合计和公布的格子推算出隐藏的格子（只隐藏了一个格子，或隐藏的格子都只能是 1），就再隐藏一个公布中的最小非零格子；没有可隐藏的格子时隐藏合计。",
    en: "complementary suppression: while a hidden cell can still be worked out from the total and the cells shown (one hidden cell, or hidden cells that must all be 1), the smallest non-zero cell still shown is withheld too; when none is left, the total is.",
  },
  "methodology.suppression.derived": {
    zh: "由被抑制的分组推算出的数字一并不予公布：评分有格子被隐藏时，平均分也隐藏，满意率或差评率只在其所含分值把隐藏的格子分开（能据以推算出其中一格）时隐藏；基于 1–4 件诉求或评价的比率不予公布；只有 1–4 件诉求的月份整月不予公布。",
    en: "A figure derived from a suppressed breakdown goes with it: when a score cell is hidden, the mean rating is too, and the satisfaction or bad-review rate is withheld when its scores would split the hidden cells (telling some of them apart); a rate over 1–4 appeals or ratings is withheld; a month with 1–4 appeals is withheld whole.",
  },
} as const;
