// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render } from "@testing-library/react";
import Papa from "papaparse";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { tableToCsv, serializeSvg } from "./chart-download";
import {
  SAMPLE_HEATMAP_COLUMNS,
  SAMPLE_HEATMAP_ROWS,
} from "../../../tests/fixtures/chart-fixtures";
import { ChartFrame, DEFAULT_CHART_LABELS, type ChartLabels } from "./chart-frame";
import { Heatmap } from "./heatmap";

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const labels: ChartLabels = {
  table: "Data table",
  downloadSvg: "SVG",
  downloadPng: "PNG",
  downloadCsv: "CSV",
  noData: "Nothing to show",
};

const table = {
  caption: "Caption",
  columns: ["Name", "Value"],
  rows: [
    ["=cmd", { text: "1.5 %", value: 0.015 }],
    [{ text: "+SUM(A1)", href: "/x" }, null],
  ],
};

function frame(props: Partial<Parameters<typeof ChartFrame>[0]> = {}) {
  return (
    <ChartFrame
      title="Title"
      summary="What it shows."
      derivedSummary="Derived."
      labels={labels}
      table={table}
      {...props}
    >
      <svg className="chart-svg" viewBox="0 0 200 100" role="group" aria-label="Title">
        <g
          className="chart-mark"
          role="img"
          tabIndex={0}
          aria-label="Mark A: 1"
          data-tooltip="Mark A: 1"
        >
          <rect width={10} height={10} fill="#0b5cad" />
        </g>
      </svg>
    </ChartFrame>
  );
}

describe("ChartFrame", () => {
  it("sends a figure with title, summary and the table in <details>, and no download buttons, from the server", () => {
    document.body.innerHTML = renderToString(frame());
    const figure = document.querySelector("figure.chart")!;
    expect(figure.querySelector("figcaption h3")!.textContent).toBe("Title");
    expect(figure.querySelector("figcaption p")!.textContent).toBe("What it shows. Derived.");
    const details = figure.querySelector("details")!;
    expect(details.querySelector("summary")!.textContent).toBe("Data table");
    expect(details.querySelector("caption")!.textContent).toBe("Caption");
    expect(details.querySelectorAll('th[scope="col"]')).toHaveLength(2);
    expect(details.querySelectorAll('th[scope="row"]')).toHaveLength(2);
    expect(details.querySelector('th[scope="row"] a')!.getAttribute("href")).toBe("/x");
    expect(figure.querySelectorAll("button")).toHaveLength(0);
  });

  it("adds the download buttons once hydrated", () => {
    const { getByRole } = render(frame());
    for (const name of ["SVG", "PNG", "CSV"]) expect(getByRole("button", { name })).toBeTruthy();
  });

  it("shows the no-data message instead of an empty chart", () => {
    const { container } = render(frame({ empty: true }));
    expect(container.querySelector("svg")).toBeNull();
    expect(container.querySelector(".chart-empty")!.textContent).toBe("Nothing to show");
    expect(container.querySelector("figcaption p")!.textContent).toBe("What it shows.");
  });

  it("shows a mark's tooltip on focus and hover, highlights it, and hides on Escape", () => {
    const { container } = render(frame());
    const mark = container.querySelector(".chart-mark")!;
    fireEvent.focus(mark);
    expect(container.querySelector(".chart-tooltip")!.textContent).toBe("Mark A: 1");
    expect(mark.classList.contains("is-active")).toBe(true);
    expect(container.querySelector("svg")!.classList.contains("has-active")).toBe(true);
    fireEvent.keyDown(mark, { key: "Escape" });
    expect(container.querySelector(".chart-tooltip")).toBeNull();
    expect(mark.classList.contains("is-active")).toBe(false);
    fireEvent.pointerOver(mark);
    expect(container.querySelector(".chart-tooltip")!.textContent).toBe("Mark A: 1");
  });

  it("has bilingual default labels", () => {
    expect(DEFAULT_CHART_LABELS).toEqual({
      table: "数据表 Data table",
      downloadSvg: "下载 SVG Download SVG",
      downloadPng: "下载 PNG Download PNG",
      downloadCsv: "下载 CSV Download CSV",
      noData: "暂无数据 No data",
    });
  });
});

describe("downloads", () => {
  it("escapes formula-like cells in the CSV and keeps raw values", () => {
    const csv = tableToCsv(table);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(Papa.parse<string[]>(csv.slice(1), { newline: "\r\n" }).data).toEqual([
      ["Name", "Value"],
      ["'=cmd", "0.015"],
      ["'+SUM(A1)", ""],
    ]);
  });

  it("downloads the table as CSV through a Blob when the button is pressed", async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return "blob:csv";
    }) as typeof URL.createObjectURL;
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    const { getByRole } = render(
      <Heatmap
        title="Departments"
        rows={SAMPLE_HEATMAP_ROWS}
        columns={SAMPLE_HEATMAP_COLUMNS}
        labels={labels}
      />,
    );
    await act(async () => {
      getByRole("button", { name: "CSV" }).click();
    });
    expect(click).toHaveBeenCalledOnce();
    const text = await blobs[0]!.text();
    expect(text).toContain("'=cmd 测试部门");
    expect(text).not.toMatch(/(^|,)=cmd/m);
    expect(text.split("\r\n")[1]).toBe("市数据局 Data Bureau,0.995,0.97,0.93,0.86,1.02");
  });

  it("serialises the chart as a standalone SVG document with its namespace, size and title", () => {
    const { container } = render(
      <Heatmap title="Departments" rows={SAMPLE_HEATMAP_ROWS} columns={SAMPLE_HEATMAP_COLUMNS} />,
    );
    const svg = container.querySelector("svg")!;
    const text = serializeSvg(svg, { title: "Departments" });
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    expect(text).toMatch(/<svg[^>]* xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    const [, , w, h] = svg.getAttribute("viewBox")!.split(" ").map(Number);
    expect(text).toContain(`width="${w}"`);
    expect(text).toContain(`height="${h! + 32}"`);
    expect(text).toContain(">Departments</text>");
    const parsed = new DOMParser().parseFromString(text, "image/svg+xml");
    expect(parsed.documentElement.tagName.toLowerCase()).toBe("svg");
    expect(parsed.querySelectorAll(".heatmap-cell")).toHaveLength(25);
  });
});
