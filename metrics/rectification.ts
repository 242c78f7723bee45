import { median } from "./median";
import { ratio } from "./ratio";
import type { WorkingDayCalendar } from "./working-days";

/** What the rectification figures need of one case. Dates are local "YYYY-MM-DD". */
export interface RectificationCaseDates {
  readonly openedOn: string;
  /** The last day on which acceptance is in time. */
  readonly deadline: string;
  /** The day the leader accepted the rectification, which closes the case; null while open. */
  readonly closedOn: string | null;
}

/**
 * A case's deadline: the limit's n-th working day after the day it opened, in the
 * deployment's calendar (the opening day never counts, as for appeal replies):
 *
 *   deadline = addWorkingDays(openedOn, limit)
 */
export function rectificationDeadline(
  calendar: WorkingDayCalendar,
  openedOn: string,
  limitWorkingDays: number,
): string {
  return calendar.addWorkingDays(openedOn, limitWorkingDays);
}

/**
 * Whether a case is overdue on a day: its deadline passed before acceptance.
 *
 *   overdue(c, d) = deadline < d  and  (closedOn = null  or  closedOn > deadline)
 *
 * On the deadline itself a case is not overdue yet; a case accepted late stays marked.
 */
export function isOverdue(item: RectificationCaseDates, on: string): boolean {
  return item.deadline < on && (item.closedOn === null || item.closedOn > item.deadline);
}

export interface RectificationFigures {
  /** Cases opened in the period. */
  readonly opened: number;
  /** Cases closed (accepted) in the period. */
  readonly closed: number;
  /** Of those, closed on or before their deadline. */
  readonly closedOnTime: number;
  /** closedOnTime / closed; null with nothing closed. */
  readonly onTimeRate: number | null;
  /** Cases open at the end of the period whose deadline had passed by then. */
  readonly overdueOpen: number;
  /** Median of working days from opening to closure over the cases closed in the period. */
  readonly medianWorkingDaysToClose: number | null;
}

/**
 * The rectification figures of a set of cases over the period [from, to] (local dates),
 * counted as of `asOf` (the end of the period, or today when the period runs on):
 *
 *   opened              = |{ c : from ≤ openedOn ≤ to }|
 *   closed              = |{ c : from ≤ closedOn ≤ to }|
 *   closedOnTime        = |{ c closed in the period : closedOn ≤ deadline }|
 *   onTimeRate          = closedOnTime / closed                 (null when closed = 0)
 *   overdueOpen         = |{ c : openedOn ≤ asOf, not closed by asOf, deadline < asOf }|
 *   medianWorkingDaysToClose = median over c closed in the period of
 *                         |{ working d : openedOn < d ≤ closedOn }|
 */
export function rectificationFigures(
  cases: Iterable<RectificationCaseDates>,
  period: { readonly from: string; readonly to: string; readonly asOf?: string },
  calendar: WorkingDayCalendar,
): RectificationFigures {
  const asOf = period.asOf ?? period.to;
  let opened = 0;
  let closed = 0;
  let closedOnTime = 0;
  let overdueOpen = 0;
  const daysToClose: number[] = [];
  for (const item of cases) {
    if (item.openedOn >= period.from && item.openedOn <= period.to) opened += 1;
    if (item.closedOn !== null && item.closedOn >= period.from && item.closedOn <= period.to) {
      closed += 1;
      if (item.closedOn <= item.deadline) closedOnTime += 1;
      daysToClose.push(calendar.workingDaysBetween(item.openedOn, item.closedOn));
    }
    const openOnAsOf = item.openedOn <= asOf && (item.closedOn === null || item.closedOn > asOf);
    if (openOnAsOf && item.deadline < asOf) overdueOpen += 1;
  }
  return {
    opened,
    closed,
    closedOnTime,
    onTimeRate: ratio(closedOnTime, closed),
    overdueOpen,
    medianWorkingDaysToClose: median(daysToClose),
  };
}
