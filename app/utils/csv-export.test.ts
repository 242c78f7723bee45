import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { escapeFormulaCell, toCsv } from "./csv-export";

describe("CSV export", () => {
  it("prefixes text a spreadsheet would run as a formula, and nothing else", () => {
    for (const risky of ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx"]) {
      expect(escapeFormulaCell(risky)).toBe(`'${risky}`);
    }
    for (const safe of ["1+1", "a=b", "部门", "", " =x"])
      expect(escapeFormulaCell(safe)).toBe(safe);
    expect(escapeFormulaCell(-12)).toBe(-12);
    expect(escapeFormulaCell(null)).toBeNull();
  });

  it("writes a BOM, CRLF rows, quoted delimiters, and escaped cells in header and body", () => {
    const csv = toCsv(
      ["名称", "=header"],
      [
        ["a,b", '=HYPERLINK("x")'],
        ['say "hi"', -3],
        [null, undefined],
      ],
    );
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain("\r\n");
    const parsed = Papa.parse<string[]>(csv.slice(1), { newline: "\r\n" }).data;
    expect(parsed).toEqual([
      ["名称", "'=header"],
      ["a,b", '\'=HYPERLINK("x")'],
      ['say "hi"', "-3"],
      ["", ""],
    ]);
  });
});
