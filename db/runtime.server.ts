import type { Database, DbHandle } from "./client.server";
import { singleton } from "./singleton.server";

/** The process's one open database, and how far the server's start has got. */
interface Runtime {
  handle?: DbHandle;
  phase: "starting" | "migrating" | "seeding" | "ready" | "failed";
  error?: string;
}

const runtime = (): Runtime => singleton<Runtime>("runtime", () => ({ phase: "starting" }));

export function setDatabase(handle: DbHandle | undefined): void {
  runtime().handle = handle;
}

export function setPhase(phase: Runtime["phase"], error?: string): void {
  runtime().phase = phase;
  runtime().error = error;
}

export function getPhase(): Pick<Runtime, "phase" | "error"> {
  const { phase, error } = runtime();
  return { phase, error };
}

export function getHandle(): DbHandle {
  const handle = runtime().handle;
  if (!handle) throw new Error("The database is not open yet.");
  return handle;
}

export function getDb(): Database {
  return getHandle().db;
}
