import { cellText, isEmptyCell } from "../values/empty-cell";
import { parseCode } from "../values/parse-code";
import { parseInteger } from "../values/parse-integer";
import { failure, type ParseResult } from "../values/parse-result";
import type { References } from "./references.server";
import type { RowReader } from "./row-reader";

/**
 * A free-text column, exactly as written (white space and a leading = + - @ included:
 * stored as text, escaped only when exported), or null when the cell is empty.
 */
export function text(reader: RowReader, column: string): string | null {
  const value = reader.text(column);
  if (value === undefined || isEmptyCell(value)) return null;
  // PostgreSQL text cannot hold NUL: a row error, not a failed transaction.
  if (value.includes("\u0000"))
    return reader.fail(column, "expected text without NUL characters (U+0000)") ?? null;
  return value;
}

/** A required department column: the department's code or its exact name. */
export function departmentColumn(
  reader: RowReader,
  refs: References,
  column: string,
): number | undefined {
  const value = cellText(reader.text(column));
  if (value === null)
    return reader.fail(column, "expected a department code or name: this column is required");
  const id = refs.department(value);
  return id ?? reader.fail(column, "is not the code or the exact name of a known department");
}

/** Only characters that show nothing: blank, as the database's notBlank checks see it. */
const INVISIBLE_ONLY = /^[\s\u00a0\u2000-\u200b\u3000\ufeff]*$/u;

/**
 * A free-text column (a name, a category, a channel, a comment) as `text` reads it, even
 * when it starts with = + - or @. Null when empty; a cell with a NUL character, which
 * PostgreSQL cannot store in text, is an error rather than a failed import.
 */
export function optionalText(reader: RowReader, column: string): string | null | undefined {
  const errorsBefore = reader.errors.length;
  const value = text(reader, column);
  return reader.errors.length > errorsBefore ? undefined : value;
}

/**
 * A required text column, such as a name: it must hold at least one visible character.
 * Names identify things (a department is matched by its exact name, a milestone's name is
 * part of its key), so the white space around them is dropped.
 */
export function requiredText(reader: RowReader, column: string): string | undefined {
  const value = optionalText(reader, column);
  if (value === undefined) return undefined;
  if (value === null || INVISIBLE_ONLY.test(value)) {
    return reader.fail(column, "expected a value: this column is required and the cell is empty");
  }
  return value.trim();
}

/** A project or service item as a row refers to it. */
export interface OwnedReference {
  id: number;
  departmentId: number;
}

/** A required project code column: the code of a project imported before. */
export function projectColumn(
  reader: RowReader,
  refs: References,
  column = "project_code",
): OwnedReference | undefined {
  const code = reader.required(column, parseCode);
  if (code === undefined) return undefined;
  return (
    refs.projects.get(code) ??
    reader.fail(
      column,
      "expected the code of a known project: no project has this code (import the projects first)",
    )
  );
}

/** A required service item code column: the code of a service item imported before. */
export function serviceItemColumn(
  reader: RowReader,
  refs: References,
  column = "item_code",
): OwnedReference | undefined {
  const code = reader.required(column, parseCode);
  if (code === undefined) return undefined;
  return (
    refs.serviceItems.get(code) ??
    reader.fail(
      column,
      "expected the code of a known service item: no service item has this code (import the service items first)",
    )
  );
}

/** The largest value of a PostgreSQL integer column. */
export const INTEGER_MAX = 2_147_483_647;

/**
 * A whole-number column within [min, max] (an integer column's range at most). `what`
 * names the value and its range for the reason, e.g. "a maturity level from 0 to 4".
 */
export function wholeNumber(
  reader: RowReader,
  column: string,
  options: { required: boolean; min: number; max?: number; what: string },
): number | null | undefined {
  const max = options.max ?? INTEGER_MAX;
  const parse = (value: string): ParseResult<number> => {
    const result = parseInteger(value);
    if (!result.ok) return result;
    if (result.value < options.min || result.value > max) {
      return failure(
        max === INTEGER_MAX && result.value > max
          ? `expected ${options.what}, at most 2,147,483,647`
          : `expected ${options.what}`,
      );
    }
    return result;
  };
  return options.required ? reader.required(column, parse) : reader.optional(column, parse);
}
