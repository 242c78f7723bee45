import { describe, expect, it } from "vitest";
import { filtersQuery, parseDashboardFilters } from "./dashboard-filters";

const parse = (query: string) => parseDashboardFilters(new URLSearchParams(query), "2026-11-23");

describe("dashboard filters", () => {
  it("default to this year up to today", () => {
    expect(parse("").range).toEqual({ from: "2026-01-01", to: "2026-11-23" });
    expect(parse("to=2025-06-30").range).toEqual({ from: "2025-01-01", to: "2025-06-30" });
  });

  it("drop malformed values instead of failing a shared link, and swap a reversed period", () => {
    const filters = parse("from=2026-13-01&to=2026-02-30&stage=flying&department=%20MJ-SJJ%20");
    expect(filters.range).toEqual({ from: "2026-01-01", to: "2026-11-23" });
    expect(filters.stage).toBeUndefined();
    expect(filters.department).toBe("MJ-SJJ");
    expect(parse("from=2026-05-01&to=2026-02-01").range).toEqual({
      from: "2026-02-01",
      to: "2026-05-01",
    });
  });

  it("round-trip through the query string", () => {
    const filters = parse("from=2026-02-01&to=2026-03-31&stage=construction&category=平台");
    expect(parse(filtersQuery(filters).slice(1))).toEqual(filters);
    expect(filtersQuery(filters, { stage: undefined })).not.toContain("stage");
  });
});
