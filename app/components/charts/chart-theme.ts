import type { Band } from "../../../metrics/variance-band";

export type { Band };

/**
 * Colours of the charts. Every colour that carries meaning has at least 3:1 contrast
 * against white (WCAG 2.1 1.4.11) and 4.5:1 where it is used for text; band tints sit
 * behind ink text (≥ 13:1) and always come with a band-coloured edge and a symbol.
 */
export const CHART_COLORS = {
  ink: "#1b1f24",
  muted: "#4b5563",
  grid: "#d0d7de",
  axis: "#6b7280",
  paper: "#ffffff",
  accent: "#0b5cad",
  noData: "#eef0f3",
  /** Qualitative ranges of a bullet chart, darkest = worst. */
  rangeDark: "#b3bbc5",
  rangeMid: "#d3d8de",
  rangeLight: "#eef0f2",
} as const;

export interface BandStyle {
  /** Strong colour: edges, symbols, shapes (≥ 4.5:1 on white). */
  color: string;
  /** Light tint behind ink text. */
  tint: string;
  /** Shape of a point mark in a scatter plot. */
  shape: "circle" | "triangle" | "square";
}

export const BAND_STYLES: Record<Band, BandStyle> = {
  green: { color: "#00703c", tint: "#e6f2ea", shape: "circle" },
  amber: { color: "#a35200", tint: "#fdf1dd", shape: "triangle" },
  red: { color: "#b10e1e", tint: "#fbe5e6", shape: "square" },
};

/** The words for each band (and for "no band"), shown beside the symbol. */
export interface BandLabels {
  green: string;
  amber: string;
  red: string;
  none: string;
}

export const DEFAULT_BAND_LABELS: BandLabels = {
  green: "正常 On track",
  amber: "关注 Watch",
  red: "预警 Alert",
  none: "无数据 No data",
};

/** The text symbol of a band, for tables and accessible names (✓ ! ✕). */
export const BAND_TEXT_SYMBOLS: Record<Band, string> = { green: "✓", amber: "!", red: "✕" };

/** The bands in the order of a legend, then "no band" (null). */
export const LEGEND_BANDS: readonly (Band | null)[] = ["green", "amber", "red", null];

export function bandText(band: Band | null, labels: BandLabels): string {
  return band ? `${BAND_TEXT_SYMBOLS[band]} ${labels[band]}` : labels.none;
}

/** Series colours (each ≥ 5:1 on white) and dash patterns, so no series is told by colour alone. */
export const SERIES_STYLES: readonly {
  color: string;
  dash: string | undefined;
  shape: PointShape;
}[] = [
  { color: "#0b5cad", dash: undefined, shape: "circle" },
  { color: "#a35200", dash: "8 4", shape: "square" },
  { color: "#6f3f9e", dash: "2 3", shape: "triangle" },
  { color: "#1b1f24", dash: "10 3 2 3", shape: "diamond" },
  { color: "#00703c", dash: "4 4", shape: "circle" },
];

export type PointShape = "circle" | "square" | "triangle" | "diamond";

export function seriesStyle(index: number): (typeof SERIES_STYLES)[number] {
  return SERIES_STYLES[index % SERIES_STYLES.length] ?? SERIES_STYLES[0]!;
}

/** Font sizes in viewBox units. */
export const FONT = { tick: 12, label: 13, title: 14, small: 11 } as const;
