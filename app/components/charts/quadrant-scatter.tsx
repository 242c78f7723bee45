import { extent, scaleLinear, type ScaleLinear } from "d3";
import { ChartFrame, ChartSvg, type ChartCommonProps } from "./chart-frame";
import { AxisBottom, AxisLeft, ReferenceLine } from "./chart-axes";
import { ChartLegend, HaloText, Mark, shapePath, type LegendItem } from "./chart-marks";
import type { ChartTable } from "./chart-table";
import {
  BAND_STYLES,
  CHART_COLORS,
  DEFAULT_BAND_LABELS,
  FONT,
  LEGEND_BANDS,
  bandText,
  type Band,
  type BandLabels,
} from "./chart-theme";
import { r1, textWidth, truncateText } from "./chart-text";

/** A project placed by cost performance (x, CPI) against outcome achievement (y). */
export interface ScatterPoint {
  key: string;
  label: string;
  /** null: not plotted (listed in the summary and the table). */
  x: number | null;
  y: number | null;
  /** Decides the point's shape and colour (circle ✓ green, triangle ! amber, square ✕ red). */
  band: Band | null;
  /** The project's page. */
  href?: string;
  /** Always label this point on the chart (besides the automatic outliers). */
  labelled?: boolean;
}

export interface QuadrantLabels {
  topLeft: string;
  topRight: string;
  bottomLeft: string;
  bottomRight: string;
}

export interface ScatterSummary {
  plotted: number;
  /** Points in each quadrant; a point on a reference line counts to its right / above. */
  quadrants: Record<keyof QuadrantLabels, number>;
  notPlotted: readonly string[];
}

export interface QuadrantScatterText {
  /** Header of the table's first column, e.g. "项目 Project". */
  pointHeader: string;
  bandHeader: string;
  bands: BandLabels;
  quadrants: QuadrantLabels;
  summarize: (summary: ScatterSummary, quadrants: QuadrantLabels) => string;
}

export const DEFAULT_QUADRANT_SCATTER_TEXT: QuadrantScatterText = {
  pointHeader: "项目 Project",
  bandHeader: "状态 Status",
  bands: DEFAULT_BAND_LABELS,
  quadrants: {
    topRight: "节支且达标 Under budget, outcomes met",
    topLeft: "超支但达标 Over budget, outcomes met",
    bottomRight: "节支未达标 Under budget, outcomes short",
    bottomLeft: "超支且未达标 Over budget, outcomes short",
  },
  summarize: (s, q) => {
    const counts = (["topRight", "topLeft", "bottomRight", "bottomLeft"] as const)
      .map((k) => `${q[k]} ${s.quadrants[k]}`)
      .join("; ");
    const missing =
      s.notPlotted.length > 0
        ? ` 未绘制（缺少数据）Not plotted (no data): ${s.notPlotted.join(", ")}.`
        : "";
    return `已绘制 ${s.plotted} 个 Plotted: ${s.plotted}. ${counts}.${missing}`;
  },
};

export interface QuadrantScatterProps extends ChartCommonProps {
  points: readonly ScatterPoint[];
  /** Axis titles, also the table's headers, e.g. "成本绩效指数 CPI". */
  xLabel: string;
  yLabel: string;
  /** Reference lines dividing the quadrants (default 1 and 1, or the targets). */
  xReference?: number;
  yReference?: number;
  formatX?: (value: number) => string;
  formatY?: (value: number) => string;
  /** Fixed domains; points beyond them sit on the edge (their names keep the true values). */
  xDomain?: readonly [number, number];
  yDomain?: readonly [number, number];
  /** How many points furthest from the reference crossing get a label (default 3). */
  outlierLabels?: number;
  text?: Partial<QuadrantScatterText>;
  width?: number;
  height?: number;
}

export const SCATTER_MARGIN = { top: 36, right: 28, bottom: 56, left: 64 } as const;

function paddedDomain(
  values: number[],
  reference: number,
  fixed?: readonly [number, number],
): [number, number] {
  if (fixed) return [fixed[0], fixed[1]];
  const [lo = reference, hi = reference] = extent([...values, reference]);
  const pad = (hi - lo || Math.abs(reference) || 1) * 0.08;
  return [lo - pad, hi + pad];
}

/** Scales of the scatter plot: every plotted point and the reference lines are inside. */
export function scatterLayout(
  points: readonly ScatterPoint[],
  options: {
    width?: number;
    height?: number;
    xReference?: number;
    yReference?: number;
    xDomain?: readonly [number, number];
    yDomain?: readonly [number, number];
    formatY?: (value: number) => string;
  } = {},
) {
  const { width = 720, height = 480, xReference = 1, yReference = 1 } = options;
  const plotted = points.filter(
    (p): p is ScatterPoint & { x: number; y: number } => p.x !== null && p.y !== null,
  );
  const top = SCATTER_MARGIN.top;
  const bottom = height - SCATTER_MARGIN.bottom;
  const y: ScaleLinear<number, number> = scaleLinear()
    .domain(
      paddedDomain(
        plotted.map((p) => p.y),
        yReference,
        options.yDomain,
      ),
    )
    .range([bottom, top])
    .clamp(true);
  if (!options.yDomain) y.nice(6);
  const formatY = options.formatY ?? ((v: number) => v.toFixed(2));
  // Room for the rotated y title (at x = 16) and the widest tick label.
  const left = Math.max(
    SCATTER_MARGIN.left,
    42 + Math.max(0, ...y.ticks(6).map((v) => textWidth(formatY(v), FONT.tick))),
  );
  const right = width - SCATTER_MARGIN.right;
  const x: ScaleLinear<number, number> = scaleLinear()
    .domain(
      paddedDomain(
        plotted.map((p) => p.x),
        xReference,
        options.xDomain,
      ),
    )
    .range([left, right])
    .clamp(true);
  if (!options.xDomain) x.nice(8);
  return { x, y, plotted, left, right, top, bottom, width, height };
}

/** Labels beside points, pushed apart vertically so that none overlap. */
function placeLabels(
  items: { key: string; text: string; cx: number; cy: number }[],
  right: number,
  top: number,
  bottom: number,
) {
  const lineHeight = FONT.small + 4;
  const placed = items
    .map((item) => {
      const width = textWidth(item.text, FONT.small);
      const onLeft = item.cx + 10 + width > right;
      return { ...item, width, onLeft, x: onLeft ? item.cx - 10 : item.cx + 10, y: item.cy };
    })
    .sort((a, b) => a.y - b.y);
  for (let i = 1; i < placed.length; i++) {
    const previous = placed[i - 1]!;
    const current = placed[i]!;
    const overlapX =
      Math.min(
        previous.x + (previous.onLeft ? 0 : previous.width),
        current.x + (current.onLeft ? 0 : current.width),
      ) >
      Math.max(
        previous.x - (previous.onLeft ? previous.width : 0),
        current.x - (current.onLeft ? current.width : 0),
      );
    if (overlapX && current.y - previous.y < lineHeight) current.y = previous.y + lineHeight;
  }
  for (const label of placed) label.y = Math.min(Math.max(label.y, top + 6), bottom - 4);
  return placed;
}

/**
 * Budget against outcome: one point per project at (CPI, outcome achievement), reference
 * lines splitting four labelled quadrants, shapes by band, points as links with their
 * values in their names, the furthest few labelled; points without both values are
 * listed as not plotted.
 */
export function QuadrantScatter({
  points,
  xLabel,
  yLabel,
  xReference = 1,
  yReference = 1,
  formatX = (v) => v.toFixed(2),
  formatY = (v) => v.toFixed(2),
  xDomain,
  yDomain,
  outlierLabels = 3,
  text: textOverrides,
  width = 720,
  height = 480,
  labels,
  ...common
}: QuadrantScatterProps) {
  const text = { ...DEFAULT_QUADRANT_SCATTER_TEXT, ...textOverrides };
  const layout = scatterLayout(points, {
    width,
    height,
    xReference,
    yReference,
    xDomain,
    yDomain,
    formatY,
  });
  const { x, y, plotted } = layout;
  const [x0, x1] = x.domain() as [number, number];
  const [y0, y1] = y.domain() as [number, number];

  const quadrants = { topLeft: 0, topRight: 0, bottomLeft: 0, bottomRight: 0 };
  for (const p of plotted) {
    const key =
      `${p.y >= yReference ? "top" : "bottom"}${p.x >= xReference ? "Right" : "Left"}` as keyof QuadrantLabels;
    quadrants[key] += 1;
  }
  const notPlotted = points.filter((p) => p.x === null || p.y === null).map((p) => p.label);

  const distance = (p: { x: number; y: number }) =>
    Math.abs(p.x - xReference) / (x1 - x0 || 1) + Math.abs(p.y - yReference) / (y1 - y0 || 1);
  const outliers = new Set(
    [...plotted]
      .sort((a, b) => distance(b) - distance(a))
      .slice(0, outlierLabels)
      .map((p) => p.key),
  );
  const pointLabels = placeLabels(
    plotted
      .filter((p) => p.labelled || outliers.has(p.key))
      .map((p) => ({
        key: p.key,
        text: truncateText(p.label, 220, FONT.small),
        cx: x(p.x),
        cy: y(p.y),
      })),
    layout.right,
    layout.top,
    layout.bottom,
  );

  const table: ChartTable = {
    caption: common.title,
    columns: [text.pointHeader, xLabel, yLabel, text.bandHeader],
    rows: points.map((p) => [
      p.href ? { text: p.label, href: p.href } : p.label,
      { text: p.x === null ? "—" : formatX(p.x), value: p.x },
      { text: p.y === null ? "—" : formatY(p.y), value: p.y },
      bandText(p.band, text.bands),
    ]),
  };

  const xTicks = x.ticks(8).map((v) => ({ position: x(v), label: formatX(v) }));
  const yTicks = y.ticks(6).map((v) => ({ position: y(v), label: formatY(v) }));
  const refX = x(xReference);
  const refY = y(yReference);
  const quadrantText = (
    key: keyof QuadrantLabels,
    tx: number,
    ty: number,
    anchor: "start" | "end",
  ) => (
    <text
      key={key}
      x={r1(tx)}
      y={r1(ty)}
      textAnchor={anchor}
      fontSize={FONT.small}
      fill={CHART_COLORS.muted}
      fontStyle="italic"
    >
      {text.quadrants[key]}
    </text>
  );
  const legend: LegendItem[] = LEGEND_BANDS.map((band) => {
    const style = band ? BAND_STYLES[band] : null;
    return {
      key: band ?? "none",
      label: band ? text.bands[band] : text.bands.none,
      swatch: (
        <path
          d={shapePath(style?.shape ?? "circle", 5)}
          transform="translate(6,0)"
          fill={style ? style.color : CHART_COLORS.paper}
          stroke={style ? style.color : CHART_COLORS.muted}
          strokeWidth={1.5}
        />
      ),
    };
  });

  return (
    <ChartFrame
      {...common}
      labels={labels}
      table={table}
      derivedSummary={text.summarize(
        { plotted: plotted.length, quadrants, notPlotted },
        text.quadrants,
      )}
      empty={points.length === 0}
    >
      <ChartSvg className="quadrant-scatter" width={width} height={height} title={common.title}>
        <ChartLegend items={legend} x={layout.left} y={14} swatchWidth={26} labelX={16} />
        <AxisBottom
          ticks={xTicks}
          y={r1(layout.bottom)}
          x0={layout.left}
          x1={r1(layout.right)}
          gridTop={layout.top}
          title={xLabel}
        />
        <AxisLeft
          ticks={yTicks}
          x={r1(layout.left)}
          y0={layout.bottom}
          y1={r1(layout.top)}
          gridRight={layout.right}
        />
        <text
          aria-hidden="true"
          transform={`translate(16,${r1((layout.top + layout.bottom) / 2)}) rotate(-90)`}
          textAnchor="middle"
          fontSize={FONT.label}
          fontWeight={600}
          fill={CHART_COLORS.ink}
        >
          {yLabel}
        </text>
        <g className="chart-reference" aria-hidden="true">
          <ReferenceLine x1={refX} x2={refX} y1={layout.top} y2={layout.bottom} />
          <ReferenceLine x1={layout.left} x2={layout.right} y1={refY} y2={refY} />
          {quadrantText("topLeft", layout.left + 6, layout.top + 14, "start")}
          {quadrantText("topRight", layout.right - 6, layout.top + 14, "end")}
          {quadrantText("bottomLeft", layout.left + 6, layout.bottom - 8, "start")}
          {quadrantText("bottomRight", layout.right - 6, layout.bottom - 8, "end")}
        </g>
        <g className="chart-marks">
          {plotted.map((p) => {
            const style = p.band ? BAND_STYLES[p.band] : null;
            const name = `${p.label}: ${xLabel} ${formatX(p.x)}, ${yLabel} ${formatY(p.y)}, ${bandText(p.band, text.bands)}`;
            return (
              <Mark
                key={p.key}
                label={name}
                href={p.href}
                className={`scatter-point band-${p.band ?? "none"}`}
              >
                {/* Fill and stroke by the band class (app.css, charts). */}
                <path
                  d={shapePath(style?.shape ?? "circle", 6)}
                  transform={`translate(${r1(x(p.x))},${r1(y(p.y))})`}
                />
              </Mark>
            );
          })}
        </g>
        <g className="chart-point-labels" aria-hidden="true">
          {pointLabels.map((label) => (
            <g key={label.key}>
              {Math.abs(label.y - label.cy) > 4 ? (
                <line
                  x1={r1(label.cx)}
                  y1={r1(label.cy)}
                  x2={r1(label.onLeft ? label.x + 2 : label.x - 2)}
                  y2={r1(label.y)}
                  stroke={CHART_COLORS.axis}
                  strokeWidth={0.75}
                />
              ) : null}
              <HaloText x={label.x} y={label.y} dy="0.35em" anchor={label.onLeft ? "end" : "start"}>
                {label.text}
              </HaloText>
            </g>
          ))}
        </g>
      </ChartSvg>
    </ChartFrame>
  );
}
