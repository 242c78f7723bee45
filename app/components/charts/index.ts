/** Server-rendered D3 charts of the dashboards (issue #8); see each file for its props. */
export { ChartFrame, DEFAULT_CHART_LABELS, useHydrated } from "./chart-frame";
export type { ChartCommonProps, ChartFrameProps, ChartLabels } from "./chart-frame";
export type { ChartTable, ChartTableCell } from "./chart-table";
export { BAND_STYLES, DEFAULT_BAND_LABELS, bandText } from "./chart-theme";
export type { Band, BandLabels } from "./chart-theme";
export { Sparkline, DEFAULT_SPARKLINE_TEXT } from "./sparkline";
export type { SparklinePoint, SparklineProps, SparklineText } from "./sparkline";
export { Heatmap, DEFAULT_HEATMAP_TEXT } from "./heatmap";
export type { HeatmapCell, HeatmapColumn, HeatmapProps, HeatmapRow, HeatmapText } from "./heatmap";
export { QuadrantScatter, DEFAULT_QUADRANT_SCATTER_TEXT } from "./quadrant-scatter";
export type {
  QuadrantLabels,
  QuadrantScatterProps,
  QuadrantScatterText,
  ScatterPoint,
} from "./quadrant-scatter";
export { BarChart, DEFAULT_BAR_CHART_TEXT } from "./bar-chart";
export type { BarChartProps, BarChartText, BarDatum } from "./bar-chart";
export { GroupedBarChart } from "./grouped-bar-chart";
export type {
  GroupedBarCategory,
  GroupedBarChartProps,
  GroupedBarSeries,
  GroupedBarValue,
} from "./grouped-bar-chart";
export { LineChart, DEFAULT_LINE_CHART_TEXT } from "./line-chart";
export type { LineChartProps, LineChartText, LinePoint, LineSeries } from "./line-chart";
export { BulletChart, DEFAULT_BULLET_CHART_TEXT } from "./bullet-chart";
export type { BulletChartProps, BulletChartText, BulletIndicator } from "./bullet-chart";
export { MilestoneTimeline, DEFAULT_MILESTONE_TIMELINE_TEXT } from "./milestone-timeline";
export type {
  MilestoneTimelineProps,
  MilestoneTimelineText,
  TimelineMilestone,
} from "./milestone-timeline";
export { useChartTooltip } from "./use-chart-tooltip";
