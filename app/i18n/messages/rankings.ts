/** Messages of the public rankings (/rankings) and of a department scorecard's rectification panel. */
export const rankings = {
  "rankings.title": { zh: "排名", en: "Rankings" },
  "rankings.lede": {
    zh: "排名只依据各项目、各部门最新发布的计分卡，未发布的数据不参与。",
    en: "Rankings use only the latest published scorecard of each project and department; nothing unpublished counts.",
  },
  "rankings.subject": { zh: "排名对象", en: "Rank" },
  "rankings.subject.projects": { zh: "项目", en: "Projects" },
  "rankings.subject.departments": { zh: "部门", en: "Departments" },
  "rankings.heading.projects": { zh: "项目排名", en: "Project ranking" },
  "rankings.heading.departments": { zh: "部门排名", en: "Department ranking" },
  "rankings.weighting.projects": {
    zh: "按评价框架 {framework} 第 {version} 版的权重：与指标挂钩的评价项以其指标计入，由评价人员打分的评价项合计以评价得分计入。",
    en: "Weighted by version {version} of the evaluation framework {framework}: criteria bound to a KPI weigh that KPI, the criteria scored by evaluators together weigh the evaluation score.",
  },
  "rankings.weighting.none": {
    zh: "尚无可用于加权的已发布评价框架，项目暂不排名。",
    en: "No published evaluation framework to weight by yet, so projects are not ranked.",
  },
  "rankings.weighting.departments": {
    zh: "部门排名指标等权：诉求答复率、按时答复率、诉求满意率、全程网办率、网办率、成本绩效指数、按期整改率。计分卡未载明的指标不计入。",
    en: "Department ranking KPIs, equally weighted: reply rate, on-time reply rate, satisfaction, service coverage, digital take-up, CPI and on-time rectification. A KPI a scorecard does not hold is left out.",
  },
  "rankings.method": {
    zh: "方法：先对各指标归一化（在比较范围内按最小–最大，或按与目标的距离），再加权平均；随后做 {draws} 次随机重新加权（每个权重乘以 0.75–1.25 之间的随机系数，并随机选择归一化方式），得到每个对象排名的中位数和 5%–95% 区间。",
    en: "Method: each indicator is normalised (min–max over the compared set, or distance to target) and the weighted mean taken; then {draws} random re-weightings (each weight times a random factor between 0.75 and 1.25, the normalisation picked at random) give each entry a median rank and a 5th–95th percentile band.",
  },
  "rankings.band.sentence": {
    zh: "在 {draws} 次重新加权中，有 90% 的情况下“{name}”排在第 {low} 至第 {high} 名之间（中位数第 {median} 名）。",
    en: "In 90 % of {draws} re-weightings, {name} ranked between {low} and {high} (median {median}).",
  },
  "rankings.band.sentenceSame": {
    zh: "在 {draws} 次重新加权中，有 90% 的情况下“{name}”都排在第 {low} 名。",
    en: "In 90 % of {draws} re-weightings, {name} ranked {low}.",
  },
  "rankings.band.explain": {
    zh: "区间越窄，排名越不受权重取舍的影响；区间相互重叠的对象，其先后并不确定。",
    en: "The narrower the band, the less the rank depends on how the weights are chosen; entries whose bands overlap are not clearly ahead of one another.",
  },
  "rankings.chart.title.projects": { zh: "项目排名区间", en: "Project rank bands" },
  "rankings.chart.title.departments": { zh: "部门排名区间", en: "Department rank bands" },
  "rankings.chart.summary": {
    zh: "每行一条横条，从第 5 百分位排名到第 95 百分位排名，圆点为排名中位数；越靠左排名越好。",
    en: "One bar per row from the 5th to the 95th percentile rank, with a dot at the median rank; further left is better.",
  },
  "rankings.chart.axis": { zh: "排名（1 为最好）", en: "Rank (1 = best)" },
  "rankings.chart.median": { zh: "排名中位数", en: "Median rank" },
  "rankings.chart.band": { zh: "5%–95% 排名区间", en: "5th–95th percentile rank band" },
  "rankings.col.rank": { zh: "排名", en: "Rank" },
  "rankings.col.name": { zh: "名称", en: "Name" },
  "rankings.col.code": { zh: "代码", en: "Code" },
  "rankings.col.score": { zh: "综合指数", en: "Composite index" },
  "rankings.col.median": { zh: "排名中位数", en: "Median rank" },
  "rankings.col.p5": { zh: "第 5 百分位排名", en: "5th percentile rank" },
  "rankings.col.p95": { zh: "第 95 百分位排名", en: "95th percentile rank" },
  "rankings.col.band": { zh: "排名区间", en: "Rank band" },
  "rankings.col.cutoff": { zh: "数据截至", en: "Data to" },
  "rankings.col.published": { zh: "发布日期", en: "Published" },
  "rankings.col.version": { zh: "版本", en: "Version" },
  "rankings.col.reason": { zh: "原因", en: "Why" },
  "rankings.bandText": { zh: "第 {low}–{high} 名", en: "{low}–{high}" },
  "rankings.bandOne": { zh: "第 {rank} 名", en: "{rank}" },
  "rankings.table.caption": {
    zh: "{heading}：排名、区间、数据截止与发布日期",
    en: "{heading}: rank, band, data cut-off and publication date",
  },
  "rankings.unranked": { zh: "未排名", en: "Not ranked" },
  "rankings.unranked.lede": {
    zh: "以下对象的已发布数据不足以排名：",
    en: "The published figures of these are not enough to rank them:",
  },
  "rankings.reason.no_figures": {
    zh: "计分卡中没有任何排名指标的数值",
    en: "its scorecard holds no value of any ranking indicator",
  },
  "rankings.reason.too_few_figures": {
    zh: "计分卡中的数值只占权重的 {share}，不足一半",
    en: "its scorecard's values carry only {share} of the weight, less than half",
  },
  "rankings.reason.not_evaluated": {
    zh: "计分卡中没有评价结果",
    en: "its scorecard has no evaluation result",
  },
  "rankings.reason.other_framework": {
    zh: "按评价框架 {framework} 第 {version} 版评价，与本排名所用版本不同",
    en: "evaluated through version {version} of framework {framework}, not the version this ranking weighs by",
  },
  "rankings.reason.framework_not_public": {
    zh: "其评价框架版本尚未发布",
    en: "its evaluation framework version is not published",
  },
  "rankings.none": { zh: "尚无已发布的计分卡。", en: "No scorecard is published yet." },
  "rankings.download": { zh: "下载数据", en: "Download the data" },
  "rankings.download.csv": { zh: "CSV 表格", en: "CSV" },
  "rankings.download.json": { zh: "JSON 数据", en: "JSON" },
  "rankings.stamp": {
    zh: "每行数据截至其计分卡的截止日期：{from} 至 {to}；发布于 {publishedFrom} 至 {publishedTo}。",
    en: "Each row's data runs to its scorecard's cut-off: {from} to {to}; published {publishedFrom} to {publishedTo}.",
  },
  "rankings.methodology": { zh: "关于本排名", en: "About this ranking" },
  /** The internal ranking's intro since the rectification rate joined its KPIs (issue #22). */
  "dashboard.rankings.introRectification": {
    zh: "综合指数：答复率、按时答复率、满意率、全程网办率、网办率、CPI 和按期整改率等权，在所比较的部门间做最小–最大标准化后算术平均。排名区间来自 1000 次抽样：每次把各权重乘以 0.75–1.25 之间的随机系数并随机选择标准化方法（最小–最大或与目标的距离），给出排名中位数和第 5–95 百分位区间。右侧列出各部门期内整改件的立案、办结和逾期未办结数。",
    en: "Composite index: reply rate, on-time reply, satisfaction, service coverage, digital take-up, CPI and on-time rectification, equally weighted, normalised min–max over the compared departments and averaged. The rank band comes from 1,000 seeded draws, each multiplying every weight by a factor in 0.75–1.25 and picking the normalisation (min–max or distance to target) at random: the median rank and the 5th–95th percentile band. The last columns count the department's rectification cases opened, closed and overdue in the period.",
  },
  "scorecards.rectification": {
    zh: "差评与督办整改",
    en: "Rectification of bad reviews and notices",
  },
  "scorecards.rectification.note": {
    zh: "期内立案、办结的整改件；按期整改率 = 在整改期限内验收关闭的 ÷ 期内关闭的。",
    en: "Rectification cases opened and closed in the period; on-time rate = closed by the deadline ÷ closed.",
  },
  "scorecards.rectification.opened": { zh: "期内立案", en: "Opened" },
  "scorecards.rectification.closed": { zh: "期内办结", en: "Closed" },
  "scorecards.rectification.onTime": { zh: "其中按期", en: "of which on time" },
  "scorecards.rectification.late": { zh: "其中逾期", en: "of which late" },
  "scorecards.rectification.rate": { zh: "按期整改率", en: "On-time rectification rate" },
  "scorecards.rectification.overdueOpen": {
    zh: "截止日逾期未办结",
    en: "Overdue open at the cut-off",
  },
  "scorecards.rectification.median": {
    zh: "办结用时中位数（工作日）",
    en: "Median working days to closure",
  },
} as const;
