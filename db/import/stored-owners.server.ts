import { sql, type SQL } from "drizzle-orm";
import { PgDialect, getTableConfig } from "drizzle-orm/pg-core";
import type postgres from "postgres";
import { rowsOf } from "../queries/rows-of.server";
import { outsideSpan, type StoredSpan } from "./copy/stored-key-span.server";
import type { ImportRow, KindDefinition, Tx } from "./kinds/kind";

/** Runs a query and returns its rows. */
export type AskRows = (query: SQL) => Promise<Array<Record<string, unknown>>>;

const dialect = new PgDialect();

/** Asks inside the import's transaction (PGlite has no other connection). */
export function askInTransaction(tx: Tx): AskRows {
  return (query) => rowsOf(tx, query);
}

/**
 * Asks on a connection outside the import's transaction (PostgreSQL's pool), which sees the
 * rows stored before the import, while the transaction's own connection goes on copying.
 * What the import itself wrote cannot be another department's: each of its rows was in scope.
 */
export function askOutside(connection: postgres.Sql): AskRows {
  return async (query) => {
    const { sql: text, params } = dialect.sqlToQuery(query);
    return await connection.unsafe<Array<Record<string, unknown>>>(
      text,
      params as postgres.ParameterOrJSON<never>[],
    );
  };
}

/**
 * The indexes of the rows whose natural key is stored for a department outside `scope`.
 * The file names the department it wants a row to have; the upsert on the key would hand
 * over whatever row is stored under it, so a steward's rows are also judged by who owns
 * what they overwrite (issue 18). One query joins the table on the rows' keys.
 */
export async function rowsStoredOutside(
  definition: KindDefinition<ImportRow>,
  rows: readonly ImportRow[],
  scope: readonly number[],
  ask: AskRows,
): Promise<Set<number>> {
  const owner = definition.storedOwner;
  if (!owner) throw new Error(`${definition.kind} has no stored owner to check a scope against`);
  if (rows.length === 0) return new Set();
  const { name: table } = getTableConfig(definition.table);
  const columns = definition.keyColumns;
  // Typed values, as writeChunk joins them, so that the join can use the natural key's index.
  const values = sql.join(
    rows.map((row, index) => {
      const typed = definition
        .keyValues(row)
        .map(
          (value, k) =>
            sql`${value === null ? null : String(value)}::${sql.raw(columns[k]!.getSQLType())}`,
        );
      return sql`(${sql.raw(String(index))}, ${sql.join(typed, sql`, `)})`;
    }),
    sql`, `,
  );
  const alias = sql.raw(`v(i, ${columns.map((_, k) => `k${k}`).join(", ")})`);
  const joinOn = sql.raw(
    columns
      .map(
        (column, k) =>
          `"${table}"."${column.name}" ${column.notNull ? "=" : "is not distinct from"} v.k${k}`,
      )
      .join(" and "),
  );
  const departments = sql.join(
    scope.map((id) => sql`${id}`),
    sql`, `,
  );
  // "is not true": a stored row whose department cannot be found is not the steward's either.
  const found = await ask(
    sql`select v.i from ${sql.raw(`"${table}"`)} join (values ${values}) as ${alias} on ${joinOn}
        where (${owner.department} = any(array[${departments}]::int[])) is not true`,
  );
  return new Set(found.map((row) => Number(row.i)));
}

/**
 * Checks each chunk of a steward's import against who owns the rows stored under its keys.
 * Where the span of keys stored before the import is known (the COPY writer's), a chunk
 * whose keys all lie outside it stores nothing over anyone's rows and costs no query.
 */
export class StoredOwnerCheck {
  constructor(
    private readonly definition: KindDefinition<ImportRow>,
    private readonly scope: readonly number[],
    private readonly ask: AskRows,
    private readonly storedSpan?: () => Promise<StoredSpan>,
  ) {}

  /** The file's columns that name a row's key, for the error report. */
  get keyColumns(): readonly string[] {
    return this.definition.storedOwner?.keyColumns ?? [];
  }

  /** The indexes of the rows whose key is stored for a department outside the scope. */
  async rowsOutside(rows: readonly ImportRow[]): Promise<Set<number>> {
    if (await this.noneStored(rows)) return new Set();
    return rowsStoredOutside(this.definition, rows, this.scope, this.ask);
  }

  private async noneStored(rows: readonly ImportRow[]): Promise<boolean> {
    const span = await this.storedSpan?.();
    if (span === undefined) return false;
    return outsideSpan(
      rows.map((row) => String(this.definition.keyValues(row)[0])),
      span,
    );
  }
}
