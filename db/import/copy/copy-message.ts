import { writeInstant } from "./instant-text";

/** The longest toISOString text ("+275760-09-13T00:00:00.000Z") and its tab. */
const INSTANT_BYTES = 28;

/**
 * Rows of PostgreSQL's COPY text format as UTF-8, or of its binary format, each value
 * written into a buffer as it comes: joining the values into one string and encoding that took three times as long
 * for a row of appeals, and building the text of roll-up rows by concatenation allocated
 * ~1.3 kB per appeal imported.
 */
export class CopyMessage {
  private buffer = Buffer.allocUnsafe(256 * 1024);
  private length = 0;
  rows = 0;

  /** A value, then a tab. */
  value(text: string): void {
    this.put(text, 0x09);
  }

  /**
   * A number as String(value) writes it, then a tab, or a line feed after a row's last
   * value (`last`): a whole number digit by digit, with no string made for it.
   */
  number(value: number, last = false): void {
    if (!Number.isSafeInteger(value)) this.put(String(value), last ? 0x0a : 0x09);
    else {
      this.room(18);
      const buffer = this.buffer;
      let at = this.length;
      if (value < 0) {
        buffer[at++] = 0x2d; // -
        value = -value;
      }
      let digits = 1;
      for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits += 1;
      for (let place = at + digits - 1; place >= at; place--) {
        buffer[place] = 0x30 + (value % 10);
        value = Math.floor(value / 10);
      }
      at += digits;
      buffer[at++] = last ? 0x0a : 0x09;
      this.length = at;
    }
    if (last) this.rows += 1;
  }

  /** A timestamp as toISOString writes it, then a tab. */
  instant(instant: Date): void {
    this.room(INSTANT_BYTES);
    this.length = writeInstant(instant, this.buffer, this.length);
    this.buffer[this.length++] = 0x09;
  }

  /** A row's last value, then a line feed. */
  lastValue(text: string): void {
    this.put(text, 0x0a);
    this.rows += 1;
  }

  // Binary format (COPY … WITH (format binary)): a row is its number of fields, then each
  // field as its length and bytes in the type's binary form (-1 for null).

  /** Starts a row of `fields` fields. */
  row(fields: number): void {
    this.room(2);
    this.buffer.writeInt16BE(fields, this.length);
    this.length += 2;
    this.rows += 1;
  }

  /** A null field. */
  nullField(): void {
    this.room(4);
    this.buffer.writeInt32BE(-1, this.length);
    this.length += 4;
  }

  /** A boolean. */
  booleanField(value: boolean): void {
    this.room(5);
    this.buffer.writeInt32BE(1, this.length);
    this.buffer[this.length + 4] = value ? 1 : 0;
    this.length += 5;
  }

  /** A smallint. */
  int16Field(value: number): void {
    this.room(6);
    this.buffer.writeInt32BE(2, this.length);
    this.buffer.writeInt16BE(value, this.length + 4);
    this.length += 6;
  }

  /** An integer. */
  int32Field(value: number): void {
    this.room(8);
    this.buffer.writeInt32BE(4, this.length);
    this.buffer.writeInt32BE(value, this.length + 4);
    this.length += 8;
  }

  /** A bigint (or a timestamp's microseconds). */
  int64Field(value: number | bigint): void {
    this.room(12);
    this.buffer.writeInt32BE(8, this.length);
    if (typeof value === "bigint") this.buffer.writeBigInt64BE(value, this.length + 4);
    else if (Number.isSafeInteger(value)) {
      // Two halves: BigInt for every value cost more than the rest of the field.
      const high = Math.floor(value / 2 ** 32);
      this.buffer.writeInt32BE(high, this.length + 4);
      this.buffer.writeUInt32BE(value - high * 2 ** 32, this.length + 8);
    } else throw new RangeError(`${value} is not a whole number within ±2^53`);
    this.length += 12;
  }

  /** Text (or an enum's label) as UTF-8. */
  textField(text: string): void {
    const start = this.length;
    this.length += 4;
    this.put(text, undefined);
    this.buffer.writeInt32BE(this.length - start - 4, start);
  }

  /** Bytes as they are: a COPY's header or trailer. */
  bytes(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** The rows so far; the message starts again empty (the stream may hold on to them). */
  take(): Buffer {
    const bytes = this.buffer.subarray(0, this.length);
    this.buffer = Buffer.allocUnsafe(this.buffer.length);
    this.length = 0;
    this.rows = 0;
    return bytes;
  }

  /** Makes room for `bytes` more bytes. */
  private room(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const larger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(larger, 0, 0, this.length);
    this.buffer = larger;
  }

  /** Text as UTF-8, then the byte `end` if given. */
  private put(text: string, end: number | undefined): void {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8.
    this.room(text.length * 3 + 1);
    const buffer = this.buffer;
    let at = this.length;
    // ASCII byte by byte: most values are a few ASCII characters (counts, ids, dates),
    // which a call into Buffer#write cost more than copying.
    let index = 0;
    for (; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code >= 0x80) break;
      buffer[at++] = code;
    }
    if (index < text.length) at += buffer.write(text.slice(index), at, "utf8");
    if (end !== undefined) buffer[at++] = end;
    this.length = at;
  }
}
