/**
 * Reading the audit log against a real database: filters by action group, actor and
 * local dates (in the deployment's time zone, both ends inclusive), and pages newest first.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.server";
import { actionGroups, listAuditActions, listAuditEvents } from "../../db/queries/audit-log.server";
import { auditEvents } from "../../db/schema/index";
import { createTestDatabase } from "../setup/test-database";

const TZ = "Asia/Shanghai";

let handle: DbHandle;

interface Seed {
  at: string;
  action: string;
  actorName: string | null;
}

const seeded: Seed[] = [
  // 2024-03-01 23:30 and 2024-03-02 00:30 in Shanghai (UTC+8).
  { at: "2024-03-01T15:30:00Z", action: "auth.sign_in", actorName: "admin" },
  { at: "2024-03-01T16:30:00Z", action: "auth.sign_in_failed", actorName: "Admin" },
  // 2024-03-02 23:59:59 and 2024-03-03 00:00 in Shanghai.
  { at: "2024-03-02T15:59:59Z", action: "user.create", actorName: "admin" },
  { at: "2024-03-02T16:00:00Z", action: "user.role_change", actorName: "admin2" },
  { at: "2024-03-02T17:00:00Z", action: "users_x.create", actorName: "admin" },
  { at: "2024-03-02T18:00:00Z", action: "import.commit", actorName: "steward" },
  { at: "2024-03-02T19:00:00Z", action: "abc_d.one", actorName: null },
  { at: "2024-03-02T20:00:00Z", action: "abcxd.two", actorName: null },
];

beforeAll(async () => {
  handle = await createTestDatabase();
  await handle.db.insert(auditEvents).values(
    seeded.map((event) => ({
      at: new Date(event.at),
      action: event.action,
      actorName: event.actorName,
      objectKind: "user",
      objectId: "1",
      before: { role: "steward" },
      after: { role: "leader" },
    })),
  );
});

afterAll(async () => {
  await handle.close();
});

async function actionsOf(filter: Parameters<typeof listAuditEvents>[1]) {
  const page = await listAuditEvents(handle.db, filter);
  return page.events.map((event) => event.action);
}

describe("filters", () => {
  it("lists everything newest first without a filter", async () => {
    const page = await listAuditEvents(handle.db, { timeZone: TZ });
    expect(page.events.map((event) => event.action)).toEqual(
      [...seeded].reverse().map((event) => event.action),
    );
    expect(page).toMatchObject({ page: 1, pageSize: 50, hasNext: false });
    expect(page.events[0]?.before).toEqual({ role: "steward" });
  });

  it("filters by action group, not by a bare text prefix", async () => {
    expect(await actionsOf({ action: "user", timeZone: TZ })).toEqual([
      "user.role_change",
      "user.create",
    ]);
    expect(await actionsOf({ action: "auth", timeZone: TZ })).toEqual([
      "auth.sign_in_failed",
      "auth.sign_in",
    ]);
    // An exact action matches itself, not a longer name that starts the same way.
    expect(await actionsOf({ action: "auth.sign_in", timeZone: TZ })).toEqual(["auth.sign_in"]);
    // "_" is a letter here, not LIKE's any-character wildcard.
    expect(await actionsOf({ action: "abc_d", timeZone: TZ })).toEqual(["abc_d.one"]);
    expect(await actionsOf({ action: "nothing", timeZone: TZ })).toEqual([]);
  });

  it("refuses an action filter that is not an action name", async () => {
    await expect(listAuditEvents(handle.db, { action: "user%", timeZone: TZ })).rejects.toThrow();
  });

  it("filters by actor username, any case, exactly", async () => {
    expect(await actionsOf({ actor: "ADMIN", timeZone: TZ })).toEqual([
      "users_x.create",
      "user.create",
      "auth.sign_in_failed",
      "auth.sign_in",
    ]);
    expect(await actionsOf({ actor: "admin2", timeZone: TZ })).toEqual(["user.role_change"]);
    expect(await actionsOf({ actor: "adm", timeZone: TZ })).toEqual([]);
  });

  it("filters by local dates in the deployment's time zone, both ends inclusive", async () => {
    expect(await actionsOf({ from: "2024-03-02", to: "2024-03-02", timeZone: TZ })).toEqual([
      "user.create",
      "auth.sign_in_failed",
    ]);
    expect(await actionsOf({ to: "2024-03-01", timeZone: TZ })).toEqual(["auth.sign_in"]);
    expect(await actionsOf({ from: "2024-03-03", actor: "admin", timeZone: TZ })).toEqual([
      "users_x.create",
    ]);
    // The same instants, in UTC, fall on other days.
    expect(await actionsOf({ from: "2024-03-02", to: "2024-03-02", timeZone: "UTC" })).toEqual([
      "abcxd.two",
      "abc_d.one",
      "import.commit",
      "users_x.create",
      "user.role_change",
      "user.create",
    ]);
  });

  it("combines filters", async () => {
    expect(
      await actionsOf({ action: "user", actor: "admin", from: "2024-03-02", timeZone: TZ }),
    ).toEqual(["user.create"]);
  });

  it("offers the distinct actions and their groups", async () => {
    const actions = await listAuditActions(handle.db);
    expect([...actions].sort()).toEqual([...new Set(seeded.map((event) => event.action))].sort());
    expect(actionGroups(actions)).toEqual(["abc_d", "abcxd", "auth", "import", "user", "users_x"]);
  });
});

describe("pages", () => {
  it("pages 50 at a time, newest first, without gaps or repeats", async () => {
    // 120 events of one actor; pairs share a time (one transaction), so id breaks the tie.
    const start = Date.parse("2025-01-01T00:00:00Z");
    await handle.db.insert(auditEvents).values(
      Array.from({ length: 120 }, (_, i) => ({
        at: new Date(start + Math.floor(i / 2) * 60_000),
        action: "import.commit",
        actorName: "pager",
        objectKind: "import_batch",
        objectId: String(i),
      })),
    );
    const pages = [];
    for (let page = 1; page <= 3; page++) {
      pages.push(await listAuditEvents(handle.db, { actor: "pager", timeZone: TZ }, page));
    }
    expect(pages.map((page) => page.events.length)).toEqual([50, 50, 20]);
    expect(pages.map((page) => page.hasNext)).toEqual([true, true, false]);
    const objectIds = pages.flatMap((page) => page.events.map((event) => Number(event.objectId)));
    expect(objectIds).toEqual(Array.from({ length: 120 }, (_, i) => 119 - i));

    const beyond = await listAuditEvents(handle.db, { actor: "pager", timeZone: TZ }, 4);
    expect(beyond).toMatchObject({ events: [], hasNext: false, page: 4 });
    const clamped = await listAuditEvents(handle.db, { actor: "pager", timeZone: TZ }, 0);
    expect(clamped.page).toBe(1);
  });
});
