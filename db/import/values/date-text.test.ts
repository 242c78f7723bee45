import { describe, expect, it } from "vitest";
import { dayNumberOf } from "../../../metrics/iso-date";
import { readDateText, validateDate } from "./date-text";

const july1 = dayNumberOf("2021-07-01");

describe("readDateText", () => {
  it("reads each form and returns what follows", () => {
    for (const text of [
      "2021-07-01",
      "2021-7-1",
      "2021/7/1",
      "2021/07/01",
      "2021.7.1",
      "2021年7月1日",
      "2021 年 7 月 1 日",
      "20210701",
    ]) {
      expect(readDateText(text), text).toEqual({ ok: true, value: { dayNumber: july1, rest: "" } });
    }
    expect(readDateText("2021-07-01T09:05")).toEqual({
      ok: true,
      value: { dayNumber: july1, rest: "T09:05" },
    });
    expect(readDateText("2021年7月1日9:05")).toEqual({
      ok: true,
      value: { dayNumber: july1, rest: "9:05" },
    });
    expect(readDateText("20210701 09:05")).toEqual({
      ok: true,
      value: { dayNumber: july1, rest: " 09:05" },
    });
  });

  it("finds no date in other text", () => {
    for (const text of [
      "",
      "2021-07",
      "2021-7/1",
      "21/7/1",
      "7/1/2021",
      "2021-07-011",
      "202107011",
      "20210701.5",
      "2021年7月",
      "44378",
      "July 1, 2021",
    ]) {
      expect(readDateText(text), text).toBeNull();
    }
  });

  it("refuses forms that name no real day, saying why", () => {
    expect(readDateText("2021-02-29")).toEqual({
      ok: false,
      reason:
        "expected a real calendar date: 2021-02-29 does not exist (February 2021 has 28 days)",
    });
    expect(readDateText("2021/13/1")).toEqual({
      ok: false,
      reason: "expected a real calendar date: there is no month 13 (months run 1–12)",
    });
    expect(readDateText("2021年4月31日")?.ok).toBe(false);
    expect(readDateText("2021-07-00")?.ok).toBe(false);
    expect(readDateText("1900-02-29")?.ok).toBe(false);
    expect(readDateText("2000-02-29")?.ok).toBe(true);
    expect(readDateText("2024-02-29")?.ok).toBe(true);
  });

  it("validates parts", () => {
    expect(validateDate(2021, 0, 1).ok).toBe(false);
    expect(validateDate(2021, 12, 31).ok).toBe(true);
    expect(validateDate(2021, 6, 31).ok).toBe(false);
  });
});
