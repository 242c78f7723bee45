import { CHART_COLORS, FONT } from "./chart-theme";
import { r1 } from "./chart-text";

interface Tick {
  position: number;
  label: string;
}

/** A line of an axis or of its grid, one unit wide, its ends rounded to 0.1. */
function AxisRule({
  x1,
  x2,
  y1,
  y2,
  color,
}: {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
  color: string;
}) {
  return <line x1={r1(x1)} x2={r1(x2)} y1={r1(y1)} y2={r1(y2)} stroke={color} strokeWidth={1} />;
}

/** The bold title of an axis, its baseline at x, y. */
function AxisTitle({
  x,
  y,
  anchor,
  children,
}: {
  x: number;
  y: number;
  anchor: "start" | "end";
  children: string;
}) {
  return (
    <text
      x={r1(x)}
      y={r1(y)}
      textAnchor={anchor}
      fontSize={FONT.label}
      fill={CHART_COLORS.ink}
      fontWeight={600}
    >
      {children}
    </text>
  );
}

/** A dashed reference line across the plot, e.g. a target, its ends rounded to 0.1. */
export function ReferenceLine({
  x1,
  x2,
  y1,
  y2,
}: {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}) {
  return (
    <line
      x1={r1(x1)}
      x2={r1(x2)}
      y1={r1(y1)}
      y2={r1(y2)}
      stroke={CHART_COLORS.ink}
      strokeDasharray="6 4"
      strokeWidth={1.5}
    />
  );
}

/** A horizontal axis at y: ticks, labels, and optional grid lines up to gridTop. */
export function AxisBottom({
  ticks,
  y,
  x0,
  x1,
  gridTop,
  title,
}: {
  ticks: readonly Tick[];
  y: number;
  x0: number;
  x1: number;
  gridTop?: number;
  title?: string;
}) {
  return (
    <g className="chart-axis axis-x" aria-hidden="true">
      {gridTop !== undefined
        ? ticks.map((tick) => (
            <AxisRule
              key={`g${tick.position}`}
              x1={tick.position}
              x2={tick.position}
              y1={gridTop}
              y2={y}
              color={CHART_COLORS.grid}
            />
          ))
        : null}
      <AxisRule x1={x0} x2={x1} y1={y} y2={y} color={CHART_COLORS.axis} />
      {ticks.map((tick) => (
        <g key={tick.position} transform={`translate(${r1(tick.position)},${r1(y)})`}>
          <line y2={5} />
          <text y={18}>{tick.label}</text>
        </g>
      ))}
      {title ? (
        <AxisTitle x={x1} y={y + 36} anchor="end">
          {title}
        </AxisTitle>
      ) : null}
    </g>
  );
}

/** A vertical axis at x: ticks, labels, and optional grid lines across to gridRight. */
export function AxisLeft({
  ticks,
  x,
  y0,
  y1,
  gridRight,
  title,
  titleY,
}: {
  ticks: readonly Tick[];
  x: number;
  y0: number;
  y1: number;
  gridRight?: number;
  title?: string;
  /** Where the title's baseline sits; above the axis by default. */
  titleY?: number;
}) {
  return (
    <g className="chart-axis axis-y" aria-hidden="true">
      {gridRight !== undefined
        ? ticks.map((tick) => (
            <AxisRule
              key={`g${tick.position}`}
              x1={x}
              x2={gridRight}
              y1={tick.position}
              y2={tick.position}
              color={CHART_COLORS.grid}
            />
          ))
        : null}
      <AxisRule x1={x} x2={x} y1={y0} y2={y1} color={CHART_COLORS.axis} />
      {ticks.map((tick) => (
        <g key={tick.position} transform={`translate(${r1(x)},${r1(tick.position)})`}>
          <line x2={-5} />
          <text x={-8} dy="0.35em">
            {tick.label}
          </text>
        </g>
      ))}
      {title ? (
        <AxisTitle x={x} y={titleY ?? Math.min(y0, y1) - 12} anchor="start">
          {title}
        </AxisTitle>
      ) : null}
    </g>
  );
}
