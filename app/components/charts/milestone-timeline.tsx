import { max, min, scaleUtc, utcFormat } from "d3";
import { ChartFrame, ChartSvg, type ChartCommonProps } from "./chart-frame";
import { AxisBottom } from "./chart-axes";
import { ChartLegend, HitArea, Mark, RowLabel, shapePath, type LegendItem } from "./chart-marks";
import type { ChartTable } from "./chart-table";
import { BAND_STYLES, CHART_COLORS, FONT } from "./chart-theme";
import { r1, daysBetween, isoToUtc, textWidth, truncateText, wrapText } from "./chart-text";

/** A milestone with its planned date and, once known, actual or forecast date (ISO dates). */
export interface TimelineMilestone {
  key: string;
  label: string;
  plannedDate: string;
  actualDate?: string | null;
  forecastDate?: string | null;
  /** Completed by the cut-off (its actual date is on or before it). */
  completed: boolean;
  href?: string;
}

export interface TimelineSummary {
  total: number;
  completed: number;
  late: number;
  overdue: number;
  largestSlip: { label: string; days: number } | null;
}

export interface MilestoneTimelineText {
  milestoneHeader: string;
  planned: string;
  actual: string;
  forecast: string;
  slip: string;
  status: string;
  done: string;
  open: string;
  /** Not completed, no forecast, and the planned date has passed. */
  overdue: string;
  cutOff: string;
  noValue: string;
  /** Slip in days as text, e.g. "+12 天 days". */
  formatSlip: (days: number) => string;
  summarize: (summary: TimelineSummary, formatSlip: (days: number) => string) => string;
}

export const DEFAULT_MILESTONE_TIMELINE_TEXT: MilestoneTimelineText = {
  milestoneHeader: "里程碑 Milestone",
  planned: "计划 Planned",
  actual: "实际 Actual",
  forecast: "预计 Forecast",
  slip: "偏差 Slip",
  status: "状态 Status",
  done: "已完成 Done",
  open: "未完成 Open",
  overdue: "逾期 Overdue",
  cutOff: "截止 Cut-off",
  noValue: "—",
  formatSlip: (days) => `${days > 0 ? "+" : days < 0 ? "−" : "±"}${Math.abs(days)} 天 d`,
  summarize: (s, formatSlip) =>
    `${s.total} 个里程碑，已完成 ${s.completed}，延误 ${s.late}，逾期 ${s.overdue}` +
    (s.largestSlip
      ? `；最大偏差：${s.largestSlip.label}（${formatSlip(s.largestSlip.days)}）。`
      : "。") +
    ` ${s.total} milestones: ${s.completed} done, ${s.late} late, ${s.overdue} overdue` +
    (s.largestSlip
      ? `; largest slip: ${s.largestSlip.label} (${formatSlip(s.largestSlip.days)}).`
      : "."),
};

export interface MilestoneTimelineProps extends ChartCommonProps {
  milestones: readonly TimelineMilestone[];
  /** The cut-off or today (ISO date), drawn as a vertical line. */
  cutOff: string;
  /** Table and name text of a date (default: as given). */
  formatDate?: (iso: string) => string;
  /** Tick text of the time axis (default "YYYY-MM"). */
  formatTick?: (date: Date) => string;
  text?: Partial<MilestoneTimelineText>;
  width?: number;
}

const ROW = 36;
const TOP = 56;
const BOTTOM = 44;

interface Placed extends TimelineMilestone {
  /** The date the milestone was or will be reached (actual, forecast, or the cut-off when overdue). */
  reached: string | null;
  kind: "actual" | "forecast" | "overdue" | "none";
  slipDays: number | null;
}

function placeMilestone(m: TimelineMilestone, cutOff: string): Placed {
  if (m.actualDate)
    return {
      ...m,
      reached: m.actualDate,
      kind: "actual",
      slipDays: daysBetween(m.plannedDate, m.actualDate),
    };
  if (m.forecastDate)
    return {
      ...m,
      reached: m.forecastDate,
      kind: "forecast",
      slipDays: daysBetween(m.plannedDate, m.forecastDate),
    };
  if (!m.completed && m.plannedDate < cutOff)
    return { ...m, reached: cutOff, kind: "overdue", slipDays: daysBetween(m.plannedDate, cutOff) };
  return { ...m, reached: null, kind: "none", slipDays: null };
}

/** The time scale (UTC) spanning every date and the cut-off, and the rows' geometry. */
export function timelineLayout(
  milestones: readonly TimelineMilestone[],
  cutOff: string,
  width = 720,
) {
  const dates = [
    cutOff,
    ...milestones.flatMap((m) => [m.plannedDate, m.actualDate, m.forecastDate]),
  ]
    .filter((d): d is string => Boolean(d))
    .map(isoToUtc);
  const lo = min(dates) ?? isoToUtc(cutOff);
  const hi = max(dates) ?? isoToUtc(cutOff);
  const pad = Math.max((hi.getTime() - lo.getTime()) * 0.04, 864e5 * 7);
  const labelWidth = Math.min(
    220,
    Math.max(90, ...milestones.map((m) => textWidth(m.label, FONT.label) / 2 + 12)),
  );
  const left = labelWidth + 16;
  const right = width - 84;
  const x = scaleUtc()
    .domain([new Date(lo.getTime() - pad), new Date(hi.getTime() + pad)])
    .range([left, right]);
  return {
    x,
    left,
    right,
    labelWidth,
    height: TOP + milestones.length * ROW + BOTTOM,
    rowY: (index: number) => TOP + index * ROW + ROW / 2,
    axisY: TOP + milestones.length * ROW + 6,
  };
}

/**
 * Planned against actual milestones: one row per milestone, a hollow diamond at the planned
 * date, a filled circle at the actual date or a hollow circle at the forecast, a line for
 * the slip between them with the days written beside it, and the cut-off as a vertical line.
 */
export function MilestoneTimeline({
  milestones,
  cutOff,
  formatDate = (iso) => iso,
  formatTick = utcFormat("%Y-%m"),
  text: textOverrides,
  width = 720,
  labels,
  ...common
}: MilestoneTimelineProps) {
  const text = { ...DEFAULT_MILESTONE_TIMELINE_TEXT, ...textOverrides };
  const layout = timelineLayout(milestones, cutOff, width);
  const { x } = layout;
  const placed = milestones.map((m) => placeMilestone(m, cutOff));
  const px = (iso: string) => x(isoToUtc(iso));

  const slips = placed.filter(
    (m): m is Placed & { slipDays: number } => m.slipDays !== null && m.slipDays > 0,
  );
  const worst = slips.reduce<(Placed & { slipDays: number }) | null>(
    (w, m) => (w === null || m.slipDays > w.slipDays ? m : w),
    null,
  );
  const summary: TimelineSummary = {
    total: milestones.length,
    completed: milestones.filter((m) => m.completed).length,
    late: slips.filter((m) => m.kind !== "overdue").length,
    overdue: placed.filter((m) => m.kind === "overdue").length,
    largestSlip: worst ? { label: worst.label, days: worst.slipDays } : null,
  };

  const statusText = (m: Placed) =>
    m.completed ? text.done : m.kind === "overdue" ? text.overdue : text.open;
  const table: ChartTable = {
    caption: common.title,
    columns: [
      text.milestoneHeader,
      text.planned,
      text.actual,
      text.forecast,
      text.slip,
      text.status,
    ],
    rows: placed.map((m) => [
      m.href ? { text: m.label, href: m.href } : m.label,
      { text: formatDate(m.plannedDate), value: m.plannedDate },
      m.actualDate ? { text: formatDate(m.actualDate), value: m.actualDate } : null,
      m.forecastDate ? { text: formatDate(m.forecastDate), value: m.forecastDate } : null,
      m.slipDays === null ? null : { text: text.formatSlip(m.slipDays), value: m.slipDays },
      statusText(m),
    ]),
  };

  const widest = textWidth(formatTick(new Date(0)), FONT.tick) + 16;
  // d3's tick count is a hint: drop ticks that would crowd their neighbour's label.
  let lastTick = Number.NEGATIVE_INFINITY;
  const ticks = x
    .ticks(Math.max(2, Math.floor((layout.right - layout.left) / widest)))
    .map((d) => ({ position: x(d), label: formatTick(d) }))
    .filter((tick) => {
      if (tick.position - lastTick < widest) return false;
      lastTick = tick.position;
      return true;
    });
  const cutX = px(cutOff);

  const legendItem = (key: string, label: string, mark: JSX.Element): LegendItem => ({
    key,
    label,
    swatch: <g transform="translate(6,0)">{mark}</g>,
  });
  const legend = [
    legendItem(
      "planned",
      text.planned,
      <path
        d={shapePath("diamond", 5)}
        fill={CHART_COLORS.paper}
        stroke={CHART_COLORS.ink}
        strokeWidth={1.5}
      />,
    ),
    legendItem("actual", text.actual, <circle r={5} fill={CHART_COLORS.accent} />),
    legendItem(
      "forecast",
      text.forecast,
      <circle r={4.5} fill={CHART_COLORS.paper} stroke={CHART_COLORS.accent} strokeWidth={2} />,
    ),
    legendItem(
      "overdue",
      text.overdue,
      <path d={shapePath("triangle", 5)} fill={BAND_STYLES.red.color} />,
    ),
  ];

  return (
    <ChartFrame
      {...common}
      labels={labels}
      table={table}
      derivedSummary={text.summarize(summary, text.formatSlip)}
      empty={milestones.length === 0}
    >
      <ChartSvg
        className="milestone-timeline"
        width={width}
        height={layout.height}
        title={common.title}
      >
        <ChartLegend items={legend} x={layout.left} y={14} swatchWidth={22} gap={14} labelX={16} />
        <AxisBottom
          ticks={ticks}
          y={r1(layout.axisY)}
          x0={layout.left}
          x1={r1(layout.right)}
          gridTop={TOP - 8}
        />
        <g className="chart-reference" aria-hidden="true">
          <line
            x1={r1(cutX)}
            x2={r1(cutX)}
            y1={r1(TOP - 16)}
            y2={r1(layout.axisY)}
            stroke={CHART_COLORS.ink}
            strokeWidth={1.5}
            strokeDasharray="5 3"
          />
          <text
            x={r1(cutX)}
            y={r1(TOP - 20)}
            textAnchor="middle"
            fontSize={FONT.small}
            fontWeight={600}
            fill={CHART_COLORS.ink}
          >
            {text.cutOff} {formatDate(cutOff)}
          </text>
        </g>
        {placed.map((m, index) => {
          const cy = layout.rowY(index);
          const planX = px(m.plannedDate);
          const reachedX = m.reached ? px(m.reached) : null;
          const late = (m.slipDays ?? 0) > 0;
          const slipColor = late ? BAND_STYLES.red.color : CHART_COLORS.muted;
          const parts = [
            `${text.planned} ${formatDate(m.plannedDate)}`,
            m.actualDate ? `${text.actual} ${formatDate(m.actualDate)}` : null,
            m.forecastDate ? `${text.forecast} ${formatDate(m.forecastDate)}` : null,
            m.slipDays !== null && m.kind !== "none"
              ? `${text.slip} ${text.formatSlip(m.slipDays)}`
              : null,
            statusText(m),
          ].filter(Boolean);
          const name = `${m.label}: ${parts.join(", ")}`;
          const slipLabelX = Math.max(planX, reachedX ?? planX) + 10;
          return (
            <g key={m.key}>
              <Mark label={name} href={m.href} className="milestone">
                <HitArea y={cy - ROW / 2 + 1} width={width} height={ROW - 2} />
                <g>
                  <RowLabel
                    lines={wrapText(m.label, layout.labelWidth, FONT.label, 2)}
                    x={layout.labelWidth}
                    y={cy}
                    lineHeight={14}
                    linked={Boolean(m.href)}
                  />
                  <line
                    x1={r1(layout.left)}
                    x2={r1(layout.right)}
                    y1={r1(cy)}
                    y2={r1(cy)}
                    stroke={CHART_COLORS.grid}
                    strokeWidth={1}
                    strokeDasharray="1 3"
                  />
                  {reachedX !== null && Math.abs(reachedX - planX) > 0.5 ? (
                    <line
                      className="milestone-slip"
                      x1={r1(planX)}
                      x2={r1(reachedX)}
                      y1={r1(cy)}
                      y2={r1(cy)}
                      stroke={slipColor}
                      strokeWidth={r1(late ? 3 : 2)}
                      strokeDasharray={m.kind === "actual" ? undefined : "4 3"}
                    />
                  ) : null}
                  <path
                    className="milestone-planned"
                    d={shapePath("diamond", 6)}
                    transform={`translate(${r1(planX)},${r1(cy)})`}
                    fill={CHART_COLORS.paper}
                    stroke={CHART_COLORS.ink}
                    strokeWidth={1.5}
                  />
                  {m.kind === "actual" && reachedX !== null ? (
                    <circle
                      className="milestone-actual"
                      cx={r1(reachedX)}
                      cy={r1(cy)}
                      r={6}
                      fill={CHART_COLORS.accent}
                      stroke={CHART_COLORS.paper}
                    />
                  ) : null}
                  {m.kind === "forecast" && reachedX !== null ? (
                    <circle
                      className="milestone-forecast"
                      cx={r1(reachedX)}
                      cy={r1(cy)}
                      r={5}
                      fill={CHART_COLORS.paper}
                      stroke={CHART_COLORS.accent}
                      strokeWidth={2}
                    />
                  ) : null}
                  {m.kind === "overdue" && reachedX !== null ? (
                    <path
                      className="milestone-overdue"
                      d={shapePath("triangle", 6)}
                      transform={`translate(${r1(reachedX)},${r1(cy)})`}
                      fill={BAND_STYLES.red.color}
                    />
                  ) : null}
                </g>
              </Mark>
              {m.slipDays !== null && m.slipDays !== 0 ? (
                <text
                  x={r1(slipLabelX)}
                  y={r1(cy)}
                  dy="0.35em"
                  fontSize={FONT.small}
                  fontWeight={late ? 600 : 400}
                  fill={late ? BAND_STYLES.red.color : CHART_COLORS.muted}
                  aria-hidden="true"
                >
                  {truncateText(text.formatSlip(m.slipDays), width - slipLabelX, FONT.small)}
                </text>
              ) : null}
            </g>
          );
        })}
      </ChartSvg>
    </ChartFrame>
  );
}
