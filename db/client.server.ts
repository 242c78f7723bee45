import path from "node:path";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema/index";
import { ensureDataDir } from "./data-dir.server";
import { acquireDataDirLock } from "./data-dir-lock.server";
import { connectWithoutDelay } from "./postgres-socket.server";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

/** One open database, whichever driver sits behind it. */
export interface DbHandle {
  kind: "pglite" | "postgres";
  db: Database;
  /** Runs raw SQL and returns its rows: the two drivers shape results differently. */
  rows<T extends Record<string, unknown>>(query: SQL): Promise<T[]>;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string;
  dataDir: string;
  /** Who holds the embedded database, for the message another process gets. */
  owner: string;
}

export function pgliteFolder(dataDir: string): string {
  return path.join(dataDir, "pgdata");
}

export async function openDatabase(options: OpenOptions): Promise<DbHandle> {
  if (options.databaseUrl) return wrapPostgres(postgres(options.databaseUrl, postgresOptions));
  ensureDataDir(options.dataDir);
  const lock = acquireDataDirLock(options.dataDir, options.owner);
  try {
    // Loaded only here: PGlite (its WebAssembly PostgreSQL) adds ~40 MB to a process's
    // memory, which a deployment on PostgreSQL never needs.
    const { PGlite, wrapPglite } = await import("./client-pglite.server");
    const client = new PGlite(pgliteFolder(options.dataDir));
    await client.waitReady;
    return wrapPglite(client, lock);
  } catch (error) {
    lock.release();
    throw new Error(
      `Could not open the embedded database in ${pgliteFolder(options.dataDir)}: ${
        (error as Error).message
      }. Check that the folder is writable, or remove it to start afresh.`,
      { cause: error },
    );
  }
}

export const postgresOptions: postgres.Options<Record<string, postgres.PostgresType>> = {
  max: 10,
  onnotice: () => {},
  // postgres.js calls it with its parsed options (the option is missing from its types).
  ...({ socket: connectWithoutDelay } as object),
  // Dates stay "YYYY-MM-DD" strings, as PGlite returns them: no time-zone shifts.
  types: {
    date: {
      to: 1082,
      from: [1082],
      serialize: (value: string) => value,
      parse: (value: string) => value,
    },
  },
};

export function wrapPostgres(client: postgres.Sql): DbHandle {
  const db = drizzlePostgres({ client, schema }) as unknown as Database;
  return {
    kind: "postgres",
    db,
    async rows<T extends Record<string, unknown>>(query: SQL) {
      const result = (await db.execute(query)) as unknown as T[];
      return [...result];
    },
    async close() {
      await client.end({ timeout: 5 });
    },
  };
}
