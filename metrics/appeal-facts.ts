import { endOfLocalDayMs, localDayNumberOf } from "./time-zone";
import type { WorkingDayCalendar } from "./working-days";

/** 诉求: one appeal (hotline 12345 and other channels), as the KPIs need it. */
export interface AppealRecord {
  /** complaint, consultation, suggestion, praise (or any type with a reply time limit). */
  readonly type: string;
  readonly receivedAt: Date;
  readonly firstContactAt?: Date | null;
  readonly repliedAt?: Date | null;
  /** Due time set at source; overrides the reply time limit when given. */
  readonly dueAt?: Date | null;
  /** 1–5, or null when not rated. */
  readonly satisfaction?: number | null;
}

/** What turns instants into working days: the calendar, the zone and the time limits. */
export interface AppealClock {
  readonly calendar: WorkingDayCalendar;
  /** IANA time zone of the deployment, e.g. "Asia/Shanghai". */
  readonly timeZone: string;
  /** Working days allowed for a reply, per appeal type; a type without one gets 5. */
  readonly replyLimitWorkingDaysByType?: Readonly<Record<string, number>>;
}

/** Reply time limit of a type without its own: 5 working days. */
export const DEFAULT_REPLY_LIMIT_WORKING_DAYS = 5;

/** Working days allowed to reply to an appeal of a type (default 5). */
export function replyLimitWorkingDays(
  type: string,
  limitsByType: Readonly<Record<string, number>> | undefined,
): number {
  if (limitsByType !== undefined && Object.hasOwn(limitsByType, type)) {
    return limitsByType[type] ?? DEFAULT_REPLY_LIMIT_WORKING_DAYS;
  }
  return DEFAULT_REPLY_LIMIT_WORKING_DAYS;
}

/**
 * Due time of a reply (UTC ms):
 *
 *   due = dueAt, when given;
 *       = end (23:59:59.999 local) of the N-th working day after the local day of
 *         receipt (which never counts), N = the type's reply time limit.
 */
export function replyDueAtMs(appeal: AppealRecord, clock: AppealClock): number {
  if (appeal.dueAt) return appeal.dueAt.getTime();
  const receivedDay = localDayNumberOf(appeal.receivedAt, clock.timeZone);
  const limit = replyLimitWorkingDays(appeal.type, clock.replyLimitWorkingDaysByType);
  return endOfLocalDayMs(
    clock.calendar.addWorkingDaysToDayNumber(receivedDay, limit),
    clock.timeZone,
  );
}

/** What one appeal contributes to the KPIs. */
export interface AppealFacts {
  /** Local day of receipt, as a day number (see iso-date.ts). */
  readonly receivedDay: number;
  /** A reply time is recorded. */
  readonly replied: boolean;
  /** Working days after the day of receipt through the day of reply; null if not replied. */
  readonly replyWorkingDays: number | null;
  /** Replied no later than the due time (a reply exactly at the due time is on time). */
  readonly repliedOnTime: boolean;
  /** A first-contact time is recorded. */
  readonly hasFirstContact: boolean;
  /** First contact no later than the end of the 1st working day after the day of receipt. */
  readonly firstContactInTime: boolean;
  readonly satisfaction: number | null;
}

/**
 * The facts of one appeal, in the deployment's time zone and calendar:
 *
 *   replyWorkingDays   = working days in (day of receipt, day of reply]   (≥ 0)
 *   repliedOnTime      = repliedAt ≤ due (see replyDueAtMs)
 *   firstContactInTime = firstContactAt ≤ end of the 1st working day after the day of receipt
 */
export function appealFacts(appeal: AppealRecord, clock: AppealClock): AppealFacts {
  const { calendar, timeZone } = clock;
  const receivedDay = localDayNumberOf(appeal.receivedAt, timeZone);
  const repliedAt = appeal.repliedAt ?? null;
  const firstContactAt = appeal.firstContactAt ?? null;
  const replyWorkingDays =
    repliedAt === null
      ? null
      : calendar.workingDaysBetweenDayNumbers(receivedDay, localDayNumberOf(repliedAt, timeZone));
  const repliedOnTime = repliedAt !== null && repliedAt.getTime() <= replyDueAtMs(appeal, clock);
  const firstContactInTime =
    firstContactAt !== null &&
    firstContactAt.getTime() <=
      endOfLocalDayMs(calendar.addWorkingDaysToDayNumber(receivedDay, 1), timeZone);
  return {
    receivedDay,
    replied: repliedAt !== null,
    replyWorkingDays,
    repliedOnTime,
    hasFirstContact: firstContactAt !== null,
    firstContactInTime,
    satisfaction: appeal.satisfaction ?? null,
  };
}
