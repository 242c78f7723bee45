import { integer, numeric, pgTable, smallint, text, timestamp, bigint } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { BINARY_COPY_HEADER, binaryFieldOf } from "./binary-fields";
import { CopyMessage } from "./copy-message";

const table = pgTable("t", {
  name: text("name"),
  small: smallint("small"),
  count: integer("count"),
  batch: bigint("batch", { mode: "number" }),
  at: timestamp("at", { withTimezone: true, mode: "date" }),
  amount: numeric("amount"),
});

/** The bytes of one field of `column` holding `value`. */
function field(column: keyof typeof table._.columns, value: unknown): string {
  const message = new CopyMessage();
  binaryFieldOf(table[column])!(message, value);
  return message.take().toString("hex");
}

describe("binary COPY fields", () => {
  it("opens with PostgreSQL's signature, no flags and no extension", () => {
    expect(BINARY_COPY_HEADER.toString("hex")).toBe("5047434f50590aff0d0a00" + "00".repeat(8));
  });

  it("writes integers as their length and big-endian bytes, null as length -1", () => {
    expect(field("small", -2)).toBe("00000002" + "fffe");
    expect(field("count", 2 ** 31 - 1)).toBe("00000004" + "7fffffff");
    expect(field("batch", -(2 ** 40) - 1)).toBe("00000008" + "fffffeffffffffff");
    expect(field("batch", 2 ** 32 + 5)).toBe("00000008" + "0000000100000005");
    expect(field("count", null)).toBe("ffffffff");
    expect(field("count", "42")).toBe("00000004" + "0000002a");
  });

  it("refuses an integer out of its type's range, naming the column", () => {
    expect(() => field("small", 40_000)).toThrow(/out of range for type smallint \(small\)/);
    expect(() => field("count", 2 ** 31)).toThrow(/out of range for type integer \(count\)/);
    expect(() => field("count", 1.5)).toThrow(RangeError);
    expect(() => field("count", "x")).toThrow(RangeError);
  });

  it("writes text as its UTF-8 bytes after their length", () => {
    expect(field("name", "明镜a")).toBe("00000007" + Buffer.from("明镜a").toString("hex"));
    expect(field("name", "")).toBe("00000000");
  });

  it("writes a timestamp as microseconds from 2000-01-01 UTC, before it and far after", () => {
    expect(field("at", new Date("2000-01-01T00:00:00Z"))).toBe("00000008" + "00".repeat(8));
    const microseconds = (date: Date) => Buffer.from(field("at", date), "hex").readBigInt64BE(4);
    expect(microseconds(new Date("1970-01-01T00:00:00.001Z"))).toBe(-946_684_799_999_000n);
    expect(microseconds(new Date("2026-11-01T09:05:07.042Z"))).toBe(
      BigInt(Date.parse("2026-11-01T09:05:07.042Z")) * 1000n - 946_684_800_000_000n,
    );
    // Beyond 2^53 microseconds: written exactly all the same.
    expect(microseconds(new Date(8.64e15))).toBe(8_640_000_000_000_000_000n - 946_684_800_000_000n);
    expect(() => field("at", new Date(Number.NaN))).toThrow(/at: invalid time/);
    expect(() => field("at", "2026-11-01")).toThrow(TypeError);
  });

  it("has no binary field for numeric: such a kind is copied as text", () => {
    expect(binaryFieldOf(table.amount)).toBeUndefined();
  });
});
