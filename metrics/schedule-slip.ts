import { calendarDaysBetween } from "./iso-date";
import type { Milestone } from "./earned-value";

/**
 * Schedule slip of a project in calendar days: the largest slip of its milestones,
 * each taken from its actual date, else its forecast date:
 *
 *   slip = max over milestones with an actual or forecast date of
 *          (actual ?? forecast) − planned      (negative: ahead of plan)
 *
 * null when no milestone has an actual or forecast date.
 */
export function scheduleSlipDays(milestones: readonly Milestone[]): number | null {
  let slip: number | null = null;
  for (const milestone of milestones) {
    const reached = milestone.actualDate ?? milestone.forecastDate ?? null;
    if (reached === null) continue;
    const days = calendarDaysBetween(milestone.plannedDate, reached);
    if (slip === null || days > slip) slip = days;
  }
  return slip;
}
