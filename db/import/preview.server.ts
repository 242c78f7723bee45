import { scrubPersonalData } from "../privacy/scrub-personal-data";
import type { ImportKind } from "../schema/enums";
import type { FileRecord } from "./read/file-record";
import { readRecords } from "./read/read-records";
import { matchHeaders } from "./values/header-match";

/** What became of one column of the file: the known column it holds, or why it is not read. */
export type PreviewColumn =
  | {
      index: number;
      header: string;
      status: "matched";
      name: string;
      chinese: string;
      required: boolean;
      /** The unit the header names (e.g. 万元), if any. */
      unit: string | null;
      /** True when a column of the same name came earlier: the file is refused. */
      duplicate: boolean;
    }
  | { index: number; header: string; status: "personal"; personalKind: string }
  | { index: number; header: string; status: "ignored"; reason: string };

/** The first look at an uploaded file, before anything is checked row by row. */
export interface FilePreview {
  format: "csv" | "xlsx";
  /** CSV: the encoding read with, and whether it was found from the bytes or given. */
  encoding: string | null;
  encodingDetected: boolean | null;
  /** CSV: `,`, `;` or a tab. */
  delimiter: string | null;
  /** Workbook: the sheet read, and every sheet's name. */
  sheet: string | null;
  sheets: string[];
  headerLine: number;
  columns: PreviewColumn[];
  /** Required columns the header lacks (English name, Chinese name, reason). */
  missing: Array<{ name: string; chinese: string; reason: string }>;
  /**
   * The first records after the header, their values exactly as read (a citizen's free
   * text scrubbed of personal data); a record that does not line up with the header
   * carries its error.
   */
  rows: FileRecord[];
}

export interface PreviewOptions {
  kind: ImportKind;
  /** The name the person knows the file by (an upload's own name), for messages. */
  fileName?: string;
  encoding?: string;
  delimiter?: string;
  sheet?: string;
  /** How many records to show; 10 unless told. */
  rows?: number;
}

/**
 * Opens an import file with the importer's own readers and header matching, and returns
 * how it was read, where each of its columns goes and its first few records. Reads no
 * further than those records: the reader is closed as soon as they are in hand.
 */
export async function previewImportFile(
  filePath: string,
  options: PreviewOptions,
): Promise<FilePreview> {
  const source = await readRecords(filePath, {
    fileName: options.fileName,
    encoding: options.encoding,
    delimiter: options.delimiter,
    sheet: options.sheet,
  });
  const rows: FileRecord[] = [];
  const limit = options.rows ?? 10;
  try {
    if (limit > 0) {
      for await (const record of source.records) {
        rows.push(record);
        if (rows.length >= limit) break;
      }
    }
  } finally {
    await source.records.return(undefined);
  }
  const match = matchHeaders(options.kind, source.header.values);
  // A citizen's free text is shown as it will be stored: without the personal data in it.
  const shown = rows.map((row) => ({
    ...row,
    values: row.values.map((value, index) =>
      match.byIndex[index]?.scrubbed ? scrubPersonalData(value) : value,
    ),
  }));
  const seen = new Set<string>();
  const personal = new Map(match.pii.map((column) => [column.index, column]));
  const ignored = new Map(match.ignored.map((column) => [column.index, column]));
  const columns = source.header.values.map((header, index): PreviewColumn => {
    const matched = match.byIndex[index];
    if (matched) {
      const duplicate = seen.has(matched.name);
      seen.add(matched.name);
      return {
        index,
        header,
        status: "matched",
        name: matched.name,
        chinese: matched.chinese,
        required: matched.required,
        unit: matched.unit,
        duplicate,
      };
    }
    const pii = personal.get(index);
    if (pii) return { index, header, status: "personal", personalKind: pii.kind };
    return {
      index,
      header,
      status: "ignored",
      reason: ignored.get(index)?.reason ?? "ignored",
    };
  });
  return {
    format: source.format,
    encoding: source.format === "csv" ? source.encoding : null,
    encodingDetected: source.format === "csv" ? source.encodingDetected : null,
    delimiter: source.format === "csv" ? source.delimiter : null,
    sheet: source.format === "xlsx" ? source.sheet : null,
    sheets: source.format === "xlsx" ? source.sheets : [],
    headerLine: source.header.line,
    columns,
    missing: match.missing.map(({ name, chinese, reason }) => ({ name, chinese, reason })),
    rows: shown,
  };
}
