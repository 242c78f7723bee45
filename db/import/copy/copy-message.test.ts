import { describe, expect, it } from "vitest";
import { CopyMessage } from "./copy-message";

describe("CopyMessage", () => {
  it("writes ASCII, Chinese and mixed values as UTF-8, tab between, line feed after a row", () => {
    const message = new CopyMessage();
    message.value("12345-000000001");
    message.value("12345热线");
    message.value("café 🚀 x");
    message.lastValue("");
    message.value("7");
    message.lastValue("2026-11-01");
    expect(message.rows).toBe(2);
    expect(message.take().toString("utf8")).toBe(
      "12345-000000001\t12345热线\tcafé 🚀 x\t\n7\t2026-11-01\n",
    );
    expect(message.rows).toBe(0);
    expect(message.take().length).toBe(0);
  });

  it("writes timestamps as toISOString does, extended years and times before 1970 included", () => {
    const instants = [
      new Date(Date.UTC(2026, 10, 1, 9, 5, 7, 42)),
      new Date(-1),
      new Date(8.64e15),
      new Date(-8.64e15),
    ];
    const message = new CopyMessage();
    for (const instant of instants) message.instant(instant);
    message.lastValue("end");
    expect(message.take().toString("utf8")).toBe(
      `${instants.map((instant) => instant.toISOString()).join("\t")}\tend\n`,
    );
    expect(() => message.instant(new Date(Number.NaN))).toThrow(RangeError);
  });

  it("grows past its first buffer without losing what it holds", () => {
    const message = new CopyMessage();
    const long = "明镜".repeat(100_000);
    message.value("a");
    message.lastValue(long);
    message.lastValue("b");
    expect(message.take().toString("utf8")).toBe(`a\t${long}\nb\n`);
  });
});

describe("CopyMessage.number", () => {
  it("writes numbers as String does, tab after, line feed after a row's last", () => {
    const values = [0, 7, 10, 99, 100, -1, -1234567, 2 ** 31 - 1, Number.MAX_SAFE_INTEGER, 1.5, -0];
    const message = new CopyMessage();
    for (const value of values) message.number(value);
    message.number(42, true);
    expect(message.rows).toBe(1);
    expect(message.take().toString("utf8")).toBe(`${values.map(String).join("\t")}\t42\n`);
  });
});
