import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { CopyMessage } from "./copy-message";

/** What opens a COPY in binary format: its signature, no flags, no header extension. */
export const BINARY_COPY_HEADER = Buffer.concat([
  Buffer.from("PGCOPY\n\xff\r\n\0", "latin1"),
  Buffer.alloc(8),
]);

/** What ends one: a row of -1 fields. */
export const BINARY_COPY_TRAILER = Buffer.from([0xff, 0xff]);

/** Writes a column's value as a field of COPY's binary format. */
export type BinaryField = (message: CopyMessage, value: unknown) => void;

/** Microseconds from the Unix epoch to PostgreSQL's (2000-01-01 UTC). */
const POSTGRES_EPOCH_US = 946_684_800_000_000;

const INTEGER_RANGES = {
  smallint: [-(2 ** 15), 2 ** 15 - 1],
  integer: [-(2 ** 31), 2 ** 31 - 1],
  bigint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
} as const;

/** A whole number within the type's range, from a number or its text; refused otherwise. */
function wholeNumber(column: AnyPgColumn, type: keyof typeof INTEGER_RANGES, value: unknown) {
  const number = typeof value === "number" ? value : Number(value);
  const [min, max] = INTEGER_RANGES[type];
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new RangeError(
      `value "${String(value)}" is out of range for type ${type} (${column.name})`,
    );
  }
  return number;
}

/**
 * How a column's values go into a COPY in binary format, or undefined for a type written
 * only as text here (numeric, date, JSON …): a kind with such a column is copied as text.
 * In binary, the server takes a timestamp as its microseconds and an integer as its bytes,
 * instead of parsing their text: ~1.2 µs of its time per row of appeals (five timestamps,
 * two integers), and nothing to escape on this side.
 */
export function binaryFieldOf(column: AnyPgColumn): BinaryField | undefined {
  const write = writerOf(column);
  if (!write) return undefined;
  return (message, value) => {
    if (value === null || value === undefined) message.nullField();
    else write(message, value);
  };
}

function writerOf(column: AnyPgColumn): BinaryField | undefined {
  switch (column.columnType) {
    case "PgText":
    case "PgVarchar":
    case "PgChar":
    case "PgEnumColumn":
      return (message, value) => message.textField(String(value));
    case "PgSmallInt":
      return (message, value) => message.int16Field(wholeNumber(column, "smallint", value));
    case "PgInteger":
    case "PgSerial":
      return (message, value) => message.int32Field(wholeNumber(column, "integer", value));
    case "PgBigInt53":
    case "PgBigSerial53":
      return (message, value) => message.int64Field(wholeNumber(column, "bigint", value));
    case "PgBoolean":
      return (message, value) => message.booleanField(Boolean(value));
    case "PgTimestamp":
      return (message, value) => {
        // As drizzle maps a timestamp column: from a Date only.
        if (!(value instanceof Date)) {
          throw new TypeError(`${column.name}: expected a Date, got "${String(value)}"`);
        }
        const ms = value.getTime();
        if (Number.isNaN(ms)) throw new RangeError(`${column.name}: invalid time`);
        const us = ms * 1000 - POSTGRES_EPOCH_US;
        message.int64Field(
          Number.isSafeInteger(us) ? us : BigInt(ms) * 1000n - BigInt(POSTGRES_EPOCH_US),
        );
      };
    default:
      return undefined;
  }
}
