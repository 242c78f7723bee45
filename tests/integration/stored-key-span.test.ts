import { sql } from "drizzle-orm";
import { integer, pgTable, text } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.server";
import { postgresPoolOf } from "../../db/import/copy/copy-writer.server";
import { storedKeySpan } from "../../db/import/copy/stored-key-span.server";
import { createEmptyDatabase, onPostgres } from "../setup/test-database";

const keyed = pgTable("keyed", {
  code: text("code").notNull(),
  byLanguage: text("by_language").notNull(),
  number: integer("number").notNull(),
});

describe.skipIf(!onPostgres)("storedKeySpan on PostgreSQL", () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createEmptyDatabase();
    await handle.db.execute(sql`create table keyed (code text collate "C" not null,
      by_language text collate "und-x-icu" not null, number integer not null)`);
  });
  afterAll(async () => {
    await handle.close();
  });

  it("gives the first and last stored key of a column ordered by code point, null for none", async () => {
    const pool = postgresPoolOf(handle.db)!;
    expect(await storedKeySpan(pool, "keyed", keyed.code)).toBeNull();
    await handle.db.execute(sql`insert into keyed values
      ('b-2', 'b', 2), ('B-1', 'B', 1), ('明镜', '明', 3), ('a-9', 'a', 9)`);
    expect(await storedKeySpan(pool, "keyed", keyed.code)).toEqual({ low: "B-1", high: "明镜" });
  });

  it("leaves a key under a language's collation, or not text, to the server", async () => {
    const pool = postgresPoolOf(handle.db)!;
    expect(await storedKeySpan(pool, "keyed", keyed.byLanguage)).toBeUndefined();
    expect(await storedKeySpan(pool, "keyed", keyed.number)).toBeUndefined();
  });
});
