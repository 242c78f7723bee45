import type { Database, DbHandle } from "./client.server";

/**
 * The process's one open database. The server opens it before Remix's bundle loads,
 * and the bundle carries its own copy of this module, so the handle lives on
 * globalThis where both copies find it.
 */
interface Runtime {
  handle?: DbHandle;
  phase: "starting" | "migrating" | "seeding" | "ready" | "failed";
  error?: string;
}

const KEY = Symbol.for("mingjing.runtime");
type GlobalWithRuntime = typeof globalThis & { [KEY]?: Runtime };

function runtime(): Runtime {
  const holder = globalThis as GlobalWithRuntime;
  holder[KEY] ??= { phase: "starting" };
  return holder[KEY];
}

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
