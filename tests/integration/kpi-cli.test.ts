import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSettings } from "../../db/settings.server";
import { lockFile } from "../../db/data-dir-lock.server";
import { openMigratedDatabase } from "../../db/open-migrated.server";
import { closeRound } from "../../db/queries/round-moderation.server";
import { rebuildAllRollups } from "../../db/rollups/rebuild.server";
import * as schema from "../../db/schema/index";

/** `npm run kpi` as a scheduled job runs it: its own process, on an embedded database folder. */
describe("npm run kpi", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mingjing-kpi-"));
  const env = { ...process.env, DATABASE_URL: "", MINGJING_DATA_DIR: dataDir, MINGJING_DEMO: "0" };
  const kpi = (...args: string[]) =>
    spawnSync(process.execPath, ["app/server/run.mjs", "kpi", ...args], {
      env,
      encoding: "utf8",
    });

  beforeAll(async () => {
    const handle = await openMigratedDatabase(parseSettings(env), "test");
    try {
      const [department] = await handle.db
        .insert(schema.departments)
        .values({ code: "CLI", name: "命令行" })
        .returning();
      const received = (day: string, hour: number) =>
        new Date(`${day}T${String(hour).padStart(2, "0")}:00:00+08:00`);
      await handle.db.insert(schema.appeals).values([
        // Received Friday 2025-09-26; Sunday the 28th is an adjusted working day (调休) before
        // National Day, so the reply on Monday the 29th comes 2 working days after receipt.
        {
          externalId: "C1",
          departmentId: department!.id,
          type: "complaint",
          receivedAt: received("2025-09-26", 10),
          repliedAt: received("2025-09-29", 9),
          satisfaction: 5,
        },
        {
          externalId: "C2",
          departmentId: department!.id,
          type: "consultation",
          receivedAt: received("2025-09-26", 11),
          satisfaction: 2,
        },
        {
          externalId: "C3",
          departmentId: department!.id,
          type: "praise",
          receivedAt: received("2025-10-09", 11),
          repliedAt: received("2025-10-09", 15),
        },
      ]);
      evaluators = await seedEvaluationRounds(handle.db, department!.id);
      const [other] = await handle.db
        .insert(schema.departments)
        .values({ code: "CLI-2", name: "另一部门" })
        .returning();
      // Rectification cases (deadlines across National Day 2025, as the app computes them):
      // closed in time after 2 working days, closed late after 6, open and overdue on 31
      // October, and one of another department.
      const notice = (subject: string) => ({
        source: "red_flag" as const,
        flagRule: "cost-variance-red",
        flagSubject: subject,
        note: "督办",
        limitWorkingDays: 5,
      });
      await handle.db.insert(schema.rectificationCases).values([
        {
          ...notice("project:A"),
          departmentId: department!.id,
          openedOn: "2025-09-30",
          deadline: "2025-10-14",
          state: "closed",
          closedOn: "2025-10-10",
          closedAt: received("2025-10-10", 10),
        },
        {
          ...notice("project:B"),
          departmentId: department!.id,
          openedOn: "2025-09-30",
          deadline: "2025-10-14",
          state: "closed",
          closedOn: "2025-10-15",
          closedAt: received("2025-10-15", 10),
        },
        {
          ...notice("project:C"),
          departmentId: department!.id,
          openedOn: "2025-10-09",
          deadline: "2025-10-16",
        },
        {
          ...notice("project:D"),
          departmentId: other!.id,
          openedOn: "2025-10-09",
          deadline: "2025-10-16",
        },
      ]);
      await rebuildAllRollups(handle.db, "Asia/Shanghai");
    } finally {
      await handle.close();
    }
  }, 120_000);
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  let evaluators: { a: string; b: string } = { a: "", b: "" };

  it("prints the appeals KPIs as one JSON object on stdout, and nothing else there", () => {
    const result = kpi(
      "appeals",
      "--from",
      "2025-09-01",
      "--to",
      "2025-10-31",
      "--department",
      "CLI",
    );
    expect(result.status, result.stderr).toBe(0);
    const output = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(output).toMatchObject({
      received: 3,
      replied: 2,
      replyRate: 2 / 3,
      onTimeReplyRate: 2 / 3,
      firstContactRate: null,
      medianReplyWorkingDays: 1,
      satisfactionRate: 0.5,
      meanRating: 3.5,
      ratedShare: 0.5,
    });
  });

  it("prints the rectification figures of a department over a period", () => {
    const result = kpi(
      "rectification",
      "--from",
      "2025-09-01",
      "--to",
      "2025-10-31",
      "--department",
      "CLI",
    );
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      kind: "rectification",
      from: "2025-09-01",
      to: "2025-10-31",
      department: "CLI",
      opened: 3,
      closed: 2,
      closedOnTime: 1,
      onTimeRate: 0.5,
      overdueOpen: 1,
      // 2 (9, 10 Oct) and 6 (9, 10, 11 调休, 13, 14, 15 Oct) working days.
      medianWorkingDaysToClose: 4,
    });
    const all = JSON.parse(
      kpi("rectification", "--from", "2025-09-01", "--to", "2025-10-31").stdout,
    ) as Record<string, unknown>;
    expect(all).toMatchObject({ department: null, opened: 4, overdueOpen: 2 });
  });

  it("answers with no data, not 0 %, for a period without appeals", () => {
    const output = JSON.parse(
      kpi("appeals", "--from", "2024-01-01", "--to", "2024-01-31").stdout,
    ) as Record<string, unknown>;
    expect(output).toMatchObject({ received: 0, replyRate: null, satisfactionRate: null });
  });

  it("refuses an unknown department or a bad date with a message and a non-zero exit", () => {
    const unknown = kpi("appeals", "--department", "NOPE");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('No department with the code "NOPE"');
    expect(unknown.stdout).toBe("");
    const bad = kpi("appeals", "--from", "2025/01/01");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("must be a date YYYY-MM-DD");
  });

  it("prints the latest closed round's scores through the framework tree", () => {
    const result = kpi("evaluation");
    expect(result.status, result.stderr).toBe(0);
    const output = JSON.parse(result.stdout) as EvaluationOutput;
    expect(Object.keys(output)).toEqual(["round", "state", "framework", "icc", "projects"]);
    expect(output).toMatchObject({
      round: "EV-2025",
      state: "closed",
      framework: { code: "FW-CLI", version: 2 },
    });
    // C3 on (P1, P2, P3) × (a, b) = (7, 9), (5, 5), (6, 8): MSR = 14/3, MSC = 8/3,
    // MSE = 2/3, ICC = (14/3 − 2/3) / (14/3 + 2/3 + 2 · (8/3 − 2/3) / 3) = 4 / (20/3) = 0.6
    expect(Object.keys(output.icc)).toEqual(["C1", "C2", "C3"]);
    expect(output.icc.C3).toBeCloseTo(0.6, 12);
    expect(output.projects.map((project) => project.code)).toEqual(["EV-P1", "EV-P2", "EV-P3"]);
    // Weights: C1 0.7 × 0.6 = 0.42, C2 0.7 × 0.4 = 0.28, C3 0.3 × 1 = 0.3.
    const [p1, p2, p3] = output.projects;
    expect(p1?.criteria.map(({ code, min, max, n }) => ({ code, min, max, n }))).toEqual([
      { code: "C1", min: 0, max: 100, n: 2 },
      { code: "C2", min: 1, max: 5, n: 2 },
      { code: "C3", min: 0, max: 10, n: 2 },
    ]);
    const weights = p1?.criteria.map((criterion) => criterion.weight) ?? [];
    expect(weights[0]).toBeCloseTo(0.42, 12);
    expect(weights[1]).toBeCloseTo(0.28, 12);
    expect(weights[2]).toBeCloseTo(0.3, 12);
    // The draft assessment's 0 on P1's C1 does not count: only a's 80 and b's 90.
    expect(p1?.criteria[0]?.scores).toEqual({ [evaluators.a]: 80, [evaluators.b]: 90 });
    // P1: C1 (80+90)/2 = 85; C2 (4+5)/2 = 4.5 → (4.5−1)/4 = 87.5; C3 (7+9)/2 = 8 → 80.
    expect(p1?.criteria.map((criterion) => criterion.mean)).toEqual([85, 87.5, 80]);
    // 0.42·85 + 0.28·87.5 + 0.3·80 = 35.7 + 24.5 + 24 = 84.2
    expect(p1?.score).toBeCloseTo(84.2, 10);
    // P2: C1 55, C2 2.5 → 37.5, C3 5 → 50: 23.1 + 10.5 + 15 = 48.6
    expect(p2?.score).toBeCloseTo(48.6, 10);
    // P3: C1 70, C2 3 → 50, C3 7 → 70: 29.4 + 14 + 21 = 64.4
    expect(p3?.score).toBeCloseTo(64.4, 10);
    for (const project of output.projects) {
      const sum = project.criteria.reduce((s, c) => s + c.weight * (c.mean ?? 0), 0);
      expect(project.score).toBeCloseTo(sum, 10);
    }
  });

  it("prints a named round, and refuses an unknown one", () => {
    const open = JSON.parse(kpi("evaluation", "--round", "EV-2026").stdout) as EvaluationOutput;
    expect(open).toMatchObject({ round: "EV-2026", state: "open", projects: [{ code: "EV-P1" }] });
    // Nothing submitted in the open round yet: no data, not 0.
    expect(open.projects[0]?.score).toBeNull();
    expect(open.icc).toEqual({ C1: null, C2: null, C3: null });
    const unknown = kpi("evaluation", "--round", "NOPE");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('No evaluation round with the code "NOPE"');
    expect(unknown.stdout).toBe("");
  });

  it("refuses while another live process holds the embedded database", () => {
    fs.writeFileSync(
      lockFile(dataDir),
      JSON.stringify({ pid: process.pid, owner: "the Mingjing server", since: "now" }),
    );
    try {
      const locked = kpi("appeals");
      expect(locked.status).toBe(1);
      expect(locked.stderr).toContain("is open by the Mingjing server");
    } finally {
      fs.rmSync(lockFile(dataDir), { force: true });
    }
  });
});

interface EvaluationOutput {
  round: string;
  state: string;
  framework: { code: string; version: number };
  icc: Record<string, number | null>;
  projects: Array<{
    code: string;
    score: number | null;
    criteria: Array<{
      code: string;
      weight: number;
      min: number | null;
      max: number | null;
      scores: Record<string, number>;
      n: number;
      mean: number | null;
    }>;
  }>;
}

type Db = Awaited<ReturnType<typeof openMigratedDatabase>>["db"];

/**
 * A closed round (EV-2025, closed through closeRound) of framework FW-CLI v2 — D1 (0.7): C1 (0.6, 0–100), C2 (0.4,
 * 1–5); D2 (0.3): C3 (1, 0–10) — with three projects scored by evaluators a and b, and a
 * third evaluator's draft that must not count; and a later open round without scores.
 */
async function seedEvaluationRounds(db: Db, departmentId: number) {
  const users = await db
    .insert(schema.users)
    .values(
      ["ev-a", "ev-b", "ev-c"].map((username) => ({
        username,
        displayName: username,
        role: "evaluator" as const,
        passwordHash: "not-a-hash",
      })),
    )
    .returning({ id: schema.users.id });
  const [a, b, c] = users.map((user) => user.id) as [number, number, number];
  const [{ id: leader }] = (await db
    .insert(schema.users)
    .values({
      username: "leader",
      displayName: "leader",
      role: "leader",
      passwordHash: "not-a-hash",
    })
    .returning({ id: schema.users.id })) as [{ id: number }];
  const [framework] = await db
    .insert(schema.frameworks)
    .values({ code: "FW-CLI", version: 2, name: "CLI framework", publishedAt: new Date() })
    .returning();
  const node = async (
    code: string,
    weight: string,
    parentId: number | null,
    range?: [string, string],
  ) => {
    const [row] = await db
      .insert(schema.frameworkNodes)
      .values({
        frameworkId: framework!.id,
        parentId,
        kind: range ? "criterion" : "dimension",
        code,
        name: code,
        weight,
        position: Number(code.slice(1)) + (range ? 10 : 0),
        scoring: range ? "evaluator" : null,
        minScore: range?.[0] ?? null,
        maxScore: range?.[1] ?? null,
      })
      .returning();
    return row!.id;
  };
  const d1 = await node("D1", "0.7", null);
  const d2 = await node("D2", "0.3", null);
  const criteria = {
    C1: await node("C1", "0.6", d1, ["0", "100"]),
    C2: await node("C2", "0.4", d1, ["1", "5"]),
    C3: await node("C3", "1", d2, ["0", "10"]),
  };
  const projects = await db
    .insert(schema.projects)
    .values(
      ["EV-P1", "EV-P2", "EV-P3"].map((code) => ({
        code,
        name: code,
        departmentId,
        budgetYuan: "100000.00",
        stage: "operation" as const,
      })),
    )
    .returning({ id: schema.projects.id, code: schema.projects.code });
  const rounds = await db
    .insert(schema.evaluationRounds)
    .values([
      {
        code: "EV-2025",
        name: "2025",
        frameworkId: framework!.id,
        periodStart: "2025-01-01",
        periodEnd: "2025-12-31",
        state: "moderation" as const,
      },
      {
        code: "EV-2026",
        name: "2026",
        frameworkId: framework!.id,
        periodStart: "2026-01-01",
        periodEnd: "2026-12-31",
        state: "open" as const,
      },
    ])
    .returning({ id: schema.evaluationRounds.id });
  const [closed, open] = rounds.map((round) => round.id) as [number, number];
  await db
    .insert(schema.roundProjects)
    .values([
      ...projects.map((project) => ({ roundId: closed, projectId: project.id })),
      { roundId: open, projectId: projects[0]!.id },
    ]);
  await db
    .insert(schema.assignments)
    .values({ roundId: open, projectId: projects[0]!.id, evaluatorId: a });
  // Per project: C1, C2, C3 of evaluator a, then of evaluator b.
  const given: Record<string, [number, number, number, number, number, number]> = {
    "EV-P1": [80, 4, 7, 90, 5, 9],
    "EV-P2": [60, 2, 5, 50, 3, 5],
    "EV-P3": [70, 3, 6, 70, 3, 8],
  };
  const declared = new Date("2025-12-01T00:00:00Z");
  for (const project of projects) {
    const values = given[project.code]!;
    for (const [index, evaluatorId] of [a, b].entries()) {
      const [assignment] = await db
        .insert(schema.assignments)
        .values({
          roundId: closed,
          projectId: project.id,
          evaluatorId,
          noConflictDeclaredAt: declared,
          state: "submitted",
          submittedAt: declared,
        })
        .returning();
      await db.insert(schema.scores).values(
        (["C1", "C2", "C3"] as const).map((code, position) => ({
          assignmentId: assignment!.id,
          criterionId: criteria[code],
          value: String(values[index * 3 + position]),
        })),
      );
    }
  }
  const [draft] = await db
    .insert(schema.assignments)
    .values({ roundId: closed, projectId: projects[0]!.id, evaluatorId: c })
    .returning();
  await db
    .insert(schema.scores)
    .values({ assignmentId: draft!.id, criterionId: criteria.C1, value: "0" });
  // Closed as a leader closes it: the command line then prints the stored results.
  const closing = await closeRound(db, closed, { id: leader, name: "leader", ip: null });
  if (!closing.ok) throw new Error(`closing EV-2025: ${closing.reason}`);
  return { a: String(a), b: String(b) };
}
