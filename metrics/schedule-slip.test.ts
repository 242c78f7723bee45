import { describe, expect, it } from "vitest";
import { scheduleSlipDays } from "./schedule-slip";

describe("scheduleSlipDays", () => {
  it("takes the largest actual-else-forecast minus planned date", () => {
    expect(
      scheduleSlipDays([
        { weight: 1, plannedDate: "2024-03-01", actualDate: "2024-03-11" }, // 10
        { weight: 1, plannedDate: "2024-06-30", forecastDate: "2024-08-15" }, // 46
        { weight: 1, plannedDate: "2024-09-30" }, // neither: ignored
      ]),
    ).toBe(46);
  });

  it("prefers the actual date over a forecast", () => {
    expect(
      scheduleSlipDays([
        {
          weight: 1,
          plannedDate: "2024-03-01",
          actualDate: "2024-03-02",
          forecastDate: "2024-12-31",
        },
      ]),
    ).toBe(1);
  });

  it("is negative when every milestone is ahead of plan", () => {
    expect(
      scheduleSlipDays([{ weight: 1, plannedDate: "2024-03-10", actualDate: "2024-03-01" }]),
    ).toBe(-9);
  });

  it("is no data without actual or forecast dates", () => {
    expect(scheduleSlipDays([])).toBeNull();
    expect(scheduleSlipDays([{ weight: 1, plannedDate: "2024-03-10" }])).toBeNull();
  });
});
