import { describe, expect, it } from "vitest";
import { headlineFigures } from "./headline";
import type { ScorecardPayload, Snapshot } from "./payload";
import { figure, sampleDepartment, sampleProject } from "./sample-payloads.fixture";

const snap = (payload: ScorecardPayload, version: number, publishedAt: string): Snapshot => ({
  subject: payload.subject,
  code: payload.code,
  version,
  publishedAt,
  dataCutoff: payload.dataCutoff,
  correctionReason: version > 1 ? "fix" : null,
  payload,
});

describe("headlineFigures", () => {
  const snapshots = [
    snap(
      sampleDepartment("D1", { replyRate: figure("reply_rate", 0.9) }),
      1,
      "2026-11-01T02:00:00.000Z",
    ),
    snap(
      sampleDepartment("D2", { replyRate: figure("reply_rate", 0.99) }),
      1,
      "2026-11-01T03:00:00.000Z",
    ),
    // D2's correction: only the newest version of a scorecard counts.
    snap(
      {
        ...sampleDepartment("D2", { replyRate: figure("reply_rate", 0.95) }),
        dataCutoff: "2026-11-15",
      },
      2,
      "2026-11-20T03:00:00.000Z",
    ),
    snap(
      sampleDepartment("D3", { replyRate: figure("reply_rate", 1) }),
      1,
      "2026-11-02T03:00:00.000Z",
    ),
    snap(
      sampleDepartment("D4", {
        replyRate: figure("reply_rate", null, null, true),
        satisfactionRate: figure("satisfaction_rate", null),
        ratingsSuppressed: true,
      }),
      1,
      "2026-11-02T04:00:00.000Z",
    ),
    snap(
      sampleProject("P1", { cpi: figure("cpi", 1.1, "green"), spi: figure("spi", 0.6, "red") }),
      1,
      "2026-11-03T00:00:00.000Z",
    ),
    snap(
      sampleProject("P2", { cpi: figure("cpi", 0.8, "amber"), spi: figure("spi", null) }),
      1,
      "2026-11-04T00:00:00.000Z",
    ),
    snap(
      sampleProject("P3", { cpi: figure("cpi", 0.95, "green"), spi: figure("spi", 0.95, "green") }),
      1,
      "2026-11-05T00:00:00.000Z",
    ),
  ];

  it("takes medians over the departments' latest versions and leaves withheld values out", () => {
    const headline = headlineFigures(snapshots);
    expect(headline.departments).toBe(4);
    expect(headline.projects).toBe(3);
    // 0.9, 0.95 (D2 v2, not v1's 0.99), 1; D4 withheld.
    expect(headline.replyRate).toEqual({ median: 0.95, counted: 3, withheld: 1, noData: 0 });
    // 0.9 three times; D4 has no data.
    expect(headline.satisfactionRate).toEqual({ median: 0.9, counted: 3, withheld: 0, noData: 1 });
    expect(headline.serviceRatingSatisfaction).toMatchObject({ counted: 3, withheld: 1 });
    expect(headline.cutoffs).toEqual({ from: "2026-10-31", to: "2026-11-15" });
    expect(headline.latestPublishedAt).toBe("2026-11-20T03:00:00.000Z");
  });

  it("counts the projects' CPI and SPI bands, a figure without a band as none", () => {
    const headline = headlineFigures(snapshots);
    expect(headline.cpiBands).toEqual({ green: 2, amber: 1, red: 0, none: 0 });
    expect(headline.spiBands).toEqual({ green: 1, amber: 0, red: 1, none: 1 });
  });

  it("lists the latest publications newest first, one per scorecard", () => {
    const latest = headlineFigures(snapshots, 3).latest;
    expect(latest.map((entry) => `${entry.code} v${entry.version}`)).toEqual([
      "D2 v2",
      "P3 v1",
      "P2 v1",
    ]);
    expect(latest[0]).toMatchObject({
      subject: "department",
      name: "部门 D2",
      dataCutoff: "2026-11-15",
    });
  });

  it("has nothing to say with nothing published", () => {
    const headline = headlineFigures([]);
    expect(headline).toMatchObject({
      departments: 0,
      projects: 0,
      cutoffs: null,
      latestPublishedAt: null,
      latest: [],
    });
    expect(headline.replyRate).toEqual({ median: null, counted: 0, withheld: 0, noData: 0 });
  });
});
