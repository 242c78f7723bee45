import { z } from "zod";
import { revertImport, type RevertResult } from "../../db/import/revert-import.server";
import type { ImportError } from "../../db/import/run-import.server";
import { findImportBatch, listImportBatches } from "../../db/queries/import-batches.server";
import { getDb } from "../../db/runtime.server";
import { getSettings } from "../../db/settings.server";
import { MAX_BIGSERIAL_ID, requireIdParam } from "../utils/id-param.server";
import { departmentScope, notFound, type SessionUser } from "../utils/permissions.server";

/**
 * The import batch of the URL, if the user may see it: admins every one, a steward its
 * departments' batches and the ones it made itself. Anything else is "not found".
 */
export async function requireVisibleBatch(user: SessionUser, id: string | undefined) {
  const batch = await findImportBatch(getDb(), requireIdParam(id, MAX_BIGSERIAL_ID));
  const visible =
    batch &&
    (user.role === "admin" ||
      batch.userId === user.id ||
      (batch.departmentId !== null && user.departmentIds.includes(batch.departmentId)));
  if (!batch || !visible) throw notFound();
  return batch;
}

const storedErrors = z.array(
  z.object({
    file: z.string(),
    line: z.number(),
    column: z.string(),
    value: z.string(),
    reason: z.string(),
  }),
);

/** The error report a batch keeps (the engine stores up to its first 1,000 errors). */
export function batchErrors(errorReport: unknown): ImportError[] {
  const parsed = storedErrors.safeParse(errorReport ?? []);
  return parsed.success ? parsed.data : [];
}

export const ERROR_CSV_HEADER = ["file", "line", "column", "value", "reason"] as const;

export function errorRows(errors: readonly ImportError[]) {
  return errors.map((error) => [error.file, error.line, error.column, error.value, error.reason]);
}

/** `appeals 2025.csv` → `appeals 2025-errors.csv`. */
export function errorFileName(fileName: string): string {
  return `${fileName.replace(/\.[^.]*$/, "")}-errors.csv`;
}

/** Reverts a batch the user may see (the engine checks it is committed and audits it). */
export function revertBatch(
  batchId: number,
  user: SessionUser,
  ip: string | null,
): Promise<RevertResult> {
  return revertImport(
    getDb(),
    batchId,
    { id: user.id, name: user.username, ip },
    getSettings().timeZone,
  );
}

/**
 * The import list: the batches of the user's departments (admins: all), plus the ones the
 * user made itself. The engine files a steward's batch under a department only when the
 * steward looks after exactly one, so a steward of two would not find its own otherwise.
 */
export function listVisibleBatches(user: SessionUser) {
  return listImportBatches(
    getDb(),
    departmentScope(user),
    user.role === "admin" ? undefined : user.id,
  );
}
