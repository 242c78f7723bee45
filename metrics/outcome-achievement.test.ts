import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  achievement,
  indicatorAchievement,
  latestValueAt,
  projectOutcome,
  type OutcomeIndicator,
} from "./outcome-achievement";

describe("achievement", () => {
  it("is (actual − baseline) / (target − baseline)", () => {
    expect(achievement(75, 60, 80, "higher")).toBe(0.75);
    // Lower is better: days to approve, baseline 10, target 5, actual 6 → (6 − 10) / (5 − 10).
    expect(achievement(6, 10, 5, "lower")).toBe(0.8);
  });

  it("is clamped to [0, 1.2]", () => {
    expect(achievement(100, 60, 80, "higher")).toBe(1.2);
    expect(achievement(50, 60, 80, "higher")).toBe(0);
    expect(achievement(12, 10, 5, "lower")).toBe(0);
    expect(achievement(2, 10, 5, "lower")).toBe(1.2);
  });

  it("is 1 or 0 when target = baseline, by direction", () => {
    expect(achievement(90, 90, 90, "higher")).toBe(1);
    expect(achievement(95, 90, 90, "higher")).toBe(1);
    expect(achievement(89, 90, 90, "higher")).toBe(0);
    expect(achievement(90, 90, 90, "lower")).toBe(1);
    expect(achievement(85, 90, 90, "lower")).toBe(1);
    expect(achievement(91, 90, 90, "lower")).toBe(0);
  });

  it("stays in [0, 1.2] and never falls as the actual improves", () => {
    const n = fc.integer({ min: -1000, max: 1000 });
    fc.assert(
      fc.property(n, n, n, n, (a, b, baseline, delta) => {
        const target = baseline + Math.abs(delta); // higher is better
        const low = achievement(Math.min(a, b), baseline, target, "higher");
        const high = achievement(Math.max(a, b), baseline, target, "higher");
        expect(low).toBeGreaterThanOrEqual(0);
        expect(high).toBeLessThanOrEqual(1.2);
        expect(low).toBeLessThanOrEqual(high);
      }),
    );
  });
});

describe("latestValueAt", () => {
  const values = [
    { period: "2024-03-01", actual: 70 },
    { period: "2024-05-01", actual: 75 },
    { period: "2024-04-01", actual: 72 },
    { period: "2024-06-01", actual: 90 },
  ];

  it("takes the latest period ending on or before the cut-off", () => {
    expect(latestValueAt(values, "2024-06-15")).toBe(75);
    expect(latestValueAt(values, "2024-06-30")).toBe(90);
    expect(latestValueAt(values, "2024-05-30")).toBe(72);
  });

  it("is null before any period has ended", () => {
    expect(latestValueAt(values, "2024-03-30")).toBeNull();
    expect(latestValueAt([], "2024-06-30")).toBeNull();
  });
});

describe("projectOutcome", () => {
  const online: OutcomeIndicator = {
    direction: "higher",
    baseline: 60,
    target: 80,
    values: [{ period: "2024-05-01", actual: 75 }], // 0.75
  };
  const days: OutcomeIndicator = {
    direction: "lower",
    baseline: 10,
    target: 5,
    values: [{ period: "2024-05-01", actual: 6 }], // 0.8
  };
  const noData: OutcomeIndicator = {
    direction: "higher",
    baseline: 0,
    target: 1,
    weight: 5,
    values: [],
  };

  it("uses equal weights where none are given", () => {
    expect(indicatorAchievement(online, "2024-06-15")).toBe(0.75);
    expect(projectOutcome([online, days], "2024-06-15")).toBeCloseTo(0.775, 12);
  });

  it("uses the given weights over the indicators with a value", () => {
    const result = projectOutcome(
      [{ ...online, weight: 3 }, { ...days, weight: 1 }, noData],
      "2024-06-15",
    );
    expect(result).toBeCloseTo((3 * 0.75 + 0.8) / 4, 12);
  });

  it("gives an unweighted indicator the mean of the given weights", () => {
    const met: OutcomeIndicator = { ...online, values: [{ period: "2024-05-01", actual: 80 }] }; // 1
    // weights 1 and 3 given; mean 2 for the third: (1·0.75 + 3·0.8 + 2·1) / 6
    const result = projectOutcome(
      [{ ...online, weight: 1 }, { ...days, weight: 3 }, met],
      "2024-06-15",
    );
    expect(result).toBeCloseTo((0.75 + 2.4 + 2) / 6, 12);
  });

  it("is no data without values or with zero weights", () => {
    expect(projectOutcome([noData], "2024-06-15")).toBeNull();
    expect(projectOutcome([], "2024-06-15")).toBeNull();
    expect(projectOutcome([{ ...online, weight: 0 }], "2024-06-15")).toBeNull();
  });
});
