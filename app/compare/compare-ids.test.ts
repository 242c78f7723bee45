import { describe, expect, it } from "vitest";
import { parseCompareIds } from "./compare-ids";

const parse = (query: string) => parseCompareIds(new URLSearchParams(query));

describe("parseCompareIds", () => {
  it("reads comma-separated and repeated ids, keeping their order", () => {
    expect(parse("ids=project:B,project:A")).toEqual({
      ok: true,
      subject: "project",
      codes: ["B", "A"],
    });
    expect(parse("ids=department:D1&ids=department:D2")).toEqual({
      ok: true,
      subject: "department",
      codes: ["D1", "D2"],
    });
    expect(parse("")).toEqual({ ok: true, subject: null, codes: [] });
  });

  it("refuses six, a mix of subjects, a duplicate and a malformed id, naming them", () => {
    expect(parse("ids=project:1,project:2,project:3,project:4,project:5,project:6")).toMatchObject({
      ok: false,
      problem: "too_many",
      values: ["6"],
    });
    expect(parse("ids=project:1,project:2,project:3,project:4,project:5").ok).toBe(true);
    expect(parse("ids=project:A,department:A")).toMatchObject({
      ok: false,
      problem: "mixed",
      values: ["project", "department"],
      chosen: ["project:A", "department:A"],
    });
    expect(parse("ids=project:A,project:A")).toMatchObject({
      ok: false,
      problem: "duplicate",
      values: ["project:A"],
    });
    expect(parse("ids=region:A,PRJ-A")).toMatchObject({
      ok: false,
      problem: "malformed",
      values: ["region:A", "PRJ-A"],
    });
  });
});
