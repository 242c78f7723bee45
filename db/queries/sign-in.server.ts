import { and, count, desc, eq, gt, min, sql } from "drizzle-orm";
import {
  BusyError,
  hashPassword,
  verifyPassword,
  type PasswordCheck,
} from "../accounts/password.server";
import type { Database } from "../client.server";
import { loginAttempts, users } from "../schema/accounts";
import { recordAudit } from "./audit.server";

/** Failed sign-ins allowed per account, and per address, within the window. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;

/** Why a password was not accepted: wrong, too many failures, or too many checks waiting. */
export type PasswordRefusal =
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterSeconds: number }
  | { ok: false; reason: "busy"; retryAfterSeconds: number };

export type SignInResult = { ok: true; userId: number; role: string } | PasswordRefusal;

let dummyHash: Promise<string> | undefined;
/** Unknown users are checked against a dummy hash, so both answers take as long. */
function dummy(): Promise<string> {
  dummyHash ??= hashPassword("not-a-password-of-anyone").catch((error: unknown) => {
    dummyHash = undefined;
    throw error;
  });
  return dummyHash;
}

/** Advisory-lock namespaces: accounts are always locked before addresses, so no deadlock. */
const ACCOUNT_LOCK = 1;
const ADDRESS_LOCK = 2;

async function lockedFor(
  db: Pick<Database, "select">,
  key: string,
  ip: string | null,
  now: Date,
): Promise<number> {
  const since = new Date(now.getTime() - LOCKOUT_WINDOW_MS);
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
 * Takes the attempt's place in the account's and the address's counts before the
 * password is checked: it is recorded as a failure up front (and turned into a success
 * afterwards), under a per-account and per-address lock, so parallel attempts cannot
 * all read "4 failures so far" and all be checked. Answers the attempt's id, or how
 * long the lock still holds.
 */
async function reserveAttempt(
  db: Database,
  key: string,
  ip: string | null,
  now: Date,
): Promise<{ attemptId: number } | { retryAfterSeconds: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ACCOUNT_LOCK}, hashtext(${key}))`);
    if (ip) await tx.execute(sql`select pg_advisory_xact_lock(${ADDRESS_LOCK}, hashtext(${ip}))`);
    const retryAfterSeconds = await lockedFor(tx, key, ip, now);
    if (retryAfterSeconds > 0) return { retryAfterSeconds };
    const [attempt] = await tx
      .insert(loginAttempts)
      .values({ username: key, ip, succeeded: false, at: now })
      .returning({ id: loginAttempts.id });
    if (!attempt) throw new Error("login attempt not recorded");
    return { attemptId: attempt.id };
  });
}

/**
 * Checks a password within the limits: reserves the attempt, then verifies (waiting
 * for a free password-check slot). A right password clears the reservation; a check
 * refused for lack of slots is no attempt at all and removes it.
 */
async function throttledCheck(
  db: Database,
  input: { key: string; ip: string | null; password: string; storedHash: string | undefined },
  now: Date,
): Promise<
  | { ok: true; check: PasswordCheck; attemptId: number }
  | Extract<PasswordRefusal, { retryAfterSeconds: number }>
> {
  const reservation = await reserveAttempt(db, input.key, input.ip, now);
  if ("retryAfterSeconds" in reservation)
    return { ok: false, reason: "locked", retryAfterSeconds: reservation.retryAfterSeconds };
  try {
    const check = await verifyPassword(input.password, input.storedHash ?? (await dummy()));
    return { ok: true, check, attemptId: reservation.attemptId };
  } catch (error) {
    if (!(error instanceof BusyError)) throw error;
    await db.delete(loginAttempts).where(eq(loginAttempts.id, reservation.attemptId));
    return { ok: false, reason: "busy", retryAfterSeconds: error.retryAfterSeconds };
  }
}

async function markSucceeded(db: Database, attemptId: number): Promise<void> {
  await db.update(loginAttempts).set({ succeeded: true }).where(eq(loginAttempts.id, attemptId));
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
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = ${key}`);
  const result = await throttledCheck(
    db,
    { key, ip: input.ip, password: input.password, storedHash: user?.passwordHash },
    now,
  );
  if (!result.ok) {
    if (result.reason === "locked")
      await recordAudit(db, { actorName: key, action: "auth.sign_in_locked", ip: input.ip });
    return result;
  }
  if (!user || !result.check.valid || user.disabledAt) {
    await recordAudit(db, {
      actorId: user?.id ?? null,
      actorName: key,
      action: "auth.sign_in_failed",
      ip: input.ip,
    });
    return { ok: false, reason: "invalid" };
  }
  await markSucceeded(db, result.attemptId);
  if (result.check.needsRehash) {
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

/**
 * Checks a signed-in user's current password before a change, under the same limits
 * as sign-in and counted with them: it is the same password being guessed, so a stolen
 * session gets no more tries than the sign-in form gives.
 */
export async function checkCurrentPassword(
  db: Database,
  input: { userId: number; password: string; ip: string | null },
  now = new Date(),
): Promise<{ ok: true } | PasswordRefusal> {
  const [user] = await db.select().from(users).where(eq(users.id, input.userId));
  if (!user) return { ok: false, reason: "invalid" };
  const key = user.username.toLowerCase();
  const actor = { actorId: user.id, actorName: user.username, ip: input.ip };
  const subject = { objectKind: "user", objectId: user.id };
  const result = await throttledCheck(
    db,
    { key, ip: input.ip, password: input.password, storedHash: user.passwordHash },
    now,
  );
  if (!result.ok) {
    if (result.reason === "locked")
      await recordAudit(db, { ...actor, ...subject, action: "auth.password_change_locked" });
    return result;
  }
  if (!result.check.valid) {
    await recordAudit(db, { ...actor, ...subject, action: "auth.password_change_failed" });
    return { ok: false, reason: "invalid" };
  }
  await markSucceeded(db, result.attemptId);
  return { ok: true };
}
