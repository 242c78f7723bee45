import { writeInstant } from "./instant-text";

/**
 * Rows of PostgreSQL's COPY text format as UTF-8, each value written into a buffer as it
 * comes: joining the values into one string and encoding that took three times as long
 * for a row of appeals, and building the text of roll-up rows by concatenation allocated
 * ~1.3 kB per appeal imported.
 */
/** The longest toISOString text ("+275760-09-13T00:00:00.000Z") and its tab. */
const INSTANT_BYTES = 28;

export class CopyMessage {
  private buffer = Buffer.allocUnsafe(256 * 1024);
  private length = 0;
  rows = 0;

  /** A value, then a tab. */
  value(text: string): void {
    this.put(text, 0x09);
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

  private put(text: string, end: number): void {
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
    buffer[at++] = end;
    this.length = at;
  }
}
