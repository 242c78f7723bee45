import { describe, expect, it } from "vitest";
import { projectEarnedValue } from "./earned-value";
import { gatewayProject } from "./earned-value.fixture";
import { portfolioEarnedValue } from "./portfolio-earned-value";

const cutoff = "2024-06-15";
// P1: PV 400k, AC 400k, EV 500k.
const p1 = projectEarnedValue(gatewayProject, cutoff);
// P2: no milestones; PV 200k, AC 250k.
const p2 = projectEarnedValue(
  {
    bacYuan: 500_000,
    budgetLines: [{ period: "2024-02-01", plannedYuan: 200_000, actualYuan: 250_000 }],
    milestones: [],
  },
  cutoff,
);
// P3: unplanned spend (PV 0, AC 30k); milestone weights sum to 0 → EV no data.
const p3 = projectEarnedValue(
  {
    bacYuan: 300_000,
    budgetLines: [{ period: "2024-02-01", plannedYuan: 0, actualYuan: 30_000 }],
    milestones: [{ weight: 0, plannedDate: "2024-03-01", actualDate: "2024-03-01" }],
  },
  cutoff,
);

describe("portfolioEarnedValue", () => {
  it("sums first, then divides, each figure over its own projects", () => {
    const result = portfolioEarnedValue([p1, p2, p3]);
    expect(result.projects).toBe(3);
    expect(result.bac).toBe(1_800_000);
    expect(result.pv).toBe(600_000);
    expect(result.ac).toBe(680_000); // every project, P3's unplanned spend too
    expect(result.ev).toBe(500_000); // P1 only
    expect(result.budgetExecution).toBe(650_000 / 600_000); // P1 + P2 (PV > 0)
    expect(result.budgetVariancePct).toBe(-50_000 / 600_000);
    expect(result.cpi).toBe(1.25); // P1 only: 500k / 400k
    expect(result.spi).toBe(1.25);
    expect(result.costVariancePct).toBe(0.2);
    expect(result.scheduleVariancePct).toBe(0.25);
  });

  it("is a ratio of sums, not a mean of ratios", () => {
    const other = projectEarnedValue(
      {
        bacYuan: 100_000,
        budgetLines: [{ period: "2024-01-01", plannedYuan: 100_000, actualYuan: 50_000 }],
        milestones: [{ weight: 1, plannedDate: "2024-01-01", actualDate: "2024-01-31" }],
      },
      cutoff,
    );
    // other: EV 100k, AC 50k, PV 100k (CPI 2). Portfolio CPI = 600k / 450k, not (1.25 + 2) / 2.
    const result = portfolioEarnedValue([p1, other]);
    expect(result.cpi).toBe(600_000 / 450_000);
    expect(result.spi).toBe(600_000 / 500_000);
  });

  it("has EV-based figures as no data when no project has EV", () => {
    const result = portfolioEarnedValue([p2, p3]);
    expect(result).toMatchObject({
      ev: null,
      cpi: null,
      spi: null,
      costVariancePct: null,
      scheduleVariancePct: null,
    });
    expect(result.budgetExecution).toBe(1.25);
  });

  it("is empty but well-formed for no projects", () => {
    expect(portfolioEarnedValue([])).toEqual({
      projects: 0,
      bac: 0,
      pv: 0,
      ac: 0,
      ev: null,
      budgetExecution: null,
      cpi: null,
      spi: null,
      costVariancePct: null,
      scheduleVariancePct: null,
      budgetVariancePct: null,
    });
  });
});
