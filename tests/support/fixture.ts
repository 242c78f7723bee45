import { hashPassword } from "../../db/accounts/password.server";
import type { DbHandle } from "../../db/client.server";
import * as schema from "../../db/schema/index";

export const FIXTURE_PASSWORD = "fixture-password-123";

export interface Fixture {
  departments: { a: { id: number; code: string }; b: { id: number; code: string } };
  projects: { a: string; b: string };
  users: Record<"admin" | "leader" | "steward" | "evaluator" | "evaluator2", number>;
  assignments: { evaluator: number; evaluator2: number };
  batches: { a: number; b: number };
  /** The fixture's framework (a draft: version 1, never published). */
  framework: number;
}

/**
 * A small world for access tests: departments A and B, a project in each, one user per
 * role (the steward looks after A), assignments (evaluator → A's project, evaluator2 →
 * B's), and an import batch per department.
 */
export async function loadFixture(handle: DbHandle): Promise<Fixture> {
  const db = handle.db;
  const passwordHash = await hashPassword(FIXTURE_PASSWORD);
  const [region] = await db
    .insert(schema.regions)
    .values({ code: "TEST", name: "测试县", level: "county" })
    .returning();
  const [a, b] = await db
    .insert(schema.departments)
    .values([
      { code: "DEPT-A", name: "甲部门", regionId: region?.id },
      { code: "DEPT-B", name: "乙部门", regionId: region?.id },
    ])
    .returning();
  if (!a || !b) throw new Error("fixture departments");
  const [projectA, projectB] = await db
    .insert(schema.projects)
    .values([
      {
        code: "PRJ-A",
        name: "甲项目",
        departmentId: a.id,
        budgetYuan: "1000000.00",
        stage: "construction",
      },
      {
        code: "PRJ-B",
        name: "乙项目",
        departmentId: b.id,
        budgetYuan: "2000000.00",
        stage: "operation",
      },
    ])
    .returning();
  if (!projectA || !projectB) throw new Error("fixture projects");
  const roles = ["admin", "leader", "steward", "evaluator", "evaluator2"] as const;
  const inserted = await db
    .insert(schema.users)
    .values(
      roles.map((username) => ({
        username,
        displayName: `Test ${username}`,
        role: username === "evaluator2" ? ("evaluator" as const) : username,
        passwordHash,
      })),
    )
    .returning();
  const users = Object.fromEntries(
    inserted.map((user) => [user.username, user.id]),
  ) as Fixture["users"];
  await db.insert(schema.userDepartments).values({ userId: users.steward, departmentId: a.id });

  const [framework] = await db
    .insert(schema.frameworks)
    .values({ code: "FW", version: 1, name: "Framework" })
    .returning();
  const [round] = await db
    .insert(schema.evaluationRounds)
    .values({
      code: "R1",
      name: "Round",
      frameworkId: framework?.id ?? 0,
      periodStart: "2026-01-01",
      periodEnd: "2026-12-31",
      // Open: evaluators see nothing of a round still in planning.
      state: "open",
    })
    .returning();
  const roundId = round?.id ?? 0;
  await db.insert(schema.roundProjects).values([
    { roundId, projectId: projectA.id },
    { roundId, projectId: projectB.id },
  ]);
  const [assignmentA, assignmentB] = await db
    .insert(schema.assignments)
    .values([
      { roundId, projectId: projectA.id, evaluatorId: users.evaluator },
      { roundId, projectId: projectB.id, evaluatorId: users.evaluator2 },
    ])
    .returning();
  const batch = (departmentId: number, fileName: string) => ({
    kind: "projects" as const,
    fileName,
    contentHash: "0".repeat(64),
    byteSize: 10,
    departmentId,
    state: "failed" as const,
  });
  const [batchA, batchB] = await db
    .insert(schema.importBatches)
    .values([batch(a.id, "a.csv"), batch(b.id, "b.csv")])
    .returning();
  return {
    departments: { a: { id: a.id, code: a.code }, b: { id: b.id, code: b.code } },
    projects: { a: projectA.code, b: projectB.code },
    users,
    assignments: { evaluator: assignmentA?.id ?? 0, evaluator2: assignmentB?.id ?? 0 },
    batches: { a: batchA?.id ?? 0, b: batchB?.id ?? 0 },
    framework: framework?.id ?? 0,
  };
}
