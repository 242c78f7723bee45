import { createReadStream } from "node:fs";
import Papa from "papaparse";
import { detectFileEncoding, type TextEncoding } from "./detect-encoding";
import {
  ImportFileError,
  type FileRecord,
  type OnReadProgress,
  type RecordError,
} from "./file-record";

/** The delimiters an import CSV may use. */
export type CsvDelimiter = "," | ";" | "\t";
export type CsvNewline = "\r\n" | "\n" | "\r";

export interface CsvReadOptions {
  /** The name the person knows the file by (an upload's own name), for messages; the path when absent. */
  fileName?: string;
  /** The file's encoding (utf-8, gbk, gb18030, big5, utf-16le…); found from the bytes when absent. */
  encoding?: string;
  /** `,`, `;` or tab (also `tab`, `\t`, `comma`, `semicolon`); found from the header line when absent. */
  delimiter?: string;
  /** Called as the file is read: bytes read so far and records yielded so far. */
  onProgress?: OnReadProgress;
  /** The longest record read, in characters (tests); MAX_RECORD_CHARS when absent. */
  maxRecordChars?: number;
}

/**
 * No record of a spreadsheet comes near this many characters (Excel holds at most 32,767 in
 * a cell): a longer one is a quote left open, which would otherwise swallow the rest of the
 * file into memory, parsed again with every chunk read.
 */
export const MAX_RECORD_CHARS = 16 * 1024 * 1024;

export interface CsvFileInfo {
  format: "csv";
  encoding: TextEncoding;
  /** True when the encoding was found from the bytes, false when it was given. */
  encodingDetected: boolean;
  /** Whether the file started with a byte order mark (dropped from the first header). */
  bom: boolean;
  delimiter: CsvDelimiter;
  /** The header line's line break. Records may end in \r\n or \n whichever it is. */
  newline: CsvNewline;
}

/** An opened CSV: what we learnt from its start, its header record, then the records after it. */
export interface CsvSource extends CsvFileInfo {
  header: FileRecord;
  records: AsyncGenerator<FileRecord, void, undefined>;
}

const DELIMITER_NAMES: Readonly<Record<string, CsvDelimiter>> = {
  ",": ",",
  comma: ",",
  ";": ";",
  semicolon: ";",
  "\t": "\t",
  "\\t": "\t",
  tab: "\t",
};

/** A delimiter as a person gives it (`,`, `;`, a tab, `\t`, `tab`…) → the character. */
export function parseDelimiter(name: string): CsvDelimiter {
  const delimiter = DELIMITER_NAMES[name] ?? DELIMITER_NAMES[name.trim().toLowerCase()];
  if (delimiter === undefined) {
    throw new RangeError(
      `Unknown CSV delimiter ${JSON.stringify(name)}: give a comma, a semicolon or a tab.`,
    );
  }
  return delimiter;
}

/** The header's characters we need: enough to hold its first line, at most this many. */
const MAX_SNIFF_CHARS = 1 << 20;

export interface CsvLayout {
  /** The delimiter used most in the first non-empty line, outside quotes (comma on a tie or none). */
  delimiter: CsvDelimiter;
  /** The line break ending that line; `undefined` when `text` does not yet hold its end. */
  newline: CsvNewline | undefined;
}

/**
 * The layout of a CSV from its start: the first non-empty line, read with quotes in mind
 * (a quoted header may hold a delimiter or a line break), gives the delimiter and the line
 * break. `complete` says `text` is the whole file, so a line without a break is the last.
 */
export function sniffCsvLayout(text: string, complete: boolean): CsvLayout | undefined {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let i = 0;
  while (i < text.length && (text[i] === "\r" || text[i] === "\n")) i++;
  let quoted = false;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === "," || c === ";" || c === "\t") counts[c]++;
    else if (c === "\n") return { delimiter: pickDelimiter(counts), newline: "\n" };
    else if (c === "\r") {
      if (i + 1 < text.length) {
        return { delimiter: pickDelimiter(counts), newline: text[i + 1] === "\n" ? "\r\n" : "\r" };
      }
      if (complete) return { delimiter: pickDelimiter(counts), newline: "\r" };
      return undefined;
    }
  }
  return complete || text.length >= MAX_SNIFF_CHARS
    ? { delimiter: pickDelimiter(counts), newline: undefined }
    : undefined;
}

function pickDelimiter(counts: Record<CsvDelimiter, number>): CsvDelimiter {
  let best: CsvDelimiter = ",";
  for (const candidate of ["\t", ";"] as const) {
    if (counts[candidate] > counts[best]) best = candidate;
  }
  return best;
}

const LINE_BREAK = /\r\n|\r|\n/g;

function lineBreaksIn(value: string): number {
  if (value.indexOf("\n") === -1 && value.indexOf("\r") === -1) return 0;
  return value.match(LINE_BREAK)?.length ?? 0;
}

/**
 * How many physical lines a record spans beyond its first: the line breaks inside its
 * (quoted) values. A value ending in `\r` before a `\n` terminator, or one starting with
 * `\n` after a `\r` terminator, is half of a `\r\n` break, not a break of its own.
 */
export function extraLines(values: readonly string[], newline: CsvNewline): number {
  let breaks = 0;
  for (const value of values) breaks += lineBreaksIn(value);
  if (newline === "\n" && values.at(-1)?.endsWith("\r")) breaks--;
  if (newline === "\r" && values[0]?.startsWith("\n")) breaks--;
  return breaks;
}

/**
 * Drops the other half of a `\r\n` that ended the record, which papaparse leaves on the
 * last value when splitting rows at `\n` (on the first when splitting at `\r`). A quoted
 * value is not affected, papaparse skipping the `\r` after its closing quote, unless it
 * ends in a carriage return of its own: that one is lost.
 */
function dropHalfOfCrLf(values: string[], newline: CsvNewline): void {
  const lastIndex = values.length - 1;
  const last = values[lastIndex];
  if (newline === "\n" && last?.endsWith("\r")) values[lastIndex] = last.slice(0, -1);
  const first = values[0];
  if (newline === "\r" && first?.startsWith("\n")) values[0] = first.slice(1);
}

const DELIMITER_WORDS: Readonly<Record<CsvDelimiter, string>> = {
  ",": "comma",
  ";": "semicolon",
  "\t": "tab",
};

/**
 * Why a record whose field count is not the header's is invalid: with a field too many or
 * too few, which value belongs to which column cannot be known (reading it anyway kept a
 * 29th value and dropped a 30th without a word). Undefined when the counts agree.
 */
function fieldCountError(
  fields: number,
  headerFields: number,
  delimiter: CsvDelimiter,
): RecordError | undefined {
  if (fields === headerFields) return undefined;
  const counts = `has ${fields} fields, the header has ${headerFields}`;
  if (fields > headerFields) {
    return {
      column: `field ${headerFields + 1}`,
      value: "",
      reason:
        `${counts}: a value may hold a ${DELIMITER_WORDS[delimiter]} without double quotes ` +
        `around it, or the line has a field too many. Quote such a value, or remove the extra field.`,
    };
  }
  return {
    column: "row",
    value: "",
    reason:
      `${counts}: a value may hold a line break without double quotes around it, or the ` +
      `line lacks fields. Quote such a value, or give the line every field, empty ones too.`,
  };
}

/** A line with nothing on it (papaparse gives it as one empty value). */
function isEmptyLine(values: readonly string[]): boolean {
  return values.length === 1 && values[0] === "";
}

/**
 * Appended after the file's text, on a line of its own. Papaparse gives it back as a record
 * of its own, unless a quoted field was never closed: then it ends that field's value. The
 * NUL and the non-characters mean no real CSV holds it.
 */
const END_OF_INPUT = "\u0000\uffffmingjing-end-of-input\uffff\u0000";

interface DecodeState {
  bytes: number;
  bom: boolean;
}

function encodingLabel(encoding: TextEncoding): string {
  return encoding === "gb18030" ? "GB18030 (GBK)" : encoding.toUpperCase();
}

/** The file as text, decoded as a stream; a leading byte order mark is dropped. */
async function* decodeFile(
  path: string,
  name: string,
  encoding: TextEncoding,
  detected: boolean,
  state: DecodeState,
  onChunk: () => void,
): AsyncGenerator<string, void, undefined> {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  const stream = createReadStream(path, { highWaterMark: 64 * 1024 });
  let started = false;
  let lineFeeds = 0;

  const fail = (chunk: Uint8Array | undefined): ImportFileError => {
    // Where it failed, near enough: the lines before the first undecodable character.
    const text = chunk ? new TextDecoder(encoding).decode(chunk) : "";
    const bad = text.indexOf("\ufffd");
    const before = bad === -1 ? text : text.slice(0, bad);
    const line = lineFeeds + 1 + (before.match(/\n/g)?.length ?? 0);
    const why = detected
      ? `The file is not valid UTF-8, so it was read as GB18030 (GBK), and that fails too.`
      : `It was read as ${encodingLabel(encoding)}, as asked.`;
    return new ImportFileError(
      `${name}: the bytes near line ${line} are not valid ${encodingLabel(encoding)} text. ${why} ` +
        `Save the file as UTF-8 ("CSV UTF-8" in Excel) or give its encoding.`,
      name,
      line,
    );
  };

  const emit = (text: string): string => {
    if (!started && text.length > 0) {
      started = true;
      if (text.charCodeAt(0) === 0xfeff) {
        state.bom = true;
        text = text.slice(1);
      }
    }
    let at = text.indexOf("\n");
    while (at !== -1) {
      lineFeeds++;
      at = text.indexOf("\n", at + 1);
    }
    return text;
  };

  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      state.bytes += chunk.length;
      onChunk();
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch (error) {
        if (error instanceof TypeError) throw fail(chunk);
        throw error;
      }
      text = emit(text);
      if (text.length > 0) yield text;
    }
    let tail: string;
    try {
      tail = decoder.decode();
    } catch (error) {
      if (error instanceof TypeError) throw fail(undefined);
      throw error;
    }
    tail = emit(tail);
    if (tail.length > 0) yield tail;
  } finally {
    stream.destroy();
  }
}

/** What papaparse's parser returns that we read: the records, and where the last one ended. */
interface PapaResult {
  data: string[][];
  meta: { cursor: number };
}

/** A chunk's records, and the characters of the record it ends in the middle of. */
interface PapaBatch {
  records: string[][];
  open: number;
}

/**
 * Every record of a CSV, the header first, empty lines skipped, each record whose field
 * count is not the header's marked with its error. `onInfo` hears the file's layout before
 * the header is yielded.
 */
async function* csvRecordStream(
  path: string,
  options: CsvReadOptions,
  onInfo: (info: CsvFileInfo) => void,
): AsyncGenerator<FileRecord, void, undefined> {
  const givenDelimiter =
    options.delimiter === undefined ? undefined : parseDelimiter(options.delimiter);
  const name = options.fileName ?? path;
  const fileEncoding = await detectFileEncoding(path, options.encoding);
  const state: DecodeState = { bytes: 0, bom: false };
  let records = 0;
  const report = (): void => options.onProgress?.({ bytes: state.bytes, records });

  const text = decodeFile(path, name, fileEncoding.encoding, fileEncoding.detected, state, report);
  try {
    // Read just enough of the start to know the delimiter and the line break.
    let start = "";
    let layout: CsvLayout | undefined;
    for (;;) {
      const next = await text.next();
      if (next.done) {
        layout = sniffCsvLayout(start, true);
        break;
      }
      start += next.value;
      layout = sniffCsvLayout(start, false);
      if (layout) break;
    }
    const delimiter = givenDelimiter ?? layout?.delimiter ?? ",";
    const headerNewline = layout?.newline ?? "\n";
    // Rows may end in \r\n or \n, mixed (a CRLF file with rows appended on Unix): papaparse
    // splits at \n and we drop the \r it leaves on an unquoted last value. Only a file whose
    // header ends in a lone \r (classic Mac) is split at \r.
    const newline: CsvNewline = headerNewline === "\r" ? "\r" : "\n";

    // Papaparse's own parser, a decoded chunk at a time, without its Node stream: the
    // stream cost three times as much as the parsing, a few rows per pause and resume. A
    // record the chunk ends in the middle of is parsed again with the next chunk.
    const parser = new Papa.Parser({ delimiter, newline, quoteChar: '"' });
    const maxRecordChars = options.maxRecordChars ?? MAX_RECORD_CHARS;
    async function* recordValues(): AsyncGenerator<PapaBatch, void, undefined> {
      let rest = start;
      for await (const chunk of text) {
        const input = rest + chunk;
        const parsed = parser.parse(input, 0, true) as PapaResult;
        rest = input.slice(parsed.meta.cursor);
        yield { records: parsed.data, open: rest.length };
      }
      const last = parser.parse(rest + newline + END_OF_INPUT, 0, false) as PapaResult;
      yield { records: last.data, open: 0 };
    }

    let line = 1;
    let headerFields: number | undefined;
    const unclosed = (recordLine: number, why: string) =>
      new ImportFileError(
        `${name}: line ${recordLine}: a quoted value opened on the record starting here is ` +
          `never closed, ${why}. Add the closing " (a quote inside a quoted value is written "").`,
        name,
        recordLine,
      );
    for await (const batch of recordValues()) {
      for (const values of batch.records) {
        if (values.length === 1 && values[0] === END_OF_INPUT) break;
        const last = values.at(-1);
        if (last !== undefined && last.endsWith(newline + END_OF_INPUT)) {
          throw unclosed(line, "so the rest of the file would be one value");
        }
        const recordLine = line;
        line += 1 + extraLines(values, newline);
        dropHalfOfCrLf(values, newline);
        if (isEmptyLine(values)) continue;
        if (headerFields === undefined) {
          headerFields = values.length;
          onInfo({
            format: "csv",
            encoding: fileEncoding.encoding,
            encodingDetected: fileEncoding.detected,
            bom: state.bom || fileEncoding.bom,
            delimiter,
            newline: headerNewline,
          });
          yield { line: recordLine, values };
          continue;
        }
        records++;
        const error = fieldCountError(values.length, headerFields, delimiter);
        yield error ? { line: recordLine, values, error } : { line: recordLine, values };
      }
      // The record not ended yet starts on `line`.
      if (batch.open > maxRecordChars) {
        throw unclosed(
          line,
          `or its record is longer than ${maxRecordChars.toLocaleString("en-US")} characters`,
        );
      }
    }
    report();
  } finally {
    await text.return();
  }
}

/**
 * Opens a CSV import file: finds its encoding (unless given), reads up to its header (the
 * first non-empty record) to learn the delimiter and line break, and returns them with the
 * header and the records after it. Reading streams: the records are parsed as they are
 * consumed, with backpressure down to the file. Stop early with `records.return()`.
 */
export async function openCsv(path: string, options: CsvReadOptions = {}): Promise<CsvSource> {
  let info: CsvFileInfo | undefined;
  const records = csvRecordStream(path, options, (found) => {
    info = found;
  });
  const first = await records.next();
  if (first.done || info === undefined) {
    const name = options.fileName ?? path;
    throw new ImportFileError(
      `${name}: the file is empty: it needs a header line naming its columns.`,
      name,
    );
  }
  return { ...info, header: first.value, records };
}

/**
 * Every record of a CSV import file as `{ line, values }`, the header record first. `line`
 * is the 1-based physical line where the record starts (a quoted value with line breaks
 * makes the next record start further down; empty lines are skipped but counted). Values
 * are the exact text: no trimming, no types. Use `openCsv` to also learn the encoding,
 * byte order mark and delimiter.
 */
export async function* readCsvRecords(
  path: string,
  options: CsvReadOptions = {},
): AsyncGenerator<FileRecord, void, undefined> {
  const source = await openCsv(path, options);
  yield source.header;
  yield* source.records;
}
