import { calendarDaysBetween } from "./iso-date";

/** Reminders start this many calendar days before a deadline (and stay once it passed). */
export const REMINDER_DAYS = 3;

/**
 * Where a deadline stands on a day, both local dates ("YYYY-MM-DD") in the deployment's
 * time zone, in calendar days:
 *
 *   days = deadline − today
 *
 * days > 0: due in `days` days; days = 0: due today (the deadline is the last day one may
 * submit, so it is not yet missed); days < 0: overdue by −days days.
 */
export type DeadlineStatus =
  { kind: "due"; days: number } | { kind: "today"; days: 0 } | { kind: "overdue"; days: number };

export function deadlineStatus(deadline: string, today: string): DeadlineStatus {
  const days = calendarDaysBetween(today, deadline);
  if (days > 0) return { kind: "due", days };
  if (days === 0) return { kind: "today", days: 0 };
  return { kind: "overdue", days: -days };
}

/** A reminder is due: the deadline is at most REMINDER_DAYS away, or has passed. */
export function deadlineNear(status: DeadlineStatus): boolean {
  return status.kind !== "due" || status.days <= REMINDER_DAYS;
}
