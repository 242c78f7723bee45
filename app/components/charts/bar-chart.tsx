import { max, min, scaleBand, scaleLinear } from "d3";
import { useId } from "react";
import { ChartFrame, ChartSvg, type ChartCommonProps } from "./chart-frame";
import { AxisBottom, AxisLeft } from "./chart-axes";
import { BandSymbol, HatchPattern, Mark, RowLabel, TextBlock } from "./chart-marks";
import type { ChartTable } from "./chart-table";
import {
  BAND_STYLES,
  CHART_COLORS,
  DEFAULT_BAND_LABELS,
  FONT,
  bandText,
  type Band,
  type BandLabels,
} from "./chart-theme";
import { r1, safeId, textWidth, wrapText } from "./chart-text";

/** One bar: a category (e.g. a lifecycle stage, or "3 working days") and its value. */
export interface BarDatum {
  key: string;
  label: string;
  /** null: no data (a hatched stub and "—"). */
  value: number | null;
  /** Drill-down (e.g. the project list at this stage). */
  href?: string;
  /** Colours the bar and adds the band symbol; plain accent colour when absent. */
  band?: Band | null;
}

export interface BarSummary {
  count: number;
  total: string;
  highest: { label: string; text: string } | null;
}

export interface BarChartText {
  noValue: string;
  /** Table header of the bands, when bars have them. */
  bandHeader: string;
  bands: BandLabels;
  summarize: (summary: BarSummary) => string;
}

export const DEFAULT_BAR_CHART_TEXT: BarChartText = {
  noValue: "—",
  bandHeader: "状态 Status",
  bands: DEFAULT_BAND_LABELS,
  summarize: (s) =>
    s.highest
      ? `${s.count} 类，合计 ${s.total}，最高：${s.highest.label}（${s.highest.text}）。 ${s.count} categories, total ${s.total}; highest: ${s.highest.label} (${s.highest.text}).`
      : "",
};

export interface BarChartProps extends ChartCommonProps {
  data: readonly BarDatum[];
  /** "horizontal" (default): categories down the side, good for long names; "vertical": columns. */
  orientation?: "horizontal" | "vertical";
  /** Axis title and table header of the values, e.g. "项目数 Projects". */
  valueLabel: string;
  /** Table header of the categories, e.g. "阶段 Stage". */
  categoryLabel: string;
  format?: (value: number) => string;
  /** Extend the value axis at least to this (e.g. 1 for shares). */
  domainMax?: number;
  text?: Partial<BarChartText>;
  width?: number;
  /** Viewbox height of a vertical chart (a horizontal one grows with its bars). */
  height?: number;
}

const H_ROW = 30;
const MARGIN = { top: 28, right: 64, bottom: 44, left: 16 };

/** Scales of the bar chart: values from min(0, …) to the (nice) maximum, categories by band. */
export function barLayout(
  data: readonly BarDatum[],
  options: {
    orientation?: "horizontal" | "vertical";
    width?: number;
    height?: number;
    domainMax?: number;
  } = {},
) {
  const { orientation = "horizontal", width = 720, domainMax } = options;
  const values = data.flatMap((d) => (d.value === null ? [] : [d.value]));
  const lo = Math.min(0, min(values) ?? 0);
  const hi = Math.max(max(values) ?? 0, domainMax ?? 0, lo === 0 ? 1e-9 : 0) || 1;
  if (orientation === "horizontal") {
    const longest = Math.max(0, ...data.map((d) => textWidth(d.label, FONT.tick)));
    const labelWidth = Math.min(200, Math.max(60, longest / 1.6 + 16), Math.max(60, longest + 12));
    const left = MARGIN.left + labelWidth;
    const height = MARGIN.top + data.length * H_ROW + MARGIN.bottom;
    const value = scaleLinear()
      .domain([lo, hi])
      .nice()
      .range([left, width - MARGIN.right]);
    const category = scaleBand<string>()
      .domain(data.map((d) => d.key))
      .range([MARGIN.top, MARGIN.top + data.length * H_ROW])
      .padding(0.25);
    return {
      orientation,
      value,
      category,
      width,
      height,
      labelWidth,
      left,
      plotEnd: width - MARGIN.right,
    };
  }
  const height = options.height ?? 340;
  const bandWidth = (width - 72 - 24) / Math.max(data.length, 1);
  const labelLines = Math.max(
    1,
    ...data.map((d) => wrapText(d.label, bandWidth - 4, FONT.tick, 3).length),
  );
  const bottom = height - 34 - labelLines * 14;
  const value = scaleLinear().domain([lo, hi]).nice().range([bottom, MARGIN.top]);
  const category = scaleBand<string>()
    .domain(data.map((d) => d.key))
    .range([72, width - 24])
    .padding(0.2);
  return { orientation, value, category, width, height, labelWidth: 0, left: 72, plotEnd: bottom };
}

/**
 * Bars by category, horizontal or vertical, with the value written at each bar's end;
 * bars are links when given an href; a band, when given, adds colour and its symbol.
 */
export function BarChart({
  data,
  orientation = "horizontal",
  valueLabel,
  categoryLabel,
  format = (v) => String(v),
  domainMax,
  text: textOverrides,
  width = 720,
  height,
  labels,
  ...common
}: BarChartProps) {
  const text = { ...DEFAULT_BAR_CHART_TEXT, ...textOverrides };
  const hatchId = `${safeId(useId())}-hatch`;
  const layout = barLayout(data, { orientation, width, height, domainMax });
  const { value, category } = layout;
  const zero = value(0);
  const known = data.filter((d): d is BarDatum & { value: number } => d.value !== null);
  const highest = known.reduce<(BarDatum & { value: number }) | null>(
    (best, d) => (best === null || d.value > best.value ? d : best),
    null,
  );
  const summary: BarSummary = {
    count: data.length,
    total: format(known.reduce((sum, d) => sum + d.value, 0)),
    highest: highest ? { label: highest.label, text: format(highest.value) } : null,
  };
  const hasBands = data.some((d) => d.band);
  const table: ChartTable = {
    caption: common.title,
    columns: hasBands ? [categoryLabel, valueLabel, text.bandHeader] : [categoryLabel, valueLabel],
    rows: data.map((d) => {
      const row = [
        d.href ? { text: d.label, href: d.href } : d.label,
        { text: d.value === null ? text.noValue : format(d.value), value: d.value },
      ];
      return hasBands ? [...row, bandText(d.band ?? null, text.bands)] : row;
    }),
  };
  const ticks = value
    .ticks(orientation === "horizontal" ? 6 : 5)
    .map((v) => ({ position: value(v), label: format(v) }));
  const bandWidth = category.bandwidth();

  const bars = data.map((d) => {
    const c = category(d.key) ?? 0;
    const band = d.band ?? null;
    const fill = band ? BAND_STYLES[band].color : CHART_COLORS.accent;
    const valueText = d.value === null ? text.noValue : format(d.value);
    const name = `${d.label}: ${valueText}${band ? `, ${bandText(band, text.bands)}` : ""}`;
    const v = d.value === null ? null : value(d.value);
    const horizontal = orientation === "horizontal";
    const mid = c + bandWidth / 2;
    // Along the value axis: from zero to the value, or a short hatched stub when there is none.
    const start = v === null ? (horizontal ? zero : zero - 16) : Math.min(zero, v);
    const length = v === null ? (horizontal ? 24 : 16) : Math.max(Math.abs(v - zero), 1);
    const end = v === null ? zero + 24 : Math.max(zero, v);
    // The value is written past the bar's end: right of it, or above it.
    const symbolAt = horizontal ? { x: end + 10, y: mid } : { x: mid, y: start - 26 };
    const textAt = horizontal ? { x: end + (band ? 20 : 6), y: mid } : { x: mid, y: start - 6 };
    return (
      <Mark key={d.key} label={name} href={d.href} className="bar">
        <rect
          x={r1(horizontal ? start : c)}
          y={r1(horizontal ? c : start)}
          width={r1(horizontal ? length : bandWidth)}
          height={r1(horizontal ? bandWidth : length)}
          fill={v === null ? `url(#${hatchId})` : fill}
          stroke={v === null ? CHART_COLORS.axis : "none"}
        />
        <g aria-hidden="true">
          {band ? <BandSymbol band={band} x={r1(symbolAt.x)} y={r1(symbolAt.y)} size={10} /> : null}
          <text
            x={r1(textAt.x)}
            y={r1(textAt.y)}
            dy={horizontal ? "0.35em" : undefined}
            textAnchor={horizontal ? undefined : "middle"}
            fontSize={FONT.tick}
            fill={CHART_COLORS.ink}
            fontWeight={600}
          >
            {valueText}
          </text>
        </g>
      </Mark>
    );
  });

  return (
    <ChartFrame
      {...common}
      labels={labels}
      table={table}
      derivedSummary={text.summarize(summary)}
      empty={data.length === 0}
    >
      <ChartSvg
        className={`bar-chart bar-chart-${orientation}`}
        width={layout.width}
        height={layout.height}
        title={common.title}
      >
        <defs>
          <HatchPattern id={hatchId} color="#c4cad2" background={CHART_COLORS.noData} />
        </defs>
        {orientation === "horizontal" ? (
          <>
            <AxisBottom
              ticks={ticks}
              y={r1(layout.height - MARGIN.bottom + 8)}
              x0={layout.left}
              x1={r1(layout.plotEnd)}
              gridTop={MARGIN.top - 6}
              title={valueLabel}
            />
            <g aria-hidden="true">
              {data.map((d) => (
                <RowLabel
                  key={d.key}
                  lines={wrapText(d.label, layout.labelWidth - 4, FONT.tick, 2)}
                  x={layout.left - 8}
                  y={(category(d.key) ?? 0) + bandWidth / 2}
                  lineHeight={13}
                  fontSize={FONT.tick}
                  hidden={false}
                />
              ))}
            </g>
            <line
              x1={r1(zero)}
              x2={r1(zero)}
              y1={r1(MARGIN.top - 6)}
              y2={r1(layout.height - MARGIN.bottom + 8)}
              stroke={CHART_COLORS.axis}
              aria-hidden="true"
            />
          </>
        ) : (
          <>
            <AxisLeft
              ticks={ticks}
              x={r1(layout.left)}
              y0={layout.plotEnd}
              y1={r1(MARGIN.top)}
              gridRight={layout.width - 24}
              title={valueLabel}
              titleY={14}
            />
            <g aria-hidden="true">
              {data.map((d) => (
                <TextBlock
                  key={d.key}
                  lines={wrapText(d.label, bandWidth + category.step() * 0.2 - 4, FONT.tick, 3)}
                  x={(category(d.key) ?? 0) + bandWidth / 2}
                  y={layout.plotEnd + 18}
                  lineHeight={14}
                  align="top"
                  anchor="middle"
                  fontSize={FONT.tick}
                  fill={CHART_COLORS.ink}
                />
              ))}
              <text
                x={r1(layout.width - 24)}
                y={r1(layout.height - 6)}
                textAnchor="end"
                fontSize={FONT.label}
                fontWeight={600}
                fill={CHART_COLORS.ink}
              >
                {categoryLabel}
              </text>
            </g>
            <line
              x1={r1(layout.left)}
              x2={r1(layout.width - 24)}
              y1={r1(zero)}
              y2={r1(zero)}
              stroke={CHART_COLORS.axis}
              aria-hidden="true"
            />
          </>
        )}
        <g className="chart-marks">{bars}</g>
      </ChartSvg>
    </ChartFrame>
  );
}
