import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "./client.server";
import { ensureDataDir } from "./data-dir.server";

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe("the data folder", () => {
  let root: string;
  let previousUmask: number;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "mingjing-data-dir-"));
    // The usual umask: without care, folders come out 0755 and files 0644.
    previousUmask = process.umask(0o022);
  });
  afterEach(() => {
    process.umask(previousUmask);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("is created 0700, parents included", () => {
    const dir = path.join(root, "a", "data");
    ensureDataDir(dir);
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(path.join(root, "a"))).toBe(0o700);
  });

  it("is narrowed to 0700 when it already exists more open", () => {
    const dir = path.join(root, "data");
    fs.mkdirSync(dir, { mode: 0o755 });
    ensureDataDir(dir);
    expect(modeOf(dir)).toBe(0o700);
  });

  it("is created 0700 when the embedded database opens it", async () => {
    const dir = path.join(root, "data");
    const handle = await openDatabase({ dataDir: dir, owner: "the data folder test" });
    try {
      expect(modeOf(dir)).toBe(0o700);
    } finally {
      await handle.close();
    }
  });
});
