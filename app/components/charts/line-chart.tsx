import { max, min, scaleLinear, scaleUtc, line as d3line } from "d3";
import { ChartFrame, ChartSvg, type ChartCommonProps } from "./chart-frame";
import { AxisBottom, AxisLeft, ReferenceLine } from "./chart-axes";
import { ChartLegend, HaloText, Mark, shapePath, type LegendItem } from "./chart-marks";
import type { ChartTable } from "./chart-table";
import { CHART_COLORS, FONT, seriesStyle } from "./chart-theme";
import { r1, isoToUtc, textWidth, truncateText } from "./chart-text";

/** A value at a time: x an ISO month ("2024-03") or date ("2024-03-15"); y null = gap. */
export interface LinePoint {
  x: string;
  y: number | null;
}

/** A named series (e.g. "受理量 Received", or PV / EV / AC). */
export interface LineSeries {
  key: string;
  label: string;
  points: readonly LinePoint[];
}

export interface LineSeriesSummary {
  label: string;
  first: { x: string; text: string } | null;
  last: { x: string; text: string } | null;
}

export interface LineChartText {
  noValue: string;
  summarize: (series: readonly LineSeriesSummary[]) => string;
}

export const DEFAULT_LINE_CHART_TEXT: LineChartText = {
  noValue: "—",
  summarize: (series) =>
    series
      .filter((s) => s.first && s.last)
      .map((s) => `${s.label}: ${s.first!.x} ${s.first!.text} → ${s.last!.x} ${s.last!.text}.`)
      .join(" "),
};

export interface LineChartProps extends ChartCommonProps {
  series: readonly LineSeries[];
  /** Title of the time axis and the table's first header, e.g. "月份 Month". */
  xLabel: string;
  /** Title of the value axis, e.g. "件 Appeals". */
  yLabel: string;
  formatY?: (value: number) => string;
  /** Tick and table text of an x value (default: as given). */
  formatX?: (iso: string) => string;
  /** A horizontal target line, e.g. { value: 0.99, label: "目标 Target 99 %" }. */
  target?: { value: number; label: string } | null;
  /** A vertical marker, e.g. { x: "2024-06-30", label: "截止 Cut-off" }. */
  marker?: { x: string; label: string } | null;
  /** Fixed value domain (e.g. [0, 1] for rates); otherwise from 0 (or below) to the data. */
  yDomain?: readonly [number, number];
  text?: Partial<LineChartText>;
  width?: number;
  height?: number;
}

const MARGIN = { top: 60, right: 28, bottom: 52 };

/** Scales of the line chart: time (UTC) across, values up from min(0, …). */
export function lineLayout(
  series: readonly LineSeries[],
  options: {
    width?: number;
    height?: number;
    yDomain?: readonly [number, number];
    target?: number | null;
    marker?: string | null;
    formatY?: (value: number) => string;
    /** The target's label, written in the right margin. */
    targetLabel?: string;
  } = {},
) {
  const { width = 720, height = 360, formatY = (v: number) => String(v) } = options;
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort();
  const values = series.flatMap((s) => s.points.flatMap((p) => (p.y === null ? [] : [p.y])));
  if (options.target !== null && options.target !== undefined) values.push(options.target);
  const y = scaleLinear().range([height - MARGIN.bottom, MARGIN.top]);
  if (options.yDomain) y.domain([options.yDomain[0], options.yDomain[1]]);
  else y.domain([Math.min(0, min(values) ?? 0), max(values) || 1]).nice(6);
  const yTicks = y.ticks(6);
  const left = 20 + Math.max(24, ...yTicks.map((v) => textWidth(formatY(v), FONT.tick)));
  const rightMargin = options.targetLabel
    ? Math.max(MARGIN.right, 12 + Math.min(160, textWidth(options.targetLabel, FONT.small)))
    : MARGIN.right;
  const times = xs.map(isoToUtc);
  if (options.marker) times.push(isoToUtc(options.marker));
  const t0 = min(times) ?? new Date(0);
  const t1 = max(times) ?? new Date(0);
  const x = scaleUtc()
    .domain(
      t0.getTime() === t1.getTime()
        ? [new Date(t0.getTime() - 864e5 * 15), new Date(t1.getTime() + 864e5 * 15)]
        : [t0, t1],
    )
    .range([left, width - rightMargin]);
  return {
    x,
    y,
    xs,
    yTicks,
    left,
    right: width - rightMargin,
    top: MARGIN.top,
    bottom: height - MARGIN.bottom,
    width,
    height,
  };
}

/**
 * Several series over time, told apart by colour, dash pattern and point shape (shown in
 * the legend), with gaps where a value is null, an optional target line and an optional
 * vertical marker (a cut-off date); every point is focusable and names its values.
 */
export function LineChart({
  series,
  xLabel,
  yLabel,
  formatY = (v) => String(v),
  formatX = (iso) => iso,
  target,
  marker,
  yDomain,
  text: textOverrides,
  width = 720,
  height = 360,
  labels,
  ...common
}: LineChartProps) {
  const text = { ...DEFAULT_LINE_CHART_TEXT, ...textOverrides };
  const layout = lineLayout(series, {
    width,
    height,
    yDomain,
    target: target?.value,
    marker: marker?.x,
    formatY,
    targetLabel: target?.label,
  });
  const { x, y, xs } = layout;
  const hasValues = series.some((s) => s.points.some((p) => p.y !== null));

  const widest = Math.max(...xs.map((v) => textWidth(formatX(v), FONT.tick)), 1);
  const room = Math.max(1, Math.floor((layout.right - layout.left) / (widest + 16)));
  const step = Math.ceil(xs.length / room);
  const xTicks = xs
    .filter((_, i) => i % step === 0)
    .map((v) => ({ position: x(isoToUtc(v)), label: formatX(v) }));
  const yTicks = layout.yTicks.map((v) => ({ position: y(v), label: formatY(v) }));

  const summaries: LineSeriesSummary[] = series.map((s) => {
    const known = s.points.filter((p): p is { x: string; y: number } => p.y !== null);
    const first = known[0];
    const last = known[known.length - 1];
    return {
      label: s.label,
      first: first ? { x: formatX(first.x), text: formatY(first.y) } : null,
      last: last ? { x: formatX(last.x), text: formatY(last.y) } : null,
    };
  });

  const byX = series.map((s) => new Map(s.points.map((p) => [p.x, p.y])));
  const table: ChartTable = {
    caption: common.title,
    columns: [xLabel, ...series.map((s) => s.label)],
    rows: xs.map((xv) => [
      formatX(xv),
      ...byX.map((m) => {
        const v = m.get(xv) ?? null;
        return { text: v === null ? text.noValue : formatY(v), value: v };
      }),
    ]),
  };

  const path = d3line<LinePoint>()
    .digits(1)
    .defined((p) => p.y !== null)
    .x((p) => x(isoToUtc(p.x)))
    .y((p) => y(p.y ?? 0));

  const legend: LegendItem[] = series.map((s, index) => {
    const style = seriesStyle(index);
    return {
      key: s.key,
      label: s.label,
      group: s.key,
      swatch: (
        <>
          <line
            x1={0}
            x2={36}
            stroke={style.color}
            strokeWidth={2.5}
            strokeDasharray={style.dash}
          />
          <path
            d={shapePath(style.shape, 4)}
            transform="translate(18,0)"
            fill={style.color}
            stroke={CHART_COLORS.paper}
          />
        </>
      ),
    };
  });
  const markerX = marker ? x(isoToUtc(marker.x)) : null;

  return (
    <ChartFrame
      {...common}
      labels={labels}
      table={table}
      derivedSummary={text.summarize(summaries)}
      empty={!hasValues}
    >
      <ChartSvg className="line-chart" width={width} height={height} title={common.title}>
        <ChartLegend items={legend} x={layout.left} y={14} swatchWidth={44} gap={12} labelX={42} />
        <AxisLeft
          ticks={yTicks}
          x={r1(layout.left)}
          y0={layout.bottom}
          y1={r1(layout.top)}
          gridRight={layout.right}
          title={yLabel}
          titleY={layout.top - 20}
        />
        <AxisBottom
          ticks={xTicks}
          y={r1(layout.bottom)}
          x0={layout.left}
          x1={r1(layout.right)}
          title={xLabel}
        />
        {target ? (
          <g className="chart-reference" aria-hidden="true">
            <ReferenceLine
              x1={layout.left}
              x2={layout.right}
              y1={y(target.value)}
              y2={y(target.value)}
            />
            <HaloText x={layout.right + 6} y={y(target.value)} dy="0.35em" anchor="start">
              {truncateText(target.label, layout.width - layout.right - 8, FONT.small)}
            </HaloText>
          </g>
        ) : null}
        {marker && markerX !== null ? (
          <g className="chart-reference" aria-hidden="true">
            <line
              x1={r1(markerX)}
              x2={r1(markerX)}
              y1={r1(layout.top - 8)}
              y2={r1(layout.bottom)}
              stroke={CHART_COLORS.muted}
              strokeWidth={1.5}
              strokeDasharray="2 3"
            />
            <HaloText
              x={Math.min(
                Math.max(markerX, layout.left + textWidth(marker.label, FONT.small) / 2),
                layout.width - 2 - textWidth(marker.label, FONT.small) / 2,
              )}
              y={layout.top - 12}
              anchor="middle"
            >
              {marker.label}
            </HaloText>
          </g>
        ) : null}
        {series.map((s, index) => {
          const style = seriesStyle(index);
          return (
            <g key={s.key} className="line-series" data-group={s.key}>
              <path
                d={path(s.points) ?? ""}
                fill="none"
                stroke={style.color}
                strokeWidth={2.5}
                strokeDasharray={style.dash}
                strokeLinejoin="round"
                aria-hidden="true"
              />
              {s.points.map((p) =>
                p.y === null ? null : (
                  <Mark
                    key={p.x}
                    label={`${s.label}, ${formatX(p.x)}: ${formatY(p.y)}`}
                    group={s.key}
                    className="line-point"
                  >
                    {/* The hit area's fill and the point's white edge: .line-point in app.css. */}
                    <circle cx={r1(x(isoToUtc(p.x)))} cy={r1(y(p.y))} r={9} />
                    <path
                      d={shapePath(style.shape, 3.5)}
                      transform={`translate(${r1(x(isoToUtc(p.x)))},${r1(y(p.y))})`}
                      fill={style.color}
                    />
                  </Mark>
                ),
              )}
            </g>
          );
        })}
      </ChartSvg>
    </ChartFrame>
  );
}
