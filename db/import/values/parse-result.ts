/**
 * The result of parsing one cell or header: the value, or a plain English reason that says
 * what was expected (e.g. "expected a date such as 2021-07-01, 2021/7/1 or 2021年7月1日").
 * The reason never repeats the cell: the importer reports file, line, column and value
 * beside it.
 */
export type ParseResult<T> = Parsed<T> | ParseFailure;

/** A cell that parsed. */
export interface Parsed<T> {
  readonly ok: true;
  readonly value: T;
}

/** A cell that did not parse, and why. */
export interface ParseFailure {
  readonly ok: false;
  readonly reason: string;
}

/** A successful result. */
export function parsed<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

/** A failed result with its reason. */
export function failure(reason: string): ParseFailure {
  return { ok: false, reason };
}
