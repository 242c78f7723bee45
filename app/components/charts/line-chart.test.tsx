// @vitest-environment happy-dom
import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_CHART_LABELS } from "./chart-frame";
import { LineChart, lineLayout, type LineSeries } from "./line-chart";
import { isoToUtc } from "./chart-text";

afterEach(cleanup);

const series: LineSeries[] = [
  {
    key: "received",
    label: "受理量 Received",
    points: [
      { x: "2024-01", y: 100 },
      { x: "2024-02", y: 200 },
      { x: "2024-03", y: null },
      { x: "2024-04", y: 400 },
    ],
  },
  {
    key: "lastYear",
    label: "去年 Last year",
    points: [
      { x: "2024-01", y: 150 },
      { x: "2024-02", y: 160 },
      { x: "2024-03", y: 170 },
      { x: "2024-04", y: 180 },
    ],
  },
];

function renderLines(extra: Partial<Parameters<typeof LineChart>[0]> = {}) {
  return render(
    <LineChart
      title="诉求 Appeals"
      series={series}
      xLabel="月份 Month"
      yLabel="件 Appeals"
      {...extra}
    />,
  );
}

describe("LineChart", () => {
  it("draws a focusable point per known value, named with series, time and value", () => {
    const { container } = renderLines();
    const points = container.querySelectorAll("svg .line-point");
    expect(points).toHaveLength(7);
    expect(points[0]!.getAttribute("aria-label")).toBe("受理量 Received, 2024-01: 100");
    expect(points[0]!.getAttribute("tabindex")).toBe("0");
    expect(points[0]!.getAttribute("data-group")).toBe("received");
  });

  it("leaves a gap where a value is null", () => {
    const { container } = renderLines();
    const path = container.querySelector('svg .line-series[data-group="received"] > path')!;
    expect(path.getAttribute("d")!.match(/M/g)).toHaveLength(2);
  });

  it("maps the first and last months to the plot's edges and the top value to the top", () => {
    const layout = lineLayout(series, { width: 720, height: 360 });
    expect(layout.x(isoToUtc("2024-01"))).toBe(layout.left);
    expect(layout.x(isoToUtc("2024-04"))).toBe(layout.right);
    expect(layout.y.domain()).toEqual([0, 400]);
    expect(layout.y(400)).toBe(layout.top);
    expect(layout.y(0)).toBe(layout.bottom);
  });

  it("tells series apart by dash pattern and shape in the legend, not colour alone", () => {
    const { container } = renderLines();
    const legends = container.querySelectorAll("svg .chart-legend > g");
    expect(legends).toHaveLength(2);
    const dashes = [...legends].map((g) =>
      g.querySelector("line")!.getAttribute("stroke-dasharray"),
    );
    expect(dashes[0]).toBeNull();
    expect(dashes[1]).toBe("8 4");
    const shapes = [...legends].map((g) => g.querySelector("path")!.getAttribute("d"));
    expect(shapes[0]).not.toBe(shapes[1]);
  });

  it("draws the target line and the vertical marker with their labels", () => {
    const { container } = renderLines({
      target: { value: 300, label: "目标 Target 300" },
      marker: { x: "2024-03-15", label: "截止 Cut-off" },
    });
    const layout = lineLayout(series, {
      width: 720,
      height: 360,
      target: 300,
      marker: "2024-03-15",
      targetLabel: "目标 Target 300",
    });
    const refs = container.querySelectorAll("svg .chart-reference");
    expect(refs).toHaveLength(2);
    expect(Number(refs[0]!.querySelector("line")!.getAttribute("y1"))).toBeCloseTo(layout.y(300));
    expect(refs[0]!.textContent).toBe("目标 Target 300");
    expect(Number(refs[1]!.querySelector("line")!.getAttribute("x1"))).toBeCloseTo(
      layout.x(isoToUtc("2024-03-15")),
    );
    expect(refs[1]!.textContent).toBe("截止 Cut-off");
  });

  it("has a table with a row per time and a column per series", () => {
    const { container } = renderLines();
    const rows = container.querySelectorAll("details table tbody tr");
    expect(rows).toHaveLength(4);
    expect(rows[2]!.textContent).toBe("2024-03—170");
    expect(container.querySelector(".chart-summary")!.textContent).toContain(
      "受理量 Received: 2024-01 100 → 2024-04 400.",
    );
  });

  it("says there is no data when every value is null", () => {
    const { container } = render(
      <LineChart
        title="t"
        series={[{ key: "a", label: "A", points: [{ x: "2024-01", y: null }] }]}
        xLabel="x"
        yLabel="y"
      />,
    );
    expect(container.querySelector("svg")).toBeNull();
    expect(container.textContent).toContain(DEFAULT_CHART_LABELS.noData);
  });
});
