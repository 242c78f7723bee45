import { describe, expect, it } from "vitest";
import { MAX_BIGSERIAL_ID, MAX_SERIAL_ID, parseIdParam, requireIdParam } from "./id-param.server";

describe("parseIdParam", () => {
  it("reads canonical positive decimals within the column's range", () => {
    expect(parseIdParam("1")).toBe(1);
    expect(parseIdParam(String(MAX_SERIAL_ID))).toBe(MAX_SERIAL_ID);
    expect(parseIdParam("99999999999", MAX_BIGSERIAL_ID)).toBe(99_999_999_999);
  });

  it("names no row for anything else", () => {
    for (const value of [
      undefined,
      "",
      "0",
      "-1",
      "01",
      "1e3",
      "0x10",
      " 1",
      "1.0",
      "abc",
      String(MAX_SERIAL_ID + 1),
      "99999999999999999999",
    ])
      expect(parseIdParam(value), String(value)).toBeUndefined();
    expect(parseIdParam("99999999999999999999", MAX_BIGSERIAL_ID)).toBeUndefined();
    expect(parseIdParam(String(MAX_BIGSERIAL_ID + 1), MAX_BIGSERIAL_ID)).toBeUndefined();
  });

  it("throws a 404 response from requireIdParam", () => {
    expect(() => requireIdParam("2147483648")).toThrow(Response);
    try {
      requireIdParam("x");
    } catch (error) {
      expect((error as Response).status).toBe(404);
    }
  });
});
