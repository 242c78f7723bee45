import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { cellText, isEmptyCell, parseOptionalCell, parseRequiredCell } from "./empty-cell";
import { parseInteger } from "./parse-integer";

describe("empty cells", () => {
  it("treats nothing, white space and the dash and slash markers as empty", () => {
    for (const text of [
      "",
      " ",
      "\u3000",
      "\u00a0",
      "\ufeff",
      " \t ",
      "-",
      "—",
      "－",
      "–",
      "——",
      "--",
      "/",
      "／",
      "\u3000-\u3000",
      " / ",
      undefined,
      null,
    ]) {
      expect(isEmptyCell(text), JSON.stringify(text)).toBe(true);
      expect(cellText(text), JSON.stringify(text)).toBeNull();
    }
  });

  it("keeps values, trimmed, including zero and things that merely contain a marker", () => {
    expect(cellText("0")).toBe("0");
    expect(cellText("\u3000 A-01\u00a0")).toBe("A-01");
    expect(cellText("-1")).toBe("-1");
    expect(cellText("//")).toBe("//");
    expect(cellText("N/A")).toBe("N/A");
    expect(cellText("-/")).toBe("-/");
    expect(isEmptyCell("无")).toBe(false);
  });

  it("never calls a cell with a letter or digit empty", () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom("a", "0", "项"), fc.string(), (a, core, b) => {
        expect(isEmptyCell(`${a}${core}${b}`)).toBe(false);
      }),
    );
  });

  it("gives the trimmed text of exactly the cells that are not empty", () => {
    const pieces = fc.constantFrom(" ", "\u3000", "-", "—", "－", "–", "/", "／", "a", "0", "项");
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 6 }), (parts) => {
        const text = parts.join("");
        expect(cellText(text), JSON.stringify(text)).toBe(isEmptyCell(text) ? null : text.trim());
      }),
      { numRuns: 2_000 },
    );
  });

  it("parses optional cells to null and requires required ones", () => {
    expect(parseOptionalCell("—", parseInteger)).toEqual({ ok: true, value: null });
    expect(parseOptionalCell(" 12 ", parseInteger)).toEqual({ ok: true, value: 12 });
    expect(parseOptionalCell("x", parseInteger).ok).toBe(false);
    expect(parseRequiredCell(" 12 ", parseInteger)).toEqual({ ok: true, value: 12 });
    expect(parseRequiredCell("/", parseInteger)).toEqual({
      ok: false,
      reason: "expected a value: this column is required and the cell is empty",
    });
    expect(parseRequiredCell(undefined, parseInteger).ok).toBe(false);
  });
});
