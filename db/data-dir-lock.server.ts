import fs from "node:fs";
import path from "node:path";

/**
 * PGlite lets one process at a time open a folder; a second one's writes are lost
 * without an error. A lock file holding the owner's process id makes the second
 * process refuse instead. A lock whose process is gone is stale and is taken over.
 */
export interface DataDirLock {
  file: string;
  release(): void;
}

export class DatabaseLockedError extends Error {}

interface LockContent {
  pid: number;
  owner: string;
  since: string;
}

export function lockFile(dataDir: string): string {
  return path.join(dataDir, "mingjing.lock");
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(file: string): LockContent | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as LockContent;
  } catch {
    return undefined;
  }
}

export function acquireDataDirLock(dataDir: string, owner: string): DataDirLock {
  const file = lockFile(dataDir);
  const content: LockContent = { pid: process.pid, owner, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(content), { flag: "wx" });
      return { file, release: () => releaseIfOurs(file) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readLock(file);
      if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new DatabaseLockedError(
          `The embedded database in ${dataDir} is open by ${holder.owner} (process ${holder.pid}, since ${holder.since}). ` +
            `Stop that process first, or set DATABASE_URL to use a PostgreSQL server that many processes can share.`,
        );
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new DatabaseLockedError(
    `Could not take the lock ${file}: another process keeps taking it.`,
  );
}

function releaseIfOurs(file: string): void {
  if (readLock(file)?.pid === process.pid) fs.rmSync(file, { force: true });
}
