// @vitest-environment happy-dom
import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { SAMPLE_SCATTER, percent } from "../../../tests/fixtures/chart-fixtures";
import { DEFAULT_CHART_LABELS } from "./chart-frame";
import { QuadrantScatter, scatterLayout } from "./quadrant-scatter";

afterEach(cleanup);

function renderScatter() {
  return render(
    <QuadrantScatter
      title="预算与成效 Budget vs outcome"
      points={SAMPLE_SCATTER}
      xLabel="成本绩效指数 CPI"
      yLabel="成效完成度 Outcome achievement"
      formatY={percent}
    />,
  );
}

describe("QuadrantScatter", () => {
  it("plots one mark per point with both values, and lists the others as not plotted", () => {
    const { container } = renderScatter();
    expect(container.querySelectorAll("svg .scatter-point")).toHaveLength(6);
    const summary = container.querySelector(".chart-summary")!.textContent!;
    expect(summary).toContain(
      "Not plotted (no data): 不动产登记 Property registry, 信用平台 Credit platform",
    );
    expect(summary).toContain("Over budget, outcomes short 3");
  });

  it("makes points links named with their values and band", () => {
    const { container } = renderScatter();
    const link = container.querySelector('svg a.scatter-point[href="/dashboard/projects/P03"]')!;
    expect(link.getAttribute("aria-label")).toBe(
      "12345 热线升级 Hotline upgrade: 成本绩效指数 CPI 0.61, 成效完成度 Outcome achievement 42.0 %, ✕ 预警 Alert",
    );
    expect(link.classList.contains("band-red")).toBe(true);
  });

  it("shapes points by band: circle green, triangle amber, square red", () => {
    const { container } = renderScatter();
    const shape = (band: string) =>
      container.querySelector(`svg .scatter-point.band-${band} path`)!.getAttribute("d")!;
    expect(shape("green")).toMatch(/a/); // arcs: a circle
    expect(shape("amber")).toMatch(/^M0,-[\d.]+L/); // apex first: a triangle
    expect(shape("red")).toMatch(/H.*V.*H/); // a square
  });

  it("keeps every point and the reference lines inside the plot; the domain ends at the plot's edges", () => {
    const layout = scatterLayout(SAMPLE_SCATTER, { width: 720, height: 480 });
    const [x0, x1] = layout.x.domain() as [number, number];
    const [y0, y1] = layout.y.domain() as [number, number];
    expect(layout.x(x1)).toBe(layout.right);
    expect(layout.x(x0)).toBe(layout.left);
    expect(layout.y(y1)).toBe(layout.top);
    expect(layout.y(y0)).toBe(layout.bottom);
    for (const p of layout.plotted) {
      expect(p.x).toBeGreaterThanOrEqual(x0);
      expect(p.x).toBeLessThanOrEqual(x1);
      expect(p.y).toBeGreaterThanOrEqual(y0);
      expect(p.y).toBeLessThanOrEqual(y1);
    }
    expect(x0).toBeLessThan(1);
    expect(x1).toBeGreaterThan(1);
  });

  it("draws the reference lines at the given values and labels the four quadrants", () => {
    const { container } = render(
      <QuadrantScatter
        title="t"
        points={[{ key: "a", label: "A", x: 2, y: 0.5, band: "green" }]}
        xLabel="CPI"
        yLabel="Outcome"
        xReference={1.5}
        yReference={0.8}
        xDomain={[1, 2]}
        yDomain={[0, 1]}
        text={{ quadrants: { topLeft: "TL", topRight: "TR", bottomLeft: "BL", bottomRight: "BR" } }}
      />,
    );
    const lines = container.querySelectorAll("svg .chart-reference line");
    const layout = scatterLayout([], {
      xReference: 1.5,
      yReference: 0.8,
      xDomain: [1, 2],
      yDomain: [0, 1],
    });
    expect(Number(lines[0]!.getAttribute("x1"))).toBeCloseTo((layout.left + layout.right) / 2, 1);
    expect(Number(lines[1]!.getAttribute("y1"))).toBeCloseTo(
      layout.bottom - 0.8 * (layout.bottom - layout.top),
      1,
    );
    const labels = [...container.querySelectorAll("svg .chart-reference text")].map(
      (t) => t.textContent,
    );
    expect(labels).toEqual(["TL", "TR", "BL", "BR"]);
    // x = 2 is the domain maximum: the point sits on the plot's right edge.
    const point = container.querySelector("svg .scatter-point path")!;
    expect(point.getAttribute("transform")).toBe(
      `translate(${layout.right},${layout.bottom - 0.5 * (layout.bottom - layout.top)})`,
    );
  });

  it("labels the outliers furthest from the reference crossing", () => {
    const { container } = renderScatter();
    const labels = [...container.querySelectorAll("svg .chart-point-labels text")].map(
      (t) => t.textContent,
    );
    expect(labels).toHaveLength(3);
    expect(labels).toContain("12345 热线升级 Hotline upgrade");
  });

  it("has a table row per point, plotted or not", () => {
    const { container } = renderScatter();
    const rows = container.querySelectorAll("details table tbody tr");
    expect(rows).toHaveLength(SAMPLE_SCATTER.length);
    expect(rows[6]!.textContent).toContain("—");
  });

  it("says there is no data when there are no points", () => {
    const { container } = render(<QuadrantScatter title="t" points={[]} xLabel="x" yLabel="y" />);
    expect(container.querySelector("svg")).toBeNull();
    expect(container.textContent).toContain(DEFAULT_CHART_LABELS.noData);
  });
});
