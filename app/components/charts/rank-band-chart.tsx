import { scaleLinear } from "d3";
import { AxisBottom } from "./chart-axes";
import { ChartFrame, ChartSvg, type ChartCommonProps } from "./chart-frame";
import { ChartLegend, HitArea, Mark, RowLabel, type LegendItem } from "./chart-marks";
import type { ChartTable } from "./chart-table";
import { CHART_COLORS, FONT } from "./chart-theme";
import { r1, textWidth, wrapText } from "./chart-text";

/** One ranked entry: its rank, median rank and 5th–95th percentile band (1 = best). */
export interface RankBandRow {
  key: string;
  label: string;
  rank: number;
  medianRank: number;
  rankP5: number;
  rankP95: number;
  href?: string;
}

export interface RankBandChartText {
  nameHeader: string;
  rank: string;
  median: string;
  p5: string;
  p95: string;
  band: string;
  axis: string;
  /** Accessible name of a row: its name and figures in words. */
  describe: (row: RankBandRow) => string;
  format: (value: number) => string;
}

export const DEFAULT_RANK_BAND_CHART_TEXT: RankBandChartText = {
  nameHeader: "名称 Name",
  rank: "排名 Rank",
  median: "排名中位数 Median rank",
  p5: "第 5 百分位 5th percentile",
  p95: "第 95 百分位 95th percentile",
  band: "5%–95% 排名区间 Rank band",
  axis: "排名 Rank (1 = best)",
  describe: (row) =>
    `${row.label}: ${row.rank}; median ${row.medianRank}; band ${row.rankP5}–${row.rankP95}`,
  format: (value) => String(Math.round(value * 10) / 10),
};

export interface RankBandChartProps extends ChartCommonProps {
  rows: readonly RankBandRow[];
  text?: Partial<RankBandChartText>;
  width?: number;
}

const ROW = 30;
const TOP = 36;
const BAR = 12;

/** Geometry: the label column, the rank scale (1 on the left) and the viewBox height. */
export function rankBandLayout(rows: readonly RankBandRow[], width = 720) {
  const labelWidth = Math.min(
    220,
    Math.max(90, ...rows.map((row) => textWidth(row.label, FONT.label) + 12)),
  );
  const x0 = labelWidth + 16;
  const x1 = width - 24;
  const worst = Math.max(1, ...rows.map((row) => row.rankP95));
  // Half a rank of room either side, so rank 1 and the last rank are not on the frame.
  const scale = scaleLinear()
    .domain([0.5, worst + 0.5])
    .range([x0, x1]);
  return {
    labelWidth,
    x0,
    x1,
    scale,
    worst,
    axisY: TOP + rows.length * ROW + 6,
    height: TOP + rows.length * ROW + 52,
    rowY: (index: number) => TOP + index * ROW,
  };
}

/**
 * Rank bands: one row per entry, a bar from its 5th to its 95th percentile rank and a dot
 * at its median rank, rank 1 on the left; the rank itself written at the row's end. Each
 * row is one mark named with its figures, linking to the entry when it has an address.
 */
export function RankBandChart({
  rows,
  text: textOverrides,
  width = 720,
  labels,
  ...common
}: RankBandChartProps) {
  const text = { ...DEFAULT_RANK_BAND_CHART_TEXT, ...textOverrides };
  const layout = rankBandLayout(rows, width);
  const { scale } = layout;
  const table: ChartTable = {
    caption: common.title,
    columns: [text.nameHeader, text.rank, text.median, text.p5, text.p95],
    rows: rows.map((row) => [
      row.href ? { text: row.label, href: row.href } : row.label,
      { text: text.format(row.rank), value: row.rank },
      { text: text.format(row.medianRank), value: row.medianRank },
      { text: text.format(row.rankP5), value: row.rankP5 },
      { text: text.format(row.rankP95), value: row.rankP95 },
    ]),
  };
  const step = Math.max(1, Math.ceil(layout.worst / 10));
  const ticks = Array.from({ length: Math.floor((layout.worst - 1) / step) + 1 }, (_, i) => {
    const rank = 1 + i * step;
    return { position: scale(rank), label: text.format(rank) };
  });
  const legend: LegendItem[] = [
    {
      key: "band",
      label: text.band,
      swatch: (
        <rect
          width={20}
          height={BAR}
          y={-BAR / 2}
          fill={CHART_COLORS.rangeMid}
          stroke={CHART_COLORS.axis}
        />
      ),
    },
    {
      key: "median",
      label: text.median,
      swatch: <circle cx={10} r={5} fill={CHART_COLORS.accent} stroke={CHART_COLORS.paper} />,
    },
  ];
  return (
    <ChartFrame {...common} labels={labels} table={table} empty={rows.length === 0}>
      <ChartSvg
        className="rank-band-chart"
        width={width}
        height={layout.height}
        title={common.title}
      >
        <ChartLegend items={legend} x={layout.x0} y={12} swatchWidth={28} gap={16} labelX={26} />
        <AxisBottom
          ticks={ticks}
          y={layout.axisY}
          x0={layout.x0}
          x1={layout.x1}
          gridTop={TOP - 4}
          title={text.axis}
        />
        {rows.map((row, index) => {
          const mid = layout.rowY(index) + ROW / 2;
          const left = scale(row.rankP5);
          const right = scale(row.rankP95);
          return (
            <Mark key={row.key} label={text.describe(row)} href={row.href} className="rank-band">
              <HitArea y={layout.rowY(index) + 1} width={layout.x1} height={ROW - 2} />
              <RowLabel
                lines={wrapText(row.label, layout.labelWidth, FONT.label, 1)}
                x={layout.labelWidth}
                y={mid}
                lineHeight={15}
                linked={Boolean(row.href)}
              />
              <rect
                className="rank-band-bar"
                x={r1(left - 3)}
                y={r1(mid - BAR / 2)}
                width={r1(Math.max(6, right - left + 6))}
                height={BAR}
                rx={BAR / 2}
                fill={CHART_COLORS.rangeMid}
                stroke={CHART_COLORS.axis}
              />
              <circle
                className="rank-band-median"
                cx={r1(scale(row.medianRank))}
                cy={r1(mid)}
                r={5}
                fill={CHART_COLORS.accent}
                stroke={CHART_COLORS.paper}
                strokeWidth={1.5}
              />
            </Mark>
          );
        })}
      </ChartSvg>
    </ChartFrame>
  );
}
