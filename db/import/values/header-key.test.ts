import { describe, expect, it } from "vitest";
import { normaliseHeader } from "./header-key";

describe("normaliseHeader", () => {
  it("ignores case, spaces, _, - and required-column stars", () => {
    for (const header of [
      "department_code",
      "Department Code",
      "DEPARTMENT-CODE",
      "departmentCode",
      " department\u3000code ",
      "*department_code",
      "department_code*",
      "\ufeffdepartment_code",
    ]) {
      expect(normaliseHeader(header), header).toEqual({
        key: "departmentcode",
        unitIsWan: false,
        unit: null,
      });
    }
    expect(normaliseHeader("建设 单位").key).toBe("建设单位");
  });

  it("drops a unit in brackets and flags 万元", () => {
    const wan = { key: "批复金额", unitIsWan: true };
    expect(normaliseHeader("批复金额(万元)")).toEqual({ ...wan, unit: "万元" });
    expect(normaliseHeader("批复金额（万元）")).toEqual({ ...wan, unit: "万元" });
    expect(normaliseHeader("批复金额 【万元】")).toEqual({ ...wan, unit: "万元" });
    expect(normaliseHeader("批复金额[万]")).toEqual({ ...wan, unit: "万" });
    expect(normaliseHeader("批复金额（单位：万元）")).toEqual({ ...wan, unit: "单位:万元" });
    expect(normaliseHeader("批复金额/万元")).toEqual({ ...wan, unit: "万元" });
    expect(normaliseHeader("budget（万元）")).toEqual({
      key: "budget",
      unitIsWan: true,
      unit: "万元",
    });
    expect(normaliseHeader("Budget (wan yuan)")).toEqual({
      key: "budget",
      unitIsWan: true,
      unit: "wan yuan",
    });
    expect(normaliseHeader("批复金额(元)")).toEqual({
      key: "批复金额",
      unitIsWan: false,
      unit: "元",
    });
    expect(normaliseHeader("满意度(1-5)")).toEqual({
      key: "满意度",
      unitIsWan: false,
      unit: "1-5",
    });
    expect(normaliseHeader("承诺时限（天）")).toEqual({
      key: "承诺时限",
      unitIsWan: false,
      unit: "天",
    });
  });

  it("reads a wan or yuan suffix on an English name", () => {
    expect(normaliseHeader("budget_wan")).toEqual({ key: "budget", unitIsWan: true, unit: "wan" });
    expect(normaliseHeader("budgetWan")).toEqual({ key: "budget", unitIsWan: true, unit: "wan" });
    expect(normaliseHeader("planned-wan")).toEqual({
      key: "planned",
      unitIsWan: true,
      unit: "wan",
    });
    expect(normaliseHeader("budget_wan_yuan")).toEqual({
      key: "budget",
      unitIsWan: true,
      unit: "wan",
    });
    expect(normaliseHeader("budget_yuan")).toEqual({
      key: "budget",
      unitIsWan: false,
      unit: "yuan",
    });
    expect(normaliseHeader("wan")).toEqual({ key: "wan", unitIsWan: false, unit: null });
  });

  it("keeps a header that is only brackets", () => {
    expect(normaliseHeader("(万元)").key).toBe("(万元)");
    expect(normaliseHeader("").key).toBe("");
  });
});
