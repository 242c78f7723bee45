import fs from "node:fs";

/**
 * The data folder (MINGJING_DATA_DIR) holds the embedded database and the demo's session
 * secret, and PGlite writes its files world-readable (0666): the folder's own mode is
 * what keeps other local users out, so only its owner may enter it.
 */
export const DATA_DIR_MODE = 0o700;

/** Files in the data folder that hold secrets (the session secret): owner-only. */
export const SECRET_FILE_MODE = 0o600;

/**
 * Creates the data folder owner-only (0700, whatever the umask, with any missing parent
 * folders), and narrows an existing folder that others could enter — as every version
 * before this one left it.
 */
export function ensureDataDir(dataDir: string): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: DATA_DIR_MODE });
  if ((fs.statSync(dataDir).mode & 0o777) !== DATA_DIR_MODE) fs.chmodSync(dataDir, DATA_DIR_MODE);
}
