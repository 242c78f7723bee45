import type { AnyPgColumn } from "drizzle-orm/pg-core";

/**
 * One value in PostgreSQL's COPY text format: `\N` for null, and the backslash, tab,
 * line feed and carriage return escaped. Values go through the column's own driver
 * mapping first (a timestamp becomes ISO text, a JSON column JSON), as an INSERT would.
 * CopyWriter writes timestamps itself, as bytes (CopyMessage.instant).
 */
export function copyValue(column: AnyPgColumn, value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  const mapped: unknown = column.mapToDriverValue(value);
  if (mapped === null || mapped === undefined) return "\\N";
  let text: string;
  if (typeof mapped === "string") text = mapped;
  else if (typeof mapped === "boolean") return mapped ? "t" : "f";
  else if (typeof mapped === "number" || typeof mapped === "bigint") return String(mapped);
  else if (mapped instanceof Date) return mapped.toISOString();
  else text = JSON.stringify(mapped);
  return copyText(text);
}

/** Text as a COPY text-format value. */
export function copyText(text: string): string {
  return ESCAPED.test(text) ? text.replace(ESCAPES, (char) => REPLACEMENTS[char]!) : text;
}

const ESCAPED = /[\\\t\n\r]/;
const ESCAPES = /[\\\t\n\r]/g;
const REPLACEMENTS: Readonly<Record<string, string>> = {
  "\\": "\\\\",
  "\t": "\\t",
  "\n": "\\n",
  "\r": "\\r",
};
