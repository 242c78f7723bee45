import { describe, expect, it } from "vitest";
import { PII_HEADERS, piiKindOfHeader } from "./pii-columns";

describe("piiKindOfHeader", () => {
  it("recognises the names, phones and ID numbers of DESIGN.md and the brief", () => {
    for (const header of ["姓名", "联系人", "来电人", "name", "caller_name", "Caller Name"]) {
      expect(piiKindOfHeader(header), header).toBe("name");
    }
    for (const header of [
      "电话",
      "手机",
      "联系电话",
      "phone",
      "mobile",
      "Phone Number",
      "手机号码",
    ]) {
      expect(piiKindOfHeader(header), header).toBe("phone");
    }
    for (const header of ["身份证号", "证件号码", "id_number", "ID Number", "身份证号码"]) {
      expect(piiKindOfHeader(header), header).toBe("id_number");
    }
  });

  it("leaves other headers alone", () => {
    for (const header of ["code", "部门名称", "channel", "渠道", "comment", "评价内容", ""]) {
      expect(piiKindOfHeader(header), header).toBeNull();
    }
  });

  it("lists no header under two kinds", () => {
    const all = Object.values(PII_HEADERS).flat();
    expect(new Set(all).size).toBe(all.length);
  });
});
