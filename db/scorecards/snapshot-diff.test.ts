import { describe, expect, it } from "vitest";
import { diffPayloads, flattenFigures } from "./snapshot-diff";

describe("diffPayloads", () => {
  it("matches list items by their key, not their position", () => {
    const before = {
      kpis: [
        { kpi: "cpi", value: 0.9 },
        { kpi: "spi", value: 1 },
      ],
    };
    const after = {
      kpis: [
        { kpi: "budget_execution", value: 0.95 },
        { kpi: "cpi", value: 0.85 },
        { kpi: "spi", value: 1 },
      ],
    };
    expect(diffPayloads(before, after)).toEqual([
      { path: "kpis.budget_execution.kpi", before: undefined, after: "budget_execution" },
      { path: "kpis.budget_execution.value", before: undefined, after: 0.95 },
      { path: "kpis.cpi.value", before: 0.9, after: 0.85 },
    ]);
  });

  it("reports a figure that became no data, and one that went away", () => {
    expect(diffPayloads({ a: 1, b: { c: 2 } }, { a: null })).toEqual([
      { path: "a", before: 1, after: null },
      { path: "b.c", before: 2, after: undefined },
    ]);
  });

  it("finds nothing between equal payloads", () => {
    const payload = { name: "甲", cells: [{ key: "1", count: null }], total: 5 };
    expect(diffPayloads(payload, structuredClone(payload))).toEqual([]);
    expect([...flattenFigures(payload).keys()]).toEqual([
      "name",
      "cells.1.key",
      "cells.1.count",
      "total",
    ]);
  });
});
