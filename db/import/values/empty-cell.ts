import { failure, parsed, type ParseResult } from "./parse-result";

const EMPTY_MARKER = /^(?:[-\u2014\uff0d\u2013]+|[/\uff0f])$/;

/** The cell without surrounding white space (JS white space: U+3000, U+00A0, U+FEFF …). */
export function trimCell(text: string): string {
  return text.trim();
}

/**
 * True when a cell is empty, that is when, after trimming white space (including the
 * ideographic space U+3000, the no-break space U+00A0 and a byte-order mark), it is:
 *
 *   - nothing at all, or missing from a short row (undefined / null);
 *   - only dashes, one or more of `-`, `—` (U+2014), `－` (U+FF0D) and `–` (U+2013),
 *     so the Chinese dash `——` counts too;
 *   - a single `/` or `／`.
 *
 * Anything else, `0` and `N/A` included, is a value for the column's parser to judge.
 */
export function isEmptyCell(text: string | null | undefined): boolean {
  if (text === null || text === undefined) return true;
  const trimmed = trimCell(text);
  return trimmed === "" || EMPTY_MARKER.test(trimmed);
}

/** The trimmed text of a cell, or null when the cell is empty (see isEmptyCell). */
export function cellText(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const trimmed = trimCell(text);
  if (trimmed === "") return null;
  // Only a text starting with a dash or a slash can be an empty marker: skip the test
  // for the millions of other cells of a large file.
  const first = trimmed.charCodeAt(0);
  const marker =
    first === 0x2d || first === 0x2f || first === 0x2013 || first === 0x2014 || first >= 0xff0d;
  return marker && EMPTY_MARKER.test(trimmed) ? null : trimmed;
}

/** Parses an optional cell: an empty cell is null, anything else must parse. */
export function parseOptionalCell<T>(
  text: string | null | undefined,
  parse: (text: string) => ParseResult<T>,
): ParseResult<T | null> {
  const value = cellText(text);
  return value === null ? parsed(null) : parse(value);
}

/** Parses a required cell: an empty cell fails with "expected a value …". */
export function parseRequiredCell<T>(
  text: string | null | undefined,
  parse: (text: string) => ParseResult<T>,
): ParseResult<T> {
  const value = cellText(text);
  return value === null
    ? failure("expected a value: this column is required and the cell is empty")
    : parse(value);
}
