import { sql } from "drizzle-orm";
import { bigint, boolean, integer, pgTable, smallint, text, timestamp } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.server";
import {
  BINARY_COPY_HEADER,
  BINARY_COPY_TRAILER,
  binaryFieldOf,
} from "../../db/import/copy/binary-fields";
import { CopyMessage } from "../../db/import/copy/copy-message";
import { endCopy, openCopy, send } from "../../db/import/copy/copy-stream.server";
import { postgresPoolOf } from "../../db/import/copy/copy-writer.server";
import { createEmptyDatabase, onPostgres } from "../setup/test-database";

const copied = pgTable("copied", {
  name: text("name"),
  small: smallint("small"),
  count: integer("count"),
  batch: bigint("batch", { mode: "number" }),
  flag: boolean("flag"),
  at: timestamp("at", { withTimezone: true, mode: "date" }),
});

const rows: Array<Record<keyof typeof copied._.columns, unknown>> = [
  {
    name: "明镜 \t\\N \n 🚀",
    small: -32_768,
    count: 2 ** 31 - 1,
    batch: Number.MAX_SAFE_INTEGER,
    flag: true,
    at: new Date("2026-11-01T09:05:07.042Z"),
  },
  { name: "", small: 0, count: -(2 ** 31), batch: -1, flag: false, at: new Date(-1) },
  {
    name: null,
    small: null,
    count: null,
    batch: null,
    flag: null,
    at: new Date("0099-12-31T23:59:59.999Z"),
  },
];

describe.skipIf(!onPostgres)("COPY in binary format on PostgreSQL", () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createEmptyDatabase();
    await handle.db.execute(sql`create table copied (name text, small smallint, count integer,
      batch bigint, flag boolean, at timestamptz)`);
  });
  afterAll(async () => {
    await handle.close();
  });

  it("stores every value as it was written, text untouched and times to the millisecond", async () => {
    const client = postgresPoolOf(handle.db)!;
    const columns = Object.keys(rows[0]!) as Array<keyof typeof copied._.columns>;
    const message = new CopyMessage();
    message.bytes(BINARY_COPY_HEADER);
    for (const row of rows) {
      message.row(columns.length);
      for (const column of columns) binaryFieldOf(copied[column])!(message, row[column]);
    }
    message.bytes(BINARY_COPY_TRAILER);
    await client.begin(async (tx) => {
      const stream = await openCopy(
        tx as unknown as typeof client,
        `copy copied (${columns.join(", ")}) from stdin with (format binary)`,
      );
      await send(stream, message.take());
      await endCopy(stream);
    });
    // Times read back as milliseconds: the driver reads a year before 1000 as 19xx.
    const stored = await handle.rows<Record<string, unknown>>(
      sql`select name, small, count, batch::float8 as batch, flag,
            round(extract(epoch from at) * 1000)::float8 as at from copied`,
    );
    expect(stored).toEqual(
      rows.map((row) => ({ ...row, at: row.at instanceof Date ? row.at.getTime() : null })),
    );
  });
});
