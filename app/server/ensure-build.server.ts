import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const SOURCES = ["app", "db", "metrics", "seeds", "remix.config.js", "package-lock.json"];
export const SERVER_BUILD = path.resolve("build/index.js");

function newestChange(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry))
    newest = Math.max(newest, newestChange(path.join(entry, child)));
  return newest;
}

/** Builds the Remix app when there is no build, or a source changed since the last one. */
export function ensureBuild(): void {
  const built = fs.existsSync(SERVER_BUILD) ? fs.statSync(SERVER_BUILD).mtimeMs : 0;
  const sources = Math.max(...SOURCES.map((entry) => newestChange(path.resolve(entry))));
  if (built >= sources) return;
  console.log(
    built ? "Sources changed since the last build: building…" : "No build yet: building…",
  );
  const remix = path.resolve("node_modules/.bin/remix");
  const result = spawnSync(remix, ["build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0)
    throw new Error(`remix build failed (exit ${result.status ?? result.signal})`);
}
