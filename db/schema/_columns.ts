import { sql } from "drizzle-orm";
import { bigint, check, numeric, timestamp } from "drizzle-orm/pg-core";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/** Money in yuan, exact to the fen. */
export const yuan = (name: string) => numeric(name, { precision: 18, scale: 2, mode: "string" });

export const createdAt = () =>
  timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/**
 * Lineage: the import batch that wrote the row (null for rows made in the app or by the
 * seed). No foreign key: bulk loads would pay a lookup per row, and batches are never
 * deleted, only marked reverted.
 */
export const batchId = () => bigint("batch_id", { mode: "number" });

/**
 * A code is 1–64 letters (any script), digits, `-`, `_` and `.`. PostgreSQL's character
 * classes depend on the server's locale (ASCII-only under "C", as in PGlite), so the
 * database refuses spaces, controls and ASCII punctuation other than `-_.`; the import
 * schema checks the Unicode letter and digit classes exactly.
 */
export const CODE_PATTERN_SQL = String.raw`^[^\x01-\x20\x21-\x2c\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f]{1,64}$`;

export const codeCheck = (table: string, column: AnyPgColumn) =>
  check(`${table}_code_format`, sql`${column} ~ ${sql.raw(`'${CODE_PATTERN_SQL}'`)}`);

/** A period is a month, stored as its first day. */
export const periodCheck = (table: string, column: AnyPgColumn) =>
  check(`${table}_period_is_month`, sql`extract(day from ${column}) = 1`);

/**
 * Text with at least one visible character. btrim() strips ASCII spaces only; Chinese
 * input methods also produce the ideographic space (U+3000) and no-break spaces.
 */
export const notBlank = (name: string, column: AnyPgColumn) =>
  check(name, sql`${column} ~ ${sql.raw(`'[^\\s\\u00a0\\u2000-\\u200b\\u3000]'`)}`);
