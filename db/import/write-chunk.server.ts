import { getTableColumns, sql, type SQL } from "drizzle-orm";
import { getTableConfig, type AnyPgColumn } from "drizzle-orm/pg-core";
import { importReplacedRows } from "../schema/imports";
import type { ImportRow, KindDefinition, Tx } from "./kinds/kind";
import { rowsOf } from "../queries/rows-of.server";

/** The natural key as stored with a replaced row: JSON of its values. */
export function naturalKeyText(values: ReadonlyArray<string | number | null>): string {
  return JSON.stringify(values);
}

/** Later rows of a file win over earlier ones with the same natural key (one upsert per key). */
export function lastPerKey<Row extends ImportRow>(
  definition: KindDefinition<Row>,
  rows: readonly Row[],
): Row[] {
  const byKey = new Map<string, Row>();
  for (const row of rows) byKey.set(naturalKeyText(definition.keyValues(row)), row);
  return [...byKey.values()];
}

/**
 * Writes one chunk of an import inside its transaction: first records the stored rows it
 * replaces (their versions from before the batch; a key the batch adds has no record), so
 * the batch can be reverted; then upserts the rows by natural key with the batch as
 * lineage. Returns every overwritten row's previous version (table column names), a
 * version this batch wrote in an earlier chunk included.
 */
export async function writeChunk<Row extends ImportRow>(
  tx: Tx,
  definition: KindDefinition<Row>,
  chunk: readonly Row[],
  batchId: number,
): Promise<Array<Record<string, unknown>>> {
  const rows = lastPerKey(definition, chunk);
  if (rows.length === 0) return [];
  const { name: table } = getTableConfig(definition.table);
  const keyNames = definition.keyColumns.map((column) => column.name);
  const keyTuples = rows.map((row) => definition.keyValues(row));
  // Typed values and "=" where the key cannot be null, so the join can use the natural
  // key's index (or hash); "is not distinct from" only for a nullable key column.
  const valuesList = sql.join(
    keyTuples.map(
      (values) =>
        sql`(${sql.join(
          values.map(
            (value, index) =>
              sql`${value === null ? null : String(value)}::${sql.raw(definition.keyColumns[index]!.getSQLType())}`,
          ),
          sql`, `,
        )})`,
    ),
    sql`, `,
  );
  const alias = sql.raw(`v(${keyNames.map((_, index) => `k${index}`).join(", ")})`);
  const joinOn = sql.raw(
    definition.keyColumns
      .map(
        (column, index) =>
          `t."${column.name}" ${column.notNull ? "=" : "is not distinct from"} v.k${index}`,
      )
      .join(" and "),
  );
  const found = await rowsOf<Record<string, unknown>>(
    tx,
    sql`select ${sql.raw(keyNames.map((name) => `t."${name}"::text as "${name}"`).join(", "))}, to_jsonb(t.*) as before
        from ${sql.raw(`"${table}"`)} t join (values ${valuesList}) as ${alias} on ${joinOn}`,
  );
  const before = new Map<string, Record<string, unknown>>();
  for (const row of found)
    before.set(
      naturalKeyText(keyNames.map((name) => (row[name] as string | null) ?? null)),
      row.before as Record<string, unknown>,
    );

  // A version this batch wrote itself (the key came twice) is not what it replaced.
  const replaced = [...before]
    .filter(([, row]) => Number(row.batch_id) !== batchId)
    .map(([naturalKey, row]) => ({ batchId, naturalKey, before: row }));
  if (replaced.length > 0) {
    await tx.insert(importReplacedRows).values(replaced).onConflictDoNothing();
  }

  await tx
    .insert(definition.table)
    .values(rows.map((row) => ({ ...row, batchId })))
    .onConflictDoUpdate({
      target: [...definition.keyColumns] as AnyPgColumn[],
      set: updateSet(definition),
    });
  await definition.afterChunk?.(tx, rows);
  return [...before.values()];
}

const setCache = new WeakMap<object, Record<string, SQL>>();

/** Every column but the key, the surrogate id and the creation time takes the file's value. */
function updateSet(definition: KindDefinition<ImportRow>): Record<string, SQL> {
  const cached = setCache.get(definition);
  if (cached) return cached;
  const keys = new Set(definition.keyColumns.map((column) => column.name));
  const set: Record<string, SQL> = {};
  for (const [property, column] of Object.entries(getTableColumns(definition.table))) {
    if (keys.has(column.name) || column.primary || column.name === "created_at") continue;
    set[property] = sql.raw(`excluded."${column.name}"`);
  }
  setCache.set(definition, set);
  return set;
}
