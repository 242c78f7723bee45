import { useEffect, useRef, useState, type ReactNode } from "react";
import { downloadBlob, serializeSvg, svgSize, svgToPng, tableToCsv } from "./chart-download";
import { ChartDetails, type ChartTable } from "./chart-table";
import { fileNameOf } from "./chart-text";
import { useChartTooltip } from "./use-chart-tooltip";

/** The frame's own words, passed in by the page (the app is bilingual). */
export interface ChartLabels {
  /** Summary of the <details> holding the data table. */
  table: string;
  downloadSvg: string;
  downloadPng: string;
  downloadCsv: string;
  /** Shown instead of a chart with no data. */
  noData: string;
}

export const DEFAULT_CHART_LABELS: ChartLabels = {
  table: "数据表 Data table",
  downloadSvg: "下载 SVG Download SVG",
  downloadPng: "下载 PNG Download PNG",
  downloadCsv: "下载 CSV Download CSV",
  noData: "暂无数据 No data",
};

/** What every chart takes besides its data. */
export interface ChartCommonProps {
  /** The chart's title, shown as a heading. */
  title: string;
  /** Heading level of the title (default 3). */
  headingLevel?: 2 | 3 | 4;
  /** A sentence from the page saying what the chart shows; the chart adds what it can derive. */
  summary?: string;
  labels?: ChartLabels;
  /** Base name of downloaded files (default: from the title). */
  fileName?: string;
  className?: string;
}

export interface ChartFrameProps extends ChartCommonProps {
  /** A sentence the chart derives from its data (counts, extremes, what is not plotted). */
  derivedSummary?: string;
  /** The data behind the chart; always in the server HTML, inside <details>. */
  table?: ChartTable;
  /** No data: the frame shows labels.noData instead of the chart. */
  empty?: boolean;
  /** Open the table's <details> by default. */
  tableOpen?: boolean;
  /** The chart: an <svg className="chart-svg" viewBox=…>. */
  children: ReactNode;
}

/** True once React has hydrated on the client (always false on the server). */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/**
 * A chart's frame: <figure> with the title and summary in its <figcaption>, the SVG, a
 * tooltip host, the data table in <details>, and (once hydrated, since they need
 * JavaScript) buttons to download the chart as SVG or PNG and the table as CSV.
 */
export function ChartFrame({
  title,
  headingLevel = 3,
  summary,
  derivedSummary,
  labels = DEFAULT_CHART_LABELS,
  table,
  empty = false,
  tableOpen = false,
  fileName,
  className,
  children,
}: ChartFrameProps) {
  const bodyRef = useRef<HTMLDivElement>(null);
  const hydrated = useHydrated();
  const { tooltip, handlers } = useChartTooltip(bodyRef);
  const Heading = `h${headingLevel}` as const;
  const baseName = fileName ?? fileNameOf(title);

  function svgElement(): SVGSVGElement | null {
    return bodyRef.current?.querySelector("svg") ?? null;
  }
  function downloadSvg() {
    const svg = svgElement();
    if (!svg) return;
    const text = serializeSvg(svg, { title });
    downloadBlob(new Blob([text], { type: "image/svg+xml;charset=utf-8" }), `${baseName}.svg`);
  }
  async function downloadPng() {
    const svg = svgElement();
    if (!svg) return;
    const text = serializeSvg(svg, { title });
    const { width, height } = svgSize(text);
    const png = await svgToPng(text, width, height);
    downloadBlob(png, `${baseName}.png`);
  }
  function downloadCsv() {
    if (!table) return;
    downloadBlob(
      new Blob([tableToCsv(table)], { type: "text/csv;charset=utf-8" }),
      `${baseName}.csv`,
    );
  }

  const sentences = [summary, empty ? undefined : derivedSummary].filter((text): text is string =>
    Boolean(text),
  );

  return (
    <figure className={className ? `chart ${className}` : "chart"}>
      <figcaption>
        <Heading className="chart-title">{title}</Heading>
        {sentences.length > 0 ? <p className="chart-summary">{sentences.join(" ")}</p> : null}
      </figcaption>
      {empty ? (
        <p className="chart-empty" role="note">
          {labels.noData}
        </p>
      ) : (
        <>
          <div className="chart-body" ref={bodyRef} {...handlers}>
            <div className="chart-scroll">{children}</div>
            {tooltip ? (
              <div
                className="chart-tooltip"
                aria-hidden="true"
                style={{ left: `${tooltip.left}px`, top: `${tooltip.top}px` }}
              >
                {tooltip.text}
              </div>
            ) : null}
          </div>
          {table ? <ChartDetails summary={labels.table} table={table} open={tableOpen} /> : null}
          {hydrated ? (
            <div className="chart-downloads" role="group" aria-label={title}>
              <button type="button" className="chart-download" onClick={downloadSvg}>
                {labels.downloadSvg}
              </button>
              <button type="button" className="chart-download" onClick={() => void downloadPng()}>
                {labels.downloadPng}
              </button>
              {table ? (
                <button type="button" className="chart-download" onClick={downloadCsv}>
                  {labels.downloadCsv}
                </button>
              ) : null}
            </div>
          ) : null}
        </>
      )}
    </figure>
  );
}

/**
 * The <svg> of a chart in a ChartFrame: a group named by the chart's title, scaled to its
 * container and at most 1.25 times its viewBox width.
 */
export function ChartSvg({
  className,
  width,
  height,
  title,
  children,
}: {
  /** The chart's own classes, after "chart-svg". */
  className: string;
  width: number;
  height: number;
  title: string;
  children: ReactNode;
}) {
  return (
    <svg
      className={`chart-svg ${className}`}
      viewBox={`0 0 ${width} ${height}`}
      role="group"
      aria-label={title}
      style={{ maxWidth: `${width * 1.25}px` }}
    >
      {children}
    </svg>
  );
}
