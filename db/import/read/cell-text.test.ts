import { describe, expect, it } from "vitest";
import {
  cellText,
  dateText,
  excelSerialInstant,
  FORMULA_ERROR_TEXT,
  isDateFormat,
  numberText,
} from "./cell-text";

describe("numberText", () => {
  it.each([
    [0, "0"],
    [-0, "0"],
    [42, "42"],
    [-12.5, "-12.5"],
    [0.1 + 0.2, "0.3"],
    [1234567.891, "1234567.891"],
    [5e-7, "0.0000005"],
    [-1.5e-7, "-0.00000015"],
    [1e21, "1000000000000000000000"],
    [1.2345e22, "12345000000000000000000"],
    [2 ** 64, "18446744073709600000"],
    [1e31, "1e+31"],
    [1e-31, "1e-31"],
  ])("%d → %s", (value, text) => {
    expect(numberText(value)).toBe(text);
  });
});

describe("dateText", () => {
  it("gives the UTC date, and the time when there is one, rounded to the second", () => {
    expect(dateText(new Date(Date.UTC(2021, 6, 1)))).toBe("2021-07-01");
    expect(dateText(new Date(Date.UTC(2021, 6, 1, 9, 5, 7)))).toBe("2021-07-01 09:05:07");
    expect(dateText(new Date(Date.UTC(2021, 6, 1, 23, 59, 59, 999)))).toBe("2021-07-02");
    expect(dateText(new Date(Date.UTC(2021, 6, 1, 13, 0, 0, 400)))).toBe("2021-07-01 13:00:00");
  });

  it("gives a time alone for a serial below one day", () => {
    expect(dateText(excelSerialInstant(0.5416666666678793))).toBe("13:00:00");
  });
});

describe("excelSerialInstant", () => {
  it("counts days from 1899-12-30, or 1904-01-01 in the 1904 system", () => {
    expect(excelSerialInstant(44378).toISOString()).toBe("2021-07-01T00:00:00.000Z");
    expect(excelSerialInstant(44378.375).toISOString()).toBe("2021-07-01T09:00:00.000Z");
    expect(excelSerialInstant(42916, true).toISOString()).toBe("2021-07-01T00:00:00.000Z");
  });
});

describe("isDateFormat", () => {
  it.each([
    ["yyyy-mm-dd", true],
    ["m/d/yy h:mm", true],
    ['yyyy"年"m"月"d"日"', true],
    ["[$-F800]dddd, mmmm dd, yyyy", true],
    ["h:mm:ss", true],
    ["General", false],
    ["0.00%", false],
    ['#,##0.00 "元"', false],
    ["[Red]#,##0", false],
    [undefined, false],
  ])("%j → %s", (format, expected) => {
    expect(isDateFormat(format)).toBe(expected);
  });
});

describe("cellText", () => {
  it("gives each kind of value as a person sees it", () => {
    expect(cellText(null)).toBe("");
    expect(cellText(undefined)).toBe("");
    expect(cellText(" 007 ")).toBe(" 007 ");
    expect(cellText(12.5)).toBe("12.5");
    expect(cellText(true)).toBe("true");
    expect(cellText(false)).toBe("false");
    expect(cellText(new Date(Date.UTC(2021, 0, 31)))).toBe("2021-01-31");
    expect(cellText({ richText: [{ text: "北" }, { text: "京", font: { bold: true } }] })).toBe(
      "北京",
    );
    expect(cellText({ error: "#N/A" })).toBe("#N/A");
    expect(cellText({ text: "链接", hyperlink: "https://example.org" })).toBe("链接");
  });

  it("gives a formula's cached result, a date when the cell shows one", () => {
    expect(cellText({ formula: "A1*2", result: 0.6 })).toBe("0.6");
    expect(cellText({ formula: "A1-A1", result: 0 })).toBe("0");
    expect(cellText({ formula: "A1", result: "文本" })).toBe("文本");
    expect(cellText({ formula: "A1+1", result: 44379 }, { numFmt: "yyyy/m/d" })).toBe("2021-07-02");
    expect(cellText({ formula: "NOW()" })).toBe("");
    expect(cellText({ formula: "1/0", result: Number.NaN })).toBe(FORMULA_ERROR_TEXT);
    expect(cellText({ sharedFormula: "A2", result: 3 })).toBe("3");
  });

  it("undoes OOXML's _xHHHH_ escapes", () => {
    expect(cellText("第一行_x000D_\n第二行")).toBe("第一行\r\n第二行");
    expect(cellText("_x005F_x0041_")).toBe("_x0041_");
  });
});
