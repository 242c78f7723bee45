import { stat } from "node:fs/promises";
import { posix } from "node:path";
import { Transform, pipeline, type Readable } from "node:stream";
import ExcelJS from "exceljs";
import { cellText } from "./cell-text";
import {
  ImportFileError,
  messageNaming,
  type FileRecord,
  type OnReadProgress,
  type RecordError,
} from "./file-record";
import {
  checkSharedStringLengths,
  guardRows,
  guardSharedStrings,
  XLSX_LIMITS,
  type XlsxLimits,
} from "./xlsx-limits";
import { openZipParts, ZipPartRefused, type ZipParts } from "./zip-parts";

export interface XlsxReadOptions {
  /** The name the person knows the file by (an upload's own name), for messages; the path when absent. */
  fileName?: string;
  /** The worksheet to read, by its tab name; the first visible one when absent. */
  sheet?: string;
  /** Called as the workbook is read: bytes of the .xlsx read so far and records yielded so far. */
  onProgress?: OnReadProgress;
  /** Tests: lower caps than XLSX_LIMITS. */
  limits?: Partial<XlsxLimits>;
}

export interface XlsxFileInfo {
  format: "xlsx";
  /** The name of the worksheet read. */
  sheet: string;
  /** Every worksheet's name, in tab order. */
  sheets: string[];
}

/** An opened workbook: the sheet read, its header record, then the records after it. */
export interface XlsxSource extends XlsxFileInfo {
  header: FileRecord;
  records: AsyncGenerator<FileRecord, void, undefined>;
}

interface SheetListing {
  name: string;
  visible: boolean;
  /** The workbook relationship that locates the sheet's part. */
  relationship: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/**
 * The workbook's sheets in tab order, once exceljs has read `xl/workbook.xml` (its typings
 * do not declare `model`).
 */
function sheetListing(reader: unknown): SheetListing[] | undefined {
  if (!isRecord(reader) || !isRecord(reader.model) || !Array.isArray(reader.model.sheets)) {
    return undefined;
  }
  return reader.model.sheets.filter(isRecord).map((sheet) => ({
    name: typeof sheet.name === "string" ? sheet.name : "",
    visible: sheet.state === undefined || sheet.state === "visible",
    relationship: typeof sheet.rId === "string" ? sheet.rId : "",
  }));
}

/** Whether the workbook counts days from 1904 (`<workbookPr date1904="1"/>`). */
function usesDate1904(reader: unknown): boolean {
  if (!isRecord(reader) || !isRecord(reader.properties)) return false;
  const model = reader.properties.model;
  return isRecord(model) && Boolean(model.date1904);
}

function quoteNames(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(", ");
}

function sameSheetName(a: string, b: string): boolean {
  // Excel keeps sheet names unique regardless of case.
  return a === b || a.toLocaleLowerCase() === b.toLocaleLowerCase();
}

/**
 * A cell's value, with a formula's cached result as stored: exceljs's formula value drops a
 * falsy result (a formula worth 0, or an error, which its stream reader keeps as NaN), while
 * the cell's model keeps it.
 */
function cellValue(cell: ExcelJS.Cell): unknown {
  const value: unknown = cell.value;
  if (isRecord(value) && ("formula" in value || "sharedFormula" in value)) {
    const result: unknown = cell.model.result;
    return { ...value, result: result ?? value.result };
  }
  return value;
}

/** The number of columns up to a row's last non-empty cell: 0 when every cell is empty. */
function usedColumns(values: readonly string[]): number {
  let last = values.length;
  while (last > 0 && values[last - 1] === "") last--;
  return last;
}

/** Excel's name of a column: 1 → A, 27 → AA. */
function columnLetters(column: number): string {
  let letters = "";
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/**
 * Why a row holding a value past the header's last column is invalid: the value belongs to no
 * column, and would be dropped without a word. Cells past the header that are empty (Excel
 * keeps formatted ones) are no error, nor is a row that ends early: its cells are empty.
 */
function pastHeaderError(
  values: readonly string[],
  headerColumns: number,
  line: number,
): RecordError | undefined {
  const columns = usedColumns(values);
  if (columns <= headerColumns) return undefined;
  let first = headerColumns;
  while (values[first] === "") first++;
  const cell = columnLetters(first + 1);
  return {
    column: cell,
    value: "",
    reason:
      `has ${columns} columns, the header has ${headerColumns}: cell ${cell}${line} holds a ` +
      `value past the header's last column. Give that column a header, or clear the cell.`,
  };
}

/** A row's cells as text, column A first; undefined when every cell is empty. */
function rowValues(row: ExcelJS.Row, date1904: boolean): string[] | undefined {
  const values: string[] = [];
  let empty = true;
  for (let column = 1; column <= row.cellCount; column++) {
    const cell = row.getCell(column);
    const text = cellText(cellValue(cell), { numFmt: cell.numFmt, date1904 });
    if (text !== "") empty = false;
    values.push(text);
  }
  return empty ? undefined : values;
}

/**
 * exceljs's streaming reader, used for its part parsers only: its own pass over the archive
 * reads the parts in stored order, spools sheets to temporary files, and can lose the
 * workbook part stored last (exceljs#3064). Its typings declare none of this.
 */
interface WorkbookPartsReader {
  _parseRels(part: Readable): Promise<void>;
  _parseWorkbook(part: Readable): Promise<void>;
  _parseSharedStrings(part: Readable): AsyncGenerator<unknown, void, undefined>;
  _parseStyles(part: Readable): Promise<void>;
  /** Yields one reader of the sheet's rows from its part's content. */
  _parseWorksheet(
    content: AsyncIterable<unknown>,
    sheetNumber: string,
  ): Generator<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }, void, undefined>;
  workbookRels?: unknown;
  /** Once parsed ("cache"): strings, `{ richText }` or null. */
  sharedStrings?: unknown[];
}

const READER_OPTIONS: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions> = {
  worksheets: "emit",
  sharedStrings: "cache",
  // Styles give the number formats that tell a date from a number.
  styles: "cache",
  hyperlinks: "ignore",
  entries: "ignore",
};

const WORKBOOK_PART = "xl/workbook.xml";
const SHARED_STRINGS_PART = "xl/sharedStrings.xml";

/**
 * A part's XML as text, decoded as a stream: exceljs decodes each chunk on its own, which
 * broke a character whose bytes two chunks shared into two U+FFFD.
 */
function asText(part: Readable): Readable {
  return part.setEncoding("utf8");
}

/** A part's bytes through a guard, as text; the guard's refusal ends the part. */
function guarded(part: Readable, guard: Transform): Readable {
  pipeline(part, guard, () => undefined);
  return asText(guard);
}

/** Reads the workbook, its relationships, shared strings and styles: what any sheet needs. */
async function readWorkbookParts(zip: ZipParts, limits: XlsxLimits): Promise<WorkbookPartsReader> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(
    "",
    READER_OPTIONS,
  ) as unknown as WorkbookPartsReader;
  if (zip.size(WORKBOOK_PART) === undefined) throw new Error(`it has no ${WORKBOOK_PART}`);
  const whole = async (name: string) => asText(await zip.open(name, limits.partBytes));
  await reader._parseRels(await whole("xl/_rels/workbook.xml.rels"));
  await reader._parseWorkbook(await whole(WORKBOOK_PART));
  if (zip.size(SHARED_STRINGS_PART) !== undefined) {
    const part = await zip.open(SHARED_STRINGS_PART, limits.sharedStringsBytes);
    const strings = guarded(part, guardSharedStrings(SHARED_STRINGS_PART, limits));
    for await (const _ of reader._parseSharedStrings(strings)) {
      // "cache" keeps the strings on the reader and yields nothing.
    }
    checkSharedStringLengths(SHARED_STRINGS_PART, reader.sharedStrings ?? [], limits);
  }
  if (zip.size("xl/styles.xml") !== undefined) {
    await reader._parseStyles(await whole("xl/styles.xml"));
  }
  return reader;
}

/** The archive part that holds a sheet, from the workbook's relationships. */
function sheetPart(reader: WorkbookPartsReader, sheet: SheetListing): string | undefined {
  const relationships = Array.isArray(reader.workbookRels) ? reader.workbookRels : [];
  const target: unknown = relationships
    .filter(isRecord)
    .find((relationship) => relationship.Id === sheet.relationship)?.Target;
  if (typeof target !== "string") return undefined;
  // Targets are relative to the workbook's folder, or absolute within the archive.
  return target.startsWith("/")
    ? target.slice(1)
    : posix.join(posix.dirname(WORKBOOK_PART), target);
}

/** The file could not be read: in its name, never the path it is stored at on the server. */
function cannotRead(path: string, name: string, error: unknown): ImportFileError {
  if (error instanceof ImportFileError) return error;
  if (error instanceof ZipPartRefused) {
    const advice =
      error.advice ??
      `No workbook Excel saves does this: the file is damaged or was made to exhaust the ` +
        `server. Save it again from Excel, or import the data as CSV.`;
    return new ImportFileError(
      `${name}: cannot read the workbook: ${error.message}. ${advice}`,
      name,
    );
  }
  return new ImportFileError(
    `${name}: cannot read the workbook (${messageNaming(error, path, name)}). Is it an .xlsx ` +
      `file? Save .xls workbooks and CSV files renamed .xlsx as .xlsx from Excel, or import the CSV.`,
    name,
  );
}

/**
 * Every non-empty row of the chosen worksheet, the header (the first non-empty row) first.
 * `onSheet` hears the sheet's name and the workbook's sheets before the header is yielded.
 * Only the chosen sheet is inflated, straight from the archive, row by row.
 */
async function* xlsxRecordStream(
  path: string,
  options: XlsxReadOptions,
  onSheet: (info: XlsxFileInfo) => void,
): AsyncGenerator<FileRecord, void, undefined> {
  const name = options.fileName ?? path;
  const limits: XlsxLimits = { ...XLSX_LIMITS, ...options.limits };
  const fileSize = (await stat(path)).size;
  let zip: ZipParts;
  try {
    zip = await openZipParts(path, limits.inflatedBytes);
  } catch (error) {
    throw cannotRead(path, name, error);
  }
  let part: Readable | undefined;
  try {
    const reader = await readWorkbookParts(zip, limits);
    const listing = sheetListing(reader) ?? [];
    const names = listing.map((sheet) => sheet.name);
    const wanted = options.sheet;
    const sheet =
      wanted === undefined
        ? (listing.find((candidate) => candidate.visible) ?? listing[0])
        : listing.find((candidate) => sameSheetName(candidate.name, wanted));
    const partName = sheet && sheetPart(reader, sheet);
    const sheetSize = partName === undefined ? undefined : zip.size(partName);
    if (sheet === undefined || partName === undefined || sheetSize === undefined) {
      throw new ImportFileError(
        wanted === undefined || sheet !== undefined
          ? `${name}: the workbook has no worksheet to read.`
          : `${name}: there is no worksheet "${wanted}"; the workbook has ${quoteNames(names)}. ` +
              `Give one of these names.`,
        name,
      );
    }
    onSheet({ format: "xlsx", sheet: sheet.name, sheets: names });

    // Progress is in bytes of the file, as for CSV: the share of the sheet inflated so far.
    let inflated = 0;
    let records = 0;
    const report = (bytes: number): void => options.onProgress?.({ bytes, records });
    part = await zip.open(partName);
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        inflated += chunk.length;
        report(Math.min(fileSize, Math.round((fileSize * inflated) / Math.max(1, sheetSize))));
        done(null, chunk);
      },
    });
    // pipeline, not pipe: a damaged part's error must end the rows, not leave them waiting.
    pipeline(part, guardRows(partName), counted, () => undefined);
    const content = asText(counted);
    const worksheet = reader._parseWorksheet(content, String(listing.indexOf(sheet) + 1)).next();
    if (worksheet.done === true) throw new Error("exceljs made no worksheet reader");
    const date1904 = usesDate1904(reader);
    let headerColumns: number | undefined;
    for await (const row of worksheet.value.value) {
      const values = rowValues(row, date1904);
      if (values === undefined) continue;
      if (headerColumns === undefined) {
        headerColumns = usedColumns(values);
        yield { line: row.number, values };
        continue;
      }
      records++;
      const error = pastHeaderError(values, headerColumns, row.number);
      yield error ? { line: row.number, values, error } : { line: row.number, values };
    }
    report(fileSize);
  } catch (error) {
    throw cannotRead(path, name, error);
  } finally {
    part?.destroy();
    zip.close();
  }
}

/**
 * Opens an .xlsx import file (see xlsxRecordStream): the named worksheet (matched
 * regardless of case) or else the first visible one in tab order; its first non-empty row is
 * the header. Returns the header and the non-empty rows after it, each with its worksheet
 * row number as `line` and its cells as the text a person sees (see `cellText`).
 */
export async function openXlsx(path: string, options: XlsxReadOptions = {}): Promise<XlsxSource> {
  let info: XlsxFileInfo | undefined;
  const records = xlsxRecordStream(path, options, (found) => {
    info = found;
  });
  const first = await records.next();
  if (first.done || info === undefined) {
    const name = options.fileName ?? path;
    throw new ImportFileError(
      `${name}: worksheet "${info?.sheet ?? options.sheet ?? ""}" is empty: it needs a header row naming its columns.`,
      name,
    );
  }
  return { ...info, header: first.value, records };
}

/**
 * Every non-empty row of a worksheet of an .xlsx import file as `{ line, values }` (line =
 * the worksheet row number), the header row first. Use `openXlsx` to also learn the sheet.
 */
export async function* readXlsxRecords(
  path: string,
  options: XlsxReadOptions = {},
): AsyncGenerator<FileRecord, void, undefined> {
  const source = await openXlsx(path, options);
  yield source.header;
  yield* source.records;
}
