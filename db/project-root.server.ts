import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The folder holding package.json, found from this module's own file: the same answer
 * whether the module runs from its source (tsx) or compiled into build/index.js or
 * build/cli/…, and whatever the working directory.
 */
export function projectRoot(from = fileURLToPath(import.meta.url)): string {
  let folder = path.dirname(from);
  while (!fs.existsSync(path.join(folder, "package.json"))) {
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error(`no package.json above ${from}`);
    folder = parent;
  }
  return folder;
}
