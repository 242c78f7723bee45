import crypto from "node:crypto";
import { and, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "../client.server";
import { sessions, userDepartments, users } from "../schema/accounts";
import { departments } from "../schema/organisation";
import type { Role } from "../schema/enums";

/** A session ends after this long without a request… */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
/** …and in any case this long after sign-in. */
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** A session's expiry moves on at most once a minute, not on every request. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** Codes of the departments a steward looks after (empty for the other roles). */
  departmentCodes: string[];
  departmentIds: number[];
  sessionId: string;
}

export async function createSession(
  db: Database,
  userId: number,
  meta: { ip: string | null; userAgent: string | null },
  now = new Date(),
): Promise<string> {
  const id = crypto.randomBytes(32).toString("base64url");
  await db.insert(sessions).values({
    id,
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + IDLE_TIMEOUT_MS),
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 500) ?? null,
  });
  return id;
}

/** The user behind a live session, or null when it is unknown, expired, revoked or disabled. */
export async function findSessionUser(
  db: Database,
  sessionId: string,
  now = new Date(),
): Promise<SessionUser | null> {
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      // The user's departments in the same statement: every signed-in request asks.
      departmentIds: sql<
        number[]
      >`coalesce((select array_agg(ud.department_id order by ud.department_id) from ${userDepartments} ud where ud.user_id = ${users.id}), '{}')`,
      departmentCodes: sql<
        string[]
      >`coalesce((select array_agg(d.code) from ${userDepartments} ud join ${departments} d on d.id = ud.department_id where ud.user_id = ${users.id}), '{}')`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sessionId),
        isNull(sessions.revokedAt),
        isNull(users.disabledAt),
        gt(sessions.expiresAt, now),
      ),
    );
  if (!row) return null;
  if (now.getTime() - row.createdAt.getTime() > ABSOLUTE_TIMEOUT_MS) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + IDLE_TIMEOUT_MS) })
      .where(eq(sessions.id, sessionId));
  }
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    departmentCodes: [...row.departmentCodes].sort(),
    departmentIds: row.departmentIds.map(Number),
    sessionId,
  };
}

export async function revokeSession(
  db: Database,
  sessionId: string,
  now = new Date(),
): Promise<void> {
  await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user (disabled, password changed), except `keep` if given. */
export async function revokeUserSessions(
  db: Pick<Database, "update">,
  userId: number,
  keep?: string,
  now = new Date(),
): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        keep ? sql`${sessions.id} <> ${keep}` : undefined,
      ),
    );
}

/** Housekeeping: drops sessions that ended more than a day ago. */
export async function purgeEndedSessions(db: Database, now = new Date()): Promise<void> {
  const dayAgo = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, dayAgo), lt(sessions.revokedAt, dayAgo)));
}
