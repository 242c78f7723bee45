import type { AppealKpis } from "./appeal-kpis";
import { percentagePointChange, relativeChange } from "./year-on-year";

/** Year-on-year change of the appeals KPIs. */
export interface AppealKpisChange {
  readonly received: number | null;
  readonly replied: number | null;
  readonly perDay: number | null;
  readonly replyRate: number | null;
  readonly onTimeReplyRate: number | null;
  readonly firstContactRate: number | null;
  readonly satisfactionRate: number | null;
  readonly badReviewRate: number | null;
  readonly ratedShare: number | null;
  /** Difference in working days (this − last). */
  readonly medianReplyWorkingDays: number | null;
}

/**
 * Year-on-year change of the appeals KPIs: counts relative, (this − last) / last;
 * rates in percentage points, this − last; the median reply time as a difference in
 * working days, this − last. null wherever either year has no data (or last year's
 * count is 0).
 */
export function appealKpisYearOnYear(current: AppealKpis, previous: AppealKpis): AppealKpisChange {
  return {
    received: relativeChange(current.received, previous.received),
    replied: relativeChange(current.replied, previous.replied),
    perDay: relativeChange(current.perDay, previous.perDay),
    replyRate: percentagePointChange(current.replyRate, previous.replyRate),
    onTimeReplyRate: percentagePointChange(current.onTimeReplyRate, previous.onTimeReplyRate),
    firstContactRate: percentagePointChange(current.firstContactRate, previous.firstContactRate),
    satisfactionRate: percentagePointChange(current.satisfactionRate, previous.satisfactionRate),
    badReviewRate: percentagePointChange(current.badReviewRate, previous.badReviewRate),
    ratedShare: percentagePointChange(current.ratedShare, previous.ratedShare),
    medianReplyWorkingDays: difference(
      current.medianReplyWorkingDays,
      previous.medianReplyWorkingDays,
    ),
  };
}

function difference(current: number | null, previous: number | null): number | null {
  return current === null || previous === null ? null : current - previous;
}
