import { Transform } from "node:stream";
import { sizeText, ZipPartRefused } from "./zip-parts";

/**
 * How much of a workbook we inflate and hold. An .xlsx is a zip archive, and deflate
 * shrinks repeated text up to a thousandfold: a 151 KB workbook holding one shared string
 * of 157 MB took the server from 593 MB to 935 MB in 3.6 s. Every cap is counted on the
 * bytes as they inflate, and set so that a real workbook of the upload limit (200 MB by
 * default) passes.
 */
export interface XlsxLimits {
  /** Bytes all the parts read may inflate to together. */
  inflatedBytes: number;
  /** Bytes the shared strings part may inflate to: its strings are held in memory. */
  sharedStringsBytes: number;
  /** Bytes any other part read whole (the workbook, its relationships, styles) may inflate to. */
  partBytes: number;
  /** Shared strings (`<si>` items) a workbook may hold. */
  sharedStrings: number;
  /** Characters a shared string may hold. */
  sharedStringChars: number;
}

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/**
 * Worksheet XML deflates 5–10× (20× for the most repetitive sheets): a 200 MB upload
 * inflates to 1–4 GB, while a zip bomb inflates a thousandfold. The sheet is streamed,
 * so this bounds the time a workbook takes, not memory.
 */
export const MAX_INFLATED_BYTES = 4 * GiB;

/**
 * The shared strings part is parsed into memory whole. Unique text (complaint texts, ids)
 * deflates 2–4×, so a 200 MB workbook of it holds well under 1 GiB.
 */
export const MAX_SHARED_STRINGS_BYTES = 1 * GiB;

/**
 * The workbook part, its relationships and styles are parsed into objects whole. Excel's
 * own styles part, the largest of them, runs to a few MB in a workbook many people edited.
 */
export const MAX_PART_BYTES = 64 * MiB;

/**
 * A unique text takes at least ~13 bytes of a workbook (its `<si>` item and a cell
 * pointing at it, deflated), so a 200 MB workbook holds some 15 M; each costs the reader a
 * slot in an array, however short.
 */
export const MAX_SHARED_STRINGS = 20_000_000;

/** Excel's own limit for a cell, which it will not exceed nor open a workbook beyond. */
export const MAX_SHARED_STRING_CHARS = 32_767;

export const XLSX_LIMITS: Readonly<XlsxLimits> = {
  inflatedBytes: MAX_INFLATED_BYTES,
  sharedStringsBytes: MAX_SHARED_STRINGS_BYTES,
  partBytes: MAX_PART_BYTES,
  sharedStrings: MAX_SHARED_STRINGS,
  sharedStringChars: MAX_SHARED_STRING_CHARS,
};

/**
 * The most XML one shared string's `<si>` item may take, checked before the XML parser
 * holds it: 32,767 characters written at up to 10 bytes each (`&#x10FFFF;`) take 320 KiB,
 * and rich text adds each run's formatting. The characters are counted once parsed.
 */
const MAX_SHARED_STRING_XML_BYTES = 4 * MiB;

/**
 * The most XML one worksheet row may take: as long as the longest CSV record we read
 * (MAX_RECORD_CHARS). The reader holds a row's cells until the row ends.
 */
const MAX_ROW_XML_BYTES = 16 * MiB;

interface ElementRule {
  part: string;
  /** The element measured, from one opening tag to the next (`si`, `row`). */
  tag: string;
  maxBytes: number;
  /** Why an element longer than maxBytes is refused. */
  tooLong: string;
  maxCount?: number;
  /** Why more than maxCount elements are refused. */
  tooMany?: string;
  advice?: string;
}

/** Bytes after `<tag` that end a tag's name: `>`, `/` and XML white space. */
const NAME_ENDS = new Set([0x3e, 0x2f, 0x20, 0x09, 0x0a, 0x0d]);

/**
 * Passes a part's bytes on while measuring one element, from one of its opening tags to the
 * next: an element longer than the rule allows, or more of them than it allows, fails the
 * stream before the XML parser has gathered the text. What precedes the first opening tag
 * counts as an element too, so no text escapes the measure.
 */
function elementGuard(rule: ElementRule): Transform {
  const opening = Buffer.from(`<${rule.tag}`);
  const carried = opening.length;
  let before = 0;
  let start = 0;
  let count = 0;
  let tail: Buffer = Buffer.alloc(0);
  const refuse = (why: string) =>
    new ZipPartRefused(rule.part, `its part ${rule.part} holds ${why}`, rule.advice);
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const bytes = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk;
      const offset = before - tail.length;
      for (let at = bytes.indexOf(opening); at !== -1; at = bytes.indexOf(opening, at + 1)) {
        const next = bytes[at + carried];
        if (next === undefined) break;
        if (!NAME_ENDS.has(next)) continue;
        if (offset + at - start > rule.maxBytes) return done(refuse(rule.tooLong));
        start = offset + at;
        count++;
        if (rule.maxCount !== undefined && count > rule.maxCount) {
          return done(refuse(rule.tooMany ?? ""));
        }
      }
      before += chunk.length;
      if (before - start > rule.maxBytes) return done(refuse(rule.tooLong));
      // An opening tag split between chunks is found again with the next one.
      tail = bytes.subarray(Math.max(0, bytes.length - carried));
      done(null, chunk);
    },
  });
}

/** What to do about a text longer than Excel holds in a cell (another program wrote it). */
function shortenText(limits: XlsxLimits): string {
  return (
    `Shorten the text to ${limits.sharedStringChars.toLocaleString("en-US")} characters ` +
    `or fewer (Excel would cut it there), or import the data as CSV.`
  );
}

/** Refuses, as they inflate, shared strings too many or one too long to be a cell's. */
export function guardSharedStrings(part: string, limits: XlsxLimits): Transform {
  return elementGuard({
    advice: shortenText(limits),
    part,
    tag: "si",
    maxBytes: MAX_SHARED_STRING_XML_BYTES,
    tooLong:
      `a text of more than ${sizeText(MAX_SHARED_STRING_XML_BYTES)} of XML, far more than ` +
      `the ${limits.sharedStringChars.toLocaleString("en-US")} characters Excel allows in a cell`,
    maxCount: limits.sharedStrings,
    tooMany: `more than ${limits.sharedStrings.toLocaleString("en-US")} texts (shared strings)`,
  });
}

/** Refuses, as it inflates, a worksheet row longer than any we would read. */
export function guardRows(part: string): Transform {
  return elementGuard({
    part,
    tag: "row",
    maxBytes: MAX_ROW_XML_BYTES,
    tooLong: `a row of more than ${sizeText(MAX_ROW_XML_BYTES)} of XML`,
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** A shared string's length in characters (UTF-16 units, as Excel counts), rich text joined. */
function sharedStringChars(value: unknown): number {
  if (typeof value === "string") return value.length;
  if (!isRecord(value) || !Array.isArray(value.richText)) return 0;
  let chars = 0;
  for (const run of value.richText) {
    if (isRecord(run) && typeof run.text === "string") chars += run.text.length;
  }
  return chars;
}

/** Refuses a parsed shared string longer than a cell may be. */
export function checkSharedStringLengths(
  part: string,
  strings: readonly unknown[],
  limits: XlsxLimits,
): void {
  const max = limits.sharedStringChars;
  for (let index = 0; index < strings.length; index++) {
    const chars = sharedStringChars(strings[index]);
    if (chars <= max) continue;
    throw new ZipPartRefused(
      part,
      `its part ${part} holds a text of ${chars.toLocaleString("en-US")} characters ` +
        `(shared string ${index + 1}), more than the ${max.toLocaleString("en-US")} ` +
        `Excel allows in a cell`,
      shortenText(limits),
    );
  }
}
