import type { Server } from "node:http";
import * as build from "@remix-run/dev/server-build";
import type { ServerBuild } from "@remix-run/node";
import type express from "express";
import { openMigratedDatabase } from "../../db/open-migrated.server";
import type { DbHandle } from "../../db/client.server";
import { setDatabase, setPhase } from "../../db/runtime.server";
import { DEMO_PASSWORD, DEMO_USERS } from "../../seeds/demo/framework";
import { seedDemoIfEmpty } from "../../seeds/demo/seed-demo.server";
import { parseSettings, type Settings } from "../../db/settings.server";
import { createExpressApp } from "./express-app.server";
import { resolveSessionSecret } from "./session-secret.server";

/*
 * The server's entry, compiled with the Remix app into one module (remix.config.js
 * `server`), so the server and the app share one copy of every module. Importing it
 * starts nothing: app/server/run.mjs calls startServer(), the integration tests createApp().
 */

/** The express app serving this build, as the server runs it. */
export function createApp(options: { trustedProxies: readonly string[] }): express.Express {
  return createExpressApp(build as unknown as ServerBuild, options);
}

function fail(message: string): never {
  console.error(`\nMingjing cannot start: ${message}\n`);
  process.exit(1);
}

function listen(app: express.Express, settings: Settings): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = settings.host
      ? app.listen(settings.port, settings.host)
      : app.listen(settings.port);
    server.once("listening", () => resolve(server));
    server.once("error", reject);
  });
}

async function prepareDatabase(settings: Settings): Promise<DbHandle> {
  setPhase("migrating");
  const handle = await openMigratedDatabase(settings, "the Mingjing server");
  setDatabase(handle);
  if (settings.demo) {
    setPhase("seeding");
    const started = Date.now();
    if (await seedDemoIfEmpty(handle, settings.timeZone))
      console.log(`Seeded the demo data in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }
  setPhase("ready");
  return handle;
}

function printWelcome(settings: Settings, port: number): void {
  const host =
    !settings.host || settings.host === "::" || settings.host === "0.0.0.0"
      ? "localhost"
      : settings.host;
  console.log(`\nMingjing is running at http://${host}:${port}/`);
  console.log(
    `Database: ${settings.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `embedded PostgreSQL in ${settings.dataDir}`}`,
  );
  if (settings.demo) {
    console.log(`Demo logins (password "${DEMO_PASSWORD}"):`);
    for (const user of DEMO_USERS) console.log(`  ${user.username.padEnd(11)} ${user.role}`);
  }
}

/** Listens at once (a page says the server is starting), then migrates and seeds. */
export async function startServer(): Promise<void> {
  let settings: Settings;
  try {
    settings = parseSettings();
    process.env.SESSION_SECRET = resolveSessionSecret(settings);
  } catch (error) {
    fail((error as Error).message);
  }
  const app = createApp(settings);

  let server: Server;
  try {
    server = await listen(app, settings);
  } catch (error) {
    fail(`could not listen on port ${settings.port}: ${(error as Error).message}`);
  }
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : settings.port;

  let handle: DbHandle | undefined;
  const shutdown = async (signal: string) => {
    console.log(`\n${signal}: closing the server and the database…`);
    server.close();
    server.closeAllConnections();
    await handle?.close().catch(() => undefined);
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));

  try {
    handle = await prepareDatabase(settings);
  } catch (error) {
    setPhase("failed", (error as Error).message);
    server.close();
    fail((error as Error).message);
  }
  printWelcome(settings, port);
}
