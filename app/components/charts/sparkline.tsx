import { extent, line, scaleLinear } from "d3";
import { r1 } from "./chart-text";
import { ChartDetails, type ChartTable } from "./chart-table";
import { CHART_COLORS } from "./chart-theme";

/** One value of a sparkline: a period label (e.g. "2024-03") and a value, null = no data. */
export interface SparklinePoint {
  x: string;
  y: number | null;
  /** The period is not over: its value covers only part of it (drawn as a hollow point). */
  partial?: boolean;
}

export interface SparklineText {
  /** The accessible name from the first and last known points, e.g. "2024-01 92 % → 2024-06 97 %". */
  describe: (
    first: SparklinePoint & { text: string },
    last: SparklinePoint & { text: string },
  ) => string;
  noData: string;
  table: string;
}

export const DEFAULT_SPARKLINE_TEXT: SparklineText = {
  describe: (first, last) => `${first.x}: ${first.text} → ${last.x}: ${last.text}`,
  noData: "暂无数据 No data",
  table: "数据表 Data table",
};

export interface SparklineProps {
  points: readonly SparklinePoint[];
  /** What the line is of, e.g. "回复率 Reply rate"; it begins the accessible name. */
  label: string;
  format?: (value: number) => string;
  /** A target drawn as a dashed line. */
  target?: number | null;
  /** Viewbox size; the SVG scales to the tile's width. */
  width?: number;
  height?: number;
  /** An optional table, shown in <details> under the line. */
  table?: ChartTable;
  text?: Partial<SparklineText>;
  className?: string;
}

const PAD = 3;

/** Scales and the path of a sparkline: x by index, y over the values (and target). */
export function sparklineLayout(
  points: readonly SparklinePoint[],
  width: number,
  height: number,
  target?: number | null,
) {
  const values = points.flatMap((p) => (p.y === null ? [] : [p.y]));
  const [lo = 0, hi = 1] = extent(
    target === null || target === undefined ? values : [...values, target],
  );
  const x = scaleLinear()
    .domain([0, Math.max(points.length - 1, 1)])
    .range([PAD, width - PAD]);
  const y = scaleLinear()
    .domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi])
    .range([height - PAD, PAD]);
  const path =
    line<SparklinePoint>()
      .defined((p) => p.y !== null)
      .x((_, i) => x(i))
      .y((p) => y(p.y ?? 0))
      .digits(1)(points) ?? "";
  return { x, y, path };
}

/**
 * A tiny line for a KPI tile. It is an image with a name (what, first and last values),
 * not hidden from assistive technology; the tile around it carries the title.
 */
export function Sparkline({
  points,
  label,
  format = (v) => String(v),
  target,
  width = 120,
  height = 32,
  table,
  text: textOverrides,
  className,
}: SparklineProps) {
  const text = { ...DEFAULT_SPARKLINE_TEXT, ...textOverrides };
  const known = points.flatMap((p, i) => (p.y === null ? [] : [{ ...p, y: p.y, i }]));
  const first = known[0];
  const last = known[known.length - 1];
  if (!first || !last) {
    return (
      <span className={className ? `sparkline-empty ${className}` : "sparkline-empty"}>
        {label}: {text.noData}
      </span>
    );
  }
  const { x, y, path } = sparklineLayout(points, width, height, target);
  const name = `${label}: ${text.describe(
    { x: first.x, y: first.y, text: format(first.y) },
    { x: last.x, y: last.y, partial: last.partial, text: format(last.y) },
  )}`;
  return (
    <span className={className ? `sparkline ${className}` : "sparkline"}>
      <svg
        className="sparkline-svg"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={name}
        aria-hidden="false"
        focusable="false"
      >
        <title>{name}</title>
        {target !== null && target !== undefined ? (
          <line
            className="sparkline-target"
            x1={r1(PAD)}
            x2={r1(width - PAD)}
            y1={r1(y(target))}
            y2={r1(y(target))}
            stroke={CHART_COLORS.muted}
            strokeDasharray="3 2"
            strokeWidth={1}
            vectorEffect="non-scaling-stroke"
          />
        ) : null}
        <path
          d={path}
          fill="none"
          stroke={CHART_COLORS.accent}
          strokeWidth={2}
          strokeLinejoin="round"
          vectorEffect="non-scaling-stroke"
        />
        {last.partial ? (
          <circle
            className="sparkline-partial"
            cx={r1(x(last.i))}
            cy={r1(y(last.y))}
            r={2.5}
            fill="#fff"
            stroke={CHART_COLORS.accent}
            strokeWidth={1.5}
            vectorEffect="non-scaling-stroke"
          />
        ) : (
          <circle cx={r1(x(last.i))} cy={r1(y(last.y))} r={2.5} fill={CHART_COLORS.accent} />
        )}
      </svg>
      {table ? <ChartDetails summary={text.table} table={table} /> : null}
    </span>
  );
}
