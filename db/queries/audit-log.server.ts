/**
 * Reading the audit log (审计日志): newest first, filtered by action, actor and local
 * dates, a page at a time. Read-only: the log is append-only (recordAudit in
 * audit.server.ts writes it, a trigger refuses UPDATE and DELETE), and nothing here
 * offers to change it.
 */
import { and, desc, gte, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../client.server";
import { auditEvents } from "../schema/imports";
import { rowsOf } from "./rows-of.server";

export const AUDIT_PAGE_SIZE = 50;

/** An action, or the group of actions under it: "user" matches "user.create". */
export const actionPrefixSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z_]+(\.[a-z_]+)*$/)
  .max(100);

const isoDateSchema = z.iso.date();

export interface AuditFilter {
  /** "user" matches "user" and "user.…"; "auth.sign_in" that action and its sub-actions. */
  action?: string;
  /** The actor's username, any case, exactly. */
  actor?: string;
  /** Local dates (YYYY-MM-DD) in `timeZone`, both ends inclusive. */
  from?: string;
  to?: string;
  timeZone: string;
}

export interface AuditEventRow {
  id: number;
  at: Date;
  actorId: number | null;
  actorName: string | null;
  action: string;
  objectKind: string | null;
  objectId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

export interface AuditPage {
  events: AuditEventRow[];
  page: number;
  pageSize: number;
  hasNext: boolean;
}

/** LIKE treats "_" and "%" as wildcards; action names contain "_". */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** The start of a local date in the time zone, as a timestamptz expression. */
function startOfLocalDate(date: string, timeZone: string, plusDays = 0): SQL {
  return sql`((${date}::date + ${plusDays}::int)::timestamp at time zone ${timeZone})`;
}

function whereOf(filter: AuditFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.action) {
    const action = actionPrefixSchema.parse(filter.action);
    conditions.push(
      sql`(${auditEvents.action} = ${action} or ${auditEvents.action} like ${`${escapeLike(action)}.%`})`,
    );
  }
  if (filter.actor) {
    conditions.push(sql`lower(${auditEvents.actorName}) = lower(${filter.actor.trim()})`);
  }
  if (filter.from) {
    conditions.push(
      gte(auditEvents.at, startOfLocalDate(isoDateSchema.parse(filter.from), filter.timeZone)),
    );
  }
  if (filter.to) {
    conditions.push(
      lt(auditEvents.at, startOfLocalDate(isoDateSchema.parse(filter.to), filter.timeZone, 1)),
    );
  }
  return conditions.length > 0 ? and(...conditions) : undefined;
}

/**
 * One page (1-based) of the events matching the filter, newest first (ties, as within
 * one transaction, by id, newest first), and whether another page follows.
 */
export async function listAuditEvents(
  db: Database,
  filter: AuditFilter,
  page = 1,
  pageSize = AUDIT_PAGE_SIZE,
): Promise<AuditPage> {
  const current = Math.max(1, Math.floor(page));
  const rows = await db
    .select()
    .from(auditEvents)
    .where(whereOf(filter))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(pageSize + 1)
    .offset((current - 1) * pageSize);
  return {
    events: rows.slice(0, pageSize),
    page: current,
    pageSize,
    hasNext: rows.length > pageSize,
  };
}

/**
 * The distinct actions in the log, sorted, for the filter's choices. A loose index scan
 * over audit_events_action_idx: one index probe per distinct action, not a table scan.
 */
export async function listAuditActions(db: Database): Promise<string[]> {
  const rows = await rowsOf<{ action: string }>(
    db,
    sql`
    with recursive actions(action) as (
      (select action from audit_events order by action limit 1)
      union all
      select (select e.action from audit_events e where e.action > a.action order by e.action limit 1)
      from actions a
      where a.action is not null
    )
    select action from actions where action is not null`,
  );
  return rows.map((row) => row.action);
}

/** The groups ("auth", "user", …) of these actions, sorted. */
export function actionGroups(actions: readonly string[]): string[] {
  return [...new Set(actions.map((action) => action.split(".")[0] ?? action))].sort();
}
