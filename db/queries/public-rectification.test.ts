import { describe, expect, it } from "vitest";
import { departmentPayloadSchema } from "../scorecards/payload";
import { publicRectification } from "./scorecard-drafts.server";

const targets = {
  rectification_on_time_rate: {
    kpi: "rectification_on_time_rate",
    direction: "at_least" as const,
    target: 0.95,
    targetMax: null,
    amberFrom: 0.85,
    amberTo: null,
    basis: "",
  },
};

describe("publicRectification", () => {
  it("withholds counts of 1–4 and the cell and rate that would give one away", () => {
    // 10 closed, 8 on time, 2 late: "late" is under 5; alone it would follow from 10 − 8,
    // so "on time" goes too, and the rate (8 / 10) with them. 3 overdue: withheld.
    const figures = publicRectification(
      {
        opened: 12,
        closed: 10,
        closedOnTime: 8,
        onTimeRate: 0.8,
        overdueOpen: 3,
        medianWorkingDaysToClose: 4,
      },
      targets,
    );
    expect(figures.opened).toEqual({ count: 12, suppressed: false });
    expect(figures.closed).toEqual({
      cells: [
        { key: "on_time", count: null, suppressed: true },
        { key: "late", count: null, suppressed: true },
      ],
      total: 10,
      totalSuppressed: false,
    });
    expect(figures.onTimeRate).toMatchObject({ value: null, suppressed: true, band: null });
    expect(figures.overdueOpen).toEqual({ count: null, suppressed: true });
    expect(figures.medianWorkingDaysToClose).toBe(4);
  });

  it("publishes every figure when no count is small, the rate against its target", () => {
    const figures = publicRectification(
      {
        opened: 25,
        closed: 20,
        closedOnTime: 15,
        onTimeRate: 0.75,
        overdueOpen: 0,
        medianWorkingDaysToClose: 3.5,
      },
      targets,
    );
    expect(figures.closed.cells.map((cell) => cell.count)).toEqual([15, 5]);
    expect(figures.onTimeRate).toMatchObject({
      kpi: "rectification_on_time_rate",
      value: 0.75,
      suppressed: false,
      target: { direction: "at_least", target: 0.95 },
      band: "red",
    });
    expect(figures.overdueOpen).toEqual({ count: 0, suppressed: false });
  });

  it("is optional in a department payload, so snapshots published before it still parse", () => {
    const shape = departmentPayloadSchema.shape.rectification;
    expect(shape.safeParse(undefined).success).toBe(true);
  });
});
