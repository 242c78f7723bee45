/**
 * What every reader of an import file hands the importer: records of text values, each
 * with the line a person would look at to find it, and progress for the upload's bar.
 */

/** One record of an import file, its values exactly as written (no trimming, no types). */
export interface FileRecord {
  /** 1-based: the CSV's physical line where the record starts, or the worksheet's row number. */
  line: number;
  values: string[];
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
 * A file that cannot be read as asked. The message names the file (and the line when
 * there is one) and says what to do.
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
