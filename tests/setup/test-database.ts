import crypto from "node:crypto";
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { inject } from "vitest";
import { postgresOptions, wrapPostgres, type DbHandle } from "../../db/client.server";
import { wrapPglite } from "../../db/client-pglite.server";
import { adminUrl, databaseUrlFor } from "./database-urls";

export const onPostgres = Boolean(process.env.DATABASE_URL);

/** A new database on the server of DATABASE_URL, dropped again when the handle closes. */
async function createPostgresDatabase(url: string, template?: string): Promise<DbHandle> {
  const name = `mingjing_test_${crypto.randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl(url), postgresOptions);
  await admin.unsafe(`create database ${name}${template ? ` template ${template}` : ""}`);
  const handle = wrapPostgres(postgres(databaseUrlFor(url, name), postgresOptions));
  return {
    ...handle,
    async close() {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/**
 * A fresh, migrated database for one test file: PGlite in memory from the dumped
 * template, or a new PostgreSQL database copied from the template database.
 */
export async function createTestDatabase(): Promise<DbHandle> {
  const url = process.env.DATABASE_URL;
  if (url) return createPostgresDatabase(url, inject("postgresTemplate"));
  const client = new PGlite({ loadDataDir: new Blob([fs.readFileSync(inject("pgliteTemplate"))]) });
  await client.waitReady;
  return wrapPglite(client);
}

/** An empty database, not migrated: for testing the migrations themselves. */
export async function createEmptyDatabase(): Promise<DbHandle> {
  const url = process.env.DATABASE_URL;
  if (url) return createPostgresDatabase(url);
  return wrapPglite(new PGlite());
}
