import { CHART_COLORS, FONT } from "./chart-theme";
import { r1 } from "./chart-text";

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
    <g className="chart-axis axis-x" aria-hidden="true">
      {gridTop !== undefined
        ? ticks.map((tick) => (
            <line
              key={`g${tick.position}`}
              x1={r1(tick.position)}
              x2={r1(tick.position)}
              y1={r1(gridTop)}
              y2={r1(y)}
              stroke={CHART_COLORS.grid}
              strokeWidth={1}
            />
          ))
        : null}
      <line
        x1={r1(x0)}
        x2={r1(x1)}
        y1={r1(y)}
        y2={r1(y)}
        stroke={CHART_COLORS.axis}
        strokeWidth={1}
      />
      {ticks.map((tick) => (
        <g key={tick.position} transform={`translate(${r1(tick.position)},${r1(y)})`}>
          <line y2={5} />
          <text y={18}>{tick.label}</text>
        </g>
      ))}
      {title ? (
        <text
          x={r1(x1)}
          y={r1(y + 36)}
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
    <g className="chart-axis axis-y" aria-hidden="true">
      {gridRight !== undefined
        ? ticks.map((tick) => (
            <line
              key={`g${tick.position}`}
              x1={r1(x)}
              x2={r1(gridRight)}
              y1={r1(tick.position)}
              y2={r1(tick.position)}
              stroke={CHART_COLORS.grid}
              strokeWidth={1}
            />
          ))
        : null}
      <line
        x1={r1(x)}
        x2={r1(x)}
        y1={r1(y0)}
        y2={r1(y1)}
        stroke={CHART_COLORS.axis}
        strokeWidth={1}
      />
      {ticks.map((tick) => (
        <g key={tick.position} transform={`translate(${r1(x)},${r1(tick.position)})`}>
          <line x2={-5} />
          <text x={-8} dy="0.35em">
            {tick.label}
          </text>
        </g>
      ))}
      {title ? (
        <text
          x={r1(x)}
          y={r1(titleY ?? Math.min(y0, y1) - 12)}
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
