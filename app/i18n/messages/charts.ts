/**
 * Words of the D3 charts (app/components/charts) on the dashboards: table headers, legend
 * and status words and the sentences that summarise a chart, both languages side by side.
 * Band words and quadrant names are the dashboard's (dashboard.band.*, dashboard.quadrant.*).
 */
export const charts = {
  "charts.heatmap.rowHeader": { zh: "部门", en: "Department" },
  "charts.heatmap.summary": {
    zh: "{rows} × {columns} 格：未达标 {red}，预警 {amber}，达标 {green}，无数据 {none}。",
    en: "{rows} × {columns} cells: {red} off target, {amber} watch, {green} on target, {none} no data.",
  },

  "charts.quadrant.pointHeader": { zh: "项目", en: "Project" },
  "charts.quadrant.bandHeader": { zh: "状态", en: "Status" },
  "charts.quadrant.summary": {
    zh: "已绘制 {plotted} 个。{counts}。",
    en: "{plotted} plotted. {counts}.",
  },
  "charts.quadrant.count": { zh: "{label} {count} 个", en: "{label}: {count}" },
  "charts.quadrant.notPlotted": {
    zh: "未绘制（缺少数据）：{names}。",
    en: "Not plotted (no data): {names}.",
  },

  "charts.bar.bandHeader": { zh: "状态", en: "Status" },
  "charts.bar.summary": {
    zh: "{count} 类，合计 {total}，最高：{label}（{value}）。",
    en: "{count} categories, total {total}; highest: {label} ({value}).",
  },

  "charts.line.summary": {
    zh: "{label}：{firstX} {first} → {lastX} {last}。",
    en: "{label}: {firstX} {first} → {lastX} {last}.",
  },

  "charts.bullet.indicator": { zh: "指标", en: "Indicator" },
  "charts.bullet.baseline": { zh: "基期", en: "Baseline" },
  "charts.bullet.target": { zh: "目标", en: "Target" },
  "charts.bullet.actual": { zh: "实际", en: "Actual" },
  "charts.bullet.direction": { zh: "方向", en: "Direction" },
  "charts.bullet.achievement": { zh: "完成度", en: "Achievement" },
  "charts.bullet.higher": { zh: "越高越好", en: "Higher is better" },
  "charts.bullet.lower": { zh: "越低越好", en: "Lower is better" },
  "charts.bullet.rangeWorse": { zh: "差于基期", en: "Worse than baseline" },
  "charts.bullet.rangeProgress": { zh: "基期至目标", en: "Baseline to target" },
  "charts.bullet.rangeMet": { zh: "达到目标", en: "Target met" },
  "charts.bullet.summary": {
    zh: "{total} 项指标中 {met} 项达到目标。",
    en: "{met} of {total} indicators met their target.",
  },
  "charts.bullet.summaryNoData": {
    zh: "{total} 项指标中 {met} 项达到目标，{noData} 项无数据。",
    en: "{met} of {total} indicators met their target; {noData} without data.",
  },

  "charts.timeline.milestone": { zh: "里程碑", en: "Milestone" },
  "charts.timeline.planned": { zh: "计划", en: "Planned" },
  "charts.timeline.actual": { zh: "实际", en: "Actual" },
  "charts.timeline.forecast": { zh: "预计", en: "Forecast" },
  "charts.timeline.slip": { zh: "偏差", en: "Slip" },
  "charts.timeline.status": { zh: "状态", en: "Status" },
  "charts.timeline.done": { zh: "已完成", en: "Done" },
  "charts.timeline.open": { zh: "未完成", en: "Open" },
  "charts.timeline.overdue": { zh: "逾期", en: "Overdue" },
  "charts.timeline.cutOff": { zh: "截止", en: "Cut-off" },
  "charts.timeline.slipDays": { zh: "{days} 天", en: "{days} days" },
  "charts.timeline.slipDay": { zh: "{days} 天", en: "{days} day" },
  "charts.timeline.summary": {
    zh: "{total} 个里程碑，已完成 {completed}，延误 {late}，逾期 {overdue}。",
    en: "{total} milestones: {completed} done, {late} late, {overdue} overdue.",
  },
  "charts.timeline.summarySlip": {
    zh: "{total} 个里程碑，已完成 {completed}，延误 {late}，逾期 {overdue}；最大偏差：{label}（{slip}）。",
    en: "{total} milestones: {completed} done, {late} late, {overdue} overdue; largest slip: {label} ({slip}).",
  },

  // The sparkline puts "{label}: " before it, so no colons here in Chinese.
  "charts.sparkline.describe": {
    zh: "{firstX} {first} → {lastX} {last}",
    en: "{firstX}: {first} → {lastX}: {last}",
  },
  "charts.noData": { zh: "暂无数据", en: "No data" },
  "charts.table": { zh: "数据表", en: "Data table" },
} as const satisfies Record<string, { zh: string; en: string }>;
