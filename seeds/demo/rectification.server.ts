import { asc, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import { loadCalendar, openCasesForBadReviews } from "../../db/queries/rectification.server";
import * as schema from "../../db/schema";
import { DEMO_USERS } from "./framework";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
type Ids = ReadonlyMap<string, number>;

/** The demo's reference day for "recent": cases opened after it stay in progress. */
const RECENT_FROM = "2026-09-01";

/** 10:00 Beijing time on a local date: when the demo's steps happen. */
const at = (date: string, hour = 10) =>
  new Date(`${date}T${String(hour).padStart(2, "0")}:00:00+08:00`);

/**
 * The loop at work on a fresh start: a case for every bad review (as an import opens
 * them), older ones answered and accepted, most in time and some late, and recent ones in
 * every state — open (some overdue), answered, returned, answered again — plus a
 * supervision notice on a red flag. Steps are written with their historical dates; the
 * app's own functions date them now, which a demo of past years cannot use.
 */
export async function loadRectification(
  tx: Tx,
  userIds: Ids,
  departmentIds: Ids,
  timeZone: string,
): Promise<void> {
  await openCasesForBadReviews(tx, { timeZone });
  const calendar = await loadCalendar(tx);
  const leader = userIds.get("leader")!;
  const admin = userIds.get("admin")!;
  const steward = userIds.get("steward")!;
  const stewardDepartments = new Set(
    DEMO_USERS.find((user) => user.username === "steward")!.departments.map((code) =>
      departmentIds.get(code)!,
    ),
  );
  const cases = await tx
    .select({
      id: schema.rectificationCases.id,
      departmentId: schema.rectificationCases.departmentId,
      openedOn: schema.rectificationCases.openedOn,
      deadline: schema.rectificationCases.deadline,
    })
    .from(schema.rectificationCases)
    .orderBy(asc(schema.rectificationCases.openedOn), asc(schema.rectificationCases.id));

  const steps: Array<typeof schema.rectificationSteps.$inferInsert> = [];
  /** Accepted at 10:00 Beijing time on their day, as the steps say. */
  const closed: Array<{ id: number; closedOn: string }> = [];
  const stateOf = new Map<number, "answered" | "returned">();
  let recent = 0;
  cases.forEach((item, index) => {
    const answerer = stewardDepartments.has(item.departmentId) ? steward : admin;
    const answer = (date: string, hour = 10) =>
      steps.push({
        caseId: item.id,
        kind: "answered",
        actorId: answerer,
        at: at(date, hour),
        found: "经核查，反映问题属实：窗口高峰期排队时间较长。",
        done: "已增设自助终端并调整午间值班安排，并电话回访评价人。",
        evidence: "https://example.gov.cn/zhenggai/" + item.id,
      });
    if (item.openedOn < RECENT_FROM) {
      // One in six answered late; the rest within two or three working days.
      const late = index % 6 === 5;
      const answeredOn = late
        ? calendar.addWorkingDays(item.deadline, 2)
        : calendar.addWorkingDays(item.openedOn, 2 + (index % 2));
      answer(answeredOn);
      // One in eight returned once before acceptance.
      let acceptedOn = calendar.addWorkingDays(answeredOn, 1);
      if (index % 8 === 3) {
        steps.push({
          caseId: item.id,
          kind: "returned",
          actorId: leader,
          at: at(acceptedOn),
          comment: "请补充整改前后的对比材料。",
        });
        answer(acceptedOn, 16);
        acceptedOn = calendar.addWorkingDays(acceptedOn, 1);
      }
      steps.push({
        caseId: item.id,
        kind: "accepted",
        actorId: leader,
        at: at(acceptedOn),
        comment: null,
      });
      closed.push({ id: item.id, closedOn: acceptedOn });
      return;
    }
    // Recent cases: left open (overdue by now), answered, returned, answered again.
    const turn = recent % 4;
    recent += 1;
    if (turn === 0) return;
    const answeredOn = calendar.addWorkingDays(item.openedOn, 1);
    answer(answeredOn);
    if (turn === 1) {
      stateOf.set(item.id, "answered");
      return;
    }
    steps.push({
      caseId: item.id,
      kind: "returned",
      actorId: leader,
      at: at(answeredOn, 17),
      comment: "整改措施不具体，请说明完成时限和责任人。",
    });
    if (turn === 2) {
      stateOf.set(item.id, "returned");
      return;
    }
    answer(calendar.addWorkingDays(answeredOn, 1));
    stateOf.set(item.id, "answered");
  });

  for (let start = 0; start < steps.length; start += 1_000) {
    await tx.insert(schema.rectificationSteps).values(steps.slice(start, start + 1_000));
  }
  for (let start = 0; start < closed.length; start += 1_000) {
    const rows = closed
      .slice(start, start + 1_000)
      .map(({ id, closedOn }) => sql`(${id}::int, ${closedOn}::date)`);
    await tx.execute(sql`
      update rectification_cases c
      set state = 'closed', closed_on = v.day,
          closed_at = (v.day + time '10:00') at time zone 'Asia/Shanghai',
          updated_at = (v.day + time '10:00') at time zone 'Asia/Shanghai'
      from (values ${sql.join(rows, sql`, `)}) as v(id, day)
      where c.id = v.id`);
  }
  for (const state of ["answered", "returned"] as const) {
    const ids = [...stateOf].filter(([, value]) => value === state).map(([id]) => id);
    if (ids.length > 0) {
      await tx
        .update(schema.rectificationCases)
        .set({ state })
        .where(inArray(schema.rectificationCases.id, ids));
    }
  }
}
