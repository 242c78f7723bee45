import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  earnedValue,
  earnedValueTotals,
  lastMonthCountedAt,
  projectEarnedValue,
  spendToDate,
} from "./earned-value";
import { gatewayProject } from "./earned-value.fixture";

describe("spendToDate", () => {
  it("counts the budget lines whose month ends on or before the cut-off", () => {
    expect(spendToDate(gatewayProject.budgetLines, "2024-06-15")).toEqual({
      pv: 400_000,
      ac: 400_000,
    });
    expect(spendToDate(gatewayProject.budgetLines, "2024-06-30")).toEqual({
      pv: 500_000,
      ac: 500_000,
    });
    expect(spendToDate(gatewayProject.budgetLines, "2024-05-30")).toEqual({
      pv: 300_000,
      ac: 350_000,
    });
  });

  it("accepts periods written YYYY-MM", () => {
    expect(
      spendToDate([{ period: "2024-02", plannedYuan: 5, actualYuan: 4 }], "2024-02-29"),
    ).toEqual({
      pv: 5,
      ac: 4,
    });
  });
});

describe("earnedValue", () => {
  it("is BAC × completed weight / total weight", () => {
    expect(earnedValue(1_000_000, gatewayProject.milestones, "2024-06-15")).toBe(500_000);
    expect(earnedValue(1_000_000, gatewayProject.milestones, "2024-06-14")).toBe(200_000);
    expect(
      earnedValue(
        900,
        [
          { weight: 2, plannedDate: "2024-01-01", actualDate: "2024-01-01" },
          { weight: 1, plannedDate: "2024-01-01" },
        ],
        "2024-12-31",
      ),
    ).toBe(600);
  });

  it("is no data without milestones or when weights sum to 0", () => {
    expect(earnedValue(1_000_000, [], "2024-06-15")).toBeNull();
    expect(
      earnedValue(
        1_000_000,
        [{ weight: 0, plannedDate: "2024-01-01", actualDate: "2024-01-01" }],
        "2024-06-15",
      ),
    ).toBeNull();
  });

  it("never exceeds BAC nor falls below 0", () => {
    const milestone = fc.record({
      weight: fc.integer({ min: 0, max: 100 }),
      plannedDate: fc.constant("2024-01-01"),
      actualDate: fc.option(fc.constantFrom("2024-01-01", "2024-07-01", "2025-01-01"), {
        nil: null,
      }),
    });
    fc.assert(
      fc.property(fc.nat(10_000_000), fc.array(milestone), (bac, milestones) => {
        const ev = earnedValue(bac, milestones, "2024-12-31");
        if (ev === null) return milestones.reduce((sum, m) => sum + m.weight, 0) === 0;
        return ev >= 0 && ev <= bac;
      }),
    );
  });
});

describe("earnedValueTotals", () => {
  it("gives the hand-worked project's BAC, PV, AC and EV, as projectEarnedValue does, at any cut-off", () => {
    expect(earnedValueTotals(gatewayProject, "2024-06-15")).toEqual({
      bac: 1_000_000,
      pv: 400_000,
      ac: 400_000,
      ev: 500_000,
    });
    for (const cutoff of ["2023-12-31", "2024-01-31", "2024-03-15", "2024-12-31", "2026-01-01"]) {
      const { bac, pv, ac, ev } = projectEarnedValue(gatewayProject, cutoff);
      expect(earnedValueTotals(gatewayProject, cutoff), cutoff).toEqual({ bac, pv, ac, ev });
    }
  });
});

describe("projectEarnedValue", () => {
  it("computes every figure of the hand-worked project", () => {
    const result = projectEarnedValue(gatewayProject, "2024-06-15");
    expect(result).toEqual({
      bac: 1_000_000,
      pv: 400_000,
      ac: 400_000,
      ev: 500_000,
      budgetExecution: 1,
      cpi: 1.25,
      spi: 1.25,
      costVariancePct: 0.2, // (500k − 400k) / 500k
      scheduleVariancePct: 0.25, // (500k − 400k) / 400k
      budgetVariancePct: 0,
      costBand: "amber",
      scheduleBand: "amber",
      budgetBand: "green",
      eac: 800_000,
      forecastOverrun: -0.2,
      forecastBand: "amber",
    });
  });

  it("still has budget figures without milestones", () => {
    const result = projectEarnedValue(
      {
        bacYuan: 500_000,
        budgetLines: [{ period: "2024-01-01", plannedYuan: 200_000, actualYuan: 270_000 }],
        milestones: [],
      },
      "2024-06-15",
    );
    expect(result).toMatchObject({
      pv: 200_000,
      ac: 270_000,
      ev: null,
      budgetExecution: 1.35,
      budgetVariancePct: -0.35,
      budgetBand: "red",
      cpi: null,
      spi: null,
      costVariancePct: null,
      scheduleVariancePct: null,
      costBand: null,
      scheduleBand: null,
      eac: null,
      forecastBand: null,
    });
  });

  it("is no data, not zero, before anything is planned or spent", () => {
    const result = projectEarnedValue(
      { bacYuan: 100, budgetLines: [], milestones: [{ weight: 1, plannedDate: "2025-01-01" }] },
      "2024-06-15",
    );
    expect(result).toMatchObject({
      pv: 0,
      ac: 0,
      ev: 0,
      budgetExecution: null,
      cpi: null,
      spi: null,
      costVariancePct: null,
      scheduleVariancePct: null,
      budgetVariancePct: null,
      eac: null,
    });
  });

  it("has CPI 0 and no EAC when money is spent but nothing is earned", () => {
    const result = projectEarnedValue(
      {
        bacYuan: 100,
        budgetLines: [{ period: "2024-01-01", plannedYuan: 10, actualYuan: 10 }],
        milestones: [{ weight: 1, plannedDate: "2024-02-01" }],
      },
      "2024-06-15",
    );
    expect(result.cpi).toBe(0);
    expect(result.costVariancePct).toBeNull(); // (EV − AC) / EV with EV = 0
    expect(result.scheduleVariancePct).toBe(-1);
    expect(result.scheduleBand).toBe("red");
    expect(result.eac).toBeNull();
  });
});

describe("lastMonthCountedAt", () => {
  it("counts the cut-off's month only when the cut-off is its last day", () => {
    expect(lastMonthCountedAt("2024-03-31")).toBe("2024-03-01");
    expect(lastMonthCountedAt("2024-03-30")).toBe("2024-02-01");
    expect(lastMonthCountedAt("2024-02-29")).toBe("2024-02-01");
    expect(lastMonthCountedAt("2024-01-15")).toBe("2023-12-01");
  });
});
