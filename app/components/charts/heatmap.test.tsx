// @vitest-environment happy-dom
import { cleanup, render, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import {
  SAMPLE_HEATMAP_COLUMNS,
  SAMPLE_HEATMAP_ROWS,
} from "../../../tests/fixtures/chart-fixtures";
import { DEFAULT_CHART_LABELS } from "./chart-frame";
import { Heatmap, heatmapLayout } from "./heatmap";

afterEach(cleanup);

const rows = SAMPLE_HEATMAP_ROWS;
const columns = SAMPLE_HEATMAP_COLUMNS;

function renderHeatmap() {
  return render(<Heatmap title="部门 × 指标 Departments × KPIs" rows={rows} columns={columns} />);
}

describe("Heatmap", () => {
  it("draws one mark per row × column, each named with row, column, value and band", () => {
    const { container } = renderHeatmap();
    const cells = container.querySelectorAll("svg .heatmap-cell");
    expect(cells).toHaveLength(rows.length * columns.length);
    const first = cells[0]!;
    expect(first.getAttribute("aria-label")).toBe(
      "市数据局 Data Bureau · 回复率 Reply rate: 99.5 %, ✓ 正常 On track",
    );
    expect(first.textContent).toContain("99.5 %");
    const noData = cells[cells.length - 1]!;
    expect(noData.getAttribute("aria-label")).toContain("无数据 No data");
    for (const cell of cells) {
      expect(cell.getAttribute("tabindex") === "0" || cell.tagName.toLowerCase() === "a").toBe(
        true,
      );
    }
  });

  it("shows each band by colour, a drawn symbol and, in names and table, ✓ ! ✕", () => {
    const { container } = renderHeatmap();
    const bands = [...container.querySelectorAll("svg .heatmap-cell")].map((cell) =>
      /\b(?:band-(\w+)|no-(data))\b/.exec(cell.getAttribute("class")!)?.slice(1).find(Boolean),
    );
    // Counted by hand from the fixture's values and band edges.
    expect(bands.filter((b) => b === "red")).toHaveLength(5);
    expect(bands.filter((b) => b === "amber")).toHaveLength(5);
    expect(bands.filter((b) => b === "green")).toHaveLength(8);
    expect(bands.filter((b) => b === "data")).toHaveLength(7);
    // Every cell with a value has a symbol path beside its text.
    const withValue = [...container.querySelectorAll("svg .heatmap-cell")].filter(
      (cell) => !cell.getAttribute("aria-label")!.includes("No data"),
    );
    for (const cell of withValue) expect(cell.querySelectorAll("use, path")).toHaveLength(1);
    const table = container.querySelector("details table")!;
    expect(table.textContent).toContain("✓ 正常 On track");
    expect(table.textContent).toContain("! 关注 Watch");
    expect(table.textContent).toContain("✕ 预警 Alert");
    // The hatching for "no data" is a pattern defined in the chart.
    expect(container.querySelector("svg defs pattern")).not.toBeNull();
  });

  it("links row labels and cells to the given addresses", () => {
    const { container } = renderHeatmap();
    const svg = container.querySelector("svg")!;
    const rowLinks = [...svg.querySelectorAll("a.chart-row-link")].map((a) =>
      a.getAttribute("href"),
    );
    expect(rowLinks).toEqual(rows.map((row) => row.href));
    const cellLink = svg.querySelector('a.heatmap-cell[href="/dashboard/departments/D01#appeals"]');
    expect(cellLink?.getAttribute("aria-label")).toContain("99.5 %");
  });

  it("has a table with one row per department, a caption, and scoped headers", () => {
    const { container } = renderHeatmap();
    const table = container.querySelector("details table")!;
    expect(table.querySelector("caption")?.textContent).toBe("部门 × 指标 Departments × KPIs");
    expect(table.querySelectorAll("tbody tr")).toHaveLength(rows.length);
    expect(table.querySelectorAll('thead th[scope="col"]')).toHaveLength(columns.length + 1);
    expect(table.querySelectorAll('tbody th[scope="row"]')).toHaveLength(rows.length);
    expect(
      within(table as HTMLElement)
        .getByText("市数据局 Data Bureau")
        .getAttribute("href"),
    ).toBe("/dashboard/departments/D01");
  });

  it("lays the last column against the right edge of the view box", () => {
    const layout = heatmapLayout(rows, columns, 760);
    expect(layout.cellX(columns.length - 1) + layout.columnWidth).toBeCloseTo(layout.width);
    expect(layout.cellY(rows.length - 1)).toBe(layout.headerHeight + (rows.length - 1) * 36);
  });

  it("counts the bands in its summary", () => {
    const { container } = renderHeatmap();
    expect(container.querySelector(".chart-summary")?.textContent).toContain(
      "5 alert, 5 watch, 8 on track, 7 no data",
    );
  });

  it("says there is no data instead of drawing an empty grid", () => {
    const { container } = render(<Heatmap title="空 Empty" rows={[]} columns={columns} />);
    expect(container.querySelector("svg")).toBeNull();
    expect(container.textContent).toContain(DEFAULT_CHART_LABELS.noData);
  });
});
