import type { SQL } from "drizzle-orm";
import type { Database } from "../client.server";

/** The rows of a raw SQL query: postgres.js returns them as the result, PGlite under `rows`. */
export async function rowsOf<T>(db: Pick<Database, "execute">, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}
