import { PGlite } from "@electric-sql/pglite";
import type { SQL } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import type { Database, DbHandle } from "./client.server";
import type { DataDirLock } from "./data-dir-lock.server";
import * as schema from "./schema/index";

export { PGlite };

/** The embedded database as a DbHandle; closing it releases the data folder's lock. */
export function wrapPglite(client: PGlite, lock?: DataDirLock): DbHandle {
  const db = drizzlePglite({ client, schema }) as unknown as Database;
  return {
    kind: "pglite",
    db,
    async rows<T extends Record<string, unknown>>(query: SQL) {
      const result = (await db.execute(query)) as unknown as { rows: T[] };
      return result.rows;
    },
    async close() {
      if (!client.closed) await client.close();
      lock?.release();
    },
  };
}
