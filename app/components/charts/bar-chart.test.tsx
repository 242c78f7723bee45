// @vitest-environment happy-dom
import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { BarChart, barLayout, type BarDatum } from "./bar-chart";
import { SAMPLE_HISTOGRAM, SAMPLE_STAGES } from "../../../tests/fixtures/chart-fixtures";
import { DEFAULT_CHART_LABELS } from "./chart-frame";

afterEach(cleanup);

const data: BarDatum[] = [
  { key: "a", label: "项目建议 Proposal", value: 5, href: "/dashboard?stage=proposal" },
  { key: "b", label: "建设实施 Construction", value: 20 },
  { key: "c", label: "运行维护 Operation", value: null },
];

describe("BarChart", () => {
  it("draws one bar per category, named with its value, links where given", () => {
    const { container } = render(
      <BarChart
        title="Stages"
        data={data}
        valueLabel="项目数 Projects"
        categoryLabel="阶段 Stage"
      />,
    );
    const bars = container.querySelectorAll("svg .bar");
    expect(bars).toHaveLength(3);
    expect(bars[0]!.tagName.toLowerCase()).toBe("a");
    expect(bars[0]!.getAttribute("href")).toBe("/dashboard?stage=proposal");
    expect(bars[0]!.getAttribute("aria-label")).toBe("项目建议 Proposal: 5");
    expect(bars[1]!.getAttribute("role")).toBe("img");
    expect(bars[1]!.getAttribute("tabindex")).toBe("0");
    expect(bars[2]!.getAttribute("aria-label")).toBe("运行维护 Operation: —");
    expect(bars[2]!.querySelector("rect")!.getAttribute("fill")).toMatch(/^url\(#/);
  });

  it("puts the largest value at the end of the value axis (horizontal)", () => {
    const layout = barLayout(data, { orientation: "horizontal", width: 720 });
    expect(layout.value.domain()).toEqual([0, 20]);
    expect(layout.value(20)).toBe(layout.plotEnd);
    expect(layout.value(0)).toBe(layout.left);
    const { container } = render(
      <BarChart title="t" data={data} valueLabel="v" categoryLabel="c" />,
    );
    const rect = container.querySelectorAll("svg .bar rect")[1]!;
    expect(Number(rect.getAttribute("x")) + Number(rect.getAttribute("width"))).toBeCloseTo(
      layout.plotEnd,
    );
  });

  it("grows vertical bars up from the zero line to the top of the plot", () => {
    const layout = barLayout(data, { orientation: "vertical", width: 720, height: 340 });
    const { container } = render(
      <BarChart
        title="t"
        data={data}
        orientation="vertical"
        valueLabel="v"
        categoryLabel="c"
        height={340}
      />,
    );
    const rect = container.querySelectorAll("svg .bar rect")[1]!;
    expect(Number(rect.getAttribute("y"))).toBeCloseTo(layout.value(20));
    expect(layout.value(20)).toBe(28);
    expect(Number(rect.getAttribute("y")) + Number(rect.getAttribute("height"))).toBeCloseTo(
      layout.value(0),
    );
  });

  it("adds band symbols and words to bars with a band", () => {
    const { container } = render(
      <BarChart
        title="t"
        data={SAMPLE_HISTOGRAM}
        orientation="vertical"
        valueLabel="v"
        categoryLabel="c"
      />,
    );
    const late = container.querySelectorAll("svg .bar")[7]!;
    expect(late.getAttribute("aria-label")).toBe("7: 22, ✕ 预警 Alert");
    expect(late.querySelectorAll("path")).toHaveLength(1);
    expect(container.querySelector("details table thead")!.textContent).toContain("状态 Status");
  });

  it("has a table with one row per category", () => {
    const { container } = render(
      <BarChart
        title="Stages"
        data={SAMPLE_STAGES}
        valueLabel="项目数 Projects"
        categoryLabel="阶段 Stage"
      />,
    );
    expect(container.querySelectorAll("details table tbody tr")).toHaveLength(SAMPLE_STAGES.length);
    expect(container.querySelector(".chart-summary")!.textContent).toContain(
      "total 63; highest: 运行维护 Operation (21)",
    );
  });

  it("says there is no data when there are no bars", () => {
    const { container } = render(<BarChart title="t" data={[]} valueLabel="v" categoryLabel="c" />);
    expect(container.querySelector("svg")).toBeNull();
    expect(container.textContent).toContain(DEFAULT_CHART_LABELS.noData);
  });
});
