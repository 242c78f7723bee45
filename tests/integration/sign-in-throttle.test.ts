import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "../../db/client.server";
import {
  checkCurrentPassword,
  LOCKOUT_WINDOW_MS,
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ADDRESS,
  signIn,
} from "../../db/queries/sign-in.server";
import { auditEvents, loginAttempts } from "../../db/schema/index";
import type * as PasswordModule from "../../db/accounts/password.server";
import {
  PASSWORD_CHECKS_AT_ONCE,
  PASSWORD_CHECKS_QUEUED,
  passwordCheckSlots,
} from "../../db/accounts/password.server";
import { FIXTURE_PASSWORD, loadFixture, type Fixture } from "../support/fixture";
import { createTestDatabase } from "../setup/test-database";

/** Every scrypt verification the code under test starts, counted. */
const verifications = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../db/accounts/password.server", async (importOriginal) => {
  const actual = await importOriginal<typeof PasswordModule>();
  return {
    ...actual,
    verifyPassword: (...args: Parameters<typeof actual.verifyPassword>) => {
      verifications.count++;
      return actual.verifyPassword(...args);
    },
  };
});

describe("sign-in throttling under parallel attempts", () => {
  let handle: DbHandle;
  let fixture: Fixture;
  const auditCount = async (action: string, actorName: string) =>
    (
      await handle.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, action), eq(auditEvents.actorName, actorName)))
    ).length;

  beforeAll(async () => {
    handle = await createTestDatabase();
    fixture = await loadFixture(handle);
  });
  afterAll(async () => {
    await handle.close();
  });
  beforeEach(async () => {
    verifications.count = 0;
    await handle.db.execute(sql`delete from login_attempts`);
  });

  it("verifies at most 5 of 30 wrong passwords sent at once for one account", async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        signIn(handle.db, { username: "evaluator", password: `wrong-${i}`, ip: `198.51.100.${i}` }),
      ),
    );
    expect(verifications.count).toBeLessThanOrEqual(MAX_FAILURES_PER_ACCOUNT);
    const invalid = results.filter((r) => !r.ok && r.reason === "invalid").length;
    const locked = results.filter((r) => !r.ok && r.reason === "locked").length;
    expect(invalid).toBe(verifications.count);
    expect(invalid + locked).toBe(30);
    expect(await auditCount("auth.sign_in_failed", "evaluator")).toBe(invalid);
    expect(await auditCount("auth.sign_in_locked", "evaluator")).toBeGreaterThanOrEqual(25);

    // The right password is refused, unchecked, until the window has passed.
    const before = verifications.count;
    const right = await signIn(handle.db, {
      username: "evaluator",
      password: FIXTURE_PASSWORD,
      ip: "198.51.100.200",
    });
    expect(right).toMatchObject({ ok: false, reason: "locked" });
    expect(verifications.count).toBe(before);
    const later = new Date(Date.now() + LOCKOUT_WINDOW_MS + 1000);
    expect(
      await signIn(
        handle.db,
        { username: "evaluator", password: FIXTURE_PASSWORD, ip: "198.51.100.200" },
        later,
      ),
    ).toMatchObject({ ok: true, userId: fixture.users.evaluator });
  });

  it("verifies at most 20 of 30 wrong passwords sent at once from one address", async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        signIn(handle.db, { username: `someone-${i}`, password: "wrong", ip: "203.0.113.50" }),
      ),
    );
    expect(verifications.count).toBeLessThanOrEqual(MAX_FAILURES_PER_ADDRESS);
    expect(results.filter((r) => !r.ok && r.reason === "locked").length).toBeGreaterThanOrEqual(10);
  });

  it("counts a success as no failure: the reservation is cleared", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++)
      await signIn(handle.db, { username: "leader", password: "wrong", ip: "192.0.2.9" });
    expect(
      await signIn(handle.db, { username: "leader", password: FIXTURE_PASSWORD, ip: "192.0.2.9" }),
    ).toMatchObject({ ok: true });
    // Four more failures after the success do not lock: the earlier ones were cleared.
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++)
      await signIn(handle.db, { username: "leader", password: "wrong", ip: "192.0.2.9" });
    expect(
      await signIn(handle.db, { username: "leader", password: FIXTURE_PASSWORD, ip: "192.0.2.9" }),
    ).toMatchObject({ ok: true });
  });

  it("answers 'busy' without counting a failure when too many checks are waiting", async () => {
    let release!: () => void;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    const holders = Array.from({ length: PASSWORD_CHECKS_AT_ONCE + PASSWORD_CHECKS_QUEUED }, () =>
      passwordCheckSlots().run(() => blocked),
    );
    const busy = await signIn(handle.db, {
      username: "admin",
      password: FIXTURE_PASSWORD,
      ip: "192.0.2.10",
    });
    expect(busy).toMatchObject({ ok: false, reason: "busy" });
    if (!busy.ok && busy.reason === "busy") expect(busy.retryAfterSeconds).toBeGreaterThan(0);
    expect(
      await handle.db.select().from(loginAttempts).where(eq(loginAttempts.username, "admin")),
    ).toEqual([]);
    release();
    await Promise.all(holders);
    expect(
      await signIn(handle.db, { username: "admin", password: FIXTURE_PASSWORD, ip: "192.0.2.10" }),
    ).toMatchObject({ ok: true });
  });

  it("counts wrong current passwords on a password change, and locks after the same limit", async () => {
    const attempt = (password: string, now?: Date) =>
      checkCurrentPassword(
        handle.db,
        { userId: fixture.users.steward, password, ip: "192.0.2.11" },
        now,
      );
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => attempt(`wrong-${i}`)));
    expect(verifications.count).toBeLessThanOrEqual(MAX_FAILURES_PER_ACCOUNT);
    expect(results.filter((r) => !r.ok && r.reason === "invalid").length).toBe(verifications.count);
    expect(await auditCount("auth.password_change_failed", "steward")).toBe(verifications.count);
    expect(await attempt(FIXTURE_PASSWORD)).toMatchObject({ ok: false, reason: "locked" });
    // The same account cannot sign in elsewhere either: it is the same password being guessed.
    expect(
      await signIn(handle.db, {
        username: "steward",
        password: FIXTURE_PASSWORD,
        ip: "192.0.2.12",
      }),
    ).toMatchObject({ ok: false, reason: "locked" });
    expect(
      await attempt(FIXTURE_PASSWORD, new Date(Date.now() + LOCKOUT_WINDOW_MS + 1000)),
    ).toEqual({ ok: true });
  });
});
