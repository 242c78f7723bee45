import { createReadStream } from "node:fs";
import { Readable, Transform } from "node:stream";
import ExcelJS from "exceljs";
import { cellText } from "./cell-text";
import { ImportFileError, type FileRecord, type OnReadProgress } from "./file-record";

export interface XlsxReadOptions {
  /** The worksheet to read, by its tab name; the first visible one when absent. */
  sheet?: string;
  /** Called as the workbook is read: bytes of the .xlsx read so far and records yielded so far. */
  onProgress?: OnReadProgress;
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
  }));
}

/** Whether the workbook counts days from 1904 (`<workbookPr date1904="1"/>`). */
function usesDate1904(reader: unknown): boolean {
  if (!isRecord(reader) || !isRecord(reader.properties)) return false;
  const model = reader.properties.model;
  return isRecord(model) && Boolean(model.date1904);
}

/** A worksheet's tab name (undeclared in exceljs's typings). */
function worksheetName(worksheet: unknown): string | undefined {
  return isRecord(worksheet) && typeof worksheet.name === "string" ? worksheet.name : undefined;
}

/** Lets go of a worksheet we skip: exceljs may have spooled it to a temporary file stream. */
function releaseWorksheet(worksheet: unknown): void {
  if (isRecord(worksheet) && worksheet.iterator instanceof Readable) worksheet.iterator.destroy();
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
 * Every non-empty row of the chosen worksheet, the header (the first non-empty row) first.
 * `onSheet` hears the sheet's name and the workbook's sheets before the header is yielded.
 */
async function* xlsxRecordStream(
  path: string,
  options: XlsxReadOptions,
  onSheet: (info: XlsxFileInfo) => void,
): AsyncGenerator<FileRecord, void, undefined> {
  let bytes = 0;
  let records = 0;
  const report = (): void => options.onProgress?.({ bytes, records });
  const file = createReadStream(path, { highWaterMark: 64 * 1024 });
  const input = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      report();
      done(null, chunk);
    },
  });
  // exceljs pipes its input into an unzipper without passing errors on: end the input
  // instead (exceljs then stops) and throw the file's error ourselves.
  let fileError: Error | undefined;
  file.once("error", (error) => {
    fileError = error;
    input.end();
  });
  file.pipe(input);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: "emit",
    sharedStrings: "cache",
    // Styles give the number formats that tell a date from a number.
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });

  const seen: string[] = [];
  let found = false;
  try {
    for await (const worksheet of reader) {
      const name = worksheetName(worksheet) ?? "";
      seen.push(name);
      const listing = sheetListing(reader);
      const wanted =
        options.sheet ?? listing?.find((sheet) => sheet.visible)?.name ?? listing?.[0]?.name;
      if (wanted !== undefined && !sameSheetName(name, wanted)) {
        releaseWorksheet(worksheet);
        continue;
      }
      found = true;
      onSheet({ format: "xlsx", sheet: name, sheets: listing?.map((sheet) => sheet.name) ?? seen });
      const date1904 = usesDate1904(reader);
      let headerSeen = false;
      for await (const row of worksheet) {
        const values = rowValues(row, date1904);
        if (values === undefined) continue;
        if (headerSeen) records++;
        headerSeen = true;
        yield { line: row.number, values };
      }
      break;
    }
    if (fileError) throw fileError;
    if (!found) {
      const names = sheetListing(reader)?.map((sheet) => sheet.name) ?? seen;
      throw new ImportFileError(
        options.sheet === undefined
          ? `${path}: the workbook has no worksheet to read.`
          : `${path}: there is no worksheet "${options.sheet}"; the workbook has ${quoteNames(names)}. ` +
              `Give one of these names.`,
        path,
      );
    }
    report();
  } catch (error) {
    if (fileError) throw fileError;
    if (error instanceof ImportFileError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImportFileError(
      `${path}: cannot read the workbook (${reason}). Is it an .xlsx file? ` +
        `Save .xls workbooks and CSV files renamed .xlsx as .xlsx from Excel, or import the CSV.`,
      path,
    );
  } finally {
    file.destroy();
    input.destroy();
  }
}

/**
 * Opens an .xlsx import file with exceljs's streaming reader: the named worksheet (matched
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
    throw new ImportFileError(
      `${path}: worksheet "${info?.sheet ?? options.sheet ?? ""}" is empty: it needs a header row naming its columns.`,
      path,
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
