import { max, min, scaleBand, scaleLinear } from "d3";
import { useId } from "react";
import { ChartFrame, ChartSvg, type ChartCommonProps } from "./chart-frame";
import { AxisBottom } from "./chart-axes";
import { HatchPattern, Mark, RowLabel } from "./chart-marks";
import type { ChartTable } from "./chart-table";
import { CHART_COLORS, FONT, seriesStyle } from "./chart-theme";
import { r1, safeId, textWidth, wrapText } from "./chart-text";

/** One series: a subject compared (a project, a department). */
export interface GroupedBarSeries {
  key: string;
  label: string;
}

/** One bar's figure, already written in the page's words ("95.0%", "withheld"). */
export interface GroupedBarValue {
  /** null: nothing to draw (no data, or withheld): a hatched stub with `text`. */
  value: number | null;
  text: string;
  /** Said after the value in the table and the mark's name, e.g. the band "✓ On track". */
  note?: string;
}

/** One group of bars: a category (a KPI) with one value per series, in the series' order. */
export interface GroupedBarCategory {
  key: string;
  label: string;
  values: readonly GroupedBarValue[];
  /** A reference drawn across the group as a dashed line (a target, or a target range). */
  reference?: { from: number; to?: number | null; text: string } | null;
}

export interface GroupedBarChartProps extends ChartCommonProps {
  series: readonly GroupedBarSeries[];
  categories: readonly GroupedBarCategory[];
  /** Table header of the categories, e.g. "指标 Indicator". */
  categoryLabel: string;
  /** Table header of the references, e.g. "目标 Target". */
  referenceLabel: string;
  /** Axis title, e.g. "数值 Value". */
  valueLabel: string;
  formatTick?: (value: number) => string;
  /** Extend the value axis at least to this (e.g. 1 for shares). */
  domainMax?: number;
  width?: number;
}

const BAR = 16;
const MARGIN = { top: 20, right: 96, bottom: 44, left: 12 };

/** Scales: categories down the side, a band per series inside each, values along x. */
export function groupedBarLayout(
  categories: readonly GroupedBarCategory[],
  seriesCount: number,
  options: { width?: number; domainMax?: number } = {},
) {
  const { width = 720, domainMax } = options;
  const values = categories.flatMap((category) => [
    ...category.values.flatMap((v) => (v.value === null ? [] : [v.value])),
    ...(category.reference ? [category.reference.from, category.reference.to ?? 0] : []),
  ]);
  const lo = Math.min(0, min(values) ?? 0);
  const hi = Math.max(max(values) ?? 0, domainMax ?? 0) || 1;
  const longest = Math.max(0, ...categories.map((c) => textWidth(c.label, FONT.tick)));
  const labelWidth = Math.min(180, Math.max(70, longest / 1.6 + 16));
  const left = MARGIN.left + labelWidth;
  const groupHeight = Math.max(1, seriesCount) * BAR + 18;
  const plotBottom = MARGIN.top + categories.length * groupHeight;
  const value = scaleLinear()
    .domain([lo, hi])
    .nice()
    .range([left, width - MARGIN.right]);
  const category = scaleBand<string>()
    .domain(categories.map((c) => c.key))
    .range([MARGIN.top, plotBottom])
    .paddingInner(0.2)
    .paddingOuter(0.1);
  const inner = scaleBand<number>()
    .domain(Array.from({ length: seriesCount }, (_, index) => index))
    .range([0, category.bandwidth()])
    .padding(0.1);
  return { value, category, inner, width, height: plotBottom + MARGIN.bottom, labelWidth, left };
}

/**
 * Grouped horizontal bars: one group per category, one bar per series. Series differ by
 * colour and by their number, written at each bar's end beside the value and in the
 * legend, so no series is told by colour alone; a missing value is a hatched stub with
 * its reason. The table lists every value with its note and the reference.
 */
export function GroupedBarChart({
  series,
  categories,
  categoryLabel,
  referenceLabel,
  valueLabel,
  formatTick = (v) => String(v),
  domainMax,
  width = 720,
  labels,
  ...common
}: GroupedBarChartProps) {
  const hatchId = `${safeId(useId())}-hatch`;
  const layout = groupedBarLayout(categories, series.length, { width, domainMax });
  const { value, category, inner } = layout;
  const zero = value(0);
  const numbered = (index: number) => `${index + 1}`;
  const withNote = (v: GroupedBarValue) => (v.note ? `${v.text} ${v.note}` : v.text);
  const table: ChartTable = {
    caption: common.title,
    columns: [
      categoryLabel,
      referenceLabel,
      ...series.map((s, index) => `${numbered(index)} ${s.label}`),
    ],
    rows: categories.map((c) => [
      c.label,
      c.reference?.text ?? "—",
      ...series.map((_, index) => {
        const v = c.values[index];
        return v ? { text: withNote(v), value: v.value } : "—";
      }),
    ]),
  };
  const ticks = value.ticks(6).map((v) => ({ position: value(v), label: formatTick(v) }));
  const barHeight = inner.bandwidth();

  const groups = categories.map((c) => {
    const top = category(c.key) ?? 0;
    const reference = c.reference ?? null;
    return (
      <g key={c.key} role="group" aria-label={c.label}>
        {reference ? (
          <g aria-hidden="true">
            {[reference.from, ...(reference.to == null ? [] : [reference.to])].map((at) => (
              <line
                key={at}
                x1={r1(value(at))}
                x2={r1(value(at))}
                y1={r1(top - 3)}
                y2={r1(top + category.bandwidth() + 3)}
                stroke={CHART_COLORS.ink}
                strokeWidth={1.5}
                strokeDasharray="4 3"
              />
            ))}
          </g>
        ) : null}
        {series.map((s, index) => {
          const v = c.values[index] ?? { value: null, text: "—" };
          const y = top + (inner(index) ?? 0);
          const style = seriesStyle(index);
          const x = v.value === null ? null : value(v.value);
          const start = x === null ? zero : Math.min(zero, x);
          const length = x === null ? 18 : Math.max(Math.abs(x - zero), 1);
          const end = x === null ? zero + 18 : Math.max(zero, x);
          return (
            <Mark
              key={s.key}
              label={`${c.label}, ${numbered(index)} ${s.label}: ${withNote(v)}`}
              group={s.key}
              className="bar"
            >
              <rect
                x={r1(start)}
                y={r1(y)}
                width={r1(length)}
                height={r1(barHeight)}
                fill={x === null ? `url(#${hatchId})` : style.color}
                stroke={x === null ? CHART_COLORS.axis : "none"}
              />
              <text
                aria-hidden="true"
                x={r1(end + 6)}
                y={r1(y + barHeight / 2)}
                dy="0.35em"
                fontSize={FONT.small}
                fill={CHART_COLORS.ink}
                // A white halo: the target's dashed line may run behind the value.
                stroke={CHART_COLORS.paper}
                strokeWidth={3}
                paintOrder="stroke"
              >
                <tspan fontWeight={700}>{numbered(index)}</tspan> {v.text}
              </text>
            </Mark>
          );
        })}
      </g>
    );
  });

  return (
    <ChartFrame {...common} labels={labels} table={table} empty={categories.length === 0}>
      <ol className="chart-legend grouped-bar-legend" aria-label={common.title}>
        {series.map((s, index) => (
          <li key={s.key}>
            <svg width="14" height="14" aria-hidden="true" focusable="false">
              <rect width="14" height="14" fill={seriesStyle(index).color} />
            </svg>{" "}
            <strong>{numbered(index)}</strong> {s.label}
          </li>
        ))}
      </ol>
      <ChartSvg
        className="grouped-bar-chart"
        width={layout.width}
        height={layout.height}
        title={common.title}
      >
        <defs>
          <HatchPattern id={hatchId} color="#c4cad2" background={CHART_COLORS.noData} />
        </defs>
        <AxisBottom
          ticks={ticks}
          y={r1(layout.height - MARGIN.bottom + 8)}
          x0={layout.left}
          x1={r1(layout.width - MARGIN.right)}
          gridTop={MARGIN.top - 6}
          title={valueLabel}
        />
        <g aria-hidden="true">
          {categories.map((c) => (
            <RowLabel
              key={c.key}
              lines={wrapText(c.label, layout.labelWidth - 4, FONT.tick, 3)}
              x={layout.left - 8}
              y={(category(c.key) ?? 0) + category.bandwidth() / 2}
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
        <g className="chart-marks">{groups}</g>
      </ChartSvg>
    </ChartFrame>
  );
}
