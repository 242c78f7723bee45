import { describe, expect, it } from "vitest";
import { matchHeaders } from "../values/header-match";
import { RowReader } from "./row-reader";

const match = matchHeaders("ratings", ["external_id", "评价内容", "channel"]);
const reader = (...values: string[]) => new RowReader({ line: 2, values }, match);

describe("a citizen's free text, as the row reader hands it on", () => {
  it("is scrubbed in what the kind parses and in what an error reports", () => {
    const row = reader("R1", "请回电 138-1234-5678，邮箱 a.b@example.cn", "窗口 13812345678");
    expect(row.text("comment")).toBe("请回电 〔已隐去电话〕，邮箱 〔已隐去邮箱〕");
    row.fail("comment", "a reason");
    expect(row.errors).toEqual([
      {
        column: "comment",
        value: "请回电 〔已隐去电话〕，邮箱 〔已隐去邮箱〕",
        reason: "a reason",
      },
    ]);
  });

  it("leaves other columns as written", () => {
    expect(reader("R1", "", "窗口 13812345678").text("channel")).toBe("窗口 13812345678");
  });
});
