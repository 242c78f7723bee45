import { count, eq, sql } from "drizzle-orm";
import type { AnyPgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../../db/accounts/password.server";
import type { DbHandle } from "../../db/client.server";
import { getInventory } from "../../db/queries/inventory.server";
import * as schema from "../../db/schema/index";
import {
  DEMO_CLOSED_ROUND,
  DEMO_FRAMEWORK,
  DEMO_PASSWORD,
  DEMO_USERS,
} from "../../seeds/demo/framework";
import { demoSeedComplete } from "../../seeds/demo/load.server";
import { defaultDemo, seedDemoIfEmpty } from "../../seeds/demo/seed-demo.server";
import { createTestDatabase } from "../setup/test-database";

describe("demo seed in the database", () => {
  let handle: DbHandle;
  const demo = defaultDemo();
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    await handle.close();
  });

  const countOf = async (table: AnyPgTable) => {
    const [row] = await handle.db.select({ n: count() }).from(table);
    return row?.n ?? 0;
  };

  it("seeds an empty database with every row of the demo, once", async () => {
    expect(await demoSeedComplete(handle.db)).toBe(false);
    expect(await seedDemoIfEmpty(handle, "Asia/Shanghai")).toBe(true);
    expect(await demoSeedComplete(handle.db)).toBe(true);
    expect(await countOf(schema.departments)).toBe(demo.departments.length);
    expect(await countOf(schema.projects)).toBe(demo.projects.length);
    expect(await countOf(schema.budgetLines)).toBe(demo["budget-lines"].length);
    expect(await countOf(schema.milestones)).toBe(demo.milestones.length);
    expect(await countOf(schema.outcomeValues)).toBe(demo["outcome-values"].length);
    expect(await countOf(schema.serviceStats)).toBe(demo["service-stats"].length);
    expect(await countOf(schema.appeals)).toBe(demo.appeals.length);
    expect(await countOf(schema.ratings)).toBe(demo.ratings.length);
    expect(await countOf(schema.assignments)).toBe(12 + 16);

    const inventory = await getInventory(handle, "Asia/Shanghai");
    expect(inventory).toMatchObject({
      departments: 18,
      appeals: demo.appeals.length,
      ratings: demo.ratings.length,
    });
    expect(inventory.latestDataDate).toBe("2026-10-31");

    expect(await seedDemoIfEmpty(handle, "Asia/Shanghai")).toBe(false);
    expect(await countOf(schema.appeals)).toBe(demo.appeals.length);
  }, 180_000);

  it("creates one user per role, each signing in with the demo password", async () => {
    const users = await handle.db.select().from(schema.users);
    expect(users.map((user) => user.username).sort()).toEqual(
      DEMO_USERS.map((user) => user.username).sort(),
    );
    const steward = users.find((user) => user.username === "steward");
    expect(steward?.role).toBe("steward");
    const check = await verifyPassword(DEMO_PASSWORD, steward?.passwordHash ?? "");
    expect(check).toEqual({ valid: true, needsRehash: false });
    expect((await verifyPassword("wrong-password", steward?.passwordHash ?? "")).valid).toBe(false);
    const departments = await handle.db
      .select({ code: schema.departments.code })
      .from(schema.userDepartments)
      .innerJoin(schema.departments, eq(schema.departments.id, schema.userDepartments.departmentId))
      .where(eq(schema.userDepartments.userId, steward?.id ?? -1));
    expect(departments.map((row) => row.code).sort()).toEqual(["MJ-RSJ", "MJ-SJJ"]);
  });

  it("holds the previous year's round, closed: 8 projects × 2 evaluators' submitted scores", async () => {
    const [round] = await handle.db
      .select()
      .from(schema.evaluationRounds)
      .where(eq(schema.evaluationRounds.code, DEMO_CLOSED_ROUND.code));
    expect(round).toMatchObject({ state: "closed", periodStart: "2025-01-01" });
    const rows = await handle.db
      .select({
        project: schema.projects.code,
        evaluator: schema.users.username,
        state: schema.assignments.state,
        declared: schema.assignments.noConflictDeclaredAt,
        scores: count(schema.scores.id),
      })
      .from(schema.assignments)
      .innerJoin(schema.projects, eq(schema.projects.id, schema.assignments.projectId))
      .innerJoin(schema.users, eq(schema.users.id, schema.assignments.evaluatorId))
      .leftJoin(schema.scores, eq(schema.scores.assignmentId, schema.assignments.id))
      .where(eq(schema.assignments.roundId, round!.id))
      .groupBy(schema.projects.code, schema.users.username, schema.assignments.id);
    const scored = DEMO_FRAMEWORK.dimensions
      .flatMap((d) => d.criteria)
      .filter((c) => !("kpiKey" in c));
    expect(rows).toHaveLength(16);
    expect(new Set(rows.map((row) => row.project))).toEqual(new Set(DEMO_CLOSED_ROUND.projects));
    expect(new Set(rows.map((row) => row.evaluator))).toEqual(new Set(["evaluator", "evaluator2"]));
    for (const row of rows) {
      expect(row.state).toBe("final");
      expect(row.declared).not.toBeNull();
      expect(row.scores).toBe(scored.length);
    }
  });

  it("holds a rectification case per bad review, in every state, some overdue", async () => {
    const bad = demo.ratings.filter((rating) => Number(rating.score) <= 2).length;
    expect(await countOf(schema.rectificationCases)).toBe(bad);
    const states = await handle.rows<{ state: string; overdue: boolean; n: number }>(
      sql`select state, deadline < date '2026-12-01' as overdue, count(*)::int as n
          from rectification_cases group by 1, 2`,
    );
    const total = (where: (row: { state: string; overdue: boolean }) => boolean) =>
      states.filter(where).reduce((sum, row) => sum + row.n, 0);
    for (const state of ["open", "answered", "returned", "closed"])
      expect(
        total((row) => row.state === state),
        state,
      ).toBeGreaterThan(0);
    expect(total((row) => row.state === "open" && row.overdue)).toBeGreaterThan(0);
    // A closed case's steps end with the acceptance; a returned one's with the return.
    const lastSteps = await handle.rows<{ state: string; kind: string }>(
      sql`select c.state, (select s.kind from rectification_steps s where s.case_id = c.id
            order by s.at desc, s.id desc limit 1) as kind
          from rectification_cases c where c.state <> 'open'`,
    );
    const expected: Record<string, string> = {
      closed: "accepted",
      returned: "returned",
      answered: "answered",
    };
    for (const row of lastSteps) expect(row.kind, row.state).toBe(expected[row.state]);
  });

  it("stores appeal times as the same instants the demo describes", async () => {
    const first = demo.appeals[0];
    const [stored] = await handle.db
      .select()
      .from(schema.appeals)
      .where(eq(schema.appeals.externalId, String(first?.external_id)));
    expect(stored?.receivedAt.toISOString()).toBe(
      new Date(String(first?.received_at)).toISOString(),
    );
  });
});
