// @vitest-environment happy-dom
import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { SAMPLE_SPARKLINE, percent } from "../../../tests/fixtures/chart-fixtures";
import { Sparkline, sparklineLayout } from "./sparkline";

afterEach(cleanup);

describe("Sparkline", () => {
  it("is an image named with what it shows and its first and last values", () => {
    const { container } = render(
      <Sparkline points={SAMPLE_SPARKLINE} label="回复率 Reply rate" format={percent} />,
    );
    const svg = container.querySelector("svg")!;
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.getAttribute("aria-hidden")).toBe("false");
    expect(svg.getAttribute("aria-label")).toBe(
      "回复率 Reply rate: 2024-01: 96.2 % → 2024-06: 99.1 %",
    );
    // The gap in March splits the line.
    expect(svg.querySelector("path")!.getAttribute("d")!.match(/M/g)).toHaveLength(2);
  });

  it("draws the last point hollow when its period is not over", () => {
    const lastPoint = (points: typeof SAMPLE_SPARKLINE) =>
      render(<Sparkline points={points} label="r" />).container.querySelector("circle")!;
    expect(lastPoint(SAMPLE_SPARKLINE).getAttribute("class")).toBeNull();
    expect(lastPoint(SAMPLE_SPARKLINE).getAttribute("fill")).not.toBe("#fff");
    cleanup();
    const partial = lastPoint([
      ...SAMPLE_SPARKLINE.slice(0, -1),
      { ...SAMPLE_SPARKLINE.at(-1)!, partial: true },
    ]);
    expect(partial.getAttribute("class")).toBe("sparkline-partial");
    expect(partial.getAttribute("fill")).toBe("#fff");
  });

  it("spans the view box: the first point at the left, the largest value at the top", () => {
    const { x, y } = sparklineLayout(SAMPLE_SPARKLINE, 120, 32);
    expect(x(0)).toBe(3);
    expect(x(SAMPLE_SPARKLINE.length - 1)).toBe(117);
    expect(y(0.991)).toBe(3);
    expect(y(0.958)).toBe(29);
  });

  it("accepts a table, and says when there is no data", () => {
    const { container } = render(
      <Sparkline
        points={SAMPLE_SPARKLINE}
        label="r"
        table={{ caption: "c", columns: ["月 Month", "值 Value"], rows: [["2024-01", 1]] }}
      />,
    );
    expect(container.querySelectorAll("details table tbody tr")).toHaveLength(1);
    cleanup();
    const empty = render(
      <Sparkline points={[{ x: "2024-01", y: null }]} label="回复率 Reply rate" />,
    );
    expect(empty.container.querySelector("svg")).toBeNull();
    expect(empty.container.textContent).toBe("回复率 Reply rate: 暂无数据 No data");
  });
});
