/**
 * What every reader of an import file hands the importer: records of text values, each
 * with the line a person would look at to find it, and progress for the upload's bar.
 */

/** Why a record cannot be read at all, whatever its values: the importer reports it as is. */
export interface RecordError {
  /** Where to look: the first field past the header's (`field 30`, or column `AD`), or `row`. */
  column: string;
  /**
   * Empty: the fields past the header, or after a shift, may be anyone's phone number or
   * name, and a report is kept, while personal data is never stored in clear.
   */
  value: string;
  reason: string;
}

/** One record of an import file, its values exactly as written (no trimming, no types). */
export interface FileRecord {
  /** 1-based: the CSV's physical line where the record starts, or the worksheet's row number. */
  line: number;
  values: string[];
  /**
   * Set when the record does not line up with the header (more or fewer fields than the
   * header's, or a cell past its last column): which value belongs to which column cannot be
   * known, so the record is invalid as a whole. Absent on every other record.
   */
  error?: RecordError;
}

/** How far a reader has got, for the progress bar. */
export interface ReadProgress {
  /** Bytes of the file read from disk so far. */
  bytes: number;
  /** Records after the header handed to the consumer so far. */
  records: number;
}

export type OnReadProgress = (progress: ReadProgress) => void;

/**
 * A file that cannot be read as asked. The message names the file by the name the person
 * knows it by (never the path of an upload on the server), the line when there is one, and
 * says what to do.
 */
export class ImportFileError extends Error {
  override readonly name = "ImportFileError";
  readonly file: string;
  readonly line: number | undefined;

  constructor(message: string, file: string, line?: number) {
    super(message);
    this.file = file;
    this.line = line;
  }
}

/**
 * An error's message with the path the file is stored at replaced by its name: what fs and
 * the zip and XML libraries say names the path they were given, which for an upload is a
 * temporary file on the server.
 */
export function messageNaming(error: unknown, path: string, name: string): string {
  const message = error instanceof Error ? error.message : String(error);
  return path === name ? message : message.replaceAll(path, name);
}
