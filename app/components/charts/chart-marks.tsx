import type { ReactNode } from "react";
import { BAND_STYLES, CHART_COLORS, type Band, type PointShape } from "./chart-theme";

interface MarkProps {
  /** Accessible name: says what the mark is and its values. */
  label: string;
  /** A drill-down address: the mark becomes a real link. */
  href?: string;
  /** Text of the tooltip once hydrated; the label when absent. */
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
    "data-tooltip": tooltip ?? label,
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
export function shapePath(shape: PointShape, r: number): string {
  switch (shape) {
    case "circle":
      return `M${-r},0a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
    case "square": {
      const s = r * 0.9;
      return `M${-s},${-s}H${s}V${s}H${-s}Z`;
    }
    case "triangle": {
      const s = r * 1.25;
      return `M0,${-s}L${s * 0.95},${s * 0.7}H${-s * 0.95}Z`;
    }
    case "diamond": {
      const s = r * 1.25;
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
  const h = size / 2;
  const stroke = color ?? (band ? BAND_STYLES[band].color : CHART_COLORS.muted);
  const common = {
    fill: "none",
    stroke,
    strokeWidth: Math.max(1.5, size / 6),
    strokeLinecap: "round" as const,
    strokeLinejoin: "round" as const,
  };
  let d: string;
  if (band === "green") d = `M${-h * 0.8},0L${-h * 0.2},${h * 0.65}L${h * 0.85},${-h * 0.7}`;
  else if (band === "amber") d = `M0,${-h * 0.85}V${h * 0.25}M0,${h * 0.8}V${h * 0.82}`;
  else if (band === "red")
    d = `M${-h * 0.7},${-h * 0.7}L${h * 0.7},${h * 0.7}M${h * 0.7},${-h * 0.7}L${-h * 0.7},${h * 0.7}`;
  else d = `M${-h * 0.6},0H${h * 0.6}`;
  return <path transform={`translate(${x},${y})`} d={d} {...common} aria-hidden="true" />;
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
