// @vitest-environment happy-dom
import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { BulletChart, bulletLayout, bulletScale, type BulletIndicator } from "./bullet-chart";
import { SAMPLE_INDICATORS } from "../../../tests/fixtures/chart-fixtures";
import { CHART_COLORS } from "./chart-theme";
import { DEFAULT_CHART_LABELS } from "./chart-frame";

afterEach(cleanup);

const users: BulletIndicator = {
  key: "users",
  label: "注册用户数 Registered users",
  unit: "万人",
  baseline: 10,
  target: 50,
  actual: 40,
  direction: "higher",
  href: "/dashboard/projects/P01#users",
};
const days: BulletIndicator = {
  key: "days",
  label: "办理时长 Processing time",
  unit: "天",
  baseline: 15,
  target: 5,
  actual: 4,
  direction: "lower",
  band: "green",
};

describe("BulletChart", () => {
  it("draws one row per indicator, named with actual, target, baseline, direction and achievement", () => {
    const { container } = render(<BulletChart title="t" indicators={[users, days]} />);
    const rows = container.querySelectorAll("svg .bullet");
    expect(rows).toHaveLength(2);
    expect(rows[0]!.tagName.toLowerCase()).toBe("a");
    expect(rows[0]!.getAttribute("href")).toBe("/dashboard/projects/P01#users");
    expect(rows[0]!.getAttribute("aria-label")).toBe(
      "注册用户数 Registered users: 实际 Actual 40 万人, 目标 Target 50 万人, 基期 Baseline 10 万人, 越高越好 Higher is better, 完成度 Achievement 75 %",
    );
    // Lower is better: (4 − 15) / (5 − 15) = 1.1.
    expect(rows[1]!.getAttribute("aria-label")).toContain(
      "越低越好 Lower is better, 完成度 Achievement 110 %, ✓ 正常 On track",
    );
  });

  it("places the actual bar and the target tick on the indicator's scale", () => {
    const layout = bulletLayout([users], 720);
    const scale = bulletScale(users, layout.x0, layout.x1);
    expect(scale.domain()).toEqual([0, 60]);
    expect(scale(60)).toBe(layout.x1);
    const { container } = render(<BulletChart title="t" indicators={[users]} />);
    const bar = container.querySelector("svg .bullet-actual")!;
    expect(Number(bar.getAttribute("x"))).toBeCloseTo(scale(0), 1);
    expect(Number(bar.getAttribute("width"))).toBeCloseTo(scale(40) - scale(0), 1);
    expect(Number(container.querySelector("svg .bullet-target")!.getAttribute("x1"))).toBeCloseTo(
      scale(50),
      1,
    );
    expect(Number(container.querySelector("svg .bullet-baseline")!.getAttribute("x1"))).toBeCloseTo(
      scale(10),
      1,
    );
  });

  it("orders the qualitative ranges by direction: the good range is where the indicator improves", () => {
    const { container } = render(<BulletChart title="t" indicators={[users, days]} />);
    const fills = (i: number) =>
      [...container.querySelectorAll("svg .bullet")[i]!.querySelectorAll("rect")]
        .slice(1, 4)
        .map((r) => r.getAttribute("fill"));
    expect(fills(0)).toEqual([
      CHART_COLORS.rangeDark,
      CHART_COLORS.rangeMid,
      CHART_COLORS.rangeLight,
    ]);
    expect(fills(1)).toEqual([
      CHART_COLORS.rangeLight,
      CHART_COLORS.rangeMid,
      CHART_COLORS.rangeDark,
    ]);
  });

  it("has a table row per indicator and counts the targets met", () => {
    const { container } = render(<BulletChart title="t" indicators={SAMPLE_INDICATORS} />);
    expect(container.querySelectorAll("details table tbody tr")).toHaveLength(
      SAMPLE_INDICATORS.length,
    );
    expect(container.querySelector(".chart-summary")!.textContent).toContain(
      "2 of 5 indicators met their target; 1 without data.",
    );
    expect(container.querySelectorAll("svg .bullet-actual")).toHaveLength(4);
  });

  it("says there is no data without indicators", () => {
    const { container } = render(<BulletChart title="t" indicators={[]} />);
    expect(container.querySelector("svg")).toBeNull();
    expect(container.textContent).toContain(DEFAULT_CHART_LABELS.noData);
  });
});
