/** Messages of the wall screen (/wall) and the home page's headline from published scorecards. */
export const wall = {
  // Home headline
  "headline.title": { zh: "已发布评分卡概览", en: "From the published scorecards" },
  "headline.lede": {
    zh: "以下数字只取自各评分卡最新发布的版本，数据截止 {cutoff}，最近一次发布于 {published}。",
    en: "These figures come only from the latest published version of each scorecard, with data up to {cutoff}; the latest was published on {published}.",
  },
  "headline.none": {
    zh: "尚未发布任何评分卡。",
    en: "No scorecard has been published yet.",
  },
  "headline.departments": { zh: "部门评分卡", en: "department scorecards" },
  "headline.projects": { zh: "项目评分卡", en: "project scorecards" },
  "headline.replyRate": { zh: "诉求答复率（部门中位数）", en: "Reply rate (median department)" },
  "headline.satisfaction": {
    zh: "诉求满意率（部门中位数）",
    en: "Satisfaction rate (median department)",
  },
  "headline.serviceRating": {
    zh: "服务好评率（部门中位数）",
    en: "Service rating satisfaction (median department)",
  },
  "headline.counted": {
    zh: "计入 {counted} 个部门；{withheld} 个因样本少于 5 不予公布，{noData} 个无数据，均未计入。",
    en: "Over {counted} departments; {withheld} withheld (fewer than 5) and {noData} with no data are left out.",
  },
  "headline.bands": { zh: "项目成本与进度状态", en: "Projects' cost and schedule status" },
  "headline.bands.caption": {
    zh: "已发布项目的 CPI、SPI 按目标分档的项目数",
    en: "Published projects by the band of their CPI and SPI against target",
  },
  "headline.bands.col": { zh: "指标", en: "Index" },
  "headline.latest": { zh: "最新发布", en: "Latest publications" },
  "headline.latest.entry": {
    zh: "第 {version} 版 · 数据截止 {cutoff} · {published} 发布",
    en: "version {version} · data to {cutoff} · published {published}",
  },
  "headline.subject.project": { zh: "项目", en: "Project" },
  "headline.subject.department": { zh: "部门", en: "Department" },
  "headline.explore": { zh: "进一步了解", en: "Explore" },
  "headline.link.rankings": { zh: "排名与排名区间", en: "Rankings with rank bands" },
  "headline.link.compare": { zh: "并排比较", en: "Compare side by side" },
  "headline.link.methodology": { zh: "方法说明", en: "Methodology" },
  "headline.link.wall": { zh: "大厅展示屏", en: "Wall screen for service halls" },

  // Wall
  "wall.title": { zh: "政务服务绩效公示", en: "Public service performance" },
  "wall.position": { zh: "第 {n} / {count} 屏", en: "Screen {n} of {count}" },
  "wall.next": { zh: "下一屏", en: "Next screen" },
  "wall.stamp": {
    zh: "数据截止 {cutoff} · {published} 发布",
    en: "Data to {cutoff} · published {published}",
  },
  "wall.stampRange": {
    zh: "数据截止 {cutoff} · 最近发布 {published}",
    en: "Data to {cutoff} · latest published {published}",
  },
  "wall.headline": { zh: "已发布评分卡", en: "Published scorecards" },
  "wall.department": { zh: "{name}", en: "{name}" },
  "wall.period": { zh: "统计期 {from} 至 {to}", en: "Period {from} to {to}" },
  "wall.ratings": { zh: "群众好差评", en: "Citizens' service ratings" },
  "wall.ratings.mean": { zh: "平均分", en: "Mean rating" },
  "wall.ratings.satisfaction": { zh: "好评率", en: "Satisfied" },
  "wall.ratings.rated": { zh: "评价数", en: "Ratings" },
  "wall.ratings.col": { zh: "部门", en: "Department" },
  "wall.publications": { zh: "最新发布的评分卡", en: "Latest published scorecards" },
  "wall.none": {
    zh: "尚未发布评分卡。发布后，这里将轮流展示各部门的绩效。",
    en: "No scorecard has been published yet. Once one is, this screen shows each department's performance in turn.",
  },
  "wall.dateRange": { zh: "{from} 至 {to}", en: "{from} – {to}" },
  "wall.withheld": { zh: "不予公布", en: "withheld" },
  "wall.withheldNote": {
    zh: "不予公布：有的分值评价少于 5 条，为保护个人，能据以推算出这些条数的平均分或好评率不公布（小数抑制）。",
    en: "Withheld: some score was given fewer than 5 times, so to protect individuals a mean or share that would let anyone work those counts out is not published (small-count suppression).",
  },
  "wall.target": { zh: "目标 {target}", en: "target {target}" },
} as const satisfies Record<string, { zh: string; en: string }>;
