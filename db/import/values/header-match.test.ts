import { describe, expect, it } from "vitest";
import { IMPORT_COLUMNS } from "../columns";
import { IMPORT_KINDS } from "../../schema/enums";
import { normaliseHeader } from "./header-key";
import { columnOfHeader, matchHeaders } from "./header-match";
import { piiKindOfHeader } from "./pii-columns";

describe("matchHeaders", () => {
  it("matches English and Chinese names in any order, with units", () => {
    const match = matchHeaders("projects", [
      "项目编码",
      "Name",
      "department-code",
      "批复金额（万元）",
      "Planned Start",
      "项目阶段",
    ]);
    expect(match.ok).toBe(true);
    expect(match.byIndex.map((column) => column?.name ?? null)).toEqual([
      "code",
      "name",
      "department_code",
      "budget",
      "planned_start",
      "stage",
    ]);
    expect(match.columns.get("budget")).toMatchObject({
      index: 3,
      header: "批复金额（万元）",
      chinese: "批复金额",
      required: true,
      unitIsWan: true,
      unit: "万元",
    });
    expect(match.columns.get("code")).toMatchObject({ index: 0, unitIsWan: false, unit: null });
    expect(match.ignored).toEqual([]);
    expect(match.pii).toEqual([]);
    expect(match.missing).toEqual([]);
    expect(match.duplicates).toEqual([]);
  });

  it("accepts every kind's English and its Chinese headers", () => {
    for (const kind of IMPORT_KINDS) {
      for (const pick of ["name", "chinese"] as const) {
        const headers = IMPORT_COLUMNS[kind].map((column) => column[pick]);
        const match = matchHeaders(kind, headers);
        expect(match.ok, `${kind} ${pick}`).toBe(true);
        expect(match.byIndex.map((column) => column?.name)).toEqual(
          IMPORT_COLUMNS[kind].map((column) => column.name),
        );
      }
      // No two columns of a kind share a key, and no column is taken for personal data.
      const keys = IMPORT_COLUMNS[kind].flatMap((column) => [
        normaliseHeader(column.name).key,
        normaliseHeader(column.chinese).key,
      ]);
      expect(new Set(keys).size, kind).toBe(keys.length);
    }
  });

  it("reports missing required columns by both names", () => {
    const match = matchHeaders("budget-lines", ["project_code", "期间", "category"]);
    expect(match.ok).toBe(false);
    expect(match.missing).toEqual([
      {
        name: "planned",
        chinese: "计划金额",
        reason: "expected the required column planned (计划金额), which is missing",
      },
      {
        name: "actual",
        chinese: "实际支出",
        reason: "expected the required column actual (实际支出), which is missing",
      },
    ]);
    expect(matchHeaders("calendar", []).missing.map((column) => column.name)).toEqual([
      "date",
      "working",
    ]);
  });

  it("reports a column given twice, under either name", () => {
    const match = matchHeaders("projects", [
      "code",
      "name",
      "department_code",
      "budget",
      "批复金额(万元)",
    ]);
    expect(match.ok).toBe(false);
    expect(match.duplicates).toEqual([
      {
        name: "budget",
        chinese: "批复金额",
        indexes: [3, 4],
        headers: ["budget", "批复金额(万元)"],
        reason: "expected the column budget (批复金额) once, found it 2 times: columns 4 and 5",
      },
    ]);
    expect(match.columns.get("budget")?.index).toBe(3);
    expect(match.byIndex[4]?.name).toBe("budget");
  });

  it("keeps unknown columns as ignored", () => {
    const match = matchHeaders("regions", ["code", "name", "level", "population", ""]);
    expect(match.ok).toBe(true);
    expect(match.byIndex).toHaveLength(5);
    expect(match.byIndex[3]).toBeNull();
    expect(match.ignored).toEqual([
      {
        index: 3,
        header: "population",
        reason: "not a column of regions: ignored (expected one of code, name, level, parent_code)",
      },
      { index: 4, header: "", reason: "a column without a header: ignored" },
    ]);
  });

  it("sets personal data apart, unless the kind has a column of that name", () => {
    const appeals = matchHeaders("appeals", [
      "工单编号",
      "来电人",
      "联系电话",
      "承办部门",
      "诉求类型",
      "受理时间",
      "身份证号",
      "name",
      "mobile",
    ]);
    expect(appeals.ok).toBe(true);
    expect(appeals.pii).toEqual([
      { index: 1, header: "来电人", kind: "name" },
      { index: 2, header: "联系电话", kind: "phone" },
      { index: 6, header: "身份证号", kind: "id_number" },
      { index: 7, header: "name", kind: "name" },
      { index: 8, header: "mobile", kind: "phone" },
    ]);
    expect(appeals.byIndex[1]).toBeNull();
    expect(appeals.ignored).toEqual([]);
    // In projects, "name" is the project's name.
    const projects = matchHeaders("projects", [
      "code",
      "name",
      "department_code",
      "budget",
      "姓名",
    ]);
    expect(projects.columns.get("name")?.index).toBe(1);
    expect(projects.pii).toEqual([{ index: 4, header: "姓名", kind: "name" }]);
    expect(piiKindOfHeader("name")).toBe("name");
  });

  it("finds one column by header", () => {
    expect(columnOfHeader("appeals", "Received At")?.name).toBe("received_at");
    expect(columnOfHeader("appeals", "受理时间")?.name).toBe("received_at");
    expect(columnOfHeader("appeals", "budget")).toBeNull();
  });
});
