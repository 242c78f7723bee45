import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type postgres from "postgres";

/**
 * The first and last of the keys stored in a table before an import, null when none is, or
 * undefined when the server orders them otherwise than by code point (a text key under
 * a language's collation, or not text at all): then only the server can compare them.
 */
export type StoredSpan = { low: string; high: string } | null | undefined;

/** Collations that order text by code point, as UTF-8 bytes compare. */
const CODE_POINT_ORDER = new Set(["C", "POSIX", "C.UTF-8", "C.utf8", "ucs_basic"]);

/** Whether text holds a UTF-16 surrogate: there, JavaScript's order is not the code points'. */
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Reads the span of a text key's stored values, from its index's two ends. Hotline exports
 * number their appeals in time order, so a file that goes on from the stored ones has
 * keys after the span: a chunk of them needs no question to the server, which cost the
 * import ~3 ms a chunk, its main thread waiting (bench:import).
 */
export async function storedKeySpan(
  connection: postgres.Sql,
  table: string,
  key: AnyPgColumn,
): Promise<StoredSpan> {
  if (key.getSQLType() !== "text") return undefined;
  const column = `"${key.name}"`;
  // The database's own collation, unless the column names one; on PostgreSQL 15 and later,
  // only where libc (not ICU) provides it (datlocprovider is absent before).
  const [row] = await connection.unsafe<
    Array<{ low: string | null; high: string | null; collation: string | null }>
  >(
    `select (select min(${column}) from "${table}") as low,
       (select max(${column}) from "${table}") as high,
       case when c.collname <> 'default' then c.collname
         when coalesce(to_jsonb(d) ->> 'datlocprovider', 'c') = 'c' then d.datcollate end as collation
     from pg_attribute a join pg_collation c on c.oid = a.attcollation
       cross join pg_database d
     where a.attrelid = $1::regclass and a.attname = $2 and d.datname = current_database()`,
    [`"${table}"`, key.name],
  );
  if (!row?.collation || !CODE_POINT_ORDER.has(row.collation)) return undefined;
  if (row.low === null || row.high === null) return null;
  if (SURROGATE.test(row.low) || SURROGATE.test(row.high)) return undefined;
  return { low: row.low, high: row.high };
}

/** Whether every key lies before or every key after the stored span (none stored: true). */
export function outsideSpan(
  keys: readonly string[],
  stored: NonNullable<StoredSpan> | null,
): boolean {
  if (stored === null) return true;
  let low: string | undefined;
  let high: string | undefined;
  for (const key of keys) {
    if (SURROGATE.test(key)) return false;
    if (low === undefined || key < low) low = key;
    if (high === undefined || key > high) high = key;
  }
  if (low === undefined || high === undefined) return false;
  return high < stored.low || low > stored.high;
}
