import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Settings } from "../../db/settings.server";
import { ensureDataDir, SECRET_FILE_MODE } from "../../db/data-dir.server";

/**
 * The demo may run without SESSION_SECRET: it makes a random one and keeps it in the data
 * folder, so sessions survive a restart. A real deployment (demo off) must set its own.
 */
export function resolveSessionSecret(settings: Settings): string {
  if (settings.sessionSecret) return settings.sessionSecret;
  if (!settings.demo) {
    throw new Error(
      "SESSION_SECRET is not set. With MINGJING_DEMO=0 the server needs one: set SESSION_SECRET to a random string of at least 32 characters (e.g. `openssl rand -hex 32`).",
    );
  }
  const file = path.join(settings.dataDir, "session-secret");
  ensureDataDir(settings.dataDir);
  if (fs.existsSync(file)) {
    // One restored from a backup or copied in may have come with a wider mode.
    if ((fs.statSync(file).mode & 0o777) !== SECRET_FILE_MODE) fs.chmodSync(file, SECRET_FILE_MODE);
    return fs.readFileSync(file, "utf8").trim();
  }
  const secret = crypto.randomBytes(32).toString("hex");
  fs.writeFileSync(file, secret, { mode: SECRET_FILE_MODE });
  return secret;
}
