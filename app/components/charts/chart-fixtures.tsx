/**
 * Sample data for every chart: used by the component tests and by
 * tests/visual/render-charts.tsx, which renders them all for screenshots and axe.
 */
import type { ReactElement } from "react";
import { BarChart, type BarDatum } from "./bar-chart";
import { BulletChart, type BulletIndicator } from "./bullet-chart";
import { Heatmap, type HeatmapColumn, type HeatmapRow } from "./heatmap";
import { LineChart, type LineSeries } from "./line-chart";
import { MilestoneTimeline, type TimelineMilestone } from "./milestone-timeline";
import { QuadrantScatter, type ScatterPoint } from "./quadrant-scatter";
import { Sparkline, type SparklinePoint } from "./sparkline";
import type { Band } from "./chart-theme";

export const percent = (v: number) => `${(v * 100).toFixed(1)} %`;
export const wan = (v: number) =>
  `${(v / 10_000).toLocaleString("zh-CN", { maximumFractionDigits: 0 })} 万`;

export const SAMPLE_SPARKLINE: SparklinePoint[] = [
  { x: "2024-01", y: 0.962 },
  { x: "2024-02", y: 0.971 },
  { x: "2024-03", y: null },
  { x: "2024-04", y: 0.958 },
  { x: "2024-05", y: 0.983 },
  { x: "2024-06", y: 0.991 },
];

export const SAMPLE_HEATMAP_COLUMNS: HeatmapColumn[] = [
  { key: "replyRate", label: "回复率 Reply rate", format: percent },
  { key: "onTime", label: "按时回复率 On-time reply", format: percent },
  { key: "satisfaction", label: "满意率 Satisfaction", format: percent },
  { key: "coverage", label: "全程网办 Service coverage", format: percent },
  { key: "cpi", label: "成本绩效 CPI", format: (v) => v.toFixed(2) },
];

const band = (v: number | null, green: number, amber: number): Band | null =>
  v === null ? null : v >= green ? "green" : v >= amber ? "amber" : "red";

function heatRow(code: string, name: string, values: (number | null)[]): HeatmapRow {
  const [reply = null, onTime = null, satisfaction = null, coverage = null, cpi = null] = values;
  return {
    key: code,
    label: name,
    href: `/dashboard/departments/${code}`,
    cells: {
      replyRate: {
        value: reply,
        band: band(reply, 0.99, 0.95),
        href: `/dashboard/departments/${code}#appeals`,
      },
      onTime: { value: onTime, band: band(onTime, 0.95, 0.9) },
      satisfaction: { value: satisfaction, band: band(satisfaction, 0.9, 0.8) },
      coverage: { value: coverage, band: band(coverage, 0.8, 0.6) },
      cpi: { value: cpi, band: band(cpi, 0.9, 0.7) },
    },
  };
}

export const SAMPLE_HEATMAP_ROWS: HeatmapRow[] = [
  heatRow("D01", "市数据局 Data Bureau", [0.995, 0.97, 0.93, 0.86, 1.02]),
  heatRow("D02", "市公安局 Public Security", [0.981, 0.93, 0.88, 0.71, 0.85]),
  heatRow("D03", "市人社局 Human Resources & Social Security", [0.942, 0.88, 0.79, 0.92, null]),
  heatRow("D04", "市市场监管局 Market Regulation", [0.999, 0.99, null, 0.55, 0.64]),
  heatRow("D05", "=cmd 测试部门", [null, null, null, null, null]),
];

export const SAMPLE_SCATTER: ScatterPoint[] = [
  {
    key: "P01",
    label: "一网通办平台 One-stop portal",
    x: 1.08,
    y: 1.12,
    band: "green",
    href: "/dashboard/projects/P01",
  },
  {
    key: "P02",
    label: "政务云扩容 Gov cloud",
    x: 0.82,
    y: 0.95,
    band: "amber",
    href: "/dashboard/projects/P02",
  },
  {
    key: "P03",
    label: "12345 热线升级 Hotline upgrade",
    x: 0.61,
    y: 0.42,
    band: "red",
    href: "/dashboard/projects/P03",
  },
  {
    key: "P04",
    label: "电子证照 e-Licences",
    x: 1.21,
    y: 0.78,
    band: "green",
    href: "/dashboard/projects/P04",
  },
  {
    key: "P05",
    label: "数据共享交换 Data exchange",
    x: 0.97,
    y: 1.02,
    band: "green",
    href: "/dashboard/projects/P05",
  },
  {
    key: "P06",
    label: "智慧城管 Smart city management",
    x: 0.93,
    y: 0.66,
    band: "amber",
    href: "/dashboard/projects/P06",
  },
  {
    key: "P07",
    label: "不动产登记 Property registry",
    x: null,
    y: 0.9,
    band: null,
    href: "/dashboard/projects/P07",
  },
  { key: "P08", label: "信用平台 Credit platform", x: 1.35, y: null, band: "green" },
];

export const SAMPLE_STAGES: BarDatum[] = [
  { key: "proposal", label: "项目建议 Proposal", value: 3, href: "/dashboard?stage=proposal" },
  {
    key: "feasibility",
    label: "可行性研究 Feasibility",
    value: 5,
    href: "/dashboard?stage=feasibility",
  },
  { key: "approval", label: "立项审批 Approval", value: 4 },
  { key: "procurement", label: "招标采购 Procurement", value: 6 },
  { key: "construction", label: "建设实施 Construction", value: 14 },
  { key: "trial_operation", label: "试运行 Trial operation", value: 7 },
  { key: "acceptance", label: "竣工验收 Acceptance", value: 2 },
  { key: "operation", label: "运行维护 Operation", value: 21 },
  { key: "post_evaluation", label: "后评价 Post-evaluation", value: 1 },
  { key: "retired", label: "退役 Retired", value: 0 },
];

export const SAMPLE_HISTOGRAM: BarDatum[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((days) => ({
  key: String(days),
  label: days === 10 ? "≥10" : String(days),
  value: [120, 340, 410, 290, 180, 95, 40, 22, 12, 6, 9][days] ?? 0,
  band: days <= 5 ? null : "red",
}));

const months = [
  "2024-01",
  "2024-02",
  "2024-03",
  "2024-04",
  "2024-05",
  "2024-06",
  "2024-07",
  "2024-08",
  "2024-09",
  "2024-10",
  "2024-11",
  "2024-12",
];

export const SAMPLE_APPEALS: LineSeries[] = [
  {
    key: "received",
    label: "受理量 Received",
    points: months.map((x, i) => ({
      x,
      y: [1210, 980, 1340, 1405, 1520, 1610, 1730, 1690, 1480, 1390, 1300, 1250][i] ?? null,
    })),
  },
  {
    key: "lastYear",
    label: "去年同期 Last year",
    points: months.map((x, i) => ({ x, y: i === 4 ? null : 1100 + i * 40 })),
  },
];

export const SAMPLE_REPLY_RATE: LineSeries[] = [
  {
    key: "reply",
    label: "回复率 Reply rate",
    points: months.map((x, i) => ({
      x,
      y:
        [0.982, 0.985, 0.991, 0.993, null, 0.988, 0.995, 0.996, 0.992, 0.997, 0.999, 0.998][i] ??
        null,
    })),
  },
  {
    key: "onTime",
    label: "按时回复率 On-time reply",
    points: months.map((x, i) => ({
      x,
      y: [0.91, 0.93, 0.94, 0.95, 0.96, 0.94, 0.955, 0.96, 0.962, 0.97, 0.972, 0.975][i] ?? null,
    })),
  },
];

const cumulative = (steps: number[]) =>
  steps.reduce<number[]>((acc, v) => [...acc, (acc.at(-1) ?? 0) + v], []);
const pv = cumulative(
  [40, 60, 80, 120, 160, 180, 200, 220, 180, 140, 100, 60].map((v) => v * 10_000),
);
const ev = cumulative([30, 50, 60, 90, 120, 150, 160, 170].map((v) => v * 10_000));
const ac = cumulative([35, 65, 90, 130, 170, 200, 215, 230].map((v) => v * 10_000));

export const SAMPLE_SPEND: LineSeries[] = [
  { key: "pv", label: "计划 PV", points: months.map((x, i) => ({ x, y: pv[i] ?? null })) },
  { key: "ev", label: "挣值 EV", points: months.map((x, i) => ({ x, y: ev[i] ?? null })) },
  { key: "ac", label: "实际 AC", points: months.map((x, i) => ({ x, y: ac[i] ?? null })) },
];

export const SAMPLE_INDICATORS: BulletIndicator[] = [
  {
    key: "users",
    label: "注册用户数 Registered users",
    unit: "万人",
    baseline: 12,
    target: 50,
    actual: 41.5,
    direction: "higher",
    band: "amber",
  },
  {
    key: "time",
    label: "平均办理时长 Mean processing time",
    unit: "天 days",
    baseline: 15,
    target: 5,
    actual: 4.2,
    direction: "lower",
    band: "green",
  },
  {
    key: "online",
    label: "网办率 Online share",
    unit: "%",
    baseline: 30,
    target: 90,
    actual: 93,
    direction: "higher",
    band: "green",
  },
  {
    key: "complaints",
    label: "投诉量 Complaints",
    unit: "件",
    baseline: 400,
    target: 200,
    actual: 390,
    direction: "lower",
    band: "red",
  },
  {
    key: "uptime",
    label: "系统可用性 Uptime",
    unit: "%",
    baseline: 99,
    target: 99.9,
    actual: null,
    direction: "higher",
  },
];

export const SAMPLE_MILESTONES: TimelineMilestone[] = [
  {
    key: "m1",
    label: "需求确认 Requirements signed off",
    plannedDate: "2024-02-01",
    actualDate: "2024-02-06",
    completed: true,
  },
  {
    key: "m2",
    label: "招标完成 Tender awarded",
    plannedDate: "2024-03-15",
    actualDate: "2024-04-20",
    completed: true,
  },
  {
    key: "m3",
    label: "系统上线 Go-live",
    plannedDate: "2024-07-01",
    forecastDate: "2024-09-15",
    completed: false,
  },
  { key: "m4", label: "试运行 Trial operation", plannedDate: "2024-05-30", completed: false },
  {
    key: "m5",
    label: "竣工验收 Acceptance",
    plannedDate: "2024-12-20",
    forecastDate: "2024-12-10",
    completed: false,
  },
  {
    key: "m6",
    label: "数据迁移 Data migration",
    plannedDate: "2024-04-01",
    actualDate: "2024-03-25",
    completed: true,
    href: "/dashboard/projects/P01#m6",
  },
];

/** Every chart with sample data, by file name. */
export function sampleCharts(): { name: string; element: ReactElement }[] {
  return [
    {
      name: "sparkline",
      element: (
        <div className="chart" style={{ maxWidth: "16rem" }}>
          <h3 className="chart-title">回复率 Reply rate</h3>
          <p style={{ fontSize: "1.75rem", fontWeight: 700, margin: 0 }}>99.1 %</p>
          <Sparkline
            points={SAMPLE_SPARKLINE}
            label="回复率 Reply rate"
            format={percent}
            target={0.99}
          />
        </div>
      ),
    },
    {
      name: "heatmap",
      element: (
        <Heatmap
          title="部门 × 指标 Departments × KPIs"
          summary="2024 年上半年各部门主要指标。Main KPIs per department, first half of 2024."
          rows={SAMPLE_HEATMAP_ROWS}
          columns={SAMPLE_HEATMAP_COLUMNS}
        />
      ),
    },
    {
      name: "quadrant-scatter",
      element: (
        <QuadrantScatter
          title="预算与成效 Budget vs outcome"
          summary="每个点是一个项目。Each point is a project."
          points={SAMPLE_SCATTER}
          xLabel="成本绩效指数 CPI"
          yLabel="成效完成度 Outcome achievement"
          formatY={percent}
        />
      ),
    },
    {
      name: "bar-stages",
      element: (
        <BarChart
          title="项目所处阶段 Projects by lifecycle stage"
          data={SAMPLE_STAGES}
          valueLabel="项目数 Projects"
          categoryLabel="阶段 Stage"
        />
      ),
    },
    {
      name: "bar-histogram",
      element: (
        <BarChart
          title="答复用时分布 Reply time"
          summary="超过 5 个工作日的答复标为逾期。Replies after 5 working days are marked late."
          data={SAMPLE_HISTOGRAM}
          orientation="vertical"
          valueLabel="件 Appeals"
          categoryLabel="工作日 Working days"
          text={{
            bands: { green: "按时 On time", amber: "关注 Watch", red: "逾期 Late", none: "—" },
          }}
        />
      ),
    },
    {
      name: "line-appeals",
      element: (
        <LineChart
          title="诉求受理量 Appeals received"
          series={SAMPLE_APPEALS}
          xLabel="月份 Month"
          yLabel="件 Appeals"
          formatY={(v) => v.toLocaleString("zh-CN")}
          marker={{ x: "2024-09-30", label: "数据截止 Data cut-off" }}
        />
      ),
    },
    {
      name: "line-reply-rate",
      element: (
        <LineChart
          title="回复率 Reply rate"
          series={SAMPLE_REPLY_RATE}
          xLabel="月份 Month"
          yLabel="比率 Rate"
          formatY={percent}
          yDomain={[0.85, 1]}
          target={{ value: 0.99, label: "目标 Target 99 %" }}
        />
      ),
    },
    {
      name: "line-spend",
      element: (
        <LineChart
          title="支出曲线 Spend: PV, EV, AC"
          series={SAMPLE_SPEND}
          xLabel="月份 Month"
          yLabel="金额 Yuan"
          formatY={wan}
          marker={{ x: "2024-08-31", label: "截止 Cut-off" }}
        />
      ),
    },
    {
      name: "bullet",
      element: <BulletChart title="绩效目标 Outcome indicators" indicators={SAMPLE_INDICATORS} />,
    },
    {
      name: "milestones",
      element: (
        <MilestoneTimeline
          title="里程碑 Milestones: planned vs actual"
          milestones={SAMPLE_MILESTONES}
          cutOff="2024-08-15"
        />
      ),
    },
    {
      name: "empty",
      element: <Heatmap title="空图 Empty chart" rows={[]} columns={SAMPLE_HEATMAP_COLUMNS} />,
    },
  ];
}
