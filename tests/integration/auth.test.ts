import crypto from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.server";
import { auditEvents, sessions, users } from "../../db/schema/index";
import { revokeUserSessions } from "../../db/queries/sessions.server";
import { hashPassword } from "../../db/accounts/password.server";
import { createAppHandler, TestClient } from "../support/app-client";
import { FIXTURE_PASSWORD, loadFixture, type Fixture } from "../support/fixture";
import { createTestDatabase } from "../setup/test-database";

type Handler = (request: Request) => Promise<Response>;

describe("accounts and the security baseline", () => {
  let handle: DbHandle;
  let fixture: Fixture;
  let handler: Handler;
  let nextIp = 1;
  /** Each test gets a browser of its own, from an address of its own. */
  const browser = () => new TestClient(handler, `192.0.2.${nextIp++}`);
  const actions = async (action: string) =>
    handle.db.select().from(auditEvents).where(eq(auditEvents.action, action));

  beforeAll(async () => {
    handle = await createTestDatabase();
    fixture = await loadFixture(handle);
    handler = await createAppHandler(handle);
  });
  afterAll(async () => {
    await handle.close();
  });

  it("signs in with username and password into a signed, httpOnly, SameSite=Lax cookie", async () => {
    const client = browser();
    const response = await client.signIn("leader", FIXTURE_PASSWORD);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/dashboard");
    const cookie = client.lastSetCookies.find((line) => line.startsWith("mingjing_session="));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/i);
    // Signed: the value carries an HMAC, so a made-up session id is refused.
    expect(cookie?.split(";")[0]?.split("=")[1]).toMatch(/\./);
    expect((await client.get("/dashboard")).status).toBe(200);
    const forged = browser();
    forged.cookies.set(
      "mingjing_session",
      client.cookies.get("mingjing_session")!.replace(/.$/, "x"),
    );
    expect((await forged.get("/dashboard")).status).toBe(302);
  });

  it("uses a __Host- prefixed, Secure cookie over HTTPS", async () => {
    const client = browser();
    const token = await client.csrfToken();
    // The same browser on the https origin: its CSRF cookie was set over http, so over
    // https (another cookie name) the token is missing.
    const switched = new TestClient(handler, client.ip, "https://mingjing.test");
    for (const [name, value] of client.cookies) switched.cookies.set(name, value);
    const response = await switched.post(
      "/login",
      { username: "leader", password: FIXTURE_PASSWORD },
      { csrf: token },
    );
    expect(response.status).toBe(403);
    const https = new TestClient(handler, "192.0.2.200", "https://mingjing.test");
    await https.csrfToken();
    expect(
      https.lastSetCookies.some(
        (line) => line.startsWith("__Host-mingjing_csrf=") && /Secure/i.test(line),
      ),
    ).toBe(true);
    const signedIn = await https.signIn("leader", FIXTURE_PASSWORD);
    expect(signedIn.status).toBe(302);
    const cookie = https.lastSetCookies.find((line) => line.startsWith("__Host-mingjing_session="));
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
  });

  it("ignores forwarded headers a client sends: the server decides scheme and host", async () => {
    const client = browser();
    await client.request("/login", { headers: { "x-forwarded-proto": "https" } });
    expect(client.lastSetCookies.some((line) => /Secure|__Host-/i.test(line))).toBe(false);
    const token = await client.csrfToken();
    const forged = await client.request("/login", {
      method: "POST",
      body: new URLSearchParams({ username: "leader", password: FIXTURE_PASSWORD, csrf: token }),
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "x-forwarded-host": "evil.example",
        Origin: "http://evil.example",
      },
    });
    expect(forged.status).toBe(403);
  });

  it("sends the browser only to a page on this site after sign-in, whatever redirectTo says", async () => {
    const crafted = [
      "%2F%09%2Fevil.example", // browsers drop the tab: "//evil.example"
      "%2F%0A%2Fevil.example",
      "%2F%0D%0ASet-Cookie%3A%20x%3D1",
      "%2F%5Cevil.example",
      "%5C%5Cevil.example",
      "%2F%2Fevil.example",
      "%2F.%2F%2Fevil.example",
      "https%3A%2F%2Fevil.example%2F",
      "javascript%3Aalert(1)",
    ];
    const client = browser();
    for (const value of crafted) {
      const response = await client.post("/login", {
        username: "leader",
        password: FIXTURE_PASSWORD,
        redirectTo: decodeURIComponent(value),
      });
      expect(response.status, value).toBe(302);
      expect(response.headers.get("Location"), value).toBe("/dashboard");
    }
    // Signed in, the sign-in page sends the browser on at once: to the same place.
    for (const value of crafted) {
      const response = await client.get(`/login?redirectTo=${value}`);
      expect(response.status, value).toBe(302);
      expect(response.headers.get("Location"), value).toBe("/dashboard");
    }
    const onSite = await client.get("/login?redirectTo=%2Fevaluation%3Fround%3D1");
    expect(onSite.headers.get("Location")).toBe("/evaluation?round=1");
  });

  it("rotates the session id on sign-in and revokes the old one", async () => {
    const client = browser();
    await client.signIn("leader", FIXTURE_PASSWORD);
    const first = client.cookies.get("mingjing_session")!;
    await client.signIn("admin", FIXTURE_PASSWORD);
    const second = client.cookies.get("mingjing_session")!;
    expect(second).not.toBe(first);
    const stale = browser();
    stale.cookies.set("mingjing_session", first);
    expect((await stale.get("/dashboard")).status).toBe(302);
  });

  it("ends a session after inactivity, and 12 hours after sign-in whatever happens", async () => {
    const idle = browser();
    await idle.signIn("leader", FIXTURE_PASSWORD);
    expect((await idle.get("/dashboard")).status).toBe(200);
    await handle.db
      .update(sessions)
      .set({
        createdAt: sql`now() - interval '31 minutes'`,
        expiresAt: sql`now() - interval '1 second'`,
      })
      .where(eq(sessions.userId, fixture.users.leader));
    expect((await idle.get("/dashboard")).status).toBe(302);

    const long = browser();
    await long.signIn("steward", FIXTURE_PASSWORD);
    await handle.db
      .update(sessions)
      .set({ createdAt: sql`now() - interval '13 hours'`, lastSeenAt: sql`now()` })
      .where(eq(sessions.userId, fixture.users.steward));
    expect((await long.get("/dashboard")).status).toBe(302);
  });

  it("revokes on the server: a disabled user's sessions end at once", async () => {
    const client = browser();
    await client.signIn("evaluator2", FIXTURE_PASSWORD);
    expect((await client.get("/evaluation")).status).toBe(200);
    await handle.db
      .update(users)
      .set({ disabledAt: new Date() })
      .where(eq(users.id, fixture.users.evaluator2));
    await revokeUserSessions(handle.db, fixture.users.evaluator2);
    expect((await client.get("/evaluation")).status).toBe(302);
    const again = await browser().signIn("evaluator2", FIXTURE_PASSWORD);
    expect(again.status).toBe(400);
    await handle.db
      .update(users)
      .set({ disabledAt: null })
      .where(eq(users.id, fixture.users.evaluator2));
  });

  it("refuses a token that belongs to another browser", async () => {
    const alice = browser();
    const mallory = browser();
    await alice.signIn("leader", FIXTURE_PASSWORD);
    const malloryToken = await mallory.csrfToken();
    const response = await alice.post("/logout", {}, { csrf: malloryToken });
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/security token does not match/);
  });

  it("answers a wrong password and an unknown user alike: same status, same words, similar time", async () => {
    const timed = async (username: string) => {
      const client = browser();
      const token = await client.csrfToken();
      const started = performance.now();
      const response = await client.post(
        "/login",
        { username, password: "wrong-password-123" },
        { csrf: token },
      );
      const elapsed = performance.now() - started;
      const html = await response.text();
      const alert = /role="alert"[\s\S]*?<\/ul>/.exec(html)?.[0];
      return { status: response.status, alert, elapsed };
    };
    const known = [await timed("admin"), await timed("admin"), await timed("admin")];
    const unknown = [await timed("nobody-1"), await timed("nobody-2"), await timed("nobody-3")];
    expect(unknown[0]?.status).toBe(known[0]?.status);
    expect(unknown[0]?.alert).toBe(known[0]?.alert);
    expect(known[0]?.alert).toContain("用户名或密码不正确");
    const median = (runs: Array<{ elapsed: number }>) =>
      runs.map((run) => run.elapsed).sort((a, b) => a - b)[1] ?? 0;
    // Both run one scrypt verification (the unknown user against a dummy hash).
    expect(median(unknown) / median(known)).toBeGreaterThan(0.5);
    expect(median(unknown) / median(known)).toBeLessThan(2);
    await handle.db.execute(sql`delete from login_attempts`);
  });

  it("locks an account after 5 failed sign-ins, with a clear message, even for the right password", async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await browser().signIn("evaluator", "wrong-password-123")).status).toBe(400);
    }
    const locked = await browser().signIn("evaluator", FIXTURE_PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await locked.text()).toContain("登录失败次数过多，请 15 分钟后再试");
    // The window passes: the account opens again.
    await handle.db.execute(sql`update login_attempts set at = at - interval '16 minutes'`);
    expect((await browser().signIn("evaluator", FIXTURE_PASSWORD)).status).toBe(302);
    expect((await actions("auth.sign_in_locked")).length).toBeGreaterThan(0);
  });

  it("locks an address after 20 failed sign-ins across accounts", async () => {
    const client = new TestClient(handler, "198.18.0.1");
    for (let attempt = 0; attempt < 20; attempt++) {
      expect((await client.signIn(`someone-${attempt}`, "wrong-password-123")).status).toBe(400);
    }
    expect((await client.signIn("leader", FIXTURE_PASSWORD)).status).toBe(429);
    expect(
      (await new TestClient(handler, "198.18.0.2").signIn("leader", FIXTURE_PASSWORD)).status,
    ).toBe(302);
  });

  it("checks at most 5 passwords of 30 sent at once for one account; the rest, and then the right one, are locked", async () => {
    await handle.db.insert(users).values({
      username: "parallel",
      displayName: "Parallel",
      role: "leader",
      passwordHash: await hashPassword(FIXTURE_PASSWORD),
    });
    const clients = Array.from({ length: 30 }, () => browser());
    const tokens = await Promise.all(clients.map((client) => client.csrfToken()));
    const responses = await Promise.all(
      clients.map((client, i) =>
        client.post(
          "/login",
          { username: "parallel", password: `wrong-password-${i}` },
          { csrf: tokens[i] },
        ),
      ),
    );
    const statuses = responses.map((response) => response.status);
    const checked = statuses.filter((status) => status === 400).length;
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(5);
    expect(statuses.filter((status) => status === 429).length).toBe(30 - checked);
    // One audited failure per password actually checked.
    const failures = (await actions("auth.sign_in_failed")).filter(
      (event) => event.actorName === "parallel",
    );
    expect(failures.length).toBe(checked);
    expect((await browser().signIn("parallel", FIXTURE_PASSWORD)).status).toBe(429);
    await handle.db.execute(
      sql`update login_attempts set at = at - interval '16 minutes' where username = 'parallel'`,
    );
    expect((await browser().signIn("parallel", FIXTURE_PASSWORD)).status).toBe(302);
  });

  it("counts wrong current passwords on /account/password, audits them, and locks after 5", async () => {
    await handle.db.insert(users).values({
      username: "changer",
      displayName: "Changer",
      role: "leader",
      passwordHash: await hashPassword(FIXTURE_PASSWORD),
    });
    const client = browser();
    expect((await client.signIn("changer", FIXTURE_PASSWORD)).status).toBe(302);
    const change = (currentPassword: string) =>
      client.post("/account/password", {
        currentPassword,
        newPassword: "a-brand-new-password",
        confirmPassword: "a-brand-new-password",
      });
    for (let attempt = 0; attempt < 5; attempt++)
      expect((await change(`not-my-password-${attempt}`)).status).toBe(400);
    const locked = await change("not-my-password-5");
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await locked.text()).toContain("当前密码错误次数过多，请 15 分钟后再试");
    expect((await change(FIXTURE_PASSWORD)).status).toBe(429);
    const failures = (await actions("auth.password_change_failed")).filter(
      (event) => event.actorName === "changer",
    );
    expect(failures.length).toBe(5);
    await handle.db.execute(
      sql`update login_attempts set at = at - interval '16 minutes' where username = 'changer'`,
    );
    expect((await change(FIXTURE_PASSWORD)).status).toBe(200);
  });

  it("upgrades a weaker password hash on sign-in", async () => {
    const salt = crypto.randomBytes(16);
    const weak = crypto.scryptSync(FIXTURE_PASSWORD, salt, 32, { N: 2 ** 14, r: 8, p: 1 });
    const legacy = [
      "scrypt",
      2 ** 14,
      8,
      1,
      salt.toString("base64url"),
      weak.toString("base64url"),
    ].join("$");
    await handle.db
      .update(users)
      .set({ passwordHash: legacy })
      .where(eq(users.id, fixture.users.steward));
    expect((await browser().signIn("steward", FIXTURE_PASSWORD)).status).toBe(302);
    const [steward] = await handle.db
      .select()
      .from(users)
      .where(eq(users.id, fixture.users.steward));
    expect(steward?.passwordHash.split("$")[1]).toBe(String(2 ** 17));
  });

  it("changes a password: checks the current one, signs out the other sessions", async () => {
    const here = browser();
    const elsewhere = browser();
    await here.signIn("leader", FIXTURE_PASSWORD);
    await elsewhere.signIn("leader", FIXTURE_PASSWORD);
    const wrong = await here.post("/account/password", {
      currentPassword: "not-my-password",
      newPassword: "a-brand-new-password",
      confirmPassword: "a-brand-new-password",
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("当前密码不正确");
    const changed = await here.post("/account/password", {
      currentPassword: FIXTURE_PASSWORD,
      newPassword: "a-brand-new-password",
      confirmPassword: "a-brand-new-password",
    });
    expect(changed.status).toBe(200);
    expect((await here.get("/dashboard")).status).toBe(200);
    expect((await elsewhere.get("/dashboard")).status).toBe(302);
    expect((await browser().signIn("leader", "a-brand-new-password")).status).toBe(302);
    const changes = await actions("auth.password_change");
    expect(changes.filter((event) => event.actorName === "leader").length).toBe(1);
  });

  it("signs out with a POST, ending the session on the server", async () => {
    const client = browser();
    await client.signIn("admin", FIXTURE_PASSWORD);
    const session = client.cookies.get("mingjing_session")!;
    const response = await client.post("/logout", {});
    expect(response.status).toBe(302);
    expect(client.cookies.has("mingjing_session")).toBe(false);
    const replay = browser();
    replay.cookies.set("mingjing_session", session);
    expect((await replay.get("/admin/users")).status).toBe(302);
  });

  it("records sign-in, failure and sign-out as audit events", async () => {
    const signIns = await actions("auth.sign_in");
    const failures = await actions("auth.sign_in_failed");
    const signOuts = await actions("auth.sign_out");
    expect(
      signIns.some((event) => event.actorName === "admin" && event.ip?.startsWith("192.0.2.")),
    ).toBe(true);
    expect(failures.some((event) => event.actorName === "nobody-1" && event.actorId === null)).toBe(
      true,
    );
    expect(
      failures.some(
        (event) => event.actorName === "admin" && event.actorId === fixture.users.admin,
      ),
    ).toBe(true);
    expect(signOuts.some((event) => event.actorName === "admin")).toBe(true);
  });

  it("sends security headers: CSP with a per-request nonce and no inline scripts", async () => {
    const first = await browser().get("/");
    const second = await browser().get("/");
    const policy = first.headers.get("Content-Security-Policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeDefined();
    expect(second.headers.get("Content-Security-Policy")).not.toBe(policy);
    const scriptSrc =
      policy.split(";").find((directive) => directive.trim().startsWith("script-src")) ?? "";
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(first.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(first.headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    expect(first.headers.get("X-Frame-Options")).toBe("DENY");
  });
});
