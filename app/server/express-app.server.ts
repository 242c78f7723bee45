import fs from "node:fs";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { getPhase } from "../../db/runtime.server";
import { crossSiteReason } from "../utils/csrf.server";
import { applySecurityHeaders } from "../utils/security-headers.server";
import { expressHandler } from "./express-handler.server";
import { acceptForwardedHeaders, requestUrl, trustProxies } from "./forwarded-headers.server";
import { createAppRequestHandler } from "./request-handler.server";

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

/**
 * express.static for a folder, asked only about paths whose first segment names an entry the
 * folder held when the server started: no other path can be one of its files, and asking
 * costs a look at the disk on every page request (the static handler runs before the app).
 */
function staticFiles(root: string, options: Parameters<typeof express.static>[1]) {
  const serve = express.static(root, options);
  const entries = new Set(fs.existsSync(root) ? fs.readdirSync(root) : []);
  return (req: express.Request, res: express.Response, next: express.NextFunction) => {
    let first: string;
    try {
      first = decodeURIComponent(req.path.split("/")[1] ?? "");
    } catch {
      return next();
    }
    if (entries.has(first)) serve(req, res, next);
    else next();
  };
}

/**
 * The whole HTTP pipeline in front of the Remix app: forwarded headers from trusted
 * proxies only, security headers, static files, the page shown while the database
 * starts, the cross-site check, then the app. The server and the integration tests both
 * serve this one.
 */
export function createExpressApp(
  build: ServerBuild,
  options: { trustedProxies: readonly string[] },
): express.Express {
  const app = express();
  app.disable("x-powered-by");
  trustProxies(app, options.trustedProxies);
  app.use(acceptForwardedHeaders);
  app.use((req, res, next) => {
    const headers = new Headers();
    applySecurityHeaders(headers, { https: req.secure });
    headers.forEach((value, key) => res.setHeader(key, value));
    next();
  });
  app.use(
    "/build",
    express.static(path.resolve("public/build"), { immutable: true, maxAge: "1y" }),
  );
  app.use(staticFiles(path.resolve("public"), { maxAge: "1h" }));
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
  return app;
}
