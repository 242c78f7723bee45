import { getTableColumns, is, sql, type SQL } from "drizzle-orm";
import { PgDialect, getTableConfig, type AnyPgColumn } from "drizzle-orm/pg-core";
import { PostgresJsTransaction } from "drizzle-orm/postgres-js";
import type postgres from "postgres";
import type { AppealRollupDeltas } from "../appeal-deltas.server";
import type { ImportRow, KindDefinition, Tx } from "../kinds/kind";
import { replacedKeySql, type TouchedCells } from "../touched-cells";
import { naturalKeyText } from "../write-chunk.server";
import { copyText, copyValue } from "./copy-text";
import { endCopy, openCopy, send } from "./copy-stream.server";

/** The transaction's own postgres.js connection, or undefined on PGlite. */
export function postgresClientOf(tx: Tx): postgres.Sql | undefined {
  if (!is(tx, PostgresJsTransaction)) return undefined;
  return (tx as unknown as { session: { client: postgres.Sql } }).session.client;
}

const STAGE = "mingjing_import_stage";
/** Rows per COPY message: the COPY text is sent a piece at a time, never the whole chunk at once. */
const ROWS_PER_MESSAGE = 1_000;
const dialect = new PgDialect();

export interface CopyWriterOptions {
  /** Tests: fail once this many rows have been sent, in the middle of a COPY. */
  failAfterRows?: number;
}

/**
 * Writes an import's rows on PostgreSQL with COPY FROM STDIN. A chunk none of whose keys is
 * stored yet is copied straight into the target table. Any other chunk is copied into a
 * temporary staging table (typed as the target's columns, no index, no constraint) and
 * merged by one INSERT … SELECT that also records, in import_replaced_rows, the stored rows
 * it replaces (as the batched writer does) and returns the roll-up cells of the rows it
 * overwrote. For appeals, each chunk's counts are then added to their roll-up cells
 * (AppealRollupDeltas).
 *
 * One chunk is in flight while the next is parsed: `write` sends the COPY and queues the
 * merge and the counts, and only waits for the previous chunk's. Every statement runs on
 * the transaction's connection, so they run in order and a failure rolls everything back.
 */
export class CopyWriter {
  private columns: Array<{ property: string; column: AnyPgColumn }> | undefined;
  /** The properties the first row gives a value: rows staged together must give the same. */
  private given = new Set<string>();
  private inFlight: Promise<unknown> | undefined;
  private sent = 0;

  constructor(
    private readonly tx: Tx,
    private readonly client: postgres.Sql,
    private readonly definition: KindDefinition<ImportRow>,
    private readonly batchId: number,
    private readonly touched: TouchedCells,
    private readonly options: CopyWriterOptions = {},
    private readonly deltas?: AppealRollupDeltas,
  ) {}

  /** Rows deduplicated by natural key (the last wins), then staged and merged. */
  async write(chunk: readonly ImportRow[]): Promise<boolean> {
    const byKey = new Map<string, ImportRow>();
    for (const row of chunk) byKey.set(naturalKeyText(this.keyTexts(row)), row);
    if (byKey.size === 0) return true;
    const first = byKey.values().next().value!;
    if (!this.columns) await this.prepare(first);
    // A row whose set of values differs (a column left to its default) goes the batched way.
    for (const row of byKey.values()) if (!this.givesSameValues(row)) return false;

    const counted = this.deltas?.count(byKey.values());
    // Nothing may be sent while the chunk in flight runs: its roll-up cells may be in a COPY,
    // and postgres.js would send the next statement in the middle of it.
    await this.settle();
    // When no key of the chunk is stored yet (a file of new rows, the usual case), the rows
    // go straight into the table: nothing to replace, so nothing to stage and merge.
    const direct = !(await this.anyStored(byKey.values()));
    const table = `"${getTableConfig(this.definition.table).name}"`;
    const stream = await openCopy(
      this.client,
      direct
        ? `copy ${table} (${this.columnList()}, batch_id) from stdin`
        : `copy ${STAGE} (${this.columnList()}, natural_key) from stdin`,
    );
    const batch = String(this.batchId);
    const message = new CopyMessage();
    for (const [key, row] of byKey) {
      for (const { property, column } of this.columns!) {
        message.value(copyValue(column, row[property]));
      }
      message.lastValue(direct ? batch : copyText(key));
      this.sent += 1;
      if (this.options.failAfterRows !== undefined && this.sent >= this.options.failAfterRows) {
        const error = new Error(`Injected failure after ${this.sent} rows`);
        stream.destroy(error);
        throw error;
      }
      if (message.rows === ROWS_PER_MESSAGE) await send(stream, message.take());
    }
    if (message.rows > 0) await send(stream, message.take());
    await endCopy(stream);

    const merged = direct
      ? []
      : this.client
          .unsafe<Array<{ key: string | null; rows: number }>>(this.mergeQuery())
          .execute();
    const truncated = direct ? undefined : this.client.unsafe(`truncate ${STAGE}`).execute();
    const added = counted && this.deltas!.add(this.tx, counted, this.client);
    // The rows outlive this call only for a kind that reads them after its chunk: holding
    // them for the merge in flight would keep a second chunk of row objects alive.
    const afterChunk = this.definition.afterChunk?.bind(this.definition);
    const rows = afterChunk ? [...byKey.values()] : [];
    this.inFlight = Promise.all([merged, truncated, added]).then(async ([keys]) => {
      for (const { key, rows: replaced } of keys) this.touched.add(key, replaced);
      await afterChunk?.(this.tx, rows);
    });
    // A failure surfaces at the next write or at finish; until then it must not go unheard.
    this.inFlight.catch(() => {});
    if (afterChunk) await this.settle();
    return true;
  }

  /** Waits for the chunk in flight; throws its failure. */
  async settle(): Promise<void> {
    const pending = this.inFlight;
    this.inFlight = undefined;
    await pending;
  }

  /** Waits for the chunk in flight, ignoring its failure: the transaction is failing anyway. */
  async abandon(): Promise<void> {
    await this.settle().catch(() => {});
  }

  /**
   * Whether any of the rows' keys is stored already (by an earlier import or chunk). Kinds
   * keyed by several columns, or a nullable one, are always staged.
   */
  private async anyStored(rows: Iterable<ImportRow>): Promise<boolean> {
    const [key, ...more] = this.definition.keyColumns;
    if (!key || more.length > 0 || !key.notNull) return true;
    const values: string[] = [];
    for (const row of rows) values.push(String(this.definition.keyValues(row)[0]));
    const { name: table } = getTableConfig(this.definition.table);
    const column = `"${key.name}"`;
    // Sent as text: postgres.js serialises a text array exactly, whatever the key's type.
    const keys = `$1::text[]::${key.getSQLType()}[]`;
    // One probe of the key's index for the span of the chunk's keys (ordered as the index
    // orders them) answers a file of new keys; only a span that holds stored keys costs a
    // probe per key. CASE keeps that order.
    const [row] = await this.client.unsafe<Array<{ stored: boolean }>>(
      `select case when exists (
          select 1 from "${table}" where ${column} between
            (select min(k) from unnest(${keys}) k) and (select max(k) from unnest(${keys}) k))
        then exists (select 1 from "${table}" where ${column} = any(${keys}))
        else false end as stored`,
      [values],
    );
    return row?.stored === true;
  }

  /** Whether a row gives values for the same properties as the first (checked without allocating: once a row). */
  private givesSameValues(row: ImportRow): boolean {
    let count = 0;
    for (const property in row) {
      if (row[property] === undefined) continue;
      if (!this.given.has(property)) return false;
      count += 1;
    }
    return count === this.given.size;
  }

  private keyTexts(row: ImportRow): Array<string | null> {
    return this.definition.keyValues(row).map((value) => (value === null ? null : String(value)));
  }

  private columnList(): string {
    return this.columns!.map(({ column }) => `"${column.name}"`).join(", ");
  }

  private async prepare(row: ImportRow): Promise<void> {
    const { name: table } = getTableConfig(this.definition.table);
    const byProperty = getTableColumns(this.definition.table) as Record<string, AnyPgColumn>;
    this.columns = Object.keys(row)
      .filter((property) => row[property] !== undefined && property !== "batchId")
      .filter((property) => byProperty[property] !== undefined)
      .map((property) => ({ property, column: byProperty[property]! }));
    this.given = givenProperties(row);
    await this.client.unsafe(
      `create temp table ${STAGE} on commit drop as
       select ${this.columnList()}, null::text as natural_key from "${table}" with no data`,
    );
  }

  private mergeSql: string | undefined;

  private mergeQuery(): string {
    if (this.mergeSql) return this.mergeSql;
    const { name: table } = getTableConfig(this.definition.table);
    const names = this.columns!.map(({ column }) => `"${column.name}"`);
    const keys = new Set(this.definition.keyColumns.map((column) => column.name));
    const joinOn = this.definition.keyColumns
      .map(
        (column) =>
          `t."${column.name}" ${column.notNull ? "=" : "is not distinct from"} s."${column.name}"`,
      )
      .join(" and ");
    const updated = getTableConfig(this.definition.table)
      .columns.filter((column) => !keys.has(column.name) && !column.primary)
      .filter((column) => column.name !== "created_at")
      .map((column) => `"${column.name}" = excluded."${column.name}"`);
    const touchedKey =
      replacedKeySql(this.definition.kind, sql.raw("r.before"), this.touched.timeZone) ??
      sql`null::text`;
    const target = this.definition.keyColumns.map((column) => `"${column.name}"`).join(", ");
    // Every stored row a staged row overwrites is returned, counted by roll-up cell, even a
    // version this batch wrote in an earlier chunk: those cells are recounted, not added to.
    // import_replaced_rows keeps what the batch replaced: versions older than the batch.
    const statement: SQL = sql`
      with existing as (
        select s.natural_key, to_jsonb(t.*) as before
        from ${sql.raw(STAGE)} s join ${sql.raw(`"${table}"`)} t on ${sql.raw(joinOn)}
      ), replaced as (
        insert into import_replaced_rows (batch_id, natural_key, before)
        select ${sql.raw(String(this.batchId))}::bigint, e.natural_key, e.before from existing e
        where (e.before->>'batch_id')::bigint is distinct from ${sql.raw(String(this.batchId))}
        on conflict do nothing
      ), merged as (
        insert into ${sql.raw(`"${table}"`)} (${sql.raw(names.join(", "))}, batch_id)
        select ${sql.raw(names.map((name) => `s.${name}`).join(", "))}, ${sql.raw(String(this.batchId))}::bigint
        from ${sql.raw(STAGE)} s
        on conflict (${sql.raw(target)}) do update set ${sql.raw(updated.join(", "))}
      )
      select ${touchedKey} as key, count(*)::int as rows from existing r group by 1`;
    const query = dialect.sqlToQuery(statement);
    // The time zone is the only parameter: inline it as a literal for the simple protocol.
    this.mergeSql = query.sql.replace(/\$(\d+)/g, (_, index: string) =>
      literal(query.params[Number(index) - 1]),
    );
    return this.mergeSql;
  }
}

function literal(value: unknown): string {
  return `'${String(value).replaceAll("'", "''")}'`;
}

/** The properties a row gives a value (not undefined). */
function givenProperties(row: ImportRow): Set<string> {
  const given = new Set<string>();
  for (const property in row) if (row[property] !== undefined) given.add(property);
  return given;
}

/**
 * COPY text rows as UTF-8, each value written into the buffer as it comes: joining the
 * values into one string and encoding that took three times as long (a row of appeals is
 * mostly ASCII, but one Chinese value made the whole message a two-byte string).
 */
class CopyMessage {
  private buffer = Buffer.allocUnsafe(256 * 1024);
  private length = 0;
  rows = 0;

  /** A value, then a tab. */
  value(text: string): void {
    this.put(text, 0x09);
  }

  /** A row's last value, then a line feed. */
  lastValue(text: string): void {
    this.put(text, 0x0a);
    this.rows += 1;
  }

  /** The rows so far; the message starts again empty (the stream may hold on to them). */
  take(): Buffer {
    const bytes = this.buffer.subarray(0, this.length);
    this.buffer = Buffer.allocUnsafe(this.buffer.length);
    this.length = 0;
    this.rows = 0;
    return bytes;
  }

  private put(text: string, end: number): void {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8.
    const room = text.length * 3 + 1;
    if (this.length + room > this.buffer.length) {
      const larger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + room));
      this.buffer.copy(larger, 0, 0, this.length);
      this.buffer = larger;
    }
    this.length += this.buffer.write(text, this.length, "utf8");
    this.buffer[this.length++] = end;
  }
}
