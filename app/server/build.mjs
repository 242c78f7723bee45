// @ts-check
/*
 * Plain JavaScript, run by node before anything is compiled: builds the server (the Remix
 * app with app/server/main.server.ts as its entry, see remix.config.js) and the command-line
 * tools, when a source is newer than the last build. The build tools are devDependencies:
 * a production install (`npm ci --omit=dev`) runs a build made before, and only says so
 * clearly when its sources have changed since.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SERVER_BUILD = path.join(ROOT, "build/index.js");
/** Written last, so a build that stopped half-way is never taken for a current one. */
const STAMP = path.join(ROOT, "build/.built");

/** The command-line tools, by the name `app/server/run.mjs` knows them: source files. */
export const COMMANDS = {
  import: "db/cli/import.ts",
  kpi: "db/cli/kpi.ts",
  "create-admin": "db/cli/create-admin.ts",
  "rebuild-rollups": "db/cli/rebuild-rollups.ts",
  "seed-csv": "seeds/cli/seed-csv.ts",
};

const SOURCES = [
  "app",
  "db",
  "metrics",
  "seeds",
  "remix.config.js",
  "package-lock.json",
  "tsconfig.json",
];

/** @param {string} entry */
function newestChange(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry))
    newest = Math.max(newest, newestChange(path.join(entry, child)));
  return newest;
}

/** Whether there is no complete build, or a source changed since it was made. */
export function isBuildStale() {
  const built = fs.existsSync(STAMP) ? fs.statSync(STAMP).mtimeMs : 0;
  const sources = Math.max(...SOURCES.map((entry) => newestChange(path.join(ROOT, entry))));
  return built < sources;
}

/** @param {string} bin */
function devTool(bin) {
  const file = path.join(ROOT, "node_modules/.bin", bin);
  if (!fs.existsSync(file)) {
    throw new Error(
      `the sources changed since the last build, and ${bin} (a devDependency) is not installed ` +
        "to build them again: run `npm install` and `npm run build`, then start again.",
    );
  }
  return file;
}

/**
 * Builds everything. Output goes to stderr: `npm run kpi` prints its JSON alone on stdout
 * even when it has to build first.
 * @param {{ quiet?: boolean }} [options]
 */
export function build(options = {}) {
  const stdio = /** @type {const} */ (["ignore", options.quiet ? "ignore" : 2, 2]);
  const env = { ...process.env, NODE_ENV: "production", VITE_CJS_IGNORE_WARNING: "true" };
  fs.rmSync(STAMP, { force: true });
  const remix = spawnSync(devTool("remix"), ["build"], { cwd: ROOT, stdio, env });
  if (remix.status !== 0)
    throw new Error(`remix build failed (exit ${remix.status ?? remix.signal})`);
  const cli = spawnSync(
    devTool("esbuild"),
    [
      ...Object.values(COMMANDS),
      "--bundle",
      "--platform=node",
      "--format=esm",
      "--target=node20",
      "--packages=external",
      "--sourcemap",
      "--log-level=warning",
      "--outbase=.",
      "--outdir=build/cli",
      "--out-extension:.js=.js",
    ],
    { cwd: ROOT, stdio, env },
  );
  if (cli.status !== 0) throw new Error(`esbuild failed (exit ${cli.status ?? cli.signal})`);
  fs.writeFileSync(STAMP, new Date().toISOString());
}

/** Builds when the build is missing or older than a source; otherwise does nothing. */
export function ensureBuild() {
  if (!isBuildStale()) return;
  console.error(
    fs.existsSync(STAMP)
      ? "Sources changed since the last build: building…"
      : "No build yet: building…",
  );
  build();
}

/** The compiled file of a command-line tool. @param {keyof typeof COMMANDS} name */
export function commandBuild(name) {
  return path.join(ROOT, "build/cli", COMMANDS[name].replace(/\.ts$/, ".js"));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    build();
  } catch (error) {
    console.error(`Build failed: ${/** @type {Error} */ (error).message}`);
    process.exit(1);
  }
}
