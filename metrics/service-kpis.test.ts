import { describe, expect, it } from "vitest";
import { serviceKpis } from "./service-kpis";

describe("serviceKpis", () => {
  it("puts coverage and statistics figures together", () => {
    const items = [
      { maturity: 3, oneVisit: true, highFrequency: true },
      { maturity: 1, oneVisit: false, highFrequency: true },
    ];
    const statistics = [
      { transactions: 100, online: 85, completed: 98, completedOnTime: 97 },
      { transactions: 20, online: null, completed: 20, completedOnTime: 20 },
    ];
    expect(serviceKpis(items, statistics)).toEqual({
      items: 2,
      coverage: 0.5,
      highFrequencyCoverage: 0.5,
      oneVisitShare: 0.5,
      digitalTakeUp: 0.85,
      onTimeCompletion: 117 / 118,
    });
  });

  it("is no data for a department with nothing", () => {
    expect(serviceKpis([], [])).toEqual({
      items: 0,
      coverage: null,
      highFrequencyCoverage: null,
      oneVisitShare: null,
      digitalTakeUp: null,
      onTimeCompletion: null,
    });
  });
});
