import type { Database } from "../client.server";
import { auditEvents } from "../schema/imports";

export interface AuditEntry {
  actorId?: number | null;
  actorName?: string | null;
  /** Dotted lower-case verb, e.g. "user.create", "auth.sign_in_failed". */
  action: string;
  objectKind?: string;
  objectId?: string | number;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

/** Appends one audit event; there is no update or delete (the database refuses both). */
export async function recordAudit(db: Pick<Database, "insert">, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    actorId: entry.actorId ?? null,
    actorName: entry.actorName ?? null,
    action: entry.action,
    objectKind: entry.objectKind ?? null,
    objectId: entry.objectId === undefined ? null : String(entry.objectId),
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: entry.ip ?? null,
  });
}
