import { describe, expect, it } from "vitest";
import { rankDepartments } from "./department-ranking";

const targets = {
  reply_rate: { target: 0.99 },
  on_time_reply_rate: { target: 0.95 },
  satisfaction_rate: { target: 0.9 },
  service_coverage: { target: 0.8 },
  digital_take_up: { target: 0.8 },
  cpi: { target: 0.9 },
};
const department = (code: string, level: number) => ({
  code,
  values: {
    reply_rate: 0.9 + level * 0.03,
    on_time_reply_rate: 0.8 + level * 0.05,
    satisfaction_rate: 0.8 + level * 0.04,
    service_coverage: 0.5 + level * 0.1,
    digital_take_up: 0.6 + level * 0.08,
    cpi: 0.7 + level * 0.1,
  },
});
const period = { from: "2026-01-01", to: "2026-10-31" };

describe("rankDepartments", () => {
  it("puts the department better on every KPI first, with a band that holds its rank", () => {
    const ranking = rankDepartments(
      [department("B", 1), department("A", 3), department("C", 2)],
      targets,
      period,
    );
    expect(ranking.map((r) => r.code)).toEqual(["A", "C", "B"]);
    expect(ranking.map((r) => r.rank)).toEqual([1, 2, 3]);
    // Dominance survives any weights and normalisation: no uncertainty at all.
    expect(ranking[0]!.band).toMatchObject({ medianRank: 1, rankP5: 1, rankP95: 1 });
    expect(ranking[2]!.band).toMatchObject({ medianRank: 3, rankP5: 3, rankP95: 3 });
  });

  it("widens the band where departments trade KPIs off, and is the same for the same view", () => {
    // X leads on the appeal KPIs, Y on services and cost: the weights decide between them.
    const mixed = [
      {
        code: "X",
        values: {
          reply_rate: 0.99,
          on_time_reply_rate: 0.96,
          satisfaction_rate: 0.93,
          service_coverage: 0.55,
          digital_take_up: 0.65,
          cpi: 0.75,
        },
      },
      {
        code: "Y",
        values: {
          reply_rate: 0.91,
          on_time_reply_rate: 0.81,
          satisfaction_rate: 0.81,
          service_coverage: 0.8,
          digital_take_up: 0.8,
          cpi: 1,
        },
      },
      department("Z", 0),
    ];
    const first = rankDepartments(mixed, targets, period);
    expect(first).toEqual(rankDepartments(mixed, targets, period));
    const x = first.find((r) => r.code === "X")!;
    expect(x.band!.rankP95! - x.band!.rankP5!).toBeGreaterThan(0);
  });

  it("leaves a department without any figure unranked, last", () => {
    const ranking = rankDepartments(
      [department("A", 1), { code: "EMPTY", values: {} }],
      targets,
      period,
    );
    expect(ranking.at(-1)).toMatchObject({ code: "EMPTY", score: null, rank: null });
  });
});
