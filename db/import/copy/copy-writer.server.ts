import { getTableColumns, is, sql, type SQL } from "drizzle-orm";
import { PgDialect, getTableConfig, type AnyPgColumn } from "drizzle-orm/pg-core";
import { PostgresJsDatabase, PostgresJsTransaction } from "drizzle-orm/postgres-js";
import type { Writable } from "node:stream";
import type postgres from "postgres";
import type { Database } from "../../client.server";
import type { AppealRollupDeltas } from "../appeal-deltas.server";
import type { ImportRow, KindDefinition, Tx } from "../kinds/kind";
import { replacedKeySql, type TouchedCells } from "../touched-cells";
import { naturalKeyText } from "../write-chunk.server";
import {
  BINARY_COPY_HEADER,
  BINARY_COPY_TRAILER,
  binaryFieldOf,
  type BinaryField,
} from "./binary-fields";
import { CopyMessage } from "./copy-message";
import { copyText, copyValue } from "./copy-text";
import { endCopy, openCopy, send, sendAll } from "./copy-stream.server";
import { outsideSpan, storedKeySpan, type StoredSpan } from "./stored-key-span.server";

/** The transaction's own postgres.js connection, or undefined on PGlite. */
export function postgresClientOf(tx: Tx): postgres.Sql | undefined {
  if (!is(tx, PostgresJsTransaction)) return undefined;
  return (tx as unknown as { session: { client: postgres.Sql } }).session.client;
}

/** The pool of a database on PostgreSQL (connections outside any transaction), or undefined on PGlite. */
export function postgresPoolOf(db: Database): postgres.Sql | undefined {
  if (!is(db, PostgresJsDatabase)) return undefined;
  return (db as unknown as { $client: postgres.Sql }).$client;
}

const STAGE = "mingjing_import_stage";
/** Rows per COPY message (CopyData): a larger chunk goes as several. */
const ROWS_PER_MESSAGE = 1_000;
/**
 * Chunks whose bytes may wait for the COPY (~210 kB each for appeals). With one, the
 * import still waited 0.8–1.0 s of a 300k-row import for the server to write roll-ups;
 * with three, ~0.2 s (bench:import).
 */
const CHUNKS_WAITING = 3;
const dialect = new PgDialect();

export interface CopyWriterOptions {
  /** Tests: fail once this many rows have been sent, in the middle of a COPY. */
  failAfterRows?: number;
  /**
   * A connection outside the transaction (PostgreSQL's pool): asked whether a chunk's keys
   * were stored before the import while the transaction's own connection goes on copying.
   */
  outside?: postgres.Sql;
}

/**
 * Writes an import's rows on PostgreSQL with COPY FROM STDIN. A chunk none of whose keys is
 * stored yet is copied straight into the target table. Any other chunk is copied into a
 * temporary staging table (typed as the target's columns, no index, no constraint) and
 * merged by one INSERT … SELECT that also records, in import_replaced_rows, the stored rows
 * it replaces (as the batched writer does) and returns the roll-up cells of the rows it
 * overwrote. For appeals, the chunks' counts are added to their roll-up cells
 * (AppealRollupDeltas).
 *
 * Every statement runs on the transaction's connection, so they run in order and a failure
 * rolls everything back. The server answers a statement only once it has run everything
 * sent before it, so each one the import waits for lets the server run dry meanwhile:
 * chunk after chunk of new keys goes into one COPY that stays open (their keys checked
 * against the span of keys stored before the import, or failing that on another
 * connection, and against the span of keys the import has written). A chunk's rows are
 * encoded at once and their bytes wait for the COPY while the next chunks are read; the
 * merges and roll-up writes, sent without waiting, are only waited for before the next
 * statement.
 */
export class CopyWriter {
  /**
   * The columns a row gives, which are timestamps (written as toISOString would in text),
   * and how each is written in binary format.
   */
  private columns:
    | Array<{
        property: string;
        column: AnyPgColumn;
        timestamp: boolean;
        binary: BinaryField | undefined;
      }>
    | undefined;
  /** Whether rows go in COPY's binary format: every column's type has a binary field here. */
  private binary = false;
  /** The properties the first row gives a value: rows staged together must give the same. */
  private given = new Set<string>();
  private inFlight: Promise<unknown> | undefined;
  /** The COPY into the target table that chunks of new keys go on writing to, once open. */
  private open: Promise<Writable> | undefined;
  /** The first and last natural key this import has written (any order serves, if the same). */
  private readonly written = new KeySpan();
  private sent = 0;
  /** The first and last key stored before the import, where their order can be checked here. */
  private storedSpan: Promise<StoredSpan> | undefined;
  /**
   * The sends of chunks into the open COPY, each chained after the one before: the last
   * few, of which the last is done once every chunk is sent.
   */
  private sends: Array<Promise<void>> = [];

  constructor(
    private readonly tx: Tx,
    private readonly client: postgres.Sql,
    private readonly definition: KindDefinition<ImportRow>,
    private readonly batchId: number,
    private readonly touched: TouchedCells,
    private readonly options: CopyWriterOptions = {},
    private readonly deltas?: AppealRollupDeltas,
  ) {}

  /** Rows deduplicated by natural key (the last wins), then copied or staged and merged. */
  async write(chunk: readonly ImportRow[]): Promise<boolean> {
    const byKey = new Map<string, ImportRow>();
    for (const row of chunk) byKey.set(naturalKeyText(this.keyTexts(row)), row);
    if (byKey.size === 0) return true;
    const first = byKey.values().next().value!;
    if (!this.columns) await this.prepare(first);
    // Whichever way the chunk is written, its keys are the import's from now on.
    const repeats = this.written.overlapsAfterAdding(byKey.keys());
    // A row whose set of values differs (a column left to its default) goes the batched way.
    for (const row of byKey.values()) if (!this.givesSameValues(row)) return false;

    // Counted while the server answers whether the keys are new.
    const asked = this.allNew(byKey.values(), repeats);
    const counted = this.deltas?.count(byKey.values());
    const direct = await asked;
    if (direct) {
      // A few chunks at most wait to be sent: until the server has written the roll-ups and
      // opened the COPY again, the import reads the next chunks instead of waiting.
      while (this.sends.length >= CHUNKS_WAITING) await this.sends.shift();
      if (!this.open) {
        await this.settle();
        this.open = this.openDirect();
      }
      // Encoded now: the bytes wait, not the chunk's row objects.
      const messages = this.encodeRows(byKey, false);
      const open = this.open;
      const sent = this.allSent()
        .then(() => open)
        .then((stream) => sendAll(stream, messages));
      this.sends.push(sent);
      // A failure surfaces at the next write or when the COPY ends.
      sent.catch(() => {});
    } else {
      // Nothing may be sent while a COPY is open: postgres.js would send it in the middle.
      await this.settle();
      const messages = this.encodeRows(byKey, true);
      const stream = await this.openCopyInto(STAGE, "natural_key");
      await sendAll(stream, messages);
      await this.endCopy(stream);
    }

    const merged = direct
      ? []
      : this.client
          .unsafe<Array<{ key: string | null; rows: number }>>(this.mergeQuery())
          .execute();
    const truncated = direct ? undefined : this.client.unsafe(`truncate ${STAGE}`).execute();
    let added: Promise<void> | undefined;
    const afterChunk = this.definition.afterChunk?.bind(this.definition);
    if (counted && this.deltas!.merge(counted)) {
      // The roll-ups go once the chunks before them are sent and the COPY is ended.
      const closed = this.closeCopy();
      closed.catch(() => {});
      added = this.deltas!.flush(this.tx, this.client, closed);
      // The next chunk of new keys wants a COPY again: asked for once the roll-ups are sent,
      // so the server opens it while the next chunk is read, not while the import waits.
      if (direct && !afterChunk) {
        this.open = added.then(() => this.openDirect());
        this.open.catch(() => {});
      }
    }
    // The rows outlive this call only for a kind that reads them after its chunk: holding
    // them for the merge in flight would keep a second chunk of row objects alive.
    const rows = afterChunk ? [...byKey.values()] : [];
    if (afterChunk) await this.closeCopy();
    // Chunks copied into the open COPY leave what an earlier one sent in flight: wait for both.
    const earlier = this.inFlight;
    this.inFlight = Promise.all([merged, truncated, added, earlier]).then(async ([keys]) => {
      for (const { key, rows: replaced } of keys) this.touched.add(key, replaced);
      await afterChunk?.(this.tx, rows);
    });
    // A failure surfaces at the next write or at finish; until then it must not go unheard.
    this.inFlight.catch(() => {});
    if (afterChunk) await this.settle();
    return true;
  }

  /** Ends the open COPY and waits for the chunks in flight; throws their failure. */
  async settle(): Promise<void> {
    await this.closeCopy();
    const pending = this.inFlight;
    this.inFlight = undefined;
    await pending;
  }

  /** Stops what is in flight, ignoring its failure: the transaction is failing anyway. */
  async abandon(): Promise<void> {
    const open = this.open;
    this.open = undefined;
    this.sends = [];
    // A COPY left open would hold the connection (and the rollback) forever, and ending it
    // would store its rows: abort it.
    (await open?.catch(() => undefined))?.destroy();
    await this.settle().catch(() => {});
  }

  /** Resolves once every chunk given to the open COPY is sent. */
  private allSent(): Promise<void> {
    return this.sends.at(-1) ?? Promise.resolve();
  }

  /** Starts the COPY straight into the target table. */
  private openDirect(): Promise<Writable> {
    const { name: table } = getTableConfig(this.definition.table);
    const opened = this.openCopyInto(`"${table}"`, "batch_id");
    // Its failure is heard where it is awaited; until then it must not go unheard.
    opened.catch(() => {});
    return opened;
  }

  /** Starts a COPY of the row's columns and `lastColumn` into `table`, in the writer's format. */
  private async openCopyInto(table: string, lastColumn: string): Promise<Writable> {
    const columns = `${this.columnList()}, ${lastColumn}`;
    if (!this.binary) return openCopy(this.client, `copy ${table} (${columns}) from stdin`);
    const stream = await openCopy(
      this.client,
      `copy ${table} (${columns}) from stdin with (format binary)`,
    );
    await send(stream, BINARY_COPY_HEADER);
    return stream;
  }

  /** Ends a COPY that openCopyInto started. */
  private async endCopy(stream: Writable): Promise<void> {
    // Not waited for: a COPY the server refused has a stream that never drains again, and
    // endCopy reports why.
    if (this.binary && !stream.errored) stream.write(BINARY_COPY_TRAILER);
    await endCopy(stream);
  }

  /**
   * Sends CopyDone for the open COPY, if any, after the chunks waiting to be sent: the
   * connection then takes statements again.
   */
  private async closeCopy(): Promise<void> {
    const open = this.open;
    this.open = undefined;
    if (!open) return;
    await this.allSent();
    await this.endCopy(await open);
  }

  /**
   * Rows as COPY messages, each row with its batch id as its last value, or for the staging
   * table (`staged`) its natural key.
   */
  private encodeRows(byKey: ReadonlyMap<string, ImportRow>, staged: boolean): Buffer[] {
    const messages: Buffer[] = [];
    const message = new CopyMessage();
    const columns = this.columns!;
    const batch = String(this.batchId);
    for (const [key, row] of byKey) {
      if (this.binary) {
        message.row(columns.length + 1);
        for (const { property, binary } of columns) binary!(message, row[property]);
        if (staged) message.textField(key);
        else message.int64Field(this.batchId);
      } else {
        for (const { property, column, timestamp } of columns) {
          const value = row[property];
          if (timestamp && value instanceof Date) message.instant(value);
          else message.value(copyValue(column, value));
        }
        message.lastValue(staged ? copyText(key) : batch);
      }
      this.sent += 1;
      if (this.options.failAfterRows !== undefined && this.sent >= this.options.failAfterRows) {
        throw new Error(`Injected failure after ${this.sent} rows`);
      }
      if (message.rows === ROWS_PER_MESSAGE) messages.push(message.take());
    }
    if (message.rows > 0) messages.push(message.take());
    return messages;
  }

  /**
   * Whether none of the rows' keys is stored: neither before the import (asked outside the
   * transaction when there is a connection for it) nor by the import itself (`repeats` says
   * it may be; then only the transaction's own connection can tell). Kinds keyed by several
   * columns, or a nullable one, are always staged.
   */
  private async allNew(rows: Iterable<ImportRow>, repeats: boolean): Promise<boolean> {
    const [key, ...more] = this.definition.keyColumns;
    if (!key || more.length > 0 || !key.notNull) return false;
    const outside = repeats ? undefined : this.options.outside;
    const keys: string[] = [];
    for (const row of rows) keys.push(String(this.definition.keyValues(row)[0]));
    if (outside) {
      const stored = await this.storedSpanBefore();
      if (stored !== undefined && outsideSpan(keys, stored)) return true;
    } else await this.settle();
    return !(await this.anyStored(keys, outside ?? this.client));
  }

  /**
   * The span of the keys stored before the import (asked once, outside the transaction);
   * undefined where there is no connection to ask or the key is not one text column.
   */
  storedSpanBefore(): Promise<StoredSpan> {
    const [key, ...more] = this.definition.keyColumns;
    const outside = this.options.outside;
    if (!outside || !key || more.length > 0 || !key.notNull) return Promise.resolve(undefined);
    this.storedSpan ??= storedKeySpan(outside, getTableConfig(this.definition.table).name, key);
    return this.storedSpan;
  }

  /** Whether any of the keys (as text) is stored, as `connection` sees the table. */
  private async anyStored(values: readonly string[], connection: postgres.Sql): Promise<boolean> {
    const key = this.definition.keyColumns[0]!;
    const { name: table } = getTableConfig(this.definition.table);
    const column = `"${key.name}"`;
    // Sent as text: postgres.js serialises a text array exactly, whatever the key's type.
    const keys = `$1::text[]::${key.getSQLType()}[]`;
    // One probe of the key's index for the span of the chunk's keys (ordered as the index
    // orders them) answers a file of new keys; only a span that holds stored keys costs a
    // probe per key. CASE keeps that order. The span is taken in one pass over the keys:
    // a subquery each for its ends took twice the server's time.
    const [row] = await connection.unsafe<Array<{ stored: boolean }>>(
      `with span as materialized (select min(k) as low, max(k) as high from unnest(${keys}) k)
      select case when exists (
          select 1 from "${table}"
          where ${column} between (select low from span) and (select high from span))
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
      .map((property) => {
        const column = byProperty[property]!;
        return {
          property,
          column,
          timestamp: column.columnType === "PgTimestamp",
          binary: binaryFieldOf(column),
        };
      });
    this.binary = this.columns.every((column) => column.binary !== undefined);
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

/**
 * The first and last of a set of keys in JavaScript's order of strings: a key outside the
 * span is not in the set. Hotline exports number their appeals in time order, so each
 * chunk's keys lie after the span of the chunks before it.
 */
class KeySpan {
  private first: string | undefined;
  private last: string | undefined;

  /** Whether any of `keys` lies within the span; then widens the span to take them all. */
  overlapsAfterAdding(keys: Iterable<string>): boolean {
    let low: string | undefined;
    let high: string | undefined;
    for (const key of keys) {
      if (low === undefined || key < low) low = key;
      if (high === undefined || key > high) high = key;
    }
    if (low === undefined || high === undefined) return false;
    const overlaps = this.first !== undefined && low <= this.last! && high >= this.first;
    if (this.first === undefined || low < this.first) this.first = low;
    if (this.last === undefined || high > this.last) this.last = high;
    return overlaps;
  }
}

/** The properties a row gives a value (not undefined). */
function givenProperties(row: ImportRow): Set<string> {
  const given = new Set<string>();
  for (const property in row) if (row[property] !== undefined) given.add(property);
  return given;
}
