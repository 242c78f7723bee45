// @vitest-environment happy-dom
import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { SAMPLE_MILESTONES } from "../../../tests/fixtures/chart-fixtures";
import { DEFAULT_CHART_LABELS } from "./chart-frame";
import { isoToUtc, r1 } from "./chart-text";
import { MilestoneTimeline, timelineLayout } from "./milestone-timeline";

afterEach(cleanup);

function renderTimeline() {
  return render(
    <MilestoneTimeline
      title="里程碑 Milestones"
      milestones={SAMPLE_MILESTONES}
      cutOff="2024-08-15"
    />,
  );
}

describe("MilestoneTimeline", () => {
  it("draws a row per milestone with planned, actual, forecast and overdue marks by shape", () => {
    const { container } = renderTimeline();
    const svg = container.querySelector("svg")!;
    expect(svg.querySelectorAll(".milestone")).toHaveLength(6);
    expect(svg.querySelectorAll(".milestone-planned")).toHaveLength(6);
    expect(svg.querySelectorAll(".milestone-actual")).toHaveLength(3);
    expect(svg.querySelectorAll(".milestone-forecast")).toHaveLength(2);
    expect(svg.querySelectorAll(".milestone-overdue")).toHaveLength(1);
    // Slip lines: solid from planned to actual, dashed to a forecast.
    const slips = [...svg.querySelectorAll(".milestone-slip")];
    expect(slips).toHaveLength(6);
    expect(slips[1]!.getAttribute("stroke-dasharray")).toBeNull();
    expect(slips[2]!.getAttribute("stroke-dasharray")).toBe("4 3");
  });

  it("names each milestone with its dates, slip and status", () => {
    const { container } = renderTimeline();
    const rows = container.querySelectorAll("svg .milestone");
    expect(rows[1]!.getAttribute("aria-label")).toBe(
      "招标完成 Tender awarded: 计划 Planned 2024-03-15, 实际 Actual 2024-04-20, 偏差 Slip +36 天 d, 已完成 Done",
    );
    expect(rows[3]!.getAttribute("aria-label")).toContain("偏差 Slip +77 天 d, 逾期 Overdue");
    expect(rows[5]!.tagName.toLowerCase()).toBe("a");
    expect(rows[5]!.getAttribute("href")).toBe("/dashboard/projects/P01#m6");
    expect(container.querySelector("svg")!.textContent).toContain("−7 天 d");
  });

  it("places marks on the time scale and the cut-off line at its date", () => {
    const layout = timelineLayout(SAMPLE_MILESTONES, "2024-08-15", 720);
    const [d0, d1] = layout.x.domain();
    expect(layout.x(d0!)).toBe(layout.left);
    expect(layout.x(d1!)).toBe(layout.right);
    const { container } = renderTimeline();
    const cut = container.querySelector("svg .chart-reference line")!;
    expect(Number(cut.getAttribute("x1"))).toBeCloseTo(layout.x(isoToUtc("2024-08-15")), 1);
    const planned = container.querySelectorAll("svg .milestone-planned")[1]!;
    expect(planned.getAttribute("transform")).toBe(
      `translate(${r1(layout.x(isoToUtc("2024-03-15")))},${r1(layout.rowY(1))})`,
    );
  });

  it("has a table row per milestone and sums up the slips", () => {
    const { container } = renderTimeline();
    expect(container.querySelectorAll("details table tbody tr")).toHaveLength(6);
    expect(container.querySelector(".chart-summary")!.textContent).toContain(
      "6 milestones: 3 done, 3 late, 1 overdue; largest slip: 试运行 Trial operation (+77 天 d).",
    );
  });

  it("says there is no data without milestones", () => {
    const { container } = render(
      <MilestoneTimeline title="t" milestones={[]} cutOff="2024-01-01" />,
    );
    expect(container.querySelector("svg")).toBeNull();
    expect(container.textContent).toContain(DEFAULT_CHART_LABELS.noData);
  });
});
