import { describe, expect, it } from "vitest";
import { EXPECTED_BOOLEAN, parseBoolean } from "./parse-boolean";

describe("parseBoolean", () => {
  it("reads the documented words, in any case and width", () => {
    for (const text of [
      "true",
      "TRUE",
      "True",
      "1",
      "是",
      "Y",
      "y",
      "yes",
      "YES",
      " 是\u3000",
      "１",
      "Ｙ",
    ]) {
      expect(parseBoolean(text), text).toEqual({ ok: true, value: true });
    }
    for (const text of ["false", "FALSE", "0", "否", "N", "n", "no", "No", " 0 ", "０"]) {
      expect(parseBoolean(text), text).toEqual({ ok: true, value: false });
    }
  });

  it("refuses anything else, listing the accepted words", () => {
    for (const text of [
      "",
      "2",
      "-1",
      "1.0",
      "t",
      "f",
      "对",
      "错",
      "真",
      "假",
      "on",
      "off",
      "yes!",
      "y es",
    ]) {
      expect(parseBoolean(text), text).toEqual({ ok: false, reason: EXPECTED_BOOLEAN });
    }
    expect(EXPECTED_BOOLEAN).toBe("expected yes or no: true/false, 1/0, 是/否, Y/N or yes/no");
  });
});
