import type { AppealClock } from "../../metrics/appeal-facts";
import { createWorkingDayCalendar } from "../../metrics/working-days";
import type { Database } from "../client.server";
import { calendarDays, replyTimeLimits } from "../schema/reference";

/**
 * The deployment's clock for appeals: its calendar (packaged official days and its own
 * imports, both in calendar_days; imported rows have already replaced packaged ones),
 * its reply time limits and its time zone.
 */
export async function loadAppealClock(
  db: Pick<Database, "select">,
  timeZone: string,
): Promise<AppealClock> {
  const [days, limits] = await Promise.all([
    db.select({ date: calendarDays.date, isWorking: calendarDays.isWorking }).from(calendarDays),
    db.select().from(replyTimeLimits),
  ]);
  return {
    calendar: createWorkingDayCalendar(days),
    timeZone,
    replyLimitWorkingDaysByType: Object.fromEntries(
      limits.map((limit) => [limit.appealType, limit.workingDays]),
    ),
  };
}
