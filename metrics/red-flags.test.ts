import { describe, expect, it } from "vitest";
import { projectEarnedValue } from "./earned-value";
import { raiseRedFlags, RED_FLAG_RULES, type DepartmentFlagInput } from "./red-flags";
import type { KpiTarget } from "./target-comparison";

const targets: Record<string, KpiTarget> = {
  on_time_reply_rate: { direction: "at_least", target: 0.95, amberFrom: 0.9 },
  satisfaction_rate: { direction: "at_least", target: 0.9, amberFrom: 0.85 },
  outcome_achievement: { direction: "at_least", target: 1, amberFrom: 0.8 },
};

/** A project with BAC 1000, one milestone of weight 1 (done or not), spend up to March. */
function project(
  code: string,
  planned: number,
  actual: number,
  done: boolean,
  outcome: number | null = null,
) {
  const earnedValue = projectEarnedValue(
    {
      bacYuan: 1000,
      budgetLines: [{ period: "2024-03-01", plannedYuan: planned, actualYuan: actual }],
      milestones: [
        { weight: 1, plannedDate: "2024-03-15", actualDate: done ? "2024-03-20" : null },
        { weight: 1, plannedDate: "2024-12-15" },
      ],
    },
    "2024-06-30",
  );
  return { code, earnedValue, outcomeAchievement: outcome, completedMilestones: done ? 1 : 0 };
}

const department = (
  code: string,
  over: Partial<DepartmentFlagInput> = {},
): DepartmentFlagInput => ({
  code,
  onTimeReplyRate: 0.97,
  satisfactionRate: 0.93,
  ratedShare: 0.7,
  rated: 500,
  lastYear: { onTimeReplyRate: 0.97, satisfactionRate: 0.93 },
  overdueRectifications: 0,
  ...over,
});

describe("raiseRedFlags", () => {
  it("raises nothing for a healthy portfolio", () => {
    // EV 500, PV 500, AC 500: every variance 0 %; outcome at target.
    expect(raiseRedFlags([project("P1", 500, 500, true, 1)], [department("D1")], targets)).toEqual(
      [],
    );
  });

  it("flags a red cost variance, and a red schedule variance, as red", () => {
    // EV 500, AC 800: CV = −60 %; PV 500: SV 0 %. Budget variance (500−800)/500 = −60 %.
    const flags = raiseRedFlags([project("P1", 500, 800, true)], [], targets);
    expect(flags.map((f) => f.rule)).toEqual(["cost-variance-red", "budget-variance-red"]);
    expect(flags[0]).toMatchObject({
      subject: "project",
      code: "P1",
      value: -0.6,
      severity: "red",
    });
    // Nothing done: EV 0 → SV = (0 − 500)/500 = −100 %; CV has EV 0 → no data.
    expect(raiseRedFlags([project("P2", 500, 500, false)], [], targets).map((f) => f.rule)).toEqual(
      ["schedule-variance-red"],
    );
  });

  it("warns early: overrun at completion past 30 % while the budget variance is still amber", () => {
    // PV 700, AC 800: budget variance −14.3 % (amber); EV 500 → CPI 0.625, EAC 1600, overrun +60 %.
    const flags = raiseRedFlags([project("P1", 700, 800, true)], [], targets);
    expect(flags.map((f) => f.rule)).toContain("forecast-overrun-early");
    expect(flags.find((f) => f.rule === "forecast-overrun-early")?.value).toBeCloseTo(0.6, 10);
    // Once the budget variance is red too, the early warning has nothing early left to say.
    const late = raiseRedFlags([project("P2", 500, 800, true)], [], targets);
    expect(late.map((f) => f.rule)).not.toContain("forecast-overrun-early");
  });

  it("flags outcomes behind target only after a milestone is completed", () => {
    expect(raiseRedFlags([project("P1", 500, 500, true, 0.85)], [], targets)).toEqual([
      {
        rule: "outcome-behind-at-milestone",
        subject: "project",
        code: "P1",
        value: 0.85,
        severity: "amber",
      },
    ]);
    expect(raiseRedFlags([project("P1", 500, 500, true, 0.5)], [], targets)[0]?.severity).toBe(
      "red",
    );
    expect(
      raiseRedFlags([project("P2", 500, 500, false, 0.5)], [], targets).map((f) => f.rule),
    ).not.toContain("outcome-behind-at-milestone");
  });

  it("flags departments below target, sharply down year on year, or rated too thinly", () => {
    const flags = raiseRedFlags(
      [],
      [
        department("D1", { onTimeReplyRate: 0.8 }),
        department("D2", {
          satisfactionRate: 0.88,
          lastYear: { onTimeReplyRate: 0.97, satisfactionRate: 0.95 },
        }),
        department("D3", { ratedShare: 0.2 }),
        department("D4", { rated: 12 }),
        // Exactly 5 points down is "sharply".
        department("D5", {
          onTimeReplyRate: 0.95,
          lastYear: { onTimeReplyRate: 1, satisfactionRate: 0.93 },
        }),
      ],
      targets,
    );
    expect(flags.map((f) => `${f.rule}:${f.code}:${f.severity}`)).toEqual([
      "on-time-reply-below-target:D1:red",
      "satisfaction-below-target:D2:amber",
      "on-time-reply-down:D1:amber",
      "on-time-reply-down:D5:amber",
      "satisfaction-down:D2:amber",
      "satisfaction-small-sample:D3:amber",
      "satisfaction-small-sample:D4:amber",
    ]);
  });

  it("says nothing about no data: null rates raise no flag", () => {
    const empty = department("D1", {
      onTimeReplyRate: null,
      satisfactionRate: null,
      ratedShare: null,
      rated: 0,
      lastYear: { onTimeReplyRate: null, satisfactionRate: null },
    });
    expect(raiseRedFlags([], [empty], targets)).toEqual([]);
  });

  it("flags a department red from its first overdue rectification case", () => {
    const flags = raiseRedFlags(
      [],
      [
        department("D1", { overdueRectifications: 0 }),
        department("D2", { overdueRectifications: 1 }),
      ],
      targets,
    );
    expect(flags).toEqual([
      {
        rule: "rectification-overdue",
        subject: "department",
        code: "D2",
        value: 1,
        severity: "red",
      },
    ]);
  });

  it("lists every rule once, each with a basis and a threshold", () => {
    const ids = RED_FLAG_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RED_FLAG_RULES) expect(rule.basis.length).toBeGreaterThan(0);
  });
});
