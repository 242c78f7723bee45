import { CHART_COLORS, FONT } from "./chart-theme";

interface Tick {
  position: number;
  label: string;
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
    <g className="chart-axis" aria-hidden="true">
      {gridTop !== undefined
        ? ticks.map((tick) => (
            <line
              key={`g${tick.position}`}
              x1={tick.position}
              x2={tick.position}
              y1={gridTop}
              y2={y}
              stroke={CHART_COLORS.grid}
              strokeWidth={1}
            />
          ))
        : null}
      <line x1={x0} x2={x1} y1={y} y2={y} stroke={CHART_COLORS.axis} strokeWidth={1} />
      {ticks.map((tick) => (
        <g key={tick.position} transform={`translate(${tick.position},${y})`}>
          <line y2={5} stroke={CHART_COLORS.axis} />
          <text y={18} textAnchor="middle" fontSize={FONT.tick} fill={CHART_COLORS.muted}>
            {tick.label}
          </text>
        </g>
      ))}
      {title ? (
        <text
          x={x1}
          y={y + 36}
          textAnchor="end"
          fontSize={FONT.label}
          fill={CHART_COLORS.ink}
          fontWeight={600}
        >
          {title}
        </text>
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
    <g className="chart-axis" aria-hidden="true">
      {gridRight !== undefined
        ? ticks.map((tick) => (
            <line
              key={`g${tick.position}`}
              x1={x}
              x2={gridRight}
              y1={tick.position}
              y2={tick.position}
              stroke={CHART_COLORS.grid}
              strokeWidth={1}
            />
          ))
        : null}
      <line x1={x} x2={x} y1={y0} y2={y1} stroke={CHART_COLORS.axis} strokeWidth={1} />
      {ticks.map((tick) => (
        <g key={tick.position} transform={`translate(${x},${tick.position})`}>
          <line x2={-5} stroke={CHART_COLORS.axis} />
          <text x={-8} dy="0.35em" textAnchor="end" fontSize={FONT.tick} fill={CHART_COLORS.muted}>
            {tick.label}
          </text>
        </g>
      ))}
      {title ? (
        <text
          x={x}
          y={titleY ?? Math.min(y0, y1) - 12}
          textAnchor="start"
          fontSize={FONT.label}
          fill={CHART_COLORS.ink}
          fontWeight={600}
        >
          {title}
        </text>
      ) : null}
    </g>
  );
}
