import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Every file of the browser build (the global setup has built it). */
function browserFiles(folder = path.resolve("public/build")): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    return entry.isDirectory() ? browserFiles(file) : file.endsWith(".js") ? [file] : [];
  });
}

/**
 * Route modules import db/ for their loaders and actions; the browser build strips those
 * and must drop what only they used. Node's crypto and util resolve to empty modules there
 * (remix.config.js), so server code that slipped in would fail in the browser, not at build.
 */
describe("the browser build", () => {
  it.each([
    ["password hashing", "scrypt"],
    ["the settings schema", "MINGJING_DATA_DIR"],
    ["sign-in throttling's locks", "pg_advisory_xact_lock"],
    ["the session secret", "SESSION_SECRET"],
    ["the database library (docs/decisions/006)", "drizzle:"],
  ])("holds none of %s", (_what, marker) => {
    const files = browserFiles();
    expect(files.length).toBeGreaterThan(0);
    const holding = files.filter((file) => fs.readFileSync(file, "utf8").includes(marker));
    expect(holding.map((file) => path.relative(process.cwd(), file))).toEqual([]);
  });
});
