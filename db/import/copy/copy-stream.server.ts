import type { Writable } from "node:stream";
import postgres from "postgres";
import type { RollupColumns } from "../../rollups/appeal-rollups.server";
import { CopyMessage } from "./copy-message";

/** The first error the server answered a COPY with, by the transaction's connection. */
const copyFailures = new WeakMap<postgres.Sql, Error>();
/** What the server answers CopyFail with: the importer's own failure, reported as it is. */
const QUERY_CANCELED = "57014";

/**
 * Starts a COPY FROM STDIN on the connection of `client` and returns the stream to write
 * its rows to. postgres.js drops an error the server sends after CopyDone (the query has
 * resolved with the stream by then), and the transaction then refuses every statement
 * with "current transaction is aborted": the server's own error is kept for
 * copyFailureOf to report instead.
 */
export async function openCopy(client: postgres.Sql, statement: string): Promise<Writable> {
  const query = client.unsafe(statement) as unknown as {
    reject(error: unknown): void;
    writable(): Promise<Writable>;
  };
  const reject = query.reject.bind(query);
  query.reject = (error) => {
    if (
      error instanceof postgres.PostgresError &&
      error.code !== QUERY_CANCELED &&
      !copyFailures.has(client)
    ) {
      copyFailures.set(client, error);
    }
    reject(error);
  };
  const stream = await query.writable();
  // Its error is read by send and endCopy (stream.errored); unheard, it would crash Node.
  stream.on("error", () => {});
  return stream;
}

/** The first error the server refused a COPY of this connection with, if any. */
export function copyFailureOf(client: postgres.Sql): Error | undefined {
  return copyFailures.get(client);
}

/**
 * Ends a COPY and resolves once its end (CopyDone) is on the wire: the connection then
 * takes the next statement, which PostgreSQL runs after the COPY. Not at 'finish', which
 * postgres.js only emits when the COPY succeeded: after a failed COPY the next statement
 * fails instead (the transaction is aborted), and nothing waits forever. Rejects with the
 * stream's error when it failed before its end was sent.
 */
export function endCopy(stream: Writable): Promise<void> {
  const writable = stream as Writable & {
    _final(callback: (error?: Error) => void): void;
    _destroy(error: Error | null, callback: (error?: Error | null) => void): void;
  };
  const final = writable._final.bind(writable);
  return new Promise((resolve, reject) => {
    if (stream.errored) return reject(stream.errored);
    stream.once("error", reject);
    writable._final = (callback) => {
      stream.off("error", reject);
      final(callback);
      // postgres.js destroys a finished COPY stream by sending CopyFail: harmless while the
      // connection runs other statements, but it fails a COPY that follows this one. Once
      // CopyDone is sent there is nothing left to abort.
      writable._destroy = (error, done) => done(error);
      resolve();
    };
    stream.end();
  });
}

/** Writes to a COPY stream; waits for it to drain when its buffer is full. */
export function send(stream: Writable, bytes: Buffer): Promise<void> {
  // A failed stream takes the write but never drains or fails again: it would wait forever.
  if (stream.errored) return Promise.reject(stream.errored);
  if (stream.write(bytes)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      stream.off("drain", done);
      stream.off("error", done);
      stream.off("close", closed);
      if (error) reject(error);
      else resolve();
    };
    const closed = () => done(new Error("the COPY stream closed before its data was sent"));
    stream.once("drain", () => done());
    stream.once("error", done);
    stream.once("close", closed);
  });
}

/** Writes messages to a COPY stream in turn. */
export async function sendAll(stream: Writable, messages: readonly Buffer[]): Promise<void> {
  for (const message of messages) await send(stream, message);
}

/** Rows per COPY message of copyColumns. */
const ROWS_PER_MESSAGE = 2_000;

/**
 * Appends rows given as columns to a table with COPY FROM STDIN, on the connection of
 * `client`, and resolves once they are on the wire. For numbers, ISO dates and plain
 * words only: nothing is escaped.
 */
export async function copyColumns(
  client: postgres.Sql,
  table: string,
  columns: RollupColumns,
): Promise<void> {
  const rows = columns[0]?.values.length ?? 0;
  if (rows === 0) return;
  const names = columns.map((column) => column.name).join(", ");
  const stream = await openCopy(client, `copy ${table} (${names}) from stdin`);
  const message = new CopyMessage();
  const last = columns.length - 1;
  for (let row = 0; row < rows; row++) {
    for (let index = 0; index <= last; index++) {
      const value = columns[index]!.values[row]!;
      if (typeof value === "number") message.number(value, index === last);
      else if (index === last) message.lastValue(value);
      else message.value(value);
    }
    if (message.rows === ROWS_PER_MESSAGE) await send(stream, message.take());
  }
  if (message.rows > 0) await send(stream, message.take());
  await endCopy(stream);
}
