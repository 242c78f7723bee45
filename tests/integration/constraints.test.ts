/**
 * Every constraint the schema declares refuses a bad row, and names itself when it does.
 *
 * One database for the file: a valid row for every table is committed once (beforeAll),
 * then each case runs in its own transaction that is always rolled back, so cases never
 * see each other's rows. A case passes only when the statement fails with the expected
 * SQLSTATE *and* the error names the expected constraint: were the constraint dropped,
 * the statement would go through (or fail for another reason) and the case would fail.
 */
import { eq, sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, DbHandle } from "../../db/client.server";
import {
  appMeta,
  appealDayRollups,
  appealMonthRollups,
  appealReplyMonthRollups,
  appealTotalDayRollups,
  appealTotalReplyDayRollups,
  appeals,
  assignments,
  auditEvents,
  budgetLines,
  calendarDays,
  departments,
  evaluationRounds,
  frameworkNodes,
  frameworks,
  importBatches,
  importReplacedRows,
  kpiTargets,
  loginAttempts,
  milestones,
  outcomeIndicators,
  outcomeValues,
  projectMonthSpendRollups,
  projects,
  publicRatingSubmissions,
  ratingAppeals,
  ratings,
  rectificationCases,
  rectificationLimits,
  rectificationSteps,
  regions,
  replyTimeLimits,
  roundProjects,
  roundResults,
  rubricLevels,
  scorecardSnapshots,
  scores,
  serviceItems,
  serviceMonthRollups,
  serviceStats,
  sessions,
  userDepartments,
  users,
} from "../../db/schema/index";
import { createTestDatabase, onPostgres } from "../setup/test-database";

const driver = onPostgres ? "PostgreSQL" : "PGlite";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
type Run = (tx: Tx, f: Fixtures) => PromiseLike<unknown>;

/** An id no row has. */
const MISSING = 999_999;
const HASH = "0123456789abcdef".repeat(4);

/* ------------------------------------------------------------------------------------ */
/* Errors: PGlite throws a DatabaseError (constraint, column), postgres.js a            */
/* PostgresError (constraint_name, column_name); drizzle may wrap either in `cause`.    */
/* ------------------------------------------------------------------------------------ */

interface PgFailure {
  code: string;
  constraint: string | undefined;
  column: string | undefined;
  message: string;
}

function stringField(value: object, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const field: unknown = (value as Record<string, unknown>)[key];
    if (typeof field === "string" && field !== "") return field;
  }
  return undefined;
}

/** The database error inside whatever the driver and drizzle threw, if there is one. */
function pgFailure(error: unknown): PgFailure | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const code = stringField(current, "code");
    if (code && /^[0-9A-Z]{5}$/.test(code)) {
      return {
        code,
        constraint: stringField(current, "constraint", "constraint_name"),
        column: stringField(current, "column", "column_name"),
        message: current instanceof Error ? current.message : String(current),
      };
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function describeOutcome(error: unknown): string {
  if (error === undefined) return "accepted";
  const failure = pgFailure(error);
  if (failure) return `${failure.code} ${failure.constraint ?? "-"}: ${failure.message}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** PostgreSQL keeps the first 63 bytes of an identifier (NAMEDATALEN - 1). */
function pgIdentifier(name: string): string {
  return Buffer.from(name, "utf8").subarray(0, 63).toString("utf8");
}

/** Does the failure name this constraint (error field, or the message)? */
function namesConstraint(failure: PgFailure, name: string): boolean {
  const stored = pgIdentifier(name);
  return failure.constraint === stored || failure.message.includes(`"${stored}"`);
}

/* ------------------------------------------------------------------------------------ */
/* Database and fixtures                                                                */
/* ------------------------------------------------------------------------------------ */

interface Fixtures {
  region: number;
  department: number;
  otherDepartment: number;
  project: number;
  otherProject: number;
  indicator: number;
  serviceItem: number;
  rating: number;
  user: number;
  otherUser: number;
  framework: number;
  dimension: number;
  criterion: number;
  otherCriterion: number;
  round: number;
  assignment: number;
  importBatch: number;
  auditEvent: number;
  snapshot: number;
  rectificationCase: number;
}

let handle: DbHandle;
let fixtures: Fixtures;

class Rollback extends Error {}

/** Runs the statement in a transaction that is always rolled back; returns its error. */
async function attempt(run: Run): Promise<unknown> {
  try {
    await handle.db.transaction(async (tx) => {
      await run(tx, fixtures);
      throw new Rollback("roll back");
    });
  } catch (error) {
    return error instanceof Rollback ? undefined : error;
  }
  return undefined;
}

function only<T>(rows: T[]): T {
  const [row] = rows;
  if (row === undefined || rows.length !== 1)
    throw new Error(`expected one row, got ${rows.length}`);
  return row;
}

/** One valid row in every table, committed once for the whole file. */
async function insertFixtures(db: Database): Promise<Fixtures> {
  const region = only(
    await db
      .insert(regions)
      .values({ code: "R-01", name: "明镜市", level: "city" })
      .returning({ id: regions.id }),
  ).id;
  const department = only(
    await db
      .insert(departments)
      .values({ code: "D-01", name: "数据资源局", regionId: region })
      .returning({ id: departments.id }),
  ).id;
  const otherDepartment = only(
    await db
      .insert(departments)
      .values({ code: "D-02", name: "政务服务中心", regionId: region, parentId: department })
      .returning({ id: departments.id }),
  ).id;
  const project = only(
    await db
      .insert(projects)
      .values({
        code: "P-2023.1",
        name: "一网通办平台",
        departmentId: department,
        category: "platform",
        fundingSource: "fiscal",
        stage: "construction",
        budgetYuan: "1000000.00",
        plannedStart: "2023-01-01",
        plannedEnd: "2023-12-31",
        targetUsers: 50_000,
      })
      .returning({ id: projects.id }),
  ).id;
  const otherProject = only(
    await db
      .insert(projects)
      .values({ code: "P-2023.2", name: "政务云", departmentId: department, budgetYuan: "0" })
      .returning({ id: projects.id }),
  ).id;
  await db.insert(budgetLines).values([
    { projectId: project, period: "2023-01-01", plannedYuan: "1000.00", actualYuan: "900.00" },
    {
      projectId: project,
      period: "2023-01-01",
      category: "software",
      plannedYuan: "500.00",
      actualYuan: "0",
    },
  ]);
  await db.insert(milestones).values({
    projectId: project,
    name: "立项",
    stage: "approval",
    weight: "0.2",
    plannedDate: "2023-02-01",
    actualDate: "2023-02-10",
  });
  const indicator = only(
    await db
      .insert(outcomeIndicators)
      .values({
        projectId: project,
        code: "OI-1",
        name: "网办率",
        unit: "%",
        direction: "higher",
        baseline: "40",
        target: "80",
        weight: "1",
      })
      .returning({ id: outcomeIndicators.id }),
  ).id;
  await db
    .insert(outcomeValues)
    .values({ indicatorId: indicator, period: "2023-01-01", actual: "55" });
  const serviceItem = only(
    await db
      .insert(serviceItems)
      .values({
        code: "SI-1",
        name: "营业执照办理",
        departmentId: department,
        maturity: 3,
        oneVisit: true,
        highFrequency: true,
        timeLimitDays: 5,
      })
      .returning({ id: serviceItems.id }),
  ).id;
  await db.insert(serviceStats).values({
    itemId: serviceItem,
    period: "2023-01-01",
    transactions: 100,
    online: 80,
    completed: 90,
    completedOnTime: 85,
  });
  await db.insert(appeals).values({
    externalId: "A-0001",
    channel: "12345",
    departmentId: department,
    type: "complaint",
    receivedAt: new Date("2024-03-01T09:00:00+08:00"),
    firstContactAt: new Date("2024-03-01T10:00:00+08:00"),
    repliedAt: new Date("2024-03-02T09:00:00+08:00"),
    closedAt: new Date("2024-03-03T09:00:00+08:00"),
    dueAt: new Date("2024-03-08T09:00:00+08:00"),
    satisfaction: 5,
  });
  const rating = only(
    await db
      .insert(ratings)
      .values({
        externalId: "RT-0001",
        target: "service",
        serviceItemId: serviceItem,
        score: 5,
        ratedAt: new Date("2024-03-01T12:00:00+08:00"),
        comment: "办事快",
        commentState: "pending",
      })
      .returning({ id: ratings.id }),
  ).id;
  const user = only(
    await db
      .insert(users)
      .values({ username: "alice", displayName: "Alice", role: "admin", passwordHash: "x" })
      .returning({ id: users.id }),
  ).id;
  const otherUser = only(
    await db
      .insert(users)
      .values({ username: "carol.e", displayName: "Carol", role: "evaluator", passwordHash: "x" })
      .returning({ id: users.id }),
  ).id;
  await db.insert(userDepartments).values({ userId: user, departmentId: department });
  await db.insert(sessions).values({
    id: "session-1",
    userId: user,
    createdAt: new Date("2024-01-01T00:00:00Z"),
    expiresAt: new Date("2024-01-02T00:00:00Z"),
  });
  await db.insert(loginAttempts).values({ username: "alice", ip: "127.0.0.1", succeeded: true });
  await db
    .insert(publicRatingSubmissions)
    .values({ addressHash: "a".repeat(64), targetKey: "project:P-1" });
  const framework = only(
    await db
      .insert(frameworks)
      .values({ code: "FW-1", version: 1, name: "绩效评价框架", publishedAt: new Date() })
      .returning({ id: frameworks.id }),
  ).id;
  const dimension = only(
    await db
      .insert(frameworkNodes)
      .values({ frameworkId: framework, kind: "dimension", code: "D1", name: "建设", weight: "1" })
      .returning({ id: frameworkNodes.id }),
  ).id;
  const criterion = only(
    await db
      .insert(frameworkNodes)
      .values({
        frameworkId: framework,
        parentId: dimension,
        kind: "criterion",
        code: "C1",
        name: "进度",
        weight: "0.5",
        scoring: "evaluator",
        minScore: "0",
        maxScore: "100",
      })
      .returning({ id: frameworkNodes.id }),
  ).id;
  const otherCriterion = only(
    await db
      .insert(frameworkNodes)
      .values({
        frameworkId: framework,
        parentId: dimension,
        kind: "criterion",
        code: "C2",
        name: "答复率",
        weight: "0.5",
        scoring: "kpi",
        kpiKey: "reply_rate",
      })
      .returning({ id: frameworkNodes.id }),
  ).id;
  await db.insert(rubricLevels).values({
    criterionId: criterion,
    label: "优",
    minScore: "90",
    maxScore: "100",
    description: "按期完成",
  });
  const round = only(
    await db
      .insert(evaluationRounds)
      .values({
        code: "2024-Q1",
        name: "2024年第一季度",
        frameworkId: framework,
        periodStart: "2024-01-01",
        periodEnd: "2024-03-31",
      })
      .returning({ id: evaluationRounds.id }),
  ).id;
  await db.insert(roundProjects).values({ roundId: round, projectId: project });
  const assignment = only(
    await db
      .insert(assignments)
      .values({ roundId: round, projectId: project, evaluatorId: user })
      .returning({ id: assignments.id }),
  ).id;
  await db.insert(scores).values({ assignmentId: assignment, criterionId: criterion, value: "95" });
  await db.insert(roundResults).values({
    roundId: round,
    projectId: project,
    frameworkId: framework,
    score: "95",
    criteria: [],
  });
  await db.insert(ratingAppeals).values({ ratingId: rating, reason: "恶意差评", filedBy: user });
  const rectificationCase = only(
    await db
      .insert(rectificationCases)
      .values({
        departmentId: department,
        source: "red_flag",
        flagRule: "cpi_red",
        flagSubject: "project:P-2023.1",
        note: "成本超支，请说明原因",
        openedOn: "2024-03-01",
        openedBy: user,
        limitWorkingDays: 15,
        deadline: "2024-03-22",
      })
      .returning({ id: rectificationCases.id }),
  ).id;
  await db.insert(rectificationSteps).values({
    caseId: rectificationCase,
    kind: "answered",
    actorId: user,
    found: "采购延期",
    done: "已调整计划",
  });
  const snapshot = only(
    await db
      .insert(scorecardSnapshots)
      .values({
        subject: "project",
        subjectCode: "P-2023.1",
        version: 1,
        frameworkId: framework,
        dataCutoff: "2024-03-31",
        payload: { kpis: [] },
        publishedBy: user,
      })
      .returning({ id: scorecardSnapshots.id }),
  ).id;
  const importBatch = only(
    await db
      .insert(importBatches)
      .values({
        kind: "projects",
        fileName: "projects.csv",
        contentHash: HASH,
        byteSize: 1024,
        userId: user,
        departmentId: department,
        state: "committed",
        rowsTotal: 10,
        rowsAccepted: 9,
        rowsRejected: 1,
        committedAt: new Date(),
      })
      .returning({ id: importBatches.id }),
  ).id;
  await db
    .insert(importReplacedRows)
    .values({ batchId: importBatch, naturalKey: "P-2023.1", before: null });
  const auditEvent = only(
    await db
      .insert(auditEvents)
      .values({ actorId: user, actorName: "alice", action: "import.commit", objectKind: "batch" })
      .returning({ id: auditEvents.id }),
  ).id;
  await db
    .insert(calendarDays)
    .values({ date: "1990-01-01", isWorking: false, name: "元旦", source: "import" });
  await db.insert(appMeta).values({ key: "constraints_test", value: "1" });
  await db.insert(kpiTargets).values({
    kpi: "constraints_test",
    direction: "between",
    target: "0.5",
    targetMax: "0.6",
    basis: "test",
  });
  // The roll-ups of the fixture appeal, service statistics and budget lines above.
  await db.insert(appealDayRollups).values({
    departmentId: department,
    day: "2024-03-01",
    type: "complaint",
    received: 1,
    replied: 1,
    repliedOnTime: 1,
    withFirstContact: 1,
    firstContactInTime: 1,
    repliedRated: 1,
    rated5: 1,
    repliesByWorkingDays: [0, 1],
  });
  await db
    .insert(appealMonthRollups)
    .values({ departmentId: department, month: "2024-03-01", type: "complaint", received: 1 });
  await db
    .insert(appealReplyMonthRollups)
    .values({ departmentId: department, month: "2024-03-01", workingDays: 1, replies: 1 });
  await db
    .insert(appealTotalDayRollups)
    .values({ day: "2024-03-01", type: "complaint", received: 1 });
  await db
    .insert(appealTotalReplyDayRollups)
    .values({ day: "2024-03-01", workingDays: 1, replies: 1 });
  await db.insert(serviceMonthRollups).values({
    departmentId: department,
    period: "2023-01-01",
    transactions: 100,
    transactionsReportingOnline: 100,
    online: 80,
    completedReportingOnTime: 90,
    completedOnTime: 85,
  });
  await db.insert(projectMonthSpendRollups).values({
    projectId: project,
    period: "2023-01-01",
    plannedYuan: "1500.00",
    actualYuan: "900.00",
  });
  return {
    region,
    department,
    otherDepartment,
    project,
    otherProject,
    indicator,
    serviceItem,
    rating,
    user,
    otherUser,
    framework,
    dimension,
    criterion,
    otherCriterion,
    round,
    assignment,
    importBatch,
    auditEvent,
    snapshot,
    rectificationCase,
  };
}

/**
 * A new valid row for each table, clashing with no fixture's key: each case takes one and
 * changes exactly what its constraint forbids.
 */
function fresh(f: Fixtures) {
  const region: typeof regions.$inferInsert = {
    code: "R-NEW",
    name: "新区",
    level: "county",
    parentId: f.region,
  };
  const department: typeof departments.$inferInsert = {
    code: "D-NEW",
    name: "新部门",
    regionId: f.region,
    parentId: f.department,
  };
  const project: typeof projects.$inferInsert = {
    code: "P-NEW",
    name: "新项目",
    departmentId: f.department,
    budgetYuan: "100.00",
    plannedStart: "2024-01-01",
    plannedEnd: "2024-01-01",
    targetUsers: 0,
  };
  const budgetLine: typeof budgetLines.$inferInsert = {
    projectId: f.project,
    period: "2023-02-01",
    plannedYuan: "0",
    actualYuan: "0",
  };
  const milestone: typeof milestones.$inferInsert = {
    projectId: f.project,
    name: "验收",
    weight: "0",
    plannedDate: "2023-12-01",
  };
  const indicator: typeof outcomeIndicators.$inferInsert = {
    projectId: f.project,
    code: "OI-NEW",
    name: "平均办理时长",
    direction: "lower",
    baseline: "10",
    target: "10",
    weight: "0",
  };
  const outcomeValue: typeof outcomeValues.$inferInsert = {
    indicatorId: f.indicator,
    period: "2023-02-01",
    actual: "60",
  };
  const serviceItem: typeof serviceItems.$inferInsert = {
    code: "SI-NEW",
    name: "新事项",
    departmentId: f.department,
    maturity: 0,
    timeLimitDays: 0,
  };
  const serviceStat: typeof serviceStats.$inferInsert = {
    itemId: f.serviceItem,
    period: "2023-02-01",
    transactions: 10,
    online: 10,
    completed: 5,
    completedOnTime: 5,
  };
  const appeal: typeof appeals.$inferInsert = {
    externalId: "A-NEW",
    departmentId: f.department,
    type: "consultation",
    receivedAt: new Date("2024-04-01T09:00:00Z"),
    firstContactAt: new Date("2024-04-01T09:00:00Z"),
    repliedAt: new Date("2024-04-01T09:00:00Z"),
    closedAt: new Date("2024-04-01T09:00:00Z"),
    dueAt: new Date("2024-04-01T09:00:00Z"),
    satisfaction: 1,
  };
  const rating: typeof ratings.$inferInsert = {
    externalId: "RT-NEW",
    target: "project",
    projectId: f.project,
    score: 1,
    ratedAt: new Date("2024-04-01T09:00:00Z"),
  };
  const user: typeof users.$inferInsert = {
    username: "bob",
    displayName: "Bob",
    role: "steward",
    passwordHash: "x",
  };
  const userDepartment: typeof userDepartments.$inferInsert = {
    userId: f.user,
    departmentId: f.otherDepartment,
  };
  const session: typeof sessions.$inferInsert = {
    id: "session-new",
    userId: f.user,
    createdAt: new Date("2024-01-01T00:00:00Z"),
    expiresAt: new Date("2024-01-01T00:00:01Z"),
  };
  const loginAttempt: typeof loginAttempts.$inferInsert = { username: "nobody", succeeded: false };
  const ratingSubmission: typeof publicRatingSubmissions.$inferInsert = {
    addressHash: "0123456789abcdef".repeat(4),
    targetKey: "service:S-1",
  };
  const framework: typeof frameworks.$inferInsert = { code: "FW-1", version: 2, name: "第二版" };
  const node: typeof frameworkNodes.$inferInsert = {
    frameworkId: f.framework,
    parentId: f.dimension,
    kind: "criterion",
    code: "C-NEW",
    name: "质量",
    weight: "0",
    scoring: "evaluator",
    minScore: "0",
    maxScore: "10",
  };
  const rubricLevel: typeof rubricLevels.$inferInsert = {
    criterionId: f.criterion,
    label: "良",
    minScore: "80",
    maxScore: "80",
    description: "基本完成",
  };
  const round: typeof evaluationRounds.$inferInsert = {
    code: "2024-Q2",
    name: "2024年第二季度",
    frameworkId: f.framework,
    periodStart: "2024-04-01",
    periodEnd: "2024-04-01",
  };
  const roundProject: typeof roundProjects.$inferInsert = {
    roundId: f.round,
    projectId: f.otherProject,
  };
  const assignment: typeof assignments.$inferInsert = {
    roundId: f.round,
    projectId: f.project,
    evaluatorId: f.otherUser,
    state: "submitted",
    noConflictDeclaredAt: new Date("2024-02-01T00:00:00Z"),
    submittedAt: new Date("2024-02-02T00:00:00Z"),
  };
  const score: typeof scores.$inferInsert = {
    assignmentId: f.assignment,
    criterionId: f.otherCriterion,
    value: "1",
  };
  const roundResult: typeof roundResults.$inferInsert = {
    roundId: f.round,
    projectId: f.otherProject,
    frameworkId: f.framework,
    score: null,
    criteria: [],
  };
  const ratingAppeal: typeof ratingAppeals.$inferInsert = {
    ratingId: f.rating,
    reason: "重复评价",
    filedBy: f.otherUser,
    state: "upheld",
    decisionReason: "同一人同日重复评价",
    decidedBy: f.user,
    decidedAt: new Date("2024-04-02T00:00:00Z"),
  };
  const rectificationCase: typeof rectificationCases.$inferInsert = {
    departmentId: f.department,
    source: "rating",
    ratingId: f.rating,
    openedOn: "2024-03-01",
    limitWorkingDays: 5,
    deadline: "2024-03-08",
    state: "closed",
    closedAt: new Date("2024-03-05T08:00:00Z"),
    closedOn: "2024-03-05",
  };
  const rectificationStep: typeof rectificationSteps.$inferInsert = {
    caseId: f.rectificationCase,
    kind: "returned",
    actorId: f.otherUser,
    comment: "证据不足",
  };
  const snapshot: typeof scorecardSnapshots.$inferInsert = {
    subject: "project",
    subjectCode: "P-2023.1",
    version: 2,
    frameworkId: f.framework,
    dataCutoff: "2024-04-30",
    payload: {},
    correctionReason: "修正预算数据",
    publishedBy: f.user,
  };
  const importBatch: typeof importBatches.$inferInsert = {
    kind: "appeals",
    fileName: "appeals.csv",
    contentHash: HASH,
    byteSize: 0,
    state: "reverted",
    rowsTotal: 0,
    committedAt: new Date("2024-01-01T00:00:00Z"),
    revertedAt: new Date("2024-01-02T00:00:00Z"),
  };
  const replacedRow: typeof importReplacedRows.$inferInsert = {
    batchId: f.importBatch,
    naturalKey: "P-2023.2",
  };
  const auditEvent: typeof auditEvents.$inferInsert = { action: "login" };
  const calendarDay: typeof calendarDays.$inferInsert = {
    date: "1990-01-02",
    isWorking: true,
    source: "package",
  };
  const meta: typeof appMeta.$inferInsert = { key: "constraints_test_2", value: "" };
  const kpiTarget: typeof kpiTargets.$inferInsert = {
    kpi: "constraints_test_2",
    direction: "at_least",
    target: "0.9",
    basis: "test",
  };
  const appealDayRollup: typeof appealDayRollups.$inferInsert = {
    departmentId: f.department,
    day: "2024-04-01",
    type: "consultation",
  };
  const appealMonthRollup: typeof appealMonthRollups.$inferInsert = {
    departmentId: f.department,
    month: "2024-04-01",
    type: "consultation",
  };
  const appealReplyMonthRollup: typeof appealReplyMonthRollups.$inferInsert = {
    departmentId: f.department,
    month: "2024-04-01",
    workingDays: 0,
    replies: 1,
  };
  const appealTotalDayRollup: typeof appealTotalDayRollups.$inferInsert = {
    day: "2024-04-01",
    type: "consultation",
  };
  const appealTotalReplyDayRollup: typeof appealTotalReplyDayRollups.$inferInsert = {
    day: "2024-04-01",
    workingDays: 0,
    replies: 1,
  };
  const serviceMonthRollup: typeof serviceMonthRollups.$inferInsert = {
    departmentId: f.department,
    period: "2023-02-01",
    transactions: 10,
    transactionsReportingOnline: 10,
    online: 10,
    completedReportingOnTime: 5,
    completedOnTime: 5,
  };
  const projectSpendRollup: typeof projectMonthSpendRollups.$inferInsert = {
    projectId: f.project,
    period: "2023-02-01",
    plannedYuan: "0",
    actualYuan: "0",
  };
  return {
    region,
    department,
    project,
    budgetLine,
    milestone,
    indicator,
    outcomeValue,
    serviceItem,
    serviceStat,
    appeal,
    rating,
    user,
    userDepartment,
    session,
    loginAttempt,
    ratingSubmission,
    framework,
    node,
    rubricLevel,
    round,
    roundProject,
    assignment,
    score,
    roundResult,
    ratingAppeal,
    rectificationCase,
    rectificationStep,
    snapshot,
    importBatch,
    replacedRow,
    auditEvent,
    calendarDay,
    meta,
    kpiTarget,
    appealDayRollup,
    appealMonthRollup,
    appealReplyMonthRollup,
    appealTotalDayRollup,
    appealTotalReplyDayRollup,
    serviceMonthRollup,
    projectSpendRollup,
  };
}

const insertAuditEvent: Run = (tx, f) => tx.insert(auditEvents).values(fresh(f).auditEvent);
const insertSnapshot: Run = (tx, f) => tx.insert(scorecardSnapshots).values(fresh(f).snapshot);

/** An appeal on a fresh rating (the fixture rating has its one appeal), with changes. */
const insertAppeal =
  (changes: Partial<typeof ratingAppeals.$inferInsert> = {}): Run =>
  async (tx, f) => {
    const rating = only(
      await tx.insert(ratings).values(fresh(f).rating).returning({ id: ratings.id }),
    ).id;
    await tx
      .insert(ratingAppeals)
      .values({ ...fresh(f).ratingAppeal, ratingId: rating, ...changes });
  };

/** Inserts of each fresh row: all must be accepted, which shows the cases change one thing. */
const freshInserts: Record<string, Run> = {
  regions: (tx, f) => tx.insert(regions).values(fresh(f).region),
  departments: (tx, f) => tx.insert(departments).values(fresh(f).department),
  projects: (tx, f) => tx.insert(projects).values(fresh(f).project),
  budget_lines: (tx, f) => tx.insert(budgetLines).values(fresh(f).budgetLine),
  milestones: (tx, f) => tx.insert(milestones).values(fresh(f).milestone),
  outcome_indicators: (tx, f) => tx.insert(outcomeIndicators).values(fresh(f).indicator),
  outcome_values: (tx, f) => tx.insert(outcomeValues).values(fresh(f).outcomeValue),
  service_items: (tx, f) => tx.insert(serviceItems).values(fresh(f).serviceItem),
  service_stats: (tx, f) => tx.insert(serviceStats).values(fresh(f).serviceStat),
  appeals: (tx, f) => tx.insert(appeals).values(fresh(f).appeal),
  ratings: (tx, f) => tx.insert(ratings).values(fresh(f).rating),
  users: (tx, f) => tx.insert(users).values(fresh(f).user),
  user_departments: (tx, f) => tx.insert(userDepartments).values(fresh(f).userDepartment),
  sessions: (tx, f) => tx.insert(sessions).values(fresh(f).session),
  login_attempts: (tx, f) => tx.insert(loginAttempts).values(fresh(f).loginAttempt),
  public_rating_submissions: (tx, f) =>
    tx.insert(publicRatingSubmissions).values(fresh(f).ratingSubmission),
  frameworks: (tx, f) => tx.insert(frameworks).values(fresh(f).framework),
  framework_nodes: (tx, f) => tx.insert(frameworkNodes).values(fresh(f).node),
  rubric_levels: (tx, f) => tx.insert(rubricLevels).values(fresh(f).rubricLevel),
  evaluation_rounds: (tx, f) => tx.insert(evaluationRounds).values(fresh(f).round),
  round_projects: (tx, f) => tx.insert(roundProjects).values(fresh(f).roundProject),
  assignments: (tx, f) => tx.insert(assignments).values(fresh(f).assignment),
  scores: (tx, f) => tx.insert(scores).values(fresh(f).score),
  round_results: (tx, f) => tx.insert(roundResults).values(fresh(f).roundResult),
  rating_appeals: insertAppeal(),
  rectification_cases: (tx, f) => tx.insert(rectificationCases).values(fresh(f).rectificationCase),
  rectification_steps: (tx, f) => tx.insert(rectificationSteps).values(fresh(f).rectificationStep),
  // Both sources already have their limit (reference data): a valid change instead.
  rectification_limits: (tx) =>
    tx
      .update(rectificationLimits)
      .set({ workingDays: 365 })
      .where(eq(rectificationLimits.source, "red_flag")),
  scorecard_snapshots: insertSnapshot,
  import_batches: (tx, f) => tx.insert(importBatches).values(fresh(f).importBatch),
  import_replaced_rows: (tx, f) => tx.insert(importReplacedRows).values(fresh(f).replacedRow),
  audit_events: insertAuditEvent,
  calendar_days: (tx, f) => tx.insert(calendarDays).values(fresh(f).calendarDay),
  app_meta: (tx, f) => tx.insert(appMeta).values(fresh(f).meta),
  kpi_targets: (tx, f) => tx.insert(kpiTargets).values(fresh(f).kpiTarget),
  appeal_day_rollups: (tx, f) => tx.insert(appealDayRollups).values(fresh(f).appealDayRollup),
  appeal_month_rollups: (tx, f) => tx.insert(appealMonthRollups).values(fresh(f).appealMonthRollup),
  appeal_reply_month_rollups: (tx, f) =>
    tx.insert(appealReplyMonthRollups).values(fresh(f).appealReplyMonthRollup),
  appeal_total_day_rollups: (tx, f) =>
    tx.insert(appealTotalDayRollups).values(fresh(f).appealTotalDayRollup),
  appeal_total_reply_day_rollups: (tx, f) =>
    tx.insert(appealTotalReplyDayRollups).values(fresh(f).appealTotalReplyDayRollup),
  service_month_rollups: (tx, f) =>
    tx.insert(serviceMonthRollups).values(fresh(f).serviceMonthRollup),
  project_month_spend_rollups: (tx, f) =>
    tx.insert(projectMonthSpendRollups).values(fresh(f).projectSpendRollup),
  // Every appeal type already has its limit (reference data): a valid change instead.
  reply_time_limits: (tx) =>
    tx
      .update(replyTimeLimits)
      .set({ workingDays: 365 })
      .where(eq(replyTimeLimits.appealType, "praise")),
};

/* ------------------------------------------------------------------------------------ */
/* The cases                                                                            */
/* ------------------------------------------------------------------------------------ */

type Kind = "check" | "unique" | "foreign key" | "restrict" | "primary key";
/**
 * Expected SQLSTATEs. Deleting a row that an ON DELETE RESTRICT key still references is
 * foreign_key_violation (23503) up to PostgreSQL 17 and restrict_violation (23001) from 18
 * (PGlite 0.5 is 18).
 */
const SQLSTATES: Record<Kind, string[]> = {
  check: ["23514"],
  unique: ["23505"],
  "foreign key": ["23503"],
  restrict: ["23503", "23001"],
  "primary key": ["23505"],
};

interface ConstraintCase {
  constraint: string;
  kind: Kind;
  why: string;
  run: Run;
}

const check = (constraint: string, why: string, run: Run): ConstraintCase => ({
  constraint,
  kind: "check",
  why,
  run,
});
const unique = (constraint: string, why: string, run: Run): ConstraintCase => ({
  constraint,
  kind: "unique",
  why,
  run,
});
const foreignKey = (constraint: string, why: string, run: Run): ConstraintCase => ({
  constraint,
  kind: "foreign key",
  why,
  run,
});
const restrict = (constraint: string, why: string, run: Run): ConstraintCase => ({
  constraint,
  kind: "restrict",
  why,
  run,
});
const primaryKey = (constraint: string, why: string, run: Run): ConstraintCase => ({
  constraint,
  kind: "primary key",
  why,
  run,
});

const at = (iso: string) => new Date(iso);

/** Every `*_not_blank` check: the column must hold a character that is not white space. */
const notBlankColumns: Array<{ constraint: string; insert: (value: string) => Run }> = [
  {
    constraint: "regions_name_not_blank",
    insert: (name) => (tx, f) => tx.insert(regions).values({ ...fresh(f).region, name }),
  },
  {
    constraint: "departments_name_not_blank",
    insert: (name) => (tx, f) => tx.insert(departments).values({ ...fresh(f).department, name }),
  },
  {
    constraint: "projects_name_not_blank",
    insert: (name) => (tx, f) => tx.insert(projects).values({ ...fresh(f).project, name }),
  },
  {
    constraint: "milestones_name_not_blank",
    insert: (name) => (tx, f) => tx.insert(milestones).values({ ...fresh(f).milestone, name }),
  },
  {
    constraint: "outcome_indicators_name_not_blank",
    insert: (name) => (tx, f) =>
      tx.insert(outcomeIndicators).values({ ...fresh(f).indicator, name }),
  },
  {
    constraint: "service_items_name_not_blank",
    insert: (name) => (tx, f) => tx.insert(serviceItems).values({ ...fresh(f).serviceItem, name }),
  },
  {
    constraint: "appeals_external_id_not_blank",
    insert: (externalId) => (tx, f) =>
      tx.insert(appeals).values({ ...fresh(f).appeal, externalId }),
  },
  {
    constraint: "ratings_external_id_not_blank",
    insert: (externalId) => (tx, f) =>
      tx.insert(ratings).values({ ...fresh(f).rating, externalId }),
  },
  {
    constraint: "frameworks_name_not_blank",
    insert: (name) => (tx, f) => tx.insert(frameworks).values({ ...fresh(f).framework, name }),
  },
  {
    constraint: "framework_nodes_name_not_blank",
    insert: (name) => (tx, f) => tx.insert(frameworkNodes).values({ ...fresh(f).node, name }),
  },
  {
    constraint: "rubric_levels_label_not_blank",
    insert: (label) => (tx, f) =>
      tx.insert(rubricLevels).values({ ...fresh(f).rubricLevel, label }),
  },
  {
    constraint: "evaluation_rounds_name_not_blank",
    insert: (name) => (tx, f) => tx.insert(evaluationRounds).values({ ...fresh(f).round, name }),
  },
];

/**
 * Values without a visible character. Besides ASCII white space the checks count
 * U+00A0, U+2000-U+200B and the ideographic space U+3000 of Chinese input methods
 * as blank (btrim() stripped ASCII spaces only).
 */
const BLANKS: Array<{ why: string; value: string }> = [
  { why: "empty", value: "" },
  { why: "only spaces", value: "   " },
  { why: "only a tab", value: "\t" },
  { why: "only an ideographic space (U+3000)", value: "\u3000" },
  {
    why: "only line breaks and no-break, em, zero-width and ideographic spaces",
    value: "\r\n\u00a0\u2003\u200b\u3000",
  },
];

const notBlankCases: ConstraintCase[] = notBlankColumns.flatMap(({ constraint, insert }) =>
  BLANKS.map(({ why, value }) => check(constraint, why, insert(value))),
);

const checkCases: ConstraintCase[] = [
  ...notBlankCases,
  // regions
  check("regions_code_format", "code with a space", (tx, f) =>
    tx.insert(regions).values({ ...fresh(f).region, code: "R 02" }),
  ),
  check("regions_not_own_parent", "a region its own parent", (tx, f) =>
    tx
      .update(regions)
      .set({ parentId: sql`${regions.id}` })
      .where(eq(regions.id, f.region)),
  ),
  // departments
  check("departments_code_format", "code with a slash", (tx, f) =>
    tx.insert(departments).values({ ...fresh(f).department, code: "部门/03" }),
  ),
  check("departments_not_own_parent", "a department its own parent", (tx, f) =>
    tx
      .update(departments)
      .set({ parentId: sql`${departments.id}` })
      .where(eq(departments.id, f.department)),
  ),
  // projects
  check("projects_code_format", "code with a comma", (tx, f) =>
    tx.insert(projects).values({ ...fresh(f).project, code: "MJ,2024" }),
  ),
  check("projects_budget_non_negative", "negative budget", (tx, f) =>
    tx.insert(projects).values({ ...fresh(f).project, budgetYuan: "-0.01" }),
  ),
  check("projects_target_users_non_negative", "negative target users", (tx, f) =>
    tx.insert(projects).values({ ...fresh(f).project, targetUsers: -1 }),
  ),
  check("projects_dates_ordered", "planned end before planned start", (tx, f) =>
    tx
      .insert(projects)
      .values({ ...fresh(f).project, plannedStart: "2024-02-01", plannedEnd: "2024-01-31" }),
  ),
  // budget lines
  check("budget_lines_period_is_month", "period not the first of a month", (tx, f) =>
    tx.insert(budgetLines).values({ ...fresh(f).budgetLine, period: "2023-02-15" }),
  ),
  check("budget_lines_planned_non_negative", "negative planned spend", (tx, f) =>
    tx.insert(budgetLines).values({ ...fresh(f).budgetLine, plannedYuan: "-1" }),
  ),
  check("budget_lines_actual_non_negative", "negative actual spend", (tx, f) =>
    tx.insert(budgetLines).values({ ...fresh(f).budgetLine, actualYuan: "-1" }),
  ),
  // milestones
  check("milestones_weight_non_negative", "negative weight", (tx, f) =>
    tx.insert(milestones).values({ ...fresh(f).milestone, weight: "-0.1" }),
  ),
  // outcome indicators and values
  check("outcome_indicators_code_format", "code with a space", (tx, f) =>
    tx.insert(outcomeIndicators).values({ ...fresh(f).indicator, code: "OI 2" }),
  ),
  check("outcome_indicators_weight_non_negative", "negative weight", (tx, f) =>
    tx.insert(outcomeIndicators).values({ ...fresh(f).indicator, weight: "-1" }),
  ),
  check(
    "outcome_indicators_target_matches_direction",
    "'higher' with a target below the baseline",
    (tx, f) =>
      tx
        .insert(outcomeIndicators)
        .values({ ...fresh(f).indicator, direction: "higher", baseline: "10", target: "9" }),
  ),
  check(
    "outcome_indicators_target_matches_direction",
    "'lower' with a target above the baseline",
    (tx, f) =>
      tx
        .insert(outcomeIndicators)
        .values({ ...fresh(f).indicator, direction: "lower", baseline: "10", target: "11" }),
  ),
  check("outcome_values_period_is_month", "period not the first of a month", (tx, f) =>
    tx.insert(outcomeValues).values({ ...fresh(f).outcomeValue, period: "2023-02-28" }),
  ),
  // service items and statistics
  check("service_items_code_format", "code with a slash", (tx, f) =>
    tx.insert(serviceItems).values({ ...fresh(f).serviceItem, code: "SI/2" }),
  ),
  check("service_items_maturity_range", "maturity 5", (tx, f) =>
    tx.insert(serviceItems).values({ ...fresh(f).serviceItem, maturity: 5 }),
  ),
  check("service_items_maturity_range", "maturity -1", (tx, f) =>
    tx.insert(serviceItems).values({ ...fresh(f).serviceItem, maturity: -1 }),
  ),
  check("service_items_time_limit_non_negative", "negative time limit", (tx, f) =>
    tx.insert(serviceItems).values({ ...fresh(f).serviceItem, timeLimitDays: -1 }),
  ),
  check("service_stats_period_is_month", "period not the first of a month", (tx, f) =>
    tx.insert(serviceStats).values({ ...fresh(f).serviceStat, period: "2023-02-02" }),
  ),
  check("service_stats_transactions_non_negative", "negative transactions", (tx, f) =>
    tx
      .insert(serviceStats)
      .values({ ...fresh(f).serviceStat, transactions: -1, online: null, completed: null }),
  ),
  check("service_stats_online_in_range", "more online than transactions", (tx, f) =>
    tx.insert(serviceStats).values({ ...fresh(f).serviceStat, transactions: 10, online: 11 }),
  ),
  check("service_stats_online_in_range", "negative online", (tx, f) =>
    tx.insert(serviceStats).values({ ...fresh(f).serviceStat, online: -1 }),
  ),
  check("service_stats_completed_non_negative", "negative completed", (tx, f) =>
    tx
      .insert(serviceStats)
      .values({ ...fresh(f).serviceStat, completed: -1, completedOnTime: null }),
  ),
  check("service_stats_on_time_in_range", "more on time than completed", (tx, f) =>
    tx.insert(serviceStats).values({ ...fresh(f).serviceStat, completed: 5, completedOnTime: 6 }),
  ),
  check("service_stats_on_time_in_range", "negative on time", (tx, f) =>
    tx
      .insert(serviceStats)
      .values({ ...fresh(f).serviceStat, completed: null, completedOnTime: -1 }),
  ),
  // appeals
  check("appeals_satisfaction_range", "satisfaction 0", (tx, f) =>
    tx.insert(appeals).values({ ...fresh(f).appeal, satisfaction: 0 }),
  ),
  check("appeals_satisfaction_range", "satisfaction 6", (tx, f) =>
    tx.insert(appeals).values({ ...fresh(f).appeal, satisfaction: 6 }),
  ),
  check("appeals_first_contact_after_received", "contacted before received", (tx, f) =>
    tx.insert(appeals).values({ ...fresh(f).appeal, firstContactAt: at("2024-04-01T08:59:59Z") }),
  ),
  check("appeals_replied_after_received", "replied before received", (tx, f) =>
    tx.insert(appeals).values({ ...fresh(f).appeal, repliedAt: at("2024-03-31T09:00:00Z") }),
  ),
  check("appeals_closed_after_received", "closed before received", (tx, f) =>
    tx.insert(appeals).values({ ...fresh(f).appeal, closedAt: at("2024-03-31T09:00:00Z") }),
  ),
  check("appeals_due_after_received", "due before received", (tx, f) =>
    tx.insert(appeals).values({ ...fresh(f).appeal, dueAt: at("2024-03-31T09:00:00Z") }),
  ),
  // ratings
  check("ratings_score_range", "score 0", (tx, f) =>
    tx.insert(ratings).values({ ...fresh(f).rating, score: 0 }),
  ),
  check("ratings_score_range", "score 6", (tx, f) =>
    tx.insert(ratings).values({ ...fresh(f).rating, score: 6 }),
  ),
  check("ratings_target_matches", "a service rating without a service item", (tx, f) =>
    tx.insert(ratings).values({ ...fresh(f).rating, target: "service", projectId: null }),
  ),
  check("ratings_target_matches", "a service rating that names a project", (tx, f) =>
    tx
      .insert(ratings)
      .values({ ...fresh(f).rating, target: "service", serviceItemId: f.serviceItem }),
  ),
  check("ratings_target_matches", "a project rating without a project", (tx, f) =>
    tx
      .insert(ratings)
      .values({ ...fresh(f).rating, projectId: null, serviceItemId: f.serviceItem }),
  ),
  check("ratings_comment_state_with_comment", "a comment without a moderation state", (tx, f) =>
    tx.insert(ratings).values({ ...fresh(f).rating, comment: "差" }),
  ),
  check("ratings_comment_state_with_comment", "a moderation state without a comment", (tx, f) =>
    tx.insert(ratings).values({ ...fresh(f).rating, commentState: "approved" }),
  ),
  // reference data
  check("kpi_targets_between_has_max", "'between' without a maximum", (tx, f) =>
    tx.insert(kpiTargets).values({ ...fresh(f).kpiTarget, direction: "between" }),
  ),
  check("kpi_targets_between_has_max", "'at_least' with a maximum", (tx, f) =>
    tx.insert(kpiTargets).values({ ...fresh(f).kpiTarget, targetMax: "1" }),
  ),
  check("kpi_targets_max_above_min", "maximum below the target", (tx, f) =>
    tx
      .insert(kpiTargets)
      .values({ ...fresh(f).kpiTarget, direction: "between", target: "0.9", targetMax: "0.8" }),
  ),
  check("reply_time_limits_positive", "0 working days", (tx) =>
    tx
      .update(replyTimeLimits)
      .set({ workingDays: 0 })
      .where(eq(replyTimeLimits.appealType, "complaint")),
  ),
  check("reply_time_limits_positive", "366 working days", (tx) =>
    tx
      .update(replyTimeLimits)
      .set({ workingDays: 366 })
      .where(eq(replyTimeLimits.appealType, "complaint")),
  ),
  // public rating submissions: a keyed hash, never an address
  check("public_rating_submissions_hash_format", "an address in clear", (tx, f) =>
    tx
      .insert(publicRatingSubmissions)
      .values({ ...fresh(f).ratingSubmission, addressHash: "203.0.113.7" }),
  ),
  check("rectification_limits_positive", "0 working days", (tx) =>
    tx
      .update(rectificationLimits)
      .set({ workingDays: 0 })
      .where(eq(rectificationLimits.source, "rating")),
  ),
  // rectification cases
  check("rectification_cases_source_matches", "a bad-review case without its rating", (tx, f) =>
    tx.insert(rectificationCases).values({ ...fresh(f).rectificationCase, ratingId: null }),
  ),
  check("rectification_cases_source_matches", "a bad-review case naming a flag", (tx, f) =>
    tx
      .insert(rectificationCases)
      .values({ ...fresh(f).rectificationCase, flagRule: "cpi_red", flagSubject: "project:X" }),
  ),
  check("rectification_cases_source_matches", "a supervision notice without a note", (tx, f) =>
    tx.insert(rectificationCases).values({
      ...fresh(f).rectificationCase,
      source: "red_flag",
      ratingId: null,
      flagRule: "spi_red",
      flagSubject: "project:P-2023.1",
    }),
  ),
  check("rectification_cases_note_not_blank", "a blank note", (tx, f) =>
    tx.insert(rectificationCases).values({ ...fresh(f).rectificationCase, note: "\u3000" }),
  ),
  check("rectification_cases_closed_has_time", "closed without a closing day", (tx, f) =>
    tx.insert(rectificationCases).values({ ...fresh(f).rectificationCase, closedOn: null }),
  ),
  check("rectification_cases_closed_has_time", "open with a closing time", (tx, f) =>
    tx.insert(rectificationCases).values({ ...fresh(f).rectificationCase, state: "answered" }),
  ),
  check("rectification_cases_limit_positive", "a limit of 0 working days", (tx, f) =>
    tx.insert(rectificationCases).values({ ...fresh(f).rectificationCase, limitWorkingDays: 0 }),
  ),
  check("rectification_cases_deadline_after_opening", "due on the day it opened", (tx, f) =>
    tx.insert(rectificationCases).values({ ...fresh(f).rectificationCase, deadline: "2024-03-01" }),
  ),
  check("rectification_steps_found_not_blank", "a blank finding", (tx, f) =>
    tx
      .insert(rectificationSteps)
      .values({ ...fresh(f).rectificationStep, kind: "answered", found: " ", done: "已整改" }),
  ),
  check("rectification_steps_done_not_blank", "a blank action", (tx, f) =>
    tx
      .insert(rectificationSteps)
      .values({ ...fresh(f).rectificationStep, kind: "answered", found: "属实", done: "\u3000" }),
  ),
  check("rectification_steps_answer_complete", "an answer without what was done", (tx, f) =>
    tx
      .insert(rectificationSteps)
      .values({ ...fresh(f).rectificationStep, kind: "answered", found: "属实" }),
  ),
  check("rectification_steps_comment_not_blank", "a blank comment", (tx, f) =>
    tx.insert(rectificationSteps).values({ ...fresh(f).rectificationStep, comment: " " }),
  ),
  check("rectification_steps_return_has_comment", "a return without a comment", (tx, f) =>
    tx.insert(rectificationSteps).values({ ...fresh(f).rectificationStep, comment: null }),
  ),
  // accounts
  check("sessions_expiry_after_creation", "expires when created", (tx, f) =>
    tx.insert(sessions).values({ ...fresh(f).session, expiresAt: at("2024-01-01T00:00:00Z") }),
  ),
  check("users_username_format", "one character", (tx, f) =>
    tx.insert(users).values({ ...fresh(f).user, username: "b" }),
  ),
  check("users_username_format", "with a space", (tx, f) =>
    tx.insert(users).values({ ...fresh(f).user, username: "bob smith" }),
  ),
  check("users_username_format", "not ASCII", (tx, f) =>
    tx.insert(users).values({ ...fresh(f).user, username: "张三" }),
  ),
  check("users_username_format", "65 characters", (tx, f) =>
    tx.insert(users).values({ ...fresh(f).user, username: "b".repeat(65) }),
  ),
  // evaluation
  check("frameworks_code_format", "code with a space", (tx, f) =>
    tx.insert(frameworks).values({ ...fresh(f).framework, code: "FW 2" }),
  ),
  check("frameworks_version_positive", "version 0", (tx, f) =>
    tx.insert(frameworks).values({ ...fresh(f).framework, version: 0 }),
  ),
  check("framework_nodes_code_format", "code with a comma", (tx, f) =>
    tx.insert(frameworkNodes).values({ ...fresh(f).node, code: "C,3" }),
  ),
  check("framework_nodes_weight_range", "weight above 1", (tx, f) =>
    tx.insert(frameworkNodes).values({ ...fresh(f).node, weight: "1.000001" }),
  ),
  check("framework_nodes_weight_range", "negative weight", (tx, f) =>
    tx.insert(frameworkNodes).values({ ...fresh(f).node, weight: "-0.5" }),
  ),
  check("framework_nodes_criterion_scoring", "a criterion without scoring", (tx, f) =>
    tx.insert(frameworkNodes).values({ ...fresh(f).node, scoring: null }),
  ),
  check("framework_nodes_criterion_scoring", "a dimension with scoring", (tx, f) =>
    tx.insert(frameworkNodes).values({ ...fresh(f).node, kind: "dimension", parentId: null }),
  ),
  check("framework_nodes_kpi_binding", "a KPI criterion without a KPI", (tx, f) =>
    tx.insert(frameworkNodes).values({ ...fresh(f).node, scoring: "kpi", kpiKey: null }),
  ),
  check("framework_nodes_kpi_binding", "an evaluator criterion bound to a KPI", (tx, f) =>
    tx.insert(frameworkNodes).values({ ...fresh(f).node, kpiKey: "reply_rate" }),
  ),
  // A dimension has no scoring (NULL): the check must not let NULL through.
  check("framework_nodes_kpi_binding", "a dimension bound to a KPI", (tx, f) =>
    tx.insert(frameworkNodes).values({
      ...fresh(f).node,
      kind: "dimension",
      parentId: null,
      scoring: null,
      minScore: null,
      maxScore: null,
      kpiKey: "reply_rate",
    }),
  ),
  check("framework_nodes_score_range", "maximum equal to the minimum", (tx, f) =>
    tx.insert(frameworkNodes).values({ ...fresh(f).node, minScore: "10", maxScore: "10" }),
  ),
  check("framework_nodes_score_range", "evaluator criterion without a minimum", (tx, f) =>
    tx.insert(frameworkNodes).values({ ...fresh(f).node, minScore: null }),
  ),
  check("framework_nodes_score_range", "evaluator criterion without a maximum", (tx, f) =>
    tx.insert(frameworkNodes).values({ ...fresh(f).node, maxScore: null }),
  ),
  check("rubric_levels_range_ordered", "minimum above the maximum", (tx, f) =>
    tx.insert(rubricLevels).values({ ...fresh(f).rubricLevel, minScore: "81", maxScore: "80" }),
  ),
  check("evaluation_rounds_code_format", "code with a colon", (tx, f) =>
    tx.insert(evaluationRounds).values({ ...fresh(f).round, code: "2024:Q2" }),
  ),
  check("evaluation_rounds_period_ordered", "period ends before it starts", (tx, f) =>
    tx.insert(evaluationRounds).values({ ...fresh(f).round, periodEnd: "2024-03-31" }),
  ),
  check("evaluation_rounds_threshold_positive", "threshold 0", (tx, f) =>
    tx.insert(evaluationRounds).values({ ...fresh(f).round, disagreementThreshold: "0" }),
  ),
  check("assignments_submitted_has_time", "submitted without a submission time", (tx, f) =>
    tx.insert(assignments).values({ ...fresh(f).assignment, submittedAt: null }),
  ),
  check(
    "assignments_submitted_after_declaration",
    "submitted without a conflict declaration",
    (tx, f) =>
      tx.insert(assignments).values({ ...fresh(f).assignment, noConflictDeclaredAt: null }),
  ),
  check("framework_nodes_justify_ordered", "justification below 80 but above 20", (tx, f) =>
    tx.insert(frameworkNodes).values({ ...fresh(f).node, justifyBelow: "8", justifyAbove: "2" }),
  ),
  check("scores_return_has_comment", "returned without a comment", (tx, f) =>
    tx.insert(scores).values({ ...fresh(f).score, returnedAt: new Date() }),
  ),
  check("scores_return_has_comment", "a return comment on a score not returned", (tx, f) =>
    tx.insert(scores).values({ ...fresh(f).score, returnComment: "请补充依据" }),
  ),
  // rating appeals
  check("rating_appeals_reason_not_blank", "a blank reason", insertAppeal({ reason: "\u3000" })),
  check(
    "rating_appeals_decided",
    "upheld without a decision time",
    insertAppeal({ decidedAt: null }),
  ),
  check(
    "rating_appeals_decided",
    "pending with a decision time",
    insertAppeal({ state: "pending", decisionReason: null }),
  ),
  check(
    "rating_appeals_decided",
    "dismissed without a reason",
    insertAppeal({ state: "dismissed", decisionReason: " " }),
  ),
  // scorecards
  check("scorecard_snapshots_version_positive", "version 0", (tx, f) =>
    tx.insert(scorecardSnapshots).values({ ...fresh(f).snapshot, version: 0 }),
  ),
  check("scorecard_snapshots_correction_has_reason", "a correction without a reason", (tx, f) =>
    tx.insert(scorecardSnapshots).values({ ...fresh(f).snapshot, correctionReason: null }),
  ),
  check("scorecard_snapshots_correction_has_reason", "a correction with a blank reason", (tx, f) =>
    tx.insert(scorecardSnapshots).values({ ...fresh(f).snapshot, correctionReason: "  " }),
  ),
  // imports and audit
  check("import_batches_hash_format", "upper-case hash", (tx, f) =>
    tx.insert(importBatches).values({ ...fresh(f).importBatch, contentHash: HASH.toUpperCase() }),
  ),
  check("import_batches_hash_format", "63 hex digits", (tx, f) =>
    tx.insert(importBatches).values({ ...fresh(f).importBatch, contentHash: HASH.slice(1) }),
  ),
  check("import_batches_row_counts", "more rows accepted and rejected than read", (tx, f) =>
    tx
      .insert(importBatches)
      .values({ ...fresh(f).importBatch, rowsTotal: 2, rowsAccepted: 2, rowsRejected: 1 }),
  ),
  check("import_batches_row_counts", "negative rows accepted", (tx, f) =>
    tx
      .insert(importBatches)
      .values({ ...fresh(f).importBatch, rowsTotal: 0, rowsAccepted: -1, rowsRejected: 0 }),
  ),
  check("import_batches_byte_size_non_negative", "negative byte size", (tx, f) =>
    tx.insert(importBatches).values({ ...fresh(f).importBatch, byteSize: -1 }),
  ),
  check("import_batches_committed_has_time", "committed without a commit time", (tx, f) =>
    tx.insert(importBatches).values({
      ...fresh(f).importBatch,
      state: "committed",
      committedAt: null,
      revertedAt: null,
    }),
  ),
  check("import_batches_committed_has_time", "reverted without a commit time", (tx, f) =>
    tx.insert(importBatches).values({ ...fresh(f).importBatch, committedAt: null }),
  ),
  check("import_batches_committed_has_time", "a commit time on a failed batch", (tx, f) =>
    tx.insert(importBatches).values({ ...fresh(f).importBatch, state: "failed", revertedAt: null }),
  ),
  check("import_batches_committed_has_time", "a commit time on a previewed batch", (tx, f) =>
    tx
      .insert(importBatches)
      .values({ ...fresh(f).importBatch, state: "previewed", revertedAt: null }),
  ),
  check("import_batches_reverted_has_time", "reverted without a revert time", (tx, f) =>
    tx.insert(importBatches).values({ ...fresh(f).importBatch, revertedAt: null }),
  ),
  check("import_batches_reverted_has_time", "a revert time on a committed batch", (tx, f) =>
    tx.insert(importBatches).values({ ...fresh(f).importBatch, state: "committed" }),
  ),
  check("audit_events_action_format", "upper case", (tx) =>
    tx.insert(auditEvents).values({ action: "Import.Commit" }),
  ),
  check("audit_events_action_format", "a space", (tx) =>
    tx.insert(auditEvents).values({ action: "import commit" }),
  ),
  check("audit_events_action_format", "an empty segment", (tx) =>
    tx.insert(auditEvents).values({ action: "import..commit" }),
  ),
];

const uniqueCases: ConstraintCase[] = [
  unique("regions_code_key", "a second region R-01", (tx, f) =>
    tx.insert(regions).values({ ...fresh(f).region, code: "R-01" }),
  ),
  unique("departments_code_key", "a second department D-01", (tx, f) =>
    tx.insert(departments).values({ ...fresh(f).department, code: "D-01" }),
  ),
  unique("departments_name_key", "a second department named 数据资源局", (tx, f) =>
    tx.insert(departments).values({ ...fresh(f).department, name: "数据资源局" }),
  ),
  unique("projects_code_key", "a second project P-2023.1", (tx, f) =>
    tx.insert(projects).values({ ...fresh(f).project, code: "P-2023.1" }),
  ),
  unique("budget_lines_natural_key", "same project, period and category", (tx, f) =>
    tx
      .insert(budgetLines)
      .values({ ...fresh(f).budgetLine, period: "2023-01-01", category: "software" }),
  ),
  unique(
    "budget_lines_natural_key",
    "same project and period, both without a category (NULLS NOT DISTINCT)",
    (tx, f) =>
      tx
        .insert(budgetLines)
        .values({ ...fresh(f).budgetLine, period: "2023-01-01", category: null }),
  ),
  unique("milestones_natural_key", "same project and name", (tx, f) =>
    tx.insert(milestones).values({ ...fresh(f).milestone, name: "立项" }),
  ),
  unique("outcome_indicators_natural_key", "same project and code", (tx, f) =>
    tx.insert(outcomeIndicators).values({ ...fresh(f).indicator, code: "OI-1" }),
  ),
  unique("outcome_values_natural_key", "same indicator and period", (tx, f) =>
    tx.insert(outcomeValues).values({ ...fresh(f).outcomeValue, period: "2023-01-01" }),
  ),
  unique("service_items_code_key", "a second item SI-1", (tx, f) =>
    tx.insert(serviceItems).values({ ...fresh(f).serviceItem, code: "SI-1" }),
  ),
  unique("service_stats_natural_key", "same item and period", (tx, f) =>
    tx.insert(serviceStats).values({ ...fresh(f).serviceStat, period: "2023-01-01" }),
  ),
  unique("appeals_external_id_key", "a second appeal A-0001", (tx, f) =>
    tx.insert(appeals).values({ ...fresh(f).appeal, externalId: "A-0001" }),
  ),
  unique("ratings_external_id_key", "a second rating RT-0001", (tx, f) =>
    tx.insert(ratings).values({ ...fresh(f).rating, externalId: "RT-0001" }),
  ),
  unique("users_username_key", "ALICE beside alice (case-insensitive)", (tx, f) =>
    tx.insert(users).values({ ...fresh(f).user, username: "ALICE" }),
  ),
  unique("frameworks_code_version_key", "FW-1 version 1 again", (tx, f) =>
    tx.insert(frameworks).values({ ...fresh(f).framework, version: 1 }),
  ),
  unique("framework_nodes_code_key", "a second C1 in the framework", (tx, f) =>
    tx.insert(frameworkNodes).values({ ...fresh(f).node, code: "C1" }),
  ),
  unique("rubric_levels_label_key", "a second level 优 on the criterion", (tx, f) =>
    tx.insert(rubricLevels).values({ ...fresh(f).rubricLevel, label: "优" }),
  ),
  unique("evaluation_rounds_code_key", "a second round 2024-Q1", (tx, f) =>
    tx.insert(evaluationRounds).values({ ...fresh(f).round, code: "2024-Q1" }),
  ),
  unique("assignments_natural_key", "the same evaluator twice on a project", (tx, f) =>
    tx.insert(assignments).values({ ...fresh(f).assignment, evaluatorId: f.user }),
  ),
  unique("scores_natural_key", "a second score on one criterion", (tx, f) =>
    tx.insert(scores).values({ ...fresh(f).score, criterionId: f.criterion }),
  ),
  unique("rectification_cases_rating_key", "a second case for one rating", async (tx, f) => {
    await tx
      .insert(rectificationCases)
      .values({ ...fresh(f).rectificationCase, state: "open", closedAt: null, closedOn: null });
    await tx.insert(rectificationCases).values(fresh(f).rectificationCase);
  }),
  unique(
    "rectification_cases_open_flag_key",
    "a second open supervision notice for one flag",
    (tx, f) =>
      tx.insert(rectificationCases).values({
        ...fresh(f).rectificationCase,
        source: "red_flag",
        ratingId: null,
        flagRule: "cpi_red",
        flagSubject: "project:P-2023.1",
        note: "再次督办",
        state: "open",
        closedAt: null,
        closedOn: null,
      }),
  ),
  unique("rating_appeals_rating_key", "a second appeal on one rating", (tx, f) =>
    tx.insert(ratingAppeals).values(fresh(f).ratingAppeal),
  ),
  unique("scorecard_snapshots_version_key", "version 1 of P-2023.1 again", (tx, f) =>
    tx.insert(scorecardSnapshots).values({ ...fresh(f).snapshot, version: 1 }),
  ),
  // Natural keys that are primary keys (not counted by the completeness test).
  primaryKey("round_projects_round_id_project_id_pk", "a project twice in a round", (tx, f) =>
    tx.insert(roundProjects).values({ roundId: f.round, projectId: f.project }),
  ),
  primaryKey(
    "user_departments_user_id_department_id_pk",
    "a department twice for a user",
    (tx, f) => tx.insert(userDepartments).values({ userId: f.user, departmentId: f.department }),
  ),
  primaryKey(
    "import_replaced_rows_batch_id_natural_key_pk",
    "a natural key twice in a batch",
    (tx, f) =>
      tx.insert(importReplacedRows).values({ ...fresh(f).replacedRow, naturalKey: "P-2023.1" }),
  ),
  primaryKey("calendar_days_pkey", "a day twice", (tx, f) =>
    tx.insert(calendarDays).values({ ...fresh(f).calendarDay, date: "1990-01-01" }),
  ),
  primaryKey(
    "appeal_day_rollups_department_id_day_type_pk",
    "a department, day and type twice",
    (tx, f) =>
      tx
        .insert(appealDayRollups)
        .values({ ...fresh(f).appealDayRollup, day: "2024-03-01", type: "complaint" }),
  ),
  primaryKey(
    "service_month_rollups_department_id_period_pk",
    "a department and month twice",
    (tx, f) =>
      tx
        .insert(serviceMonthRollups)
        .values({ ...fresh(f).serviceMonthRollup, period: "2023-01-01" }),
  ),
  primaryKey(
    "project_month_spend_rollups_project_id_period_pk",
    "a project and month twice",
    (tx, f) =>
      tx
        .insert(projectMonthSpendRollups)
        .values({ ...fresh(f).projectSpendRollup, period: "2023-01-01" }),
  ),
];

const foreignKeyCases: ConstraintCase[] = [
  foreignKey("regions_parent_id_regions_id_fk", "unknown parent region", (tx, f) =>
    tx.insert(regions).values({ ...fresh(f).region, parentId: MISSING }),
  ),
  foreignKey("departments_region_id_regions_id_fk", "unknown region", (tx, f) =>
    tx.insert(departments).values({ ...fresh(f).department, regionId: MISSING }),
  ),
  restrict("departments_region_id_regions_id_fk", "deleting a region in use", (tx, f) =>
    tx.delete(regions).where(eq(regions.id, f.region)),
  ),
  foreignKey("departments_parent_id_departments_id_fk", "unknown parent department", (tx, f) =>
    tx.insert(departments).values({ ...fresh(f).department, parentId: MISSING }),
  ),
  foreignKey("projects_department_id_departments_id_fk", "unknown department", (tx, f) =>
    tx.insert(projects).values({ ...fresh(f).project, departmentId: MISSING }),
  ),
  foreignKey("budget_lines_project_id_projects_id_fk", "unknown project", (tx, f) =>
    tx.insert(budgetLines).values({ ...fresh(f).budgetLine, projectId: MISSING }),
  ),
  foreignKey("milestones_project_id_projects_id_fk", "unknown project", (tx, f) =>
    tx.insert(milestones).values({ ...fresh(f).milestone, projectId: MISSING }),
  ),
  foreignKey("outcome_indicators_project_id_projects_id_fk", "unknown project", (tx, f) =>
    tx.insert(outcomeIndicators).values({ ...fresh(f).indicator, projectId: MISSING }),
  ),
  foreignKey("outcome_values_indicator_id_outcome_indicators_id_fk", "unknown indicator", (tx, f) =>
    tx.insert(outcomeValues).values({ ...fresh(f).outcomeValue, indicatorId: MISSING }),
  ),
  foreignKey("service_items_department_id_departments_id_fk", "unknown department", (tx, f) =>
    tx.insert(serviceItems).values({ ...fresh(f).serviceItem, departmentId: MISSING }),
  ),
  foreignKey("service_stats_item_id_service_items_id_fk", "unknown service item", (tx, f) =>
    tx.insert(serviceStats).values({ ...fresh(f).serviceStat, itemId: MISSING }),
  ),
  foreignKey("appeals_department_id_departments_id_fk", "unknown department", (tx, f) =>
    tx.insert(appeals).values({ ...fresh(f).appeal, departmentId: MISSING }),
  ),
  foreignKey("ratings_project_id_projects_id_fk", "unknown project", (tx, f) =>
    tx.insert(ratings).values({ ...fresh(f).rating, projectId: MISSING }),
  ),
  foreignKey("ratings_service_item_id_service_items_id_fk", "unknown service item", (tx, f) =>
    tx
      .insert(ratings)
      .values({ ...fresh(f).rating, target: "service", projectId: null, serviceItemId: MISSING }),
  ),
  foreignKey("sessions_user_id_users_id_fk", "unknown user", (tx, f) =>
    tx.insert(sessions).values({ ...fresh(f).session, userId: MISSING }),
  ),
  foreignKey("user_departments_user_id_users_id_fk", "unknown user", (tx, f) =>
    tx.insert(userDepartments).values({ ...fresh(f).userDepartment, userId: MISSING }),
  ),
  foreignKey("user_departments_department_id_departments_id_fk", "unknown department", (tx, f) =>
    tx.insert(userDepartments).values({ ...fresh(f).userDepartment, departmentId: MISSING }),
  ),
  foreignKey("framework_nodes_framework_id_frameworks_id_fk", "unknown framework", (tx, f) =>
    tx.insert(frameworkNodes).values({ ...fresh(f).node, frameworkId: MISSING }),
  ),
  foreignKey("framework_nodes_parent_id_framework_nodes_id_fk", "unknown parent node", (tx, f) =>
    tx.insert(frameworkNodes).values({ ...fresh(f).node, parentId: MISSING }),
  ),
  foreignKey("rubric_levels_criterion_id_framework_nodes_id_fk", "unknown criterion", (tx, f) =>
    tx.insert(rubricLevels).values({ ...fresh(f).rubricLevel, criterionId: MISSING }),
  ),
  foreignKey("evaluation_rounds_framework_id_frameworks_id_fk", "unknown framework", (tx, f) =>
    tx.insert(evaluationRounds).values({ ...fresh(f).round, frameworkId: MISSING }),
  ),
  foreignKey("round_projects_round_id_evaluation_rounds_id_fk", "unknown round", (tx, f) =>
    tx.insert(roundProjects).values({ ...fresh(f).roundProject, roundId: MISSING }),
  ),
  foreignKey("round_projects_project_id_projects_id_fk", "unknown project", (tx, f) =>
    tx.insert(roundProjects).values({ ...fresh(f).roundProject, projectId: MISSING }),
  ),
  foreignKey(
    "assignments_round_project_fk",
    "an assignment for a project not in the round",
    (tx, f) => tx.insert(assignments).values({ ...fresh(f).assignment, projectId: f.otherProject }),
  ),
  foreignKey("assignments_evaluator_id_users_id_fk", "unknown evaluator", (tx, f) =>
    tx.insert(assignments).values({ ...fresh(f).assignment, evaluatorId: MISSING }),
  ),
  foreignKey("scores_assignment_id_assignments_id_fk", "unknown assignment", (tx, f) =>
    tx.insert(scores).values({ ...fresh(f).score, assignmentId: MISSING }),
  ),
  foreignKey("scores_criterion_id_framework_nodes_id_fk", "unknown criterion", (tx, f) =>
    tx.insert(scores).values({ ...fresh(f).score, criterionId: MISSING }),
  ),
  restrict("scores_criterion_id_framework_nodes_id_fk", "deleting a scored criterion", (tx, f) =>
    tx.delete(frameworkNodes).where(eq(frameworkNodes.id, f.criterion)),
  ),
  foreignKey("scores_returned_by_users_id_fk", "returned by an unknown user", (tx, f) =>
    tx.insert(scores).values({
      ...fresh(f).score,
      returnedAt: new Date(),
      returnComment: "?",
      returnedBy: MISSING,
    }),
  ),
  foreignKey("evaluation_rounds_closed_by_users_id_fk", "closed by an unknown user", (tx, f) =>
    tx.insert(evaluationRounds).values({ ...fresh(f).round, closedBy: MISSING }),
  ),
  foreignKey("round_results_round_id_evaluation_rounds_id_fk", "unknown round", (tx, f) =>
    tx.insert(roundResults).values({ ...fresh(f).roundResult, roundId: MISSING }),
  ),
  foreignKey("round_results_project_id_projects_id_fk", "unknown project", (tx, f) =>
    tx.insert(roundResults).values({ ...fresh(f).roundResult, projectId: MISSING }),
  ),
  foreignKey("round_results_framework_id_frameworks_id_fk", "unknown framework", (tx, f) =>
    tx.insert(roundResults).values({ ...fresh(f).roundResult, frameworkId: MISSING }),
  ),
  restrict(
    "round_results_round_id_evaluation_rounds_id_fk",
    "deleting a round with results",
    (tx, f) => tx.delete(evaluationRounds).where(eq(evaluationRounds.id, f.round)),
  ),
  foreignKey("rectification_cases_department_id_departments_id_fk", "unknown department", (tx, f) =>
    tx.insert(rectificationCases).values({ ...fresh(f).rectificationCase, departmentId: MISSING }),
  ),
  foreignKey("rectification_cases_rating_id_ratings_id_fk", "unknown rating", (tx, f) =>
    tx.insert(rectificationCases).values({ ...fresh(f).rectificationCase, ratingId: MISSING }),
  ),
  foreignKey("rectification_cases_opened_by_users_id_fk", "opened by an unknown user", (tx, f) =>
    tx.insert(rectificationCases).values({ ...fresh(f).rectificationCase, openedBy: MISSING }),
  ),
  foreignKey("rectification_steps_case_id_rectification_cases_id_fk", "unknown case", (tx, f) =>
    tx.insert(rectificationSteps).values({ ...fresh(f).rectificationStep, caseId: MISSING }),
  ),
  foreignKey("rectification_steps_actor_id_users_id_fk", "unknown actor", (tx, f) =>
    tx.insert(rectificationSteps).values({ ...fresh(f).rectificationStep, actorId: MISSING }),
  ),
  foreignKey("ratings_moderated_by_users_id_fk", "moderated by an unknown user", (tx, f) =>
    tx.insert(ratings).values({ ...fresh(f).rating, moderatedBy: MISSING }),
  ),
  foreignKey("rating_appeals_rating_id_ratings_id_fk", "unknown rating", (tx, f) =>
    tx.insert(ratingAppeals).values({ ...fresh(f).ratingAppeal, ratingId: MISSING }),
  ),
  foreignKey(
    "rating_appeals_filed_by_users_id_fk",
    "filed by an unknown user",
    insertAppeal({ filedBy: MISSING }),
  ),
  foreignKey(
    "rating_appeals_decided_by_users_id_fk",
    "decided by an unknown user",
    insertAppeal({ decidedBy: MISSING }),
  ),
  foreignKey("scorecard_snapshots_framework_id_frameworks_id_fk", "unknown framework", (tx, f) =>
    tx.insert(scorecardSnapshots).values({ ...fresh(f).snapshot, frameworkId: MISSING }),
  ),
  foreignKey("scorecard_snapshots_published_by_users_id_fk", "unknown publisher", (tx, f) =>
    tx.insert(scorecardSnapshots).values({ ...fresh(f).snapshot, publishedBy: MISSING }),
  ),
  foreignKey("import_batches_user_id_users_id_fk", "unknown user", (tx, f) =>
    tx.insert(importBatches).values({ ...fresh(f).importBatch, userId: MISSING }),
  ),
  foreignKey("import_batches_department_id_departments_id_fk", "unknown department", (tx, f) =>
    tx.insert(importBatches).values({ ...fresh(f).importBatch, departmentId: MISSING }),
  ),
  foreignKey("import_replaced_rows_batch_id_import_batches_id_fk", "unknown batch", (tx, f) =>
    tx.insert(importReplacedRows).values({ ...fresh(f).replacedRow, batchId: MISSING }),
  ),
  primaryKey(
    "appeal_month_rollups_department_id_month_type_pk",
    "a department, month and type twice",
    (tx, f) =>
      tx
        .insert(appealMonthRollups)
        .values({ ...fresh(f).appealMonthRollup, month: "2024-03-01", type: "complaint" }),
  ),
  primaryKey(
    "appeal_reply_month_rollups_department_id_month_working_days_pk",
    "a department, month and number of working days twice",
    (tx, f) =>
      tx
        .insert(appealReplyMonthRollups)
        .values({ ...fresh(f).appealReplyMonthRollup, month: "2024-03-01", workingDays: 1 }),
  ),
  primaryKey("appeal_total_day_rollups_day_type_pk", "a day and type twice", (tx, f) =>
    tx
      .insert(appealTotalDayRollups)
      .values({ ...fresh(f).appealTotalDayRollup, day: "2024-03-01", type: "complaint" }),
  ),
  primaryKey(
    "appeal_total_reply_day_rollups_day_working_days_pk",
    "a day and number of working days twice",
    (tx, f) =>
      tx
        .insert(appealTotalReplyDayRollups)
        .values({ ...fresh(f).appealTotalReplyDayRollup, day: "2024-03-01", workingDays: 1 }),
  ),
  foreignKey(
    "service_month_rollups_department_id_departments_id_fk",
    "unknown department",
    (tx, f) =>
      tx
        .insert(serviceMonthRollups)
        .values({ ...fresh(f).serviceMonthRollup, departmentId: MISSING }),
  ),
  foreignKey("project_month_spend_rollups_project_id_projects_id_fk", "unknown project", (tx, f) =>
    tx
      .insert(projectMonthSpendRollups)
      .values({ ...fresh(f).projectSpendRollup, projectId: MISSING }),
  ),
];

const constraintCases: ConstraintCase[] = [...checkCases, ...uniqueCases, ...foreignKeyCases];

interface NotNullCase {
  table: string;
  column: string;
  run: Run;
}

const NULL: SQL = sql`null`;

const notNullCases: NotNullCase[] = [
  {
    table: "regions",
    column: "level",
    run: (tx, f) => tx.insert(regions).values({ ...fresh(f).region, level: NULL }),
  },
  {
    table: "departments",
    column: "code",
    run: (tx, f) => tx.insert(departments).values({ ...fresh(f).department, code: NULL }),
  },
  {
    table: "projects",
    column: "name",
    run: (tx, f) => tx.insert(projects).values({ ...fresh(f).project, name: NULL }),
  },
  {
    table: "projects",
    column: "department_id",
    run: (tx, f) => tx.insert(projects).values({ ...fresh(f).project, departmentId: NULL }),
  },
  {
    table: "projects",
    column: "budget_yuan",
    run: (tx, f) => tx.insert(projects).values({ ...fresh(f).project, budgetYuan: NULL }),
  },
  {
    table: "budget_lines",
    column: "planned_yuan",
    run: (tx, f) => tx.insert(budgetLines).values({ ...fresh(f).budgetLine, plannedYuan: NULL }),
  },
  {
    table: "service_items",
    column: "maturity",
    run: (tx, f) => tx.insert(serviceItems).values({ ...fresh(f).serviceItem, maturity: NULL }),
  },
  {
    table: "appeals",
    column: "received_at",
    run: (tx, f) => tx.insert(appeals).values({ ...fresh(f).appeal, receivedAt: NULL }),
  },
  {
    table: "ratings",
    column: "target",
    run: (tx, f) => tx.insert(ratings).values({ ...fresh(f).rating, target: NULL }),
  },
  {
    table: "users",
    column: "password_hash",
    run: (tx, f) => tx.insert(users).values({ ...fresh(f).user, passwordHash: NULL }),
  },
  {
    table: "scores",
    column: "assignment_id",
    run: (tx, f) => tx.insert(scores).values({ ...fresh(f).score, assignmentId: NULL }),
  },
  {
    table: "scorecard_snapshots",
    column: "payload",
    run: (tx, f) => tx.insert(scorecardSnapshots).values({ ...fresh(f).snapshot, payload: NULL }),
  },
  {
    table: "import_batches",
    column: "content_hash",
    run: (tx, f) => tx.insert(importBatches).values({ ...fresh(f).importBatch, contentHash: NULL }),
  },
  {
    table: "audit_events",
    column: "action",
    run: (tx) => tx.insert(auditEvents).values({ action: NULL }),
  },
  {
    table: "calendar_days",
    column: "is_working",
    run: (tx, f) => tx.insert(calendarDays).values({ ...fresh(f).calendarDay, isWorking: NULL }),
  },
];

/** Rows the constraints must let through: the edges of what the cases refuse. */
const acceptedEdges: Array<{ why: string; run: Run }> = [
  {
    why: "a budget line of the same project and period in another category",
    run: (tx, f) =>
      tx
        .insert(budgetLines)
        .values({ ...fresh(f).budgetLine, period: "2023-01-01", category: "hardware" }),
  },
  {
    why: "a budget line without a category in another period",
    run: (tx, f) => tx.insert(budgetLines).values({ ...fresh(f).budgetLine, category: null }),
  },
  {
    why: "an indicator with the same code in another project",
    run: (tx, f) =>
      tx
        .insert(outcomeIndicators)
        .values({ ...fresh(f).indicator, projectId: f.otherProject, code: "OI-1" }),
  },
  {
    why: "a milestone with the same name in another project",
    run: (tx, f) =>
      tx
        .insert(milestones)
        .values({ ...fresh(f).milestone, projectId: f.otherProject, name: "立项" }),
  },
  {
    why: "a rating of a service item with an approved comment",
    run: (tx, f) =>
      tx.insert(ratings).values({
        ...fresh(f).rating,
        target: "service",
        projectId: null,
        serviceItemId: f.serviceItem,
        comment: "好",
        commentState: "approved",
      }),
  },
  {
    why: "a username differing from alice by more than case",
    run: (tx, f) => tx.insert(users).values({ ...fresh(f).user, username: "alice2" }),
  },
  {
    why: "a framework node code reused in another framework version",
    run: async (tx, f) => {
      const [framework] = await tx
        .insert(frameworks)
        .values(fresh(f).framework)
        .returning({ id: frameworks.id });
      if (!framework) throw new Error("no framework");
      await tx
        .insert(frameworkNodes)
        .values({ ...fresh(f).node, frameworkId: framework.id, parentId: null, code: "C1" });
    },
  },
  {
    why: "a KPI-bound criterion without a score range",
    run: (tx, f) =>
      tx.insert(frameworkNodes).values({
        ...fresh(f).node,
        scoring: "kpi",
        kpiKey: "reply_rate",
        minScore: null,
        maxScore: null,
      }),
  },
  {
    why: "a department scorecard version 1 under a project's code (subject is in the key)",
    run: (tx, f) =>
      tx.insert(scorecardSnapshots).values({
        ...fresh(f).snapshot,
        subject: "department",
        version: 1,
        correctionReason: null,
      }),
  },
  {
    why: "a draft assignment with neither declaration nor submission",
    run: (tx, f) =>
      tx.insert(assignments).values({
        ...fresh(f).assignment,
        state: "draft",
        noConflictDeclaredAt: null,
        submittedAt: null,
      }),
  },
  {
    why: "a failed import without any times",
    run: (tx, f) =>
      tx.insert(importBatches).values({
        ...fresh(f).importBatch,
        state: "failed",
        committedAt: null,
        revertedAt: null,
      }),
  },
  {
    why: "a previewed import without any times",
    run: (tx, f) =>
      tx.insert(importBatches).values({
        ...fresh(f).importBatch,
        state: "previewed",
        committedAt: null,
        revertedAt: null,
      }),
  },
  {
    why: "reply limits of 1 and 365 working days",
    run: async (tx) => {
      await tx
        .update(replyTimeLimits)
        .set({ workingDays: 1 })
        .where(eq(replyTimeLimits.appealType, "complaint"));
      await tx
        .update(replyTimeLimits)
        .set({ workingDays: 365 })
        .where(eq(replyTimeLimits.appealType, "suggestion"));
    },
  },
  {
    why: "an appeal roll-up of the same department and day for another type",
    run: (tx, f) =>
      tx.insert(appealDayRollups).values({ ...fresh(f).appealDayRollup, day: "2024-03-01" }),
  },
  {
    why: "usernames of 2 and 64 characters with . _ -",
    run: (tx, f) =>
      tx.insert(users).values([
        { ...fresh(f).user, username: "b." },
        { ...fresh(f).user, username: `b_-${"c".repeat(61)}` },
      ]),
  },
  ...notBlankColumns.map(({ constraint, insert }) => ({
    why: `${constraint}: visible text between ideographic spaces`,
    run: insert("\u3000明镜\u3000"),
  })),
];

/* ------------------------------------------------------------------------------------ */
/* Codes                                                                                */
/* ------------------------------------------------------------------------------------ */

const codeTables: Array<{ table: string; insert: (code: string) => Run }> = [
  {
    table: "regions",
    insert: (code) => (tx, f) => tx.insert(regions).values({ ...fresh(f).region, code }),
  },
  {
    table: "departments",
    insert: (code) => (tx, f) => tx.insert(departments).values({ ...fresh(f).department, code }),
  },
  {
    table: "projects",
    insert: (code) => (tx, f) => tx.insert(projects).values({ ...fresh(f).project, code }),
  },
  {
    table: "outcome_indicators",
    insert: (code) => (tx, f) =>
      tx.insert(outcomeIndicators).values({ ...fresh(f).indicator, code }),
  },
  {
    table: "service_items",
    insert: (code) => (tx, f) => tx.insert(serviceItems).values({ ...fresh(f).serviceItem, code }),
  },
  {
    table: "frameworks",
    insert: (code) => (tx, f) => tx.insert(frameworks).values({ ...fresh(f).framework, code }),
  },
  {
    table: "framework_nodes",
    insert: (code) => (tx, f) => tx.insert(frameworkNodes).values({ ...fresh(f).node, code }),
  },
  {
    table: "evaluation_rounds",
    insert: (code) => (tx, f) => tx.insert(evaluationRounds).values({ ...fresh(f).round, code }),
  },
];

const ACCEPTED_CODES = [
  "部门-01",
  "MJ_2023.1",
  "x",
  "9",
  "a-b_c.d",
  "Ωμέγα-2024",
  "проект_1",
  "مشروع.1",
  "プロジェクト.7",
  "٣٤٥",
  "A".repeat(64),
  "部".repeat(64),
];

const REJECTED_CODES = [
  "",
  "a b",
  " ab",
  "ab ",
  "部门 01",
  "a/b",
  "a,b",
  "a\tb",
  "a\nb",
  "a\u007fb",
  "a:b",
  "a;b",
  "a@b",
  "a#b",
  "a(b)",
  "a'b",
  'a"b',
  "a\\b",
  "a[b]",
  "a^b",
  "a`b",
  "a{b}",
  "a|b",
  "a~b",
  "a+b",
  "a*b",
  "A".repeat(65),
  "部".repeat(65),
];

/* ------------------------------------------------------------------------------------ */
/* Tests                                                                                */
/* ------------------------------------------------------------------------------------ */

function expectViolation(error: unknown, sqlstates: string[], constraint: string): void {
  const failure = pgFailure(error);
  expect(
    failure,
    `expected ${constraint} to refuse the row, got: ${describeOutcome(error)}`,
  ).toBeDefined();
  if (!failure) return;
  expect(sqlstates, describeOutcome(error)).toContain(failure.code);
  expect(
    namesConstraint(failure, constraint),
    `${describeOutcome(error)} should name ${constraint}`,
  ).toBe(true);
}

describe(`schema constraints on ${driver}`, () => {
  beforeAll(async () => {
    handle = await createTestDatabase();
    fixtures = await insertFixtures(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });

  describe("valid rows", () => {
    it("every table holds the valid fixture row", async () => {
      const tables = await handle.rows<{ table_name: string }>(
        sql`select table_name from information_schema.tables
            where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
      );
      const empty: string[] = [];
      for (const { table_name } of tables) {
        const [row] = await handle.rows<{ n: number }>(
          sql`select count(*)::int as n from ${sql.identifier(table_name)}`,
        );
        if (!row || row.n < 1) empty.push(table_name);
      }
      expect(empty).toEqual([]);
    });

    it("a fresh valid row is accepted in every table (the base every case alters)", async () => {
      const tables = await handle.rows<{ table_name: string }>(
        sql`select table_name from information_schema.tables
            where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
      );
      expect(Object.keys(freshInserts).sort()).toEqual(tables.map((t) => t.table_name).sort());
      const outcomes: Record<string, string> = {};
      for (const [table, run] of Object.entries(freshInserts)) {
        outcomes[table] = describeOutcome(await attempt(run));
      }
      expect(outcomes).toEqual(
        Object.fromEntries(Object.keys(freshInserts).map((table) => [table, "accepted"])),
      );
    });

    it.each(acceptedEdges)("accepts $why", async ({ run }) => {
      expect(describeOutcome(await attempt(run))).toBe("accepted");
    });
  });

  describe("each constraint refuses a bad row and names itself", () => {
    it.each(constraintCases)("$constraint ($kind): $why", async ({ constraint, kind, run }) => {
      expectViolation(await attempt(run), SQLSTATES[kind], constraint);
    });
  });

  describe("NOT NULL on required columns", () => {
    it.each(notNullCases)("$table: $column", async ({ table, column, run }) => {
      const error = await attempt(run);
      const failure = pgFailure(error);
      expect(failure, describeOutcome(error)).toBeDefined();
      if (!failure) return;
      expect(failure.code, describeOutcome(error)).toBe("23502");
      expect(failure.column ?? failure.message).toContain(column);
      expect(failure.message).toContain(table);
    });
  });

  describe("code format", () => {
    it.each(codeTables)(
      "$table accepts letters of any script, digits, - _ .",
      async ({ insert }) => {
        const outcomes: Record<string, string> = {};
        for (const code of ACCEPTED_CODES)
          outcomes[code] = describeOutcome(await attempt(insert(code)));
        expect(outcomes).toEqual(
          Object.fromEntries(ACCEPTED_CODES.map((code) => [code, "accepted"])),
        );
      },
    );

    it.each(codeTables)(
      "$table refuses spaces, controls, other punctuation and 65 characters",
      async ({ table, insert }) => {
        const expected = `${table}_code_format`;
        const outcomes: Record<string, string> = {};
        for (const code of REJECTED_CODES) {
          const error = await attempt(insert(code));
          const failure = pgFailure(error);
          outcomes[code] =
            failure?.code === "23514" && namesConstraint(failure, expected)
              ? expected
              : describeOutcome(error);
        }
        expect(outcomes).toEqual(
          Object.fromEntries(REJECTED_CODES.map((code) => [code, expected])),
        );
      },
    );
  });

  describe("append-only tables", () => {
    const refusals: Array<{ table: string; op: string; run: Run }> = [
      {
        table: "audit_events",
        op: "UPDATE",
        run: (tx, f) =>
          tx.update(auditEvents).set({ action: "edited" }).where(eq(auditEvents.id, f.auditEvent)),
      },
      {
        table: "audit_events",
        op: "DELETE",
        run: (tx, f) => tx.delete(auditEvents).where(eq(auditEvents.id, f.auditEvent)),
      },
      {
        table: "audit_events",
        op: "TRUNCATE",
        run: (tx) => tx.execute(sql`truncate audit_events`),
      },
      {
        table: "scorecard_snapshots",
        op: "UPDATE",
        run: (tx, f) =>
          tx
            .update(scorecardSnapshots)
            .set({ payload: { tampered: true } })
            .where(eq(scorecardSnapshots.id, f.snapshot)),
      },
      {
        table: "scorecard_snapshots",
        op: "DELETE",
        run: (tx, f) => tx.delete(scorecardSnapshots).where(eq(scorecardSnapshots.id, f.snapshot)),
      },
      {
        table: "scorecard_snapshots",
        op: "TRUNCATE",
        run: (tx) => tx.execute(sql`truncate scorecard_snapshots`),
      },
    ];

    it.each(refusals)("$table refuses $op", async ({ table, op, run }) => {
      const error = await attempt(run);
      const failure = pgFailure(error);
      expect(failure, describeOutcome(error)).toBeDefined();
      expect(failure?.code).toBe("42501");
      expect(failure?.message).toContain("append-only");
      expect(failure?.message).toContain(`${table} is append-only: ${op}`);
    });

    it("still take new rows", async () => {
      expect(describeOutcome(await attempt(insertAuditEvent))).toBe("accepted");
      expect(describeOutcome(await attempt(insertSnapshot))).toBe("accepted");
    });
  });

  describe("completeness", () => {
    const tested = new Set(constraintCases.map((c) => pgIdentifier(c.constraint)));

    it("every CHECK and UNIQUE constraint and unique index has a case", async () => {
      const declared = await handle.rows<{ name: string }>(sql`
        select conname::text as name from pg_constraint
        where contype in ('c', 'u') and connamespace = 'public'::regnamespace
        union
        select indexname::text from pg_indexes
        where schemaname = 'public' and indexdef like 'CREATE UNIQUE INDEX%'
          and indexname not in (
            select conname from pg_constraint
            where contype = 'p' and connamespace = 'public'::regnamespace)
        order by 1`);
      expect(declared.length).toBeGreaterThan(50);
      expect(declared.map((row) => row.name).filter((name) => !tested.has(name))).toEqual([]);
    });

    it("every foreign key has a case", async () => {
      const declared = await handle.rows<{ name: string }>(sql`
        select conname::text as name from pg_constraint
        where contype = 'f' and connamespace = 'public'::regnamespace order by 1`);
      expect(declared.length).toBeGreaterThan(20);
      expect(declared.map((row) => row.name).filter((name) => !tested.has(name))).toEqual([]);
    });

    it("every case names a constraint the database has", async () => {
      const existing = await handle.rows<{ name: string }>(sql`
        select conname::text as name from pg_constraint
        where connamespace = 'public'::regnamespace
        union
        select indexname::text from pg_indexes where schemaname = 'public'`);
      const names = new Set(existing.map((row) => row.name));
      expect([...tested].filter((name) => !names.has(name))).toEqual([]);
    });
  });
});
