import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DatabaseLockedError, acquireDataDirLock, lockFile } from "./data-dir-lock.server";

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mingjing-lock-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** The pid of a process that has certainly exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
  return Number(child.stdout.toString());
}

describe("data folder lock", () => {
  it("writes the owner's pid and removes the file on release", () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir, "test");
    expect(JSON.parse(fs.readFileSync(lockFile(dir), "utf8"))).toMatchObject({
      pid: process.pid,
      owner: "test",
    });
    lock.release();
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  });

  it("refuses while a live process holds the folder, naming it", () => {
    const dir = tempDir();
    fs.writeFileSync(
      lockFile(dir),
      JSON.stringify({ pid: process.ppid, owner: "the Mingjing server", since: "now" }),
    );
    expect(() => acquireDataDirLock(dir, "import")).toThrow(DatabaseLockedError);
    expect(() => acquireDataDirLock(dir, "import")).toThrow(
      /open by the Mingjing server \(process \d+/,
    );
    expect(JSON.parse(fs.readFileSync(lockFile(dir), "utf8")).pid).toBe(process.ppid);
  });

  it("takes over a stale lock whose process is gone", () => {
    const dir = tempDir();
    fs.writeFileSync(
      lockFile(dir),
      JSON.stringify({ pid: deadPid(), owner: "crashed", since: "then" }),
    );
    const lock = acquireDataDirLock(dir, "import");
    expect(JSON.parse(fs.readFileSync(lockFile(dir), "utf8")).pid).toBe(process.pid);
    lock.release();
  });

  it("takes over an unreadable lock file", () => {
    const dir = tempDir();
    fs.writeFileSync(lockFile(dir), "not json");
    acquireDataDirLock(dir, "import").release();
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  });
});
