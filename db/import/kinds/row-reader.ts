import { scrubPersonalData } from "../../privacy/scrub-personal-data";
import type { FileRecord } from "../read/file-record";
import { parseAmount } from "../values/parse-amount";
import { parseOptionalCell, parseRequiredCell } from "../values/empty-cell";
import type { HeaderMatch } from "../values/header-match";
import type { ParseResult } from "../values/parse-result";

/** One rejected value: the importer adds the file and the record's line. */
export interface CellError {
  /** The column's English name, or "row" for a problem of the whole row. */
  column: string;
  value: string;
  reason: string;
}

/**
 * Reads the cells of one record by column name and collects what fails, so that one bad
 * row reports every bad value it holds, each with its column, value and reason.
 */
export class RowReader {
  readonly errors: CellError[] = [];

  constructor(
    private readonly record: FileRecord,
    private readonly match: HeaderMatch,
  ) {}

  get line(): number {
    return this.record.line;
  }

  /**
   * The text of a column as written (a citizen's free text already scrubbed of personal
   * data, so neither the row nor an error report holds it), or undefined when the file has
   * no such column.
   */
  text(column: string): string | undefined {
    const matched = this.match.columns.get(column);
    if (!matched) return undefined;
    const value = this.record.values[matched.index] ?? "";
    return matched.scrubbed ? scrubPersonalData(value) : value;
  }

  /**
   * The first personal-data cell (name, phone, id number) that holds something, trying the
   * kinds in the order given; undefined when all are empty or absent.
   */
  personalDatum<K extends string>(kinds: readonly K[]): { kind: K; value: string } | undefined {
    for (const kind of kinds) {
      for (const column of this.match.pii) {
        if (column.kind !== kind) continue;
        const value = this.record.values[column.index] ?? "";
        if (value.trim() !== "") return { kind, value };
      }
    }
    return undefined;
  }

  fail(column: string, reason: string, value = this.text(column) ?? ""): undefined {
    // The report is stored as jsonb, which cannot hold U+0000: show it escaped instead.
    this.errors.push({ column, value: value.replaceAll("\u0000", "\\u0000"), reason });
    return undefined;
  }

  private take<T>(column: string, result: ParseResult<T>): T | undefined {
    if (result.ok) return result.value;
    return this.fail(column, result.reason);
  }

  /** A required value: an empty cell or a missing column is an error. */
  required<T>(column: string, parse: (text: string) => ParseResult<T>): T | undefined {
    return this.take(column, parseRequiredCell(this.text(column), parse));
  }

  /** An optional value: null when the cell is empty or the column absent. */
  optional<T>(column: string, parse: (text: string) => ParseResult<T>): T | null | undefined {
    return this.take(column, parseOptionalCell(this.text(column), parse));
  }

  /** An amount in yuan (exact decimal text), 万元 when the header or the cell says so. */
  amount(column: string, required: boolean, allowNegative = false): string | null | undefined {
    const unitIsWan = this.match.columns.get(column)?.unitIsWan ?? false;
    const parse = (text: string) => parseAmount(text, { unitIsWan, allowNegative });
    return required ? this.required(column, parse) : this.optional(column, parse);
  }

  /** Whether every value read so far parsed. */
  get valid(): boolean {
    return this.errors.length === 0;
  }
}
