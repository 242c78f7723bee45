import type { ReactNode } from "react";
import { BAND_STYLES, CHART_COLORS, FONT, type Band, type PointShape } from "./chart-theme";
import { r1, textWidth } from "./chart-text";

interface MarkProps {
  /** Accessible name: says what the mark is and its values. */
  label: string;
  /** A drill-down address: the mark becomes a real link. */
  href?: string;
  /** Text of the tooltip once hydrated, when it differs from the label (the label otherwise). */
  tooltip?: string;
  /** Marks of the same group (a series, a row) are highlighted together. */
  group?: string;
  className?: string;
  children: ReactNode;
}

/**
 * A keyboard-reachable mark: an `<a href>` in the SVG when it drills down, otherwise a
 * focusable graphic with role="img". Either way its accessible name carries the values.
 */
export function Mark({ label, href, tooltip, group, className, children }: MarkProps) {
  const common = {
    className: className ? `chart-mark ${className}` : "chart-mark",
    "aria-label": label,
    // The tooltip falls back to the accessible name: written only when it says something else.
    "data-tooltip": tooltip !== undefined && tooltip !== label ? tooltip : undefined,
    "data-group": group,
  };
  if (href) {
    return (
      <a href={href} {...common}>
        {children}
      </a>
    );
  }
  return (
    <g role="img" tabIndex={0} {...common}>
      {children}
    </g>
  );
}

/** Path of a point shape of area about that of a circle of radius r, centred on 0,0. */
export function shapePath(shape: PointShape, radius: number): string {
  const r = r1(radius);
  switch (shape) {
    case "circle":
      return `M${-r},0a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
    case "square": {
      const s = r1(r * 0.9);
      return `M${-s},${-s}H${s}V${s}H${-s}Z`;
    }
    case "triangle": {
      const s = r * 1.25;
      return `M0,${r1(-s)}L${r1(s * 0.95)},${r1(s * 0.7)}H${r1(-s * 0.95)}Z`;
    }
    case "diamond": {
      const s = r1(r * 1.25);
      return `M0,${-s}L${s},0L0,${s}L${-s},0Z`;
    }
  }
}

/**
 * The symbol of a band drawn as paths (✓ for green, ! for amber, ✕ for red), so it
 * renders the same in every font and in downloaded images. Centred on x, y; `size` is
 * the side of its box.
 */
export function BandSymbol({
  band,
  x,
  y,
  size = 12,
  color,
}: {
  band: Band | null;
  x: number;
  y: number;
  size?: number;
  color?: string;
}) {
  return (
    <path
      transform={`translate(${r1(x)},${r1(y)})`}
      d={bandSymbolPath(band, size)}
      {...bandSymbolStroke(band, size, color)}
      aria-hidden="true"
    />
  );
}

/** The path of a band's symbol (see BandSymbol), centred on 0,0, coordinates to 0.1. */
export function bandSymbolPath(band: Band | null, size: number): string {
  const h = size / 2;
  const n = (k: number) => r1(h * k);
  if (band === "green") return `M${n(-0.8)},0L${n(-0.2)},${n(0.65)}L${n(0.85)},${n(-0.7)}`;
  if (band === "amber") return `M0,${n(-0.85)}V${n(0.25)}M0,${n(0.8)}V${n(0.82)}`;
  if (band === "red")
    return `M${n(-0.7)},${n(-0.7)}L${n(0.7)},${n(0.7)}M${n(0.7)},${n(-0.7)}L${n(-0.7)},${n(0.7)}`;
  return `M${n(-0.6)},0H${n(0.6)}`;
}

function bandSymbolStroke(band: Band | null, size: number, color?: string) {
  return {
    fill: "none",
    stroke: color ?? (band ? BAND_STYLES[band].color : CHART_COLORS.muted),
    strokeWidth: r1(Math.max(1.5, size / 6)),
    strokeLinecap: "round" as const,
    strokeLinejoin: "round" as const,
  };
}

/**
 * The three band symbols of one size defined once in a chart's <defs>, each with its
 * colour, as `${prefix}-green` etc.; marks then draw one with <BandSymbolUse>.
 */
export function BandSymbolDefs({ prefix, size }: { prefix: string; size: number }) {
  return (
    <>
      {(["green", "amber", "red"] as const).map((band) => (
        <path
          key={band}
          id={`${prefix}-${band}`}
          d={bandSymbolPath(band, size)}
          {...bandSymbolStroke(band, size)}
        />
      ))}
    </>
  );
}

/** A band symbol defined by BandSymbolDefs, centred on x, y. */
export function BandSymbolUse({
  prefix,
  band,
  x,
  y,
}: {
  prefix: string;
  band: Band;
  x: number;
  y: number;
}) {
  return <use href={`#${prefix}-${band}`} x={r1(x)} y={r1(y)} />;
}

/** An SVG hatching pattern (diagonal lines), for "no data" areas. */
export function HatchPattern({
  id,
  color,
  background,
}: {
  id: string;
  color: string;
  background: string;
}) {
  return (
    <pattern
      id={id}
      width={6}
      height={6}
      patternUnits="userSpaceOnUse"
      patternTransform="rotate(45)"
    >
      <rect width={6} height={6} fill={background} />
      <line x1={0} y1={0} x2={0} y2={6} stroke={color} strokeWidth={1.5} />
    </pattern>
  );
}

/**
 * The lines of a wrapped label as <tspan>s of the caller's <text>: each at `x`, the first
 * shifted by `firstDy`, the others `lineHeight` below the previous one.
 */
export function TextLines({
  lines,
  x,
  lineHeight,
  firstDy = 0,
}: {
  lines: readonly string[];
  x: number;
  lineHeight: number;
  firstDy?: number | string;
}) {
  return (
    <>
      {lines.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? firstDy : lineHeight}>
          {line}
        </tspan>
      ))}
    </>
  );
}

/**
 * A label of one or more lines (from wrapText) as one <text>, placed by `align`:
 * "middle" centres the block on y, "top" puts the first baseline at y, "bottom" the last.
 */
export function TextBlock({
  lines,
  x,
  y,
  lineHeight,
  align = "middle",
  className,
  anchor,
  fontSize,
  fill,
  underline = false,
  hidden = false,
}: {
  lines: readonly string[];
  x: number;
  y: number;
  lineHeight: number;
  align?: "middle" | "top" | "bottom";
  className?: string;
  anchor?: "start" | "middle" | "end";
  fontSize?: number;
  fill?: string;
  underline?: boolean;
  /** aria-hidden on the text itself (when the mark around it carries the name). */
  hidden?: boolean;
}) {
  const firstY =
    align === "middle"
      ? y - ((lines.length - 1) * lineHeight) / 2
      : align === "bottom"
        ? y - (lines.length - 1) * lineHeight
        : y;
  return (
    <text
      x={r1(x)}
      y={r1(firstY)}
      className={className}
      textAnchor={anchor}
      fontSize={fontSize}
      fill={fill}
      textDecoration={underline ? "underline" : undefined}
      aria-hidden={hidden ? "true" : undefined}
    >
      <TextLines
        lines={lines}
        x={r1(x)}
        firstDy={align === "middle" ? "0.35em" : 0}
        lineHeight={lineHeight}
      />
    </text>
  );
}

/**
 * The name of a row, right-aligned at x (the end of the label column) and centred on the
 * row's middle y; in the link colour, underlined, when the row's mark is a link.
 */
export function RowLabel({
  lines,
  x,
  y,
  lineHeight,
  fontSize = FONT.label,
  linked = false,
  hidden = true,
}: {
  lines: readonly string[];
  x: number;
  y: number;
  lineHeight: number;
  fontSize?: number;
  linked?: boolean;
  /** aria-hidden on the label (default): the row's mark names the row. */
  hidden?: boolean;
}) {
  return (
    <TextBlock
      lines={lines}
      x={x}
      y={y}
      lineHeight={lineHeight}
      anchor="end"
      fontSize={fontSize}
      fill={linked ? CHART_COLORS.accent : CHART_COLORS.ink}
      underline={linked}
      hidden={hidden}
    />
  );
}

/** A transparent rectangle across a row, so that the whole row is the mark's target. */
export function HitArea({ y, width, height }: { y: number; width: number; height: number }) {
  return (
    <rect
      className="chart-hit"
      x={0}
      y={r1(y)}
      width={r1(width)}
      height={r1(height)}
      fill="transparent"
    />
  );
}

/** Small text with a white halo, readable over grid lines and marks. */
export function HaloText({
  x,
  y,
  dy,
  anchor,
  children,
}: {
  x: number;
  y: number;
  dy?: string;
  anchor: "start" | "middle" | "end";
  children: ReactNode;
}) {
  return (
    <text
      x={r1(x)}
      y={r1(y)}
      dy={dy}
      textAnchor={anchor}
      fontSize={FONT.small}
      fill={CHART_COLORS.ink}
      stroke={CHART_COLORS.paper}
      strokeWidth={3}
      paintOrder="stroke"
    >
      {children}
    </text>
  );
}

/** One entry of a ChartLegend. */
export interface LegendItem {
  key: string;
  label: string;
  /** The sample mark, drawn in the item's own coordinates: x from 0, centred on y = 0. */
  swatch: ReactNode;
  /** Where the label starts, when not at the legend's labelX. */
  labelX?: number;
  /** The series the item stands for: highlighted with it (data-group). */
  group?: string;
}

/**
 * A one-line legend starting at x, y: each item's swatch, then its label at labelX; the
 * next item starts swatchWidth + the label's width + gap further on.
 */
export function ChartLegend({
  items,
  x,
  y,
  swatchWidth,
  labelX,
  gap = 0,
}: {
  items: readonly LegendItem[];
  x: number;
  y: number;
  swatchWidth: number;
  labelX: number;
  gap?: number;
}) {
  let itemX = x;
  return (
    <g className="chart-legend" aria-hidden="true">
      {items.map((item) => {
        const at = itemX;
        itemX += swatchWidth + textWidth(item.label, FONT.small) + gap;
        return (
          <g key={item.key} transform={`translate(${r1(at)},${r1(y)})`} data-group={item.group}>
            {item.swatch}
            <text
              x={item.labelX ?? labelX}
              dy="0.35em"
              fontSize={FONT.small}
              fill={CHART_COLORS.ink}
            >
              {item.label}
            </text>
          </g>
        );
      })}
    </g>
  );
}
