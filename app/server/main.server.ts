import "./production-mode.server";
import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { openMigratedDatabase } from "../../db/open-migrated.server";
import type { DbHandle } from "../../db/client.server";
import { getPhase, setDatabase, setPhase } from "../../db/runtime.server";
import { DEMO_PASSWORD, DEMO_USERS } from "../../seeds/demo/framework";
import { seedDemoIfEmpty } from "../../seeds/demo/seed-demo.server";
import { parseSettings, type Settings } from "../../db/settings.server";
import { crossSiteReason } from "../utils/csrf.server";
import { applySecurityHeaders } from "../utils/security-headers.server";
import { ensureBuild, SERVER_BUILD } from "./ensure-build.server";
import { acceptForwardedHeaders, requestUrl, trustProxies } from "./forwarded-headers.server";
import { expressHandler } from "./express-handler.server";
import { createAppRequestHandler } from "./request-handler.server";
import { resolveSessionSecret } from "./session-secret.server";

function fail(message: string): never {
  console.error(`\nMingjing cannot start: ${message}\n`);
  process.exit(1);
}

function startingPage(res: express.Response): void {
  const { phase } = getPhase();
  res
    .status(503)
    .set({
      "Retry-After": "2",
      "Cache-Control": "no-store",
      "Content-Type": "text/html; charset=utf-8",
    })
    .send(
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh" content="2"><title>Mingjing is starting</title></head>` +
        `<body><main><h1>明镜正在启动 Mingjing is starting</h1><p>Step: ${phase}. This page reloads by itself.</p></main></body></html>`,
    );
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

async function main(): Promise<void> {
  let settings: Settings;
  try {
    settings = parseSettings();
    process.env.SESSION_SECRET = resolveSessionSecret(settings);
    ensureBuild();
  } catch (error) {
    fail((error as Error).message);
  }

  const build = (await import(pathToFileURL(SERVER_BUILD).href)) as ServerBuild;
  const app = express();
  app.disable("x-powered-by");
  trustProxies(app, settings.trustedProxies);
  app.use(acceptForwardedHeaders);
  app.use((req, res, next) => {
    const headers = new Headers();
    applySecurityHeaders(headers, {
      https: req.secure,
    });
    headers.forEach((value, key) => res.setHeader(key, value));
    next();
  });
  app.use(
    "/build",
    express.static(path.resolve("public/build"), { immutable: true, maxAge: "1y" }),
  );
  app.use(express.static(path.resolve("public"), { maxAge: "1h" }));
  app.use((req, res, next) => {
    if (getPhase().phase === "ready" || req.path === "/healthz") next();
    else startingPage(res);
  });
  app.use((req, res, next) => {
    const reason = crossSiteReason(req.method, requestUrl(req), {
      get: (name) => req.get(name) ?? null,
    });
    if (reason) res.status(403).type("text/plain").send(`Forbidden: ${reason}.`);
    else next();
  });
  app.all("*", expressHandler(createAppRequestHandler(build)));

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

void main();
