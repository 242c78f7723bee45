import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { EXPECTED_CODE, parseCode } from "./parse-code";

describe("parseCode", () => {
  it("accepts letters of any script, digits, -, _ and . and trims around", () => {
    for (const code of [
      "P-2021.001",
      "a_b",
      "330100",
      "浙江省",
      "ЦОД-1",
      "دائرة",
      "ก๑๒",
      "é",
      "e\u0301",
      "１２３",
      "x",
    ]) {
      expect(parseCode(code), code).toEqual({ ok: true, value: code });
    }
    expect(parseCode("\u3000 P001\u00a0 ")).toEqual({ ok: true, value: "P001" });
    expect(parseCode("A".repeat(64)).ok).toBe(true);
    expect(parseCode("𠀀".repeat(64)).ok).toBe(true); // 64 code points, 128 UTF-16 units
  });

  it("names the bad character and where it is", () => {
    expect(parseCode("P 001")).toEqual({
      ok: false,
      reason: `${EXPECTED_CODE}: character 2 is white space (U+0020)`,
    });
    expect(parseCode("P/001")).toEqual({
      ok: false,
      reason: `${EXPECTED_CODE}: character 2 is "/" (U+002F)`,
    });
    expect(parseCode("项目（一）")).toEqual({
      ok: false,
      reason: `${EXPECTED_CODE}: character 3 is "（" (U+FF08)`,
    });
    expect(parseCode("A\u200bB")).toEqual({
      ok: false,
      reason: `${EXPECTED_CODE}: character 2 is an invisible character (U+200B)`,
    });
    expect(parseCode("P\u3000001")).toEqual({
      ok: false,
      reason: `${EXPECTED_CODE}: character 2 is white space (U+3000)`,
    });
    for (const code of [
      "a,b",
      "a'b",
      "a;b",
      "a+b",
      "a@b",
      "1/2",
      "½",
      "Ⅻ",
      "a\tb",
      "a\nb",
      "=1+1",
      "😀",
    ]) {
      expect(parseCode(code).ok, code).toBe(false);
    }
  });

  it("refuses empty and over-long codes", () => {
    expect(parseCode("")).toEqual({ ok: false, reason: EXPECTED_CODE });
    expect(parseCode("  ")).toEqual({ ok: false, reason: EXPECTED_CODE });
    expect(parseCode("A".repeat(65))).toEqual({
      ok: false,
      reason: `${EXPECTED_CODE}: this one has 65 characters`,
    });
  });

  it("accepts exactly the strings of 1–64 allowed characters", () => {
    const allowed = fc.constantFrom("a", "Z", "项", "ß", "9", "٣", "-", "_", ".");
    fc.assert(
      fc.property(fc.array(allowed, { minLength: 1, maxLength: 64 }), (characters) => {
        const code = characters.join("");
        expect(parseCode(code)).toEqual({ ok: true, value: code });
      }),
    );
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 10 }),
        fc.constantFrom(" ", "/", "#", "(", "，", "!"),
        (prefix, bad) => {
          const result = parseCode(`x${prefix.replace(/\s/g, "")}${bad}y`);
          expect(result.ok).toBe(false);
        },
      ),
    );
  });
});
