import { count, sql } from "drizzle-orm";
import { hashPassword } from "../../db/accounts/password.server";
import type { Database, DbHandle } from "../../db/client.server";
import { closeRoundIn } from "../../db/queries/round-moderation.server";
import { rebuildRollupsIn } from "../../db/rollups/rebuild.server";
import * as schema from "../../db/schema/index";
import { localDateOf } from "../../metrics/time-zone";
import { scrubPersonalData } from "../../db/privacy/scrub-personal-data";
import type { DemoData, DemoRow } from "./demo-data";
import { DEMO_APPEALS } from "./rating-moderation";
import { generateRoundScores } from "./evaluation-scores";
import { publishDemoScorecards } from "./scorecards.server";
import {
  DEMO_CLOSED_ROUND,
  DEMO_FRAMEWORK,
  DEMO_OPEN_ROUND,
  DEMO_PASSWORD,
  DEMO_RUBRIC,
  DEMO_USERS,
} from "./framework";
import { loadRectification } from "./rectification.server";
import { addDays } from "./dates";
import { DEFAULT_LAST_DAY } from "./generate";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
type Ids = Map<string, number>;
type Cell = DemoRow[string] | undefined;
type CommentState = "pending" | "approved" | "rejected";

export const DEMO_SEED_KEY = "demo_seed";

const text = (value: Cell) => (value === null || value === undefined ? null : String(value));
const num = (value: Cell) => (value === null || value === undefined ? null : Number(value));
const when = (value: Cell) =>
  value === null || value === undefined ? null : new Date(String(value));
const month = (value: Cell) => `${String(value)}-01`;

function need(ids: Ids, code: Cell, what: string): number {
  const id = ids.get(String(code));
  if (id === undefined) throw new Error(`Demo data refers to an unknown ${what} ${String(code)}`);
  return id;
}

/** Inserts in chunks: one statement per chunk keeps both drivers under their parameter limit. */
async function insertChunks<T>(
  rows: T[],
  size: number,
  insert: (chunk: T[]) => Promise<unknown>,
): Promise<void> {
  for (let start = 0; start < rows.length; start += size)
    await insert(rows.slice(start, start + size));
}

function idMap(rows: Array<{ id: number; code: string }>): Ids {
  return new Map(rows.map((row) => [row.code, row.id]));
}

/** True when the database holds no departments and no users: safe to seed. */
export async function isEmptyDatabase(db: Database): Promise<boolean> {
  const [departments] = await db.select({ n: count() }).from(schema.departments);
  const [users] = await db.select({ n: count() }).from(schema.users);
  return (departments?.n ?? 0) === 0 && (users?.n ?? 0) === 0;
}

export async function demoSeedComplete(db: Database): Promise<boolean> {
  const rows = await db
    .select()
    .from(schema.appMeta)
    .where(sql`${schema.appMeta.key} = ${DEMO_SEED_KEY}`);
  return rows.length > 0;
}

/**
 * Writes the demo data, users, framework, an evaluation round and the roll-ups in one
 * transaction,
 * so a start that dies half-way leaves an empty database and seeds again next time.
 */
export async function loadDemo(handle: DbHandle, data: DemoData, timeZone: string): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await handle.db.transaction(async (tx) => {
    const regionIds = await loadRegions(tx, data.regions);
    const departmentIds = await loadDepartments(tx, data.departments, regionIds);
    const projectIds = await loadProjects(tx, data, departmentIds);
    const itemIds = await loadServices(tx, data, departmentIds);
    await loadAppeals(tx, data.appeals, departmentIds);
    const userIds = await loadUsers(tx, passwordHash, departmentIds);
    await loadRatings(tx, data.ratings, itemIds, projectIds, userIds);
    const seededOn = localDateOf(Date.now(), timeZone);
    const closedRoundId = await loadEvaluation(tx, projectIds, userIds, seededOn);
    await loadRectification(tx, userIds, departmentIds, timeZone);
    await rebuildRollupsIn(tx, timeZone);
    // After the roll-ups: the KPI-bound criteria read the projects' spend from them.
    await closeDemoRound(tx, closedRoundId, userIds);
    // After the round closed: the scorecards carry its final scores.
    const leader = { id: need(userIds, "leader", "user"), name: "leader", ip: null };
    await publishDemoScorecards(tx, data, leader, timeZone);
    await tx.insert(schema.appMeta).values({ key: DEMO_SEED_KEY, value: "complete" });
  });
}

async function loadRegions(tx: Tx, rows: DemoRow[]): Promise<Ids> {
  const ids: Ids = new Map();
  for (const row of rows) {
    const [inserted] = await tx
      .insert(schema.regions)
      .values({
        code: String(row.code),
        name: String(row.name),
        level: row.level as "province" | "city" | "county",
        parentId: row.parent_code ? need(ids, row.parent_code, "region") : null,
      })
      .returning({ id: schema.regions.id, code: schema.regions.code });
    if (inserted) ids.set(inserted.code, inserted.id);
  }
  return ids;
}

async function loadDepartments(tx: Tx, rows: DemoRow[], regionIds: Ids): Promise<Ids> {
  const inserted = await tx
    .insert(schema.departments)
    .values(
      rows.map((row) => ({
        code: String(row.code),
        name: String(row.name),
        regionId: row.region_code ? need(regionIds, row.region_code, "region") : null,
      })),
    )
    .returning({ id: schema.departments.id, code: schema.departments.code });
  return idMap(inserted);
}

async function loadProjects(tx: Tx, data: DemoData, departmentIds: Ids): Promise<Ids> {
  const inserted = await tx
    .insert(schema.projects)
    .values(
      data.projects.map((row) => ({
        code: String(row.code),
        name: String(row.name),
        departmentId: need(departmentIds, row.department_code, "department"),
        category: text(row.category),
        fundingSource: text(row.funding_source) as (typeof schema.FUNDING_SOURCES)[number] | null,
        stage: row.stage as (typeof schema.LIFECYCLE_STAGES)[number],
        budgetYuan: String(row.budget),
        plannedStart: text(row.planned_start),
        plannedEnd: text(row.planned_end),
        targetUsers: num(row.target_users),
      })),
    )
    .returning({ id: schema.projects.id, code: schema.projects.code });
  const projectIds = idMap(inserted);

  await insertChunks(data["budget-lines"], 1000, (chunk) =>
    tx.insert(schema.budgetLines).values(
      chunk.map((row) => ({
        projectId: need(projectIds, row.project_code, "project"),
        period: month(row.period),
        category: text(row.category) as (typeof schema.COST_CATEGORIES)[number] | null,
        plannedYuan: String(row.planned),
        actualYuan: String(row.actual),
      })),
    ),
  );
  await tx.insert(schema.milestones).values(
    data.milestones.map((row) => ({
      projectId: need(projectIds, row.project_code, "project"),
      name: String(row.name),
      stage: text(row.stage) as (typeof schema.LIFECYCLE_STAGES)[number] | null,
      weight: String(row.weight),
      plannedDate: String(row.planned_date),
      actualDate: text(row.actual_date),
      forecastDate: text(row.forecast_date),
    })),
  );
  const indicators = await tx
    .insert(schema.outcomeIndicators)
    .values(
      data["outcome-indicators"].map((row) => ({
        projectId: need(projectIds, row.project_code, "project"),
        code: String(row.code),
        name: String(row.name),
        unit: text(row.unit),
        direction: row.direction as "higher" | "lower",
        baseline: String(row.baseline),
        target: String(row.target),
        weight: text(row.weight),
      })),
    )
    .returning({ id: schema.outcomeIndicators.id, code: schema.outcomeIndicators.code });
  // Indicator codes are unique per project; the demo's carry the project's number too.
  const indicatorIds = idMap(indicators);
  await insertChunks(data["outcome-values"], 1000, (chunk) =>
    tx.insert(schema.outcomeValues).values(
      chunk.map((row) => ({
        indicatorId: need(indicatorIds, row.indicator_code, "indicator"),
        period: month(row.period),
        actual: String(row.actual),
      })),
    ),
  );
  return projectIds;
}

async function loadServices(tx: Tx, data: DemoData, departmentIds: Ids): Promise<Ids> {
  const inserted = await tx
    .insert(schema.serviceItems)
    .values(
      data["service-items"].map((row) => ({
        code: String(row.code),
        name: String(row.name),
        departmentId: need(departmentIds, row.department_code, "department"),
        maturity: Number(row.maturity),
        oneVisit: Boolean(row.one_visit),
        highFrequency: Boolean(row.high_frequency),
        timeLimitDays: num(row.time_limit_days),
      })),
    )
    .returning({ id: schema.serviceItems.id, code: schema.serviceItems.code });
  const itemIds = idMap(inserted);
  await insertChunks(data["service-stats"], 1000, (chunk) =>
    tx.insert(schema.serviceStats).values(
      chunk.map((row) => ({
        itemId: need(itemIds, row.item_code, "service item"),
        period: month(row.period),
        transactions: Number(row.transactions),
        online: num(row.online),
        completed: num(row.completed),
        completedOnTime: num(row.completed_on_time),
      })),
    ),
  );
  return itemIds;
}

async function loadAppeals(tx: Tx, rows: DemoRow[], departmentIds: Ids): Promise<void> {
  await insertChunks(rows, 2000, (chunk) =>
    tx.insert(schema.appeals).values(
      chunk.map((row) => ({
        externalId: String(row.external_id),
        channel: text(row.channel),
        departmentId: need(departmentIds, row.department_code, "department"),
        type: row.type as schema.AppealType,
        category: text(row.category),
        receivedAt: new Date(String(row.received_at)),
        firstContactAt: when(row.first_contact_at),
        repliedAt: when(row.replied_at),
        closedAt: when(row.closed_at),
        dueAt: when(row.due_at),
        satisfaction: num(row.satisfaction),
      })),
    ),
  );
}

/**
 * Ratings with their moderation as moderateDemoRatings gave it (the leader moderated the
 * decided comments the day after), comments scrubbed of personal data as an import scrubs
 * them, and the demo's two appeals, filed by the steward (the upheld one decided by the
 * leader).
 */
async function loadRatings(
  tx: Tx,
  rows: DemoRow[],
  itemIds: Ids,
  projectIds: Ids,
  userIds: Ids,
): Promise<void> {
  const leader = need(userIds, "leader", "user");
  const steward = need(userIds, "steward", "user");
  const appealed: Array<{ ratingId: number; state: "pending" | "upheld"; ratedAt: Date }> = [];
  await insertChunks(rows, 2000, async (chunk) => {
    const inserted = await tx
      .insert(schema.ratings)
      .values(
        chunk.map((row) => {
          const comment = text(row.comment);
          const state =
            comment === null ? null : ((row.comment_state ?? "approved") as CommentState);
          const ratedAt = new Date(String(row.rated_at));
          const decided = state === "approved" || state === "rejected";
          return {
            externalId: String(row.external_id),
            target: row.target as "service" | "project",
            serviceItemId:
              row.target === "service" ? need(itemIds, row.target_code, "service item") : null,
            projectId:
              row.target === "project" ? need(projectIds, row.target_code, "project") : null,
            score: Number(row.score),
            channel: text(row.channel),
            ratedAt,
            comment: comment === null ? null : scrubPersonalData(comment),
            commentState: state,
            moderatedBy: decided ? leader : null,
            moderatedAt: decided ? new Date(ratedAt.getTime() + 86_400_000) : null,
          };
        }),
      )
      .returning({
        id: schema.ratings.id,
        externalId: schema.ratings.externalId,
        ratedAt: schema.ratings.ratedAt,
      });
    const byExternalId = new Map(inserted.map((rating) => [rating.externalId, rating]));
    for (const row of chunk) {
      const rating = byExternalId.get(String(row.external_id));
      if (rating && (row.appeal === "pending" || row.appeal === "upheld"))
        appealed.push({ ratingId: rating.id, state: row.appeal, ratedAt: rating.ratedAt });
    }
  });
  for (const { ratingId, state, ratedAt } of appealed) {
    const filedAt = new Date(ratedAt.getTime() + 2 * 86_400_000);
    await tx.insert(schema.ratingAppeals).values({
      ratingId,
      reason: state === "upheld" ? DEMO_APPEALS.upheld : DEMO_APPEALS.pending,
      filedBy: steward,
      filedAt,
      state,
      ...(state === "upheld"
        ? {
            decisionReason: DEMO_APPEALS.upheldDecision,
            decidedBy: leader,
            decidedAt: new Date(filedAt.getTime() + 86_400_000),
          }
        : {}),
    });
  }
}

async function loadUsers(tx: Tx, passwordHash: string, departmentIds: Ids): Promise<Ids> {
  const inserted = await tx
    .insert(schema.users)
    .values(
      DEMO_USERS.map((user) => ({
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        passwordHash,
      })),
    )
    .returning({ id: schema.users.id, code: schema.users.username });
  const userIds = idMap(inserted);
  for (const user of DEMO_USERS) {
    for (const department of user.departments) {
      await tx.insert(schema.userDepartments).values({
        userId: need(userIds, user.username, "user"),
        departmentId: need(departmentIds, department, "department"),
      });
    }
  }
  return userIds;
}

/**
 * The published framework, one open round (six projects, both evaluators on each) and
 * the previous year's closed round (eight projects, both evaluators' final scores).
 */
async function loadEvaluation(
  tx: Tx,
  projectIds: Ids,
  userIds: Ids,
  seededOn: string,
): Promise<number> {
  const [framework] = await tx
    .insert(schema.frameworks)
    .values({
      code: DEMO_FRAMEWORK.code,
      version: DEMO_FRAMEWORK.version,
      name: DEMO_FRAMEWORK.name,
      description: DEMO_FRAMEWORK.description,
      publishedAt: new Date("2026-01-15T02:00:00Z"),
    })
    .returning({ id: schema.frameworks.id });
  if (!framework) throw new Error("framework insert returned nothing");

  let position = 0;
  const scoredCriteria: Ids = new Map();
  for (const dimension of DEMO_FRAMEWORK.dimensions) {
    const [parent] = await tx
      .insert(schema.frameworkNodes)
      .values({
        frameworkId: framework.id,
        kind: "dimension",
        code: dimension.code,
        name: dimension.name,
        weight: String(dimension.weight),
        position: position++,
      })
      .returning({ id: schema.frameworkNodes.id });
    for (const criterion of dimension.criteria) {
      const kpiKey = "kpiKey" in criterion ? criterion.kpiKey : undefined;
      const kpiRange = "kpiRange" in criterion ? criterion.kpiRange : undefined;
      const [node] = await tx
        .insert(schema.frameworkNodes)
        .values({
          frameworkId: framework.id,
          parentId: parent?.id,
          kind: "criterion",
          code: criterion.code,
          name: criterion.name,
          weight: String(criterion.weight),
          position: position++,
          scoring: kpiKey ? "kpi" : "evaluator",
          kpiKey: kpiKey ?? null,
          minScore: kpiKey ? (kpiRange ? String(kpiRange[0]) : null) : "0",
          maxScore: kpiKey ? (kpiRange ? String(kpiRange[1]) : null) : "100",
          justifyBelow: "justifyBelow" in criterion ? String(criterion.justifyBelow) : null,
          justifyAbove: "justifyAbove" in criterion ? String(criterion.justifyAbove) : null,
        })
        .returning({ id: schema.frameworkNodes.id });
      if (!kpiKey && node) {
        scoredCriteria.set(criterion.code, node.id);
        await tx.insert(schema.rubricLevels).values(
          DEMO_RUBRIC.map((level) => ({
            criterionId: node.id,
            label: level.label,
            minScore: String(level.minScore),
            maxScore: String(level.maxScore),
            description: level.description,
          })),
        );
      }
    }
  }

  const open = DEMO_OPEN_ROUND;
  const [round] = await tx
    .insert(schema.evaluationRounds)
    .values({
      code: open.code,
      name: open.name,
      frameworkId: framework.id,
      periodStart: open.periodStart,
      periodEnd: open.periodEnd,
      deadline: addDays(
        seededOn > DEFAULT_LAST_DAY ? seededOn : DEFAULT_LAST_DAY,
        open.deadlineDaysAfterSeeding,
      ),
      state: "open",
    })
    .returning({ id: schema.evaluationRounds.id });
  if (!round) throw new Error("round insert returned nothing");
  for (const code of open.projects) {
    const projectId = need(projectIds, code, "project");
    await tx.insert(schema.roundProjects).values({ roundId: round.id, projectId });
    for (const evaluator of open.evaluators) {
      await tx.insert(schema.assignments).values({
        roundId: round.id,
        projectId,
        evaluatorId: need(userIds, evaluator, "user"),
      });
    }
  }
  return loadClosedRound(tx, framework.id, scoredCriteria, projectIds, userIds);
}

/**
 * The previous year's round: both evaluators declared, scored, submitted; in moderation
 * until closeDemoRound closes it.
 */
async function loadClosedRound(
  tx: Tx,
  frameworkId: number,
  criterionIds: Ids,
  projectIds: Ids,
  userIds: Ids,
): Promise<number> {
  const spec = DEMO_CLOSED_ROUND;
  const [round] = await tx
    .insert(schema.evaluationRounds)
    .values({
      code: spec.code,
      name: spec.name,
      frameworkId,
      periodStart: spec.periodStart,
      periodEnd: spec.periodEnd,
      deadline: spec.deadline,
      state: "moderation",
      disagreementThreshold: String(spec.disagreementThreshold),
    })
    .returning({ id: schema.evaluationRounds.id });
  if (!round) throw new Error("closed round insert returned nothing");
  const scores = generateRoundScores({
    seed: spec.seed,
    projects: spec.projects,
    criteria: [...criterionIds.keys()].map((code) => ({ code, min: 0, max: 100 })),
    evaluators: spec.evaluators,
    threshold: spec.disagreementThreshold,
    disagreements: spec.disagreements,
  });
  const assignmentIds: Ids = new Map();
  for (const code of spec.projects) {
    const projectId = need(projectIds, code, "project");
    await tx.insert(schema.roundProjects).values({ roundId: round.id, projectId });
    for (const evaluator of spec.evaluators) {
      const [assignment] = await tx
        .insert(schema.assignments)
        .values({
          roundId: round.id,
          projectId,
          evaluatorId: need(userIds, evaluator, "user"),
          noConflictDeclaredAt: new Date(spec.declaredAt),
          state: "submitted",
          submittedAt: new Date(spec.submittedAt),
        })
        .returning({ id: schema.assignments.id });
      if (assignment) assignmentIds.set(`${code} ${evaluator}`, assignment.id);
    }
  }
  await tx.insert(schema.scores).values(
    scores.map((score) => ({
      assignmentId: need(assignmentIds, `${score.project} ${score.evaluator}`, "assignment"),
      criterionId: need(criterionIds, score.criterion, "criterion"),
      value: String(score.value),
      justification:
        score.value < 60 || score.value >= 90
          ? "评分依据见评估报告。See the evaluation report."
          : null,
      updatedAt: new Date(spec.submittedAt),
    })),
  );
  return round.id;
}

/** The leader closes the previous year's round as the moderation page does: results stored. */
async function closeDemoRound(tx: Tx, roundId: number, userIds: Ids): Promise<void> {
  const spec = DEMO_CLOSED_ROUND;
  const actor = { id: need(userIds, spec.closedBy, "user"), name: spec.closedBy, ip: null };
  const closed = await closeRoundIn(tx, roundId, actor, new Date(spec.closedAt));
  if (!closed.ok) throw new Error(`closing the demo round ${spec.code}: ${closed.reason}`);
}
