import { useId } from "react";
import { ChartFrame, ChartSvg, type ChartCommonProps } from "./chart-frame";
import {
  BandSymbol,
  BandSymbolDefs,
  BandSymbolUse,
  ChartLegend,
  HatchPattern,
  Mark,
  TextBlock,
  type LegendItem,
} from "./chart-marks";
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
import { r1, safeId, textWidth, truncateText, wrapText } from "./chart-text";

/** A column of the heatmap (a KPI). */
export interface HeatmapColumn {
  key: string;
  label: string;
  /** Formats this column's values (e.g. a rate as "97.2 %"); else the chart's format. */
  format?: (value: number) => string;
}

/** One cell: a value (null = no data) and its status band. */
export interface HeatmapCell {
  value: number | null;
  band: Band | null;
  /** Drill-down from this cell (e.g. the department's page at this KPI). */
  href?: string;
}

/** A row of the heatmap (a department), its cells keyed by column key. */
export interface HeatmapRow {
  key: string;
  label: string;
  /** The row's page (e.g. /dashboard/departments/:code): the row label links there. */
  href?: string;
  cells: Readonly<Record<string, HeatmapCell | undefined>>;
}

export interface HeatmapCounts {
  rows: number;
  columns: number;
  green: number;
  amber: number;
  red: number;
  none: number;
}

export interface HeatmapText {
  /** Header of the table's first column, e.g. "部门 Department". */
  rowHeader: string;
  /** Shown in a cell without a value. */
  noValue: string;
  bands: BandLabels;
  summarize: (counts: HeatmapCounts) => string;
}

export const DEFAULT_HEATMAP_TEXT: HeatmapText = {
  rowHeader: "部门 Department",
  noValue: "—",
  bands: DEFAULT_BAND_LABELS,
  summarize: (c) =>
    `${c.rows} × ${c.columns} 格：预警 ${c.red}，关注 ${c.amber}，正常 ${c.green}，无数据 ${c.none}。` +
    ` ${c.rows} × ${c.columns} cells: ${c.red} alert, ${c.amber} watch, ${c.green} on track, ${c.none} no data.`,
};

export interface HeatmapProps extends ChartCommonProps {
  rows: readonly HeatmapRow[];
  columns: readonly HeatmapColumn[];
  /** Default value format for columns without their own. */
  format?: (value: number) => string;
  text?: Partial<HeatmapText>;
  /** Viewbox width (default 760); wider when many columns need it. */
  width?: number;
}

const ROW_HEIGHT = 36;
const MIN_COLUMN_WIDTH = 84;
const LEGEND_HEIGHT = 34;

/** Geometry of the heatmap: label column, cell size, header height, viewBox. */
export function heatmapLayout(
  rows: readonly HeatmapRow[],
  columns: readonly HeatmapColumn[],
  width = 760,
) {
  const longest = Math.max(0, ...rows.map((row) => textWidth(row.label, FONT.label)));
  const labelWidth = Math.min(220, Math.max(80, longest + 16));
  const columnWidth = Math.max(
    MIN_COLUMN_WIDTH,
    (width - labelWidth) / Math.max(columns.length, 1),
  );
  const headerLines = columns.map((column) =>
    wrapText(column.label, columnWidth - 8, FONT.tick, 3),
  );
  const headerHeight = 10 + Math.max(1, ...headerLines.map((lines) => lines.length)) * 15;
  const innerWidth = labelWidth + columnWidth * columns.length;
  return {
    labelWidth,
    columnWidth,
    headerLines,
    headerHeight,
    width: Math.max(width, innerWidth),
    height: headerHeight + rows.length * ROW_HEIGHT + LEGEND_HEIGHT + 8,
    cellX: (columnIndex: number) => labelWidth + columnIndex * columnWidth,
    cellY: (rowIndex: number) => headerHeight + rowIndex * ROW_HEIGHT,
  };
}

/**
 * Rows (departments) × columns (KPIs). Each cell shows its value as text, its band as a
 * tint with a band-coloured edge and a symbol (✓ ! ✕), and "no data" as hatching; cells
 * and row labels are links when given an href.
 */
export function Heatmap({
  rows,
  columns,
  format = (v) => String(v),
  text: textOverrides,
  width: requestedWidth = 760,
  labels,
  ...common
}: HeatmapProps) {
  const text = { ...DEFAULT_HEATMAP_TEXT, ...textOverrides };
  const chartId = safeId(useId());
  const hatchId = `${chartId}-hatch`;
  const symbolId = `${chartId}-band`;
  const layout = heatmapLayout(rows, columns, requestedWidth);
  const formatOf = (column: HeatmapColumn) => column.format ?? format;

  const counts: HeatmapCounts = {
    rows: rows.length,
    columns: columns.length,
    green: 0,
    amber: 0,
    red: 0,
    none: 0,
  };
  for (const row of rows)
    for (const column of columns) {
      const cell = row.cells[column.key];
      if (!cell || cell.value === null) counts.none += 1;
      else if (cell.band) counts[cell.band] += 1;
    }

  const valueText = (cell: HeatmapCell | undefined, column: HeatmapColumn) =>
    cell && cell.value !== null ? formatOf(column)(cell.value) : text.noValue;

  const table: ChartTable = {
    caption: common.title,
    columns: [text.rowHeader, ...columns.map((column) => column.label)],
    rows: rows.map((row) => [
      row.href ? { text: row.label, href: row.href } : row.label,
      ...columns.map((column) => {
        const cell = row.cells[column.key];
        const hasValue = cell !== undefined && cell.value !== null;
        return {
          text: hasValue
            ? `${valueText(cell, column)} ${bandText(cell.band, text.bands)}`
            : text.noValue,
          value: cell?.value ?? null,
        };
      }),
    ]),
  };

  const legend: LegendItem[] = LEGEND_BANDS.map((band) => ({
    key: band ?? "none",
    label: band ? text.bands[band] : text.bands.none,
    swatch: (
      <>
        <rect
          width={22}
          height={16}
          y={-8}
          rx={2}
          fill={band ? BAND_STYLES[band].tint : `url(#${hatchId})`}
          stroke={band ? BAND_STYLES[band].color : CHART_COLORS.axis}
          strokeWidth={band ? 2 : 1}
        />
        {band ? <BandSymbol band={band} x={11} y={0} size={10} /> : null}
      </>
    ),
  }));

  return (
    <ChartFrame
      {...common}
      labels={labels}
      derivedSummary={text.summarize(counts)}
      table={table}
      empty={rows.length === 0 || columns.length === 0}
    >
      <ChartSvg
        className="heatmap"
        width={layout.width}
        height={layout.height}
        title={common.title}
      >
        <defs>
          <HatchPattern id={hatchId} color="#c4cad2" background={CHART_COLORS.noData} />
          <BandSymbolDefs prefix={symbolId} size={11} />
        </defs>
        <g aria-hidden="true">
          {columns.map((column, index) => (
            <TextBlock
              key={column.key}
              lines={layout.headerLines[index] ?? []}
              x={layout.cellX(index) + layout.columnWidth / 2}
              y={layout.headerHeight - 8}
              lineHeight={15}
              align="bottom"
              className="heatmap-header"
            />
          ))}
        </g>
        {rows.map((row, rowIndex) => {
          const y = layout.cellY(rowIndex);
          const rowLabel = truncateText(row.label, layout.labelWidth - 12, FONT.label);
          // A link is named by its text (the full name in <title> when shortened); a plain
          // label is hidden, the cells' names carrying the row's name.
          const label = (
            <text
              x={r1(layout.labelWidth - 10)}
              y={y + ROW_HEIGHT / 2}
              dy="0.35em"
              textAnchor="end"
              fontSize={FONT.label}
              fill={row.href ? CHART_COLORS.accent : CHART_COLORS.ink}
              textDecoration={row.href ? "underline" : undefined}
              aria-hidden={row.href ? undefined : "true"}
            >
              {rowLabel}
              {row.href && rowLabel !== row.label ? <title>{row.label}</title> : null}
            </text>
          );
          return (
            <g key={row.key} className="heatmap-row">
              {row.href ? (
                <a href={row.href} className="chart-row-link">
                  {label}
                </a>
              ) : (
                label
              )}
              {columns.map((column, columnIndex) => {
                const cell = row.cells[column.key];
                const x = layout.cellX(columnIndex);
                const hasValue = cell !== undefined && cell.value !== null;
                const band = hasValue ? (cell.band ?? null) : null;
                const value = valueText(cell, column);
                const name = `${row.label} · ${column.label}: ${value}${hasValue ? `, ${bandText(band, text.bands)}` : ` (${text.bands.none})`}`;
                return (
                  <Mark
                    key={column.key}
                    label={name}
                    href={cell?.href}
                    group={`row-${row.key}`}
                    className={`heatmap-cell ${!hasValue ? "no-data" : band ? `band-${band}` : "no-band"}`}
                  >
                    {/* Colours and text styles by the cell's class (app.css, charts). */}
                    <rect
                      x={r1(x + 2)}
                      y={r1(y + 2)}
                      width={r1(layout.columnWidth - 4)}
                      height={ROW_HEIGHT - 4}
                      rx={3}
                      fill={hasValue ? undefined : `url(#${hatchId})`}
                    />
                    {hasValue && band ? (
                      <BandSymbolUse
                        prefix={symbolId}
                        band={band}
                        x={x + 14}
                        y={y + ROW_HEIGHT / 2}
                      />
                    ) : hasValue ? (
                      <BandSymbol band={null} x={x + 14} y={y + ROW_HEIGHT / 2} size={11} />
                    ) : null}
                    <text
                      x={r1(hasValue ? x + layout.columnWidth / 2 + 8 : x + layout.columnWidth / 2)}
                      y={r1(y + ROW_HEIGHT / 2)}
                      dy="0.35em"
                      aria-hidden="true"
                    >
                      {value}
                    </text>
                  </Mark>
                );
              })}
            </g>
          );
        })}
        <ChartLegend
          items={legend}
          x={0}
          y={layout.headerHeight + rows.length * ROW_HEIGHT + 18}
          swatchWidth={34}
          labelX={28}
        />
      </ChartSvg>
    </ChartFrame>
  );
}
