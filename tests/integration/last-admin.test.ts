/**
 * The deployment always keeps an active admin: a role change or a disabling that would
 * leave none is refused inside the transaction that makes it, also when two admins
 * act on each other at the same moment (each change alone looks harmless).
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.server";
import { changeUserAccess, setUserDisabled, type AdminActor } from "../../db/queries/users.server";
import { users } from "../../db/schema/index";
import { createTestDatabase } from "../setup/test-database";

let handle: DbHandle;
let serial = 0;

/** A fresh pair of admins per test; every other admin of the database is disabled. */
async function twoAdmins(): Promise<[AdminActor & { id: number }, AdminActor & { id: number }]> {
  await handle.db
    .update(users)
    .set({ disabledAt: new Date() })
    .where(and(eq(users.role, "admin"), isNull(users.disabledAt)));
  serial += 1;
  const rows = await handle.db
    .insert(users)
    .values(
      ["a", "b"].map((name) => ({
        username: `admin-${name}-${serial}`,
        displayName: name,
        role: "admin" as const,
        passwordHash: "x",
      })),
    )
    .returning({ id: users.id, username: users.username });
  const [a, b] = rows.map((row) => ({ id: row.id, name: row.username, ip: null }));
  return [a!, b!];
}

async function activeAdmins(ids: number[]): Promise<number[]> {
  const rows = await handle.db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.role, "admin"), isNull(users.disabledAt)));
  return rows.map((row) => row.id);
}

const demote = (target: { id: number }, actor: AdminActor) =>
  changeUserAccess(handle.db, { userId: target.id, role: "leader", departmentIds: [] }, actor);
const disable = (target: { id: number }, actor: AdminActor) =>
  setUserDisabled(handle.db, { userId: target.id, disabled: true }, actor);

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

describe("the last active admin", () => {
  let a: AdminActor & { id: number };
  let b: AdminActor & { id: number };
  beforeEach(async () => {
    [a, b] = await twoAdmins();
  });

  it("may not be demoted", async () => {
    expect(await demote(b, a)).toEqual({ ok: true, changed: true });
    // From the command line (no acting admin), or by an admin demoted a moment ago.
    expect(await demote(a, { id: null, name: "cli", ip: null })).toEqual({
      ok: false,
      reason: "last_admin",
    });
    expect(await demote(a, b)).toEqual({ ok: false, reason: "last_admin" });
    expect(await activeAdmins([a.id, b.id])).toEqual([a.id]);
  });

  it("may not be disabled", async () => {
    expect(await disable(b, a)).toEqual({ ok: true, changed: true });
    expect(await disable(a, b)).toEqual({ ok: false, reason: "last_admin" });
    expect(await activeAdmins([a.id, b.id])).toEqual([a.id]);
  });

  it("may still be changed in ways that keep them an active admin", async () => {
    expect(await disable(b, a)).toEqual({ ok: true, changed: true });
    expect(
      await changeUserAccess(handle.db, { userId: a.id, role: "admin", departmentIds: [] }, b),
    ).toEqual({
      ok: true,
      changed: false,
    });
    expect(await setUserDisabled(handle.db, { userId: a.id, disabled: false }, b)).toEqual({
      ok: true,
      changed: false,
    });
  });

  const races: Array<
    [string, (x: AdminActor & { id: number }, y: AdminActor & { id: number }) => Promise<unknown>[]]
  > = [
    ["demote each other", (x, y) => [demote(y, x), demote(x, y)]],
    ["disable each other", (x, y) => [disable(y, x), disable(x, y)]],
    ["one demotes while the other disables", (x, y) => [demote(y, x), disable(x, y)]],
  ];
  for (const [name, race] of races) {
    it(`survives two admins who ${name} at the same moment`, async () => {
      for (let round = 0; round < 5; round++) {
        if (round > 0) [a, b] = await twoAdmins();
        const results = await Promise.all(race(a, b));
        expect(results, `round ${round}`).toContainEqual({ ok: false, reason: "last_admin" });
        expect(await activeAdmins([a.id, b.id]), `round ${round}`).toHaveLength(1);
      }
    });
  }
});
