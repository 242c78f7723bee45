import { describe, expect, it } from "vitest";
import { RANKING_KPIS, rankDepartments } from "./department-ranking";

const targets = Object.fromEntries(RANKING_KPIS.map((kpi) => [kpi, { target: 0.9 }]));
const period = { from: "2026-01-01", to: "2026-10-31" };
const same = {
  reply_rate: 0.98,
  on_time_reply_rate: 0.93,
  satisfaction_rate: 0.9,
  service_coverage: 0.7,
  digital_take_up: 0.75,
  cpi: 0.95,
};

describe("rankDepartments with the on-time rectification rate (issue #22)", () => {
  it("weighs it as one of seven equal KPIs", () => {
    expect(RANKING_KPIS).toContain("rectification_on_time_rate");
    expect(RANKING_KPIS).toHaveLength(7);
  });

  it("puts the department that rectifies in time first when all else is equal", () => {
    // Equal values normalise min–max to 1; on the seventh L gets 0, E 1: E scores 1, L 6/7.
    const ranking = rankDepartments(
      [
        { code: "L", values: { ...same, rectification_on_time_rate: 0.5 } },
        { code: "E", values: { ...same, rectification_on_time_rate: 1 } },
      ],
      targets,
      period,
    );
    expect(ranking.map((entry) => entry.code)).toEqual(["E", "L"]);
    expect(ranking[0]!.score).toBeCloseTo(1, 12);
    expect(ranking[1]!.score).toBeCloseTo(6 / 7, 12);
    expect(ranking[0]!.band).toMatchObject({ medianRank: 1, rankP5: 1, rankP95: 1 });
  });
});
