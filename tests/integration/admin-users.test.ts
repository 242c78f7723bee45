/**
 * User administration against a real database: creating accounts with departments,
 * role changes, disabling and enabling, password resets, and the audit events each
 * writes in the same transaction. An admin can never lock themself out.
 */
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../../db/accounts/password.server";
import type { DbHandle } from "../../db/client.server";
import {
  changeUserAccess,
  createUserWithDepartments,
  getUserForAdmin,
  listUsers,
  resetUserPassword,
  setUserDisabled,
  type AdminActor,
} from "../../db/queries/users.server";
import { listDepartmentOptions } from "../../db/queries/departments.server";
import { createSession, findSessionUser } from "../../db/queries/sessions.server";
import { auditEvents, departments, users } from "../../db/schema/index";
import { createTestDatabase } from "../setup/test-database";

const PASSWORD = "correct horse battery";

let handle: DbHandle;
let admin: AdminActor & { id: number };
const departmentIds: Record<string, number> = {};

async function eventsFor(userId: number, action: string) {
  return handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.objectId, String(userId)), eq(auditEvents.action, action)))
    .orderBy(asc(auditEvents.id));
}

async function create(
  username: string,
  role: "admin" | "leader" | "steward" | "evaluator",
  codes: string[] = [],
) {
  const result = await createUserWithDepartments(
    handle.db,
    {
      username,
      displayName: `${username} display`,
      role,
      password: PASSWORD,
      departmentIds: codes.map((code) => departmentIds[code] ?? -1),
    },
    admin,
  );
  if (!result.ok) throw new Error(`could not create ${username}: ${result.reason}`);
  return result.userId;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const rows = await handle.db
    .insert(departments)
    .values([
      { code: "T-FIN", name: "测试财政局" },
      { code: "T-EDU", name: "测试教育局" },
      { code: "T-HEA", name: "测试卫健委" },
    ])
    .returning({ id: departments.id, code: departments.code });
  for (const row of rows) departmentIds[row.code] = row.id;
  const [root] = await handle.db
    .insert(users)
    .values({ username: "root-admin", displayName: "Root", role: "admin", passwordHash: "x" })
    .returning({ id: users.id });
  admin = { id: root?.id ?? -1, name: "root-admin", ip: "192.0.2.10" };
});

afterAll(async () => {
  await handle.close();
});

describe("creating users", () => {
  it("creates a steward with departments and records them in user.create", async () => {
    const id = await create("steward-a", "steward", ["T-HEA", "T-FIN"]);
    const user = await getUserForAdmin(handle.db, id);
    expect(user).toMatchObject({ username: "steward-a", role: "steward", disabledAt: null });
    expect(user?.departments.map((d) => d.code)).toEqual(["T-FIN", "T-HEA"]);

    const [event] = await eventsFor(id, "user.create");
    expect(event).toMatchObject({
      actorId: admin.id,
      actorName: "root-admin",
      objectKind: "user",
      ip: "192.0.2.10",
      after: {
        username: "steward-a",
        displayName: "steward-a display",
        role: "steward",
        departments: ["T-FIN", "T-HEA"],
      },
    });
    expect(JSON.stringify(event?.after)).not.toContain(PASSWORD);

    // The steward's session sees exactly those departments.
    const session = await createSession(handle.db, id, { ip: null, userAgent: null });
    const viewer = await findSessionUser(handle.db, session);
    expect(viewer?.departmentCodes).toEqual(["T-FIN", "T-HEA"]);

    const listed = (await listUsers(handle.db)).find((row) => row.id === id);
    expect(listed?.departments.map((d) => d.code)).toEqual(["T-FIN", "T-HEA"]);
    expect(listed).not.toHaveProperty("passwordHash");
  });

  it("requires at least one department for a steward", async () => {
    const result = await createUserWithDepartments(
      handle.db,
      {
        username: "steward-none",
        displayName: "S",
        role: "steward",
        password: PASSWORD,
        departmentIds: [],
      },
      admin,
    );
    expect(result).toEqual({ ok: false, reason: "department_required" });
    expect(await handle.db.select().from(users).where(eq(users.username, "steward-none"))).toEqual(
      [],
    );
  });

  it("refuses an unknown department and stores nothing", async () => {
    const result = await createUserWithDepartments(
      handle.db,
      {
        username: "steward-ghost",
        displayName: "S",
        role: "steward",
        password: PASSWORD,
        departmentIds: [departmentIds["T-FIN"] ?? -1, 999_999],
      },
      admin,
    );
    expect(result).toEqual({ ok: false, reason: "unknown_department" });
    expect(await handle.db.select().from(users).where(eq(users.username, "steward-ghost"))).toEqual(
      [],
    );
  });

  it("gives no departments to the other roles", async () => {
    const id = await create("leader-a", "leader", ["T-FIN"]);
    expect((await getUserForAdmin(handle.db, id))?.departments).toEqual([]);
    const [event] = await eventsFor(id, "user.create");
    expect(event?.after).toMatchObject({ role: "leader", departments: [] });
  });

  it("refuses a username that differs only in case", async () => {
    await create("Alice", "evaluator");
    const before = await handle.db.select().from(auditEvents);
    for (const username of ["alice", "ALICE", "  aLiCe "]) {
      const result = await createUserWithDepartments(
        handle.db,
        { username, displayName: "Another", role: "leader", password: PASSWORD, departmentIds: [] },
        admin,
      );
      expect(result).toEqual({ ok: false, reason: "username_taken" });
    }
    const alices = (await listUsers(handle.db)).filter((u) => u.username.toLowerCase() === "alice");
    expect(alices).toHaveLength(1);
    expect(await handle.db.select().from(auditEvents)).toHaveLength(before.length);
  });

  it("lets only one of two simultaneous creations of a name through", async () => {
    const attempt = (username: string) =>
      createUserWithDepartments(
        handle.db,
        { username, displayName: "Race", role: "leader", password: PASSWORD, departmentIds: [] },
        admin,
      );
    const results = await Promise.all([attempt("Racer"), attempt("racer")]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([
      { ok: false, reason: "username_taken" },
    ]);
  });
});

describe("changing a role", () => {
  it("records user.role_change with before and after", async () => {
    const id = await create("steward-b", "steward", ["T-EDU"]);
    const result = await changeUserAccess(
      handle.db,
      {
        userId: id,
        role: "steward",
        departmentIds: [departmentIds["T-FIN"] ?? -1, departmentIds["T-EDU"] ?? -1],
      },
      admin,
    );
    expect(result).toEqual({ ok: true, changed: true });
    const promoted = await changeUserAccess(
      handle.db,
      { userId: id, role: "leader", departmentIds: [departmentIds["T-FIN"] ?? -1] },
      admin,
    );
    expect(promoted).toEqual({ ok: true, changed: true });

    const user = await getUserForAdmin(handle.db, id);
    expect(user).toMatchObject({ role: "leader", departments: [] });
    const events = await eventsFor(id, "user.role_change");
    expect(events.map((event) => [event.before, event.after])).toEqual([
      [
        { role: "steward", departments: ["T-EDU"] },
        { role: "steward", departments: ["T-EDU", "T-FIN"] },
      ],
      [
        { role: "steward", departments: ["T-EDU", "T-FIN"] },
        { role: "leader", departments: [] },
      ],
    ]);
    expect(events[0]).toMatchObject({
      actorId: admin.id,
      actorName: "root-admin",
      objectKind: "user",
    });
  });

  it("writes nothing when nothing changes", async () => {
    const id = await create("evaluator-c", "evaluator");
    const result = await changeUserAccess(
      handle.db,
      { userId: id, role: "evaluator", departmentIds: [] },
      admin,
    );
    expect(result).toEqual({ ok: true, changed: false });
    expect(await eventsFor(id, "user.role_change")).toEqual([]);
  });

  it("keeps a steward with at least one department", async () => {
    const id = await create("steward-c", "steward", ["T-FIN"]);
    const result = await changeUserAccess(
      handle.db,
      { userId: id, role: "steward", departmentIds: [] },
      admin,
    );
    expect(result).toEqual({ ok: false, reason: "department_required" });
    expect((await getUserForAdmin(handle.db, id))?.departments.map((d) => d.code)).toEqual([
      "T-FIN",
    ]);
  });

  it("refuses to take away the acting admin's own admin role", async () => {
    const result = await changeUserAccess(
      handle.db,
      { userId: admin.id, role: "leader", departmentIds: [] },
      admin,
    );
    expect(result).toEqual({ ok: false, reason: "self_demote" });
    expect((await getUserForAdmin(handle.db, admin.id))?.role).toBe("admin");
    expect(await eventsFor(admin.id, "user.role_change")).toEqual([]);
  });

  it("answers not_found for an unknown user", async () => {
    const result = await changeUserAccess(
      handle.db,
      { userId: 999_999, role: "leader", departmentIds: [] },
      admin,
    );
    expect(result).toEqual({ ok: false, reason: "not_found" });
  });
});

describe("disabling and enabling", () => {
  it("ends every session of a disabled user at once, and enabling records user.enable", async () => {
    const id = await create("leader-d", "leader");
    const sessions = [
      await createSession(handle.db, id, { ip: "198.51.100.1", userAgent: "a" }),
      await createSession(handle.db, id, { ip: "198.51.100.2", userAgent: "b" }),
    ];
    for (const session of sessions)
      expect(await findSessionUser(handle.db, session)).not.toBeNull();

    expect(await setUserDisabled(handle.db, { userId: id, disabled: true }, admin)).toEqual({
      ok: true,
      changed: true,
    });
    for (const session of sessions) expect(await findSessionUser(handle.db, session)).toBeNull();
    expect((await getUserForAdmin(handle.db, id))?.disabledAt).toBeInstanceOf(Date);
    const [disable] = await eventsFor(id, "user.disable");
    expect(disable).toMatchObject({
      actorId: admin.id,
      before: { disabled: false },
      after: { disabled: true },
    });

    // Disabling again changes nothing and writes nothing.
    expect(await setUserDisabled(handle.db, { userId: id, disabled: true }, admin)).toEqual({
      ok: true,
      changed: false,
    });
    expect(await eventsFor(id, "user.disable")).toHaveLength(1);

    expect(await setUserDisabled(handle.db, { userId: id, disabled: false }, admin)).toEqual({
      ok: true,
      changed: true,
    });
    expect((await getUserForAdmin(handle.db, id))?.disabledAt).toBeNull();
    const [enable] = await eventsFor(id, "user.enable");
    expect(enable).toMatchObject({ before: { disabled: true }, after: { disabled: false } });
    // The old sessions stay ended; a new sign-in works.
    for (const session of sessions) expect(await findSessionUser(handle.db, session)).toBeNull();
    const fresh = await createSession(handle.db, id, { ip: null, userAgent: null });
    expect((await findSessionUser(handle.db, fresh))?.id).toBe(id);
  });

  it("refuses to let an admin disable themself", async () => {
    const session = await createSession(handle.db, admin.id, { ip: null, userAgent: null });
    const result = await setUserDisabled(handle.db, { userId: admin.id, disabled: true }, admin);
    expect(result).toEqual({ ok: false, reason: "self_disable" });
    expect((await getUserForAdmin(handle.db, admin.id))?.disabledAt).toBeNull();
    expect(await findSessionUser(handle.db, session)).not.toBeNull();
    expect(await eventsFor(admin.id, "user.disable")).toEqual([]);
  });

  it("answers not_found for an unknown user", async () => {
    expect(await setUserDisabled(handle.db, { userId: 999_999, disabled: true }, admin)).toEqual({
      ok: false,
      reason: "not_found",
    });
  });
});

describe("resetting a password", () => {
  it("sets the new password, ends every session and records no secret", async () => {
    const id = await create("evaluator-e", "evaluator");
    const session = await createSession(handle.db, id, { ip: null, userAgent: null });
    const result = await resetUserPassword(
      handle.db,
      { userId: id, password: "a brand new passphrase" },
      admin,
    );
    expect(result).toEqual({ ok: true });
    expect(await findSessionUser(handle.db, session)).toBeNull();

    const [row] = await handle.db.select().from(users).where(eq(users.id, id));
    expect((await verifyPassword("a brand new passphrase", row?.passwordHash ?? "")).valid).toBe(
      true,
    );
    expect((await verifyPassword(PASSWORD, row?.passwordHash ?? "")).valid).toBe(false);

    const [event] = await eventsFor(id, "user.password_reset");
    expect(event).toMatchObject({ actorId: admin.id, before: null, after: null });
  });

  it("sends an admin to the change-password page for their own password", async () => {
    const result = await resetUserPassword(
      handle.db,
      { userId: admin.id, password: "a brand new passphrase" },
      admin,
    );
    expect(result).toEqual({ ok: false, reason: "self_password_reset" });
  });

  it("refuses a password shorter than 12 characters", async () => {
    const id = await create("evaluator-f", "evaluator");
    await expect(
      resetUserPassword(handle.db, { userId: id, password: "short" }, admin),
    ).rejects.toThrow();
    expect(await eventsFor(id, "user.password_reset")).toEqual([]);
  });
});

describe("department options", () => {
  it("lists every department by code", async () => {
    const options = await listDepartmentOptions(handle.db);
    expect(options.map((d) => d.code)).toEqual(["T-EDU", "T-FIN", "T-HEA"]);
  });
});
