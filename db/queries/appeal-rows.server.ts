import { and, desc, eq, gte, lt, sql } from "drizzle-orm";
import { appealFacts, replyDueAtMs } from "../../metrics/appeal-facts";
import { addCalendarDays, dayNumberOf } from "../../metrics/iso-date";
import { endOfLocalDayMs } from "../../metrics/time-zone";
import type { Database } from "../client.server";
import { loadAppealClock } from "../rollups/clock.server";
import { appeals } from "../schema/appeals";
import type { AppealType } from "../schema/enums";

export const APPEAL_ROWS_PER_PAGE = 50;

/** One appeal as the drill-down lists it: no personal data (the caller hash stays in the database). */
export interface AppealRow {
  externalId: string;
  channel: string | null;
  type: AppealType;
  category: string | null;
  receivedAt: string;
  firstContactAt: string | null;
  repliedAt: string | null;
  dueAt: string;
  satisfaction: number | null;
  replyWorkingDays: number | null;
  repliedOnTime: boolean;
}

/**
 * The appeals behind a department's figures for a period (local dates, both ends
 * inclusive), newest first, a page at a time: a range read on the (department, received)
 * index, never a scan. Each row carries its due time and timeliness from metrics.
 */
export async function listDepartmentAppeals(
  db: Pick<Database, "select">,
  departmentId: number,
  range: { from: string; to: string },
  options: { timeZone: string; page: number; type?: AppealType | undefined },
): Promise<{ rows: AppealRow[]; total: number; page: number; pages: number }> {
  const start = new Date(
    endOfLocalDayMs(dayNumberOf(addCalendarDays(range.from, -1)), options.timeZone) + 1,
  );
  const end = new Date(endOfLocalDayMs(dayNumberOf(range.to), options.timeZone) + 1);
  const where = and(
    eq(appeals.departmentId, departmentId),
    gte(appeals.receivedAt, start),
    lt(appeals.receivedAt, end),
    options.type ? eq(appeals.type, options.type) : undefined,
  );
  const [clock, [counted], rows] = await Promise.all([
    loadAppealClock(db, options.timeZone),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(appeals)
      .where(where),
    db
      .select({
        externalId: appeals.externalId,
        channel: appeals.channel,
        type: appeals.type,
        category: appeals.category,
        receivedAt: appeals.receivedAt,
        firstContactAt: appeals.firstContactAt,
        repliedAt: appeals.repliedAt,
        dueAt: appeals.dueAt,
        satisfaction: appeals.satisfaction,
      })
      .from(appeals)
      .where(where)
      .orderBy(desc(appeals.receivedAt), desc(appeals.id))
      .limit(APPEAL_ROWS_PER_PAGE)
      .offset((Math.max(1, options.page) - 1) * APPEAL_ROWS_PER_PAGE),
  ]);
  const total = counted?.total ?? 0;
  const iso = (value: Date | null) => (value ? value.toISOString() : null);
  return {
    total,
    page: Math.max(1, options.page),
    pages: Math.max(1, Math.ceil(total / APPEAL_ROWS_PER_PAGE)),
    rows: rows.map((row) => {
      const facts = appealFacts(row, clock);
      return {
        externalId: row.externalId,
        channel: row.channel,
        type: row.type,
        category: row.category,
        receivedAt: row.receivedAt.toISOString(),
        firstContactAt: iso(row.firstContactAt),
        repliedAt: iso(row.repliedAt),
        dueAt: new Date(replyDueAtMs(row, clock)).toISOString(),
        satisfaction: row.satisfaction,
        replyWorkingDays: facts.replyWorkingDays,
        repliedOnTime: facts.repliedOnTime,
      };
    }),
  };
}
