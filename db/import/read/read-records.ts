import { extname } from "node:path";
import { openCsv, type CsvSource } from "./csv-records";
import { ImportFileError, messageNaming, type OnReadProgress } from "./file-record";
import type { XlsxSource } from "./xlsx-records";

export type ImportFileFormat = "csv" | "xlsx";

export interface ReadRecordsOptions {
  /**
   * The name the person knows the file by, used in every message instead of the path: an
   * upload is stored under a random name in a server folder no one should be shown.
   */
  fileName?: string;
  /** From the extension when absent: .csv, .tsv and .txt are CSV, .xlsx is a workbook. */
  format?: ImportFileFormat;
  /** CSV only: the text encoding; found from the bytes when absent. */
  encoding?: string;
  /** CSV only: `,`, `;` or tab; found from the header line when absent. */
  delimiter?: string;
  /** Workbook only: the worksheet's name; the first visible sheet when absent. */
  sheet?: string;
  onProgress?: OnReadProgress;
}

/** An opened import file, whatever its format: how it was read, its header, then its records. */
export type RecordSource = CsvSource | XlsxSource;

const FORMAT_BY_EXTENSION: Readonly<Record<string, ImportFileFormat>> = {
  ".csv": "csv",
  ".tsv": "csv",
  ".txt": "csv",
  ".xlsx": "xlsx",
};

/** The format an import file's name says it is in; undefined for an extension we do not read. */
export function formatOfFile(path: string): ImportFileFormat | undefined {
  return FORMAT_BY_EXTENSION[extname(path).toLowerCase()];
}

/**
 * Opens an import file, CSV or .xlsx, as one interface for the importer: the header record
 * (with the encoding, byte order mark and delimiter of a CSV, or the sheet of a workbook) and
 * an async iterator of the records after it, read as a stream. Options that do not apply to
 * the format are refused rather than ignored. Every error names the file by `fileName`.
 */
export async function readRecords(
  path: string,
  options: ReadRecordsOptions = {},
): Promise<RecordSource> {
  const name = options.fileName ?? path;
  try {
    return await openRecords(path, name, options);
  } catch (error) {
    // What fs and the parsers say names the path they were given.
    if (error instanceof Error && !(error instanceof ImportFileError)) {
      error.message = messageNaming(error, path, name);
    }
    throw error;
  }
}

async function openRecords(
  path: string,
  name: string,
  options: ReadRecordsOptions,
): Promise<RecordSource> {
  const format = options.format ?? formatOfFile(path);
  if (format === undefined) {
    throw new RangeError(
      `${name}: cannot tell the file's format from its extension "${extname(name)}": ` +
        `use .csv, .tsv, .txt or .xlsx, or give the format.`,
    );
  }
  if (format === "csv") {
    if (options.sheet !== undefined) {
      throw new RangeError(
        `${name}: a sheet (${options.sheet}) applies to .xlsx workbooks, not CSV.`,
      );
    }
    return openCsv(path, {
      fileName: name,
      encoding: options.encoding,
      delimiter: options.delimiter,
      onProgress: options.onProgress,
    });
  }
  if (options.encoding !== undefined || options.delimiter !== undefined) {
    throw new RangeError(
      `${name}: an encoding or delimiter applies to CSV files, not .xlsx workbooks.`,
    );
  }
  // Loaded only for a workbook: exceljs adds ~16 MB to the memory of an import of CSV.
  const { openXlsx } = await import("./xlsx-records");
  return openXlsx(path, { fileName: name, sheet: options.sheet, onProgress: options.onProgress });
}
