import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { isUtf8 } from "node:buffer";

/**
 * The text encodings an import CSV may be in. GBK and GB2312 are read as GB18030, their
 * superset (WHATWG, and so Node's TextDecoder, decode all three the same way).
 */
export const TEXT_ENCODINGS = ["utf-8", "gb18030", "big5", "utf-16le", "utf-16be"] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

const ENCODING_NAMES: Readonly<Record<string, TextEncoding>> = {
  "utf-8": "utf-8",
  utf8: "utf-8",
  gb18030: "gb18030",
  gbk: "gb18030",
  "x-gbk": "gb18030",
  gb2312: "gb18030",
  cp936: "gb18030",
  "windows-936": "gb18030",
  big5: "big5",
  "utf-16": "utf-16le",
  "utf-16le": "utf-16le",
  utf16le: "utf-16le",
  "utf-16be": "utf-16be",
  utf16be: "utf-16be",
};

/** The byte order marks we recognise, per encoding (Big5 has none). */
const BYTE_ORDER_MARKS: Readonly<Record<TextEncoding, readonly number[]>> = {
  "utf-8": [0xef, 0xbb, 0xbf],
  gb18030: [0x84, 0x31, 0x95, 0x33],
  big5: [],
  "utf-16le": [0xff, 0xfe],
  "utf-16be": [0xfe, 0xff],
};

/**
 * An encoding name as a person types it (`UTF8`, `gbk`, `GB2312`, `utf_16le`) → the
 * encoding we decode with. Unknown names are refused with the list of known ones.
 */
export function parseEncodingName(name: string): TextEncoding {
  const key = name.trim().toLowerCase().replace(/_/g, "-");
  const encoding = ENCODING_NAMES[key];
  if (encoding === undefined) {
    throw new RangeError(
      `Unknown encoding "${name}": give one of utf-8, gbk, gb2312, gb18030, big5, utf-16le, utf-16be.`,
    );
  }
  return encoding;
}

export interface SniffedEncoding {
  encoding: TextEncoding;
  /** Whether the text starts with a byte order mark (the reader drops it). */
  bom: boolean;
}

export interface FileEncoding extends SniffedEncoding {
  /** True when the encoding was found from the bytes, false when it was given. */
  detected: boolean;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return (
    prefix.length > 0 && bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b)
  );
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a, 0);
  joined.set(b, a.length);
  return joined;
}

/**
 * Finds the encoding of a CSV from its bytes, streaming: UTF-8 (with or without BOM) when
 * every byte is valid UTF-8, otherwise GB18030 (a superset of GBK). A UTF-16 byte order mark
 * is honoured, since Excel's "Unicode text" export writes one. No statistics: the first
 * invalid UTF-8 sequence decides, and reading stops there.
 */
export async function sniffEncoding(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): Promise<SniffedEncoding> {
  // The first 3 bytes decide the byte order mark; a chunk may be shorter than that.
  let head: Uint8Array | undefined = new Uint8Array(0);
  let bom = false;
  // The bytes of a character a chunk cut in two, checked with the next chunk.
  let carry: Uint8Array = new Uint8Array(0);

  const startFrom = (bytes: Uint8Array): SniffedEncoding | undefined => {
    if (startsWith(bytes, BYTE_ORDER_MARKS["utf-16le"])) return { encoding: "utf-16le", bom: true };
    if (startsWith(bytes, BYTE_ORDER_MARKS["utf-16be"])) return { encoding: "utf-16be", bom: true };
    bom = startsWith(bytes, BYTE_ORDER_MARKS["utf-8"]);
    return undefined;
  };

  for await (const chunk of chunks) {
    let bytes = chunk;
    if (head !== undefined) {
      head = concatBytes(head, chunk);
      if (head.length < 3) continue;
      const utf16 = startFrom(head);
      if (utf16) return utf16;
      bytes = head;
      head = undefined;
    }
    if (carry.length > 0) bytes = concatBytes(carry, bytes);
    const complete = completeUtf8Length(bytes);
    // isUtf8 validates without decoding: the whole file is checked, so no string is built.
    if (!isUtf8(bytes.subarray(0, complete))) return { encoding: "gb18030", bom: false };
    carry = bytes.slice(complete);
  }
  if (head !== undefined) {
    const utf16 = startFrom(head);
    if (utf16) return utf16;
    carry = head;
  }
  if (carry.length > 0 && !isUtf8(carry)) return { encoding: "gb18030", bom: false };
  return { encoding: "utf-8", bom };
}

/**
 * How many bytes of `bytes` end on a character boundary: a UTF-8 sequence that the end
 * cuts short (a lead byte followed by fewer continuation bytes than it announces) is left
 * for the next chunk. Anything else, invalid bytes included, is left to isUtf8.
 */
export function completeUtf8Length(bytes: Uint8Array): number {
  const end = bytes.length;
  for (let index = end - 1; index >= 0 && index >= end - 4; index--) {
    const byte = bytes[index]!;
    if (byte < 0x80) return end;
    if (byte >= 0xc0) {
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return end - index < length ? index : end;
    }
  }
  return end;
}

/** Whether the file starts with the byte order mark of `encoding`. */
async function hasByteOrderMark(path: string, encoding: TextEncoding): Promise<boolean> {
  const mark = BYTE_ORDER_MARKS[encoding];
  if (mark.length === 0) return false;
  const file = await open(path, "r");
  try {
    const buffer = new Uint8Array(mark.length);
    const { bytesRead } = await file.read(buffer, 0, mark.length, 0);
    return bytesRead === mark.length && startsWith(buffer, mark);
  } finally {
    await file.close();
  }
}

/**
 * The encoding of the CSV file at `path`: the `given` one when there is one (e.g. from
 * `--encoding`), else sniffed from its bytes, reading the file once as a stream up to the
 * first byte that is not UTF-8.
 */
export async function detectFileEncoding(path: string, given?: string): Promise<FileEncoding> {
  if (given !== undefined && given.trim() !== "") {
    const encoding = parseEncodingName(given);
    return { encoding, bom: await hasByteOrderMark(path, encoding), detected: false };
  }
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  try {
    return { ...(await sniffEncoding(stream as AsyncIterable<Buffer>)), detected: true };
  } finally {
    stream.destroy();
  }
}
