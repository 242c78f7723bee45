import { and, count, desc, eq, gt, min, sql } from "drizzle-orm";
import { hashPassword, verifyPassword } from "../../app/utils/password.server";
import type { Database } from "../client.server";
import { loginAttempts, users } from "../schema/accounts";
import { recordAudit } from "./audit.server";

/** Failed sign-ins allowed per account, and per address, within the window. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;

export type SignInResult =
  | { ok: true; userId: number; role: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterSeconds: number };

let dummyHash: Promise<string> | undefined;
/** Unknown users are checked against a dummy hash, so both answers take as long. */
function dummy(): Promise<string> {
  dummyHash ??= hashPassword("not-a-password-of-anyone");
  return dummyHash;
}

async function lockedFor(
  db: Database,
  username: string,
  ip: string | null,
  now: Date,
): Promise<number> {
  const since = new Date(now.getTime() - LOCKOUT_WINDOW_MS);
  const key = username.toLowerCase();
  // Failures count since the account's last success, so a good sign-in clears them.
  const [lastSuccess] = await db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.username, key), eq(loginAttempts.succeeded, true)))
    .orderBy(desc(loginAttempts.at))
    .limit(1);
  const accountSince = lastSuccess && lastSuccess.at > since ? lastSuccess.at : since;
  const windows: Array<[ReturnType<typeof and>, number]> = [
    [
      and(
        eq(loginAttempts.username, key),
        eq(loginAttempts.succeeded, false),
        gt(loginAttempts.at, accountSince),
      ),
      MAX_FAILURES_PER_ACCOUNT,
    ],
  ];
  if (ip)
    windows.push([
      and(
        eq(loginAttempts.ip, ip),
        eq(loginAttempts.succeeded, false),
        gt(loginAttempts.at, since),
      ),
      MAX_FAILURES_PER_ADDRESS,
    ]);
  let retryAfterMs = 0;
  for (const [where, limit] of windows) {
    const [row] = await db
      .select({ failures: count(), oldest: min(loginAttempts.at) })
      .from(loginAttempts)
      .where(where);
    if (row && row.failures >= limit && row.oldest) {
      retryAfterMs = Math.max(
        retryAfterMs,
        row.oldest.getTime() + LOCKOUT_WINDOW_MS - now.getTime(),
      );
    }
  }
  return Math.ceil(retryAfterMs / 1000);
}

/**
 * Checks a username and password, counting failures per account and per address.
 * Every failure gives the same answer, whether or not the user exists.
 */
export async function signIn(
  db: Database,
  input: { username: string; password: string; ip: string | null },
  now = new Date(),
): Promise<SignInResult> {
  const key = input.username.trim().toLowerCase();
  const locked = await lockedFor(db, key, input.ip, now);
  if (locked > 0) {
    await recordAudit(db, { actorName: key, action: "auth.sign_in_locked", ip: input.ip });
    return { ok: false, reason: "locked", retryAfterSeconds: locked };
  }
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = ${key}`);
  const check = await verifyPassword(input.password, user?.passwordHash ?? (await dummy()));
  const valid = Boolean(user) && check.valid && !user?.disabledAt;
  await db.insert(loginAttempts).values({ username: key, ip: input.ip, succeeded: valid, at: now });
  if (!user || !valid) {
    await recordAudit(db, {
      actorId: user?.id ?? null,
      actorName: key,
      action: "auth.sign_in_failed",
      ip: input.ip,
    });
    return { ok: false, reason: "invalid" };
  }
  if (check.needsRehash) {
    await db
      .update(users)
      .set({ passwordHash: await hashPassword(input.password) })
      .where(eq(users.id, user.id));
  }
  await recordAudit(db, {
    actorId: user.id,
    actorName: user.username,
    action: "auth.sign_in",
    ip: input.ip,
  });
  return { ok: true, userId: user.id, role: user.role };
}
