// @vitest-environment happy-dom
import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { GroupedBarChart, groupedBarLayout, type GroupedBarCategory } from "./grouped-bar-chart";

afterEach(cleanup);

const series = [
  { key: "A", label: "甲 A" },
  { key: "B", label: "乙 B" },
];
const categories: GroupedBarCategory[] = [
  {
    key: "reply",
    label: "答复率 Reply rate",
    reference: { from: 0.99, text: "≥ 99%" },
    values: [
      { value: 0.98, text: "98%", note: "! Watch" },
      { value: 0.5, text: "50%" },
    ],
  },
  {
    key: "cpi",
    label: "CPI",
    values: [
      { value: null, text: "withheld" },
      { value: 1.2, text: "1.20" },
    ],
  },
];

describe("GroupedBarChart", () => {
  it("draws one bar per series and category, numbered and named with its value", () => {
    const { container } = render(
      <GroupedBarChart
        title="Side by side"
        series={series}
        categories={categories}
        categoryLabel="KPI"
        referenceLabel="Target"
        valueLabel="Value"
      />,
    );
    const bars = container.querySelectorAll("svg .bar");
    expect(bars).toHaveLength(4);
    expect(bars[0]!.getAttribute("aria-label")).toBe("答复率 Reply rate, 1 甲 A: 98% ! Watch");
    expect(bars[2]!.getAttribute("aria-label")).toBe("CPI, 1 甲 A: withheld");
    expect(bars[2]!.querySelector("rect")!.getAttribute("fill")).toMatch(/^url\(#/);
    expect(bars[3]!.textContent).toContain("2");
    // The legend says each number's subject; the table lists every value and the target.
    expect(container.querySelector(".grouped-bar-legend")!.textContent).toContain("2 乙 B");
    const cells = [...container.querySelectorAll("table td")].map((td) => td.textContent);
    expect(cells).toEqual(["≥ 99%", "98% ! Watch", "50%", "—", "withheld", "1.20"]);
    // A dashed line at the target, in the reply rate's group only.
    expect(container.querySelectorAll("line[stroke-dasharray]")).toHaveLength(1);
  });

  it("keeps 0 and the largest value or target on the axis", () => {
    const layout = groupedBarLayout(categories, 2, { domainMax: 1 });
    expect(layout.value.domain()[0]).toBe(0);
    expect(layout.value.domain()[1]).toBeGreaterThanOrEqual(1.2);
    expect(layout.inner.domain()).toEqual([0, 1]);
  });
});
