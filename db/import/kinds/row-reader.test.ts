import { describe, expect, it } from "vitest";
import { matchHeaders } from "../values/header-match";
import { RowReader } from "./row-reader";

const HEADER = ["external_id", "caller_name", "phone", "id_number", "联系电话"];
const match = matchHeaders("appeals", HEADER);
const reader = (...values: string[]) => new RowReader({ line: 2, values }, match);
const PREFERENCE = ["phone", "id_number", "name"] as const;

describe("RowReader.personalDatum", () => {
  it("takes the first kind, in the order asked, whose cell holds something", () => {
    expect(match.pii.map((column) => column.kind)).toEqual(["name", "phone", "id_number", "phone"]);
    expect(reader("A1", "张三", "13800138000", "330100", "").personalDatum(PREFERENCE)).toEqual({
      kind: "phone",
      value: "13800138000",
    });
    // An empty or blank phone gives way to the ID number, then to the name.
    expect(reader("A1", "张三", " ", "330100", "").personalDatum(PREFERENCE)).toEqual({
      kind: "id_number",
      value: "330100",
    });
    expect(reader("A1", "张三", "", "\u3000", "").personalDatum(PREFERENCE)).toEqual({
      kind: "name",
      value: "张三",
    });
  });

  it("reads a second column of a kind when the first is empty, and nothing when all are", () => {
    expect(reader("A1", "", "", "", "0571-1234").personalDatum(PREFERENCE)).toEqual({
      kind: "phone",
      value: "0571-1234",
    });
    expect(reader("A1", "", "", "").personalDatum(PREFERENCE)).toBeUndefined();
  });
});
