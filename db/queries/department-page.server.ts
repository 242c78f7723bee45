import { appealKpisFromCounts, type AppealKpis } from "../../metrics/appeal-kpis";
import { addYears, calendarDaysInclusive, partialMonthEnd } from "../../metrics/iso-date";
import { monthsInRange } from "../../metrics/months-in-range";
import {
  portfolioEarnedValue,
  type PortfolioEarnedValue,
} from "../../metrics/portfolio-earned-value";
import { serviceKpis, type ServiceKpis } from "../../metrics/service-kpis";
import type { Database } from "../client.server";
import type { AppealType } from "../schema/enums";
import {
  appealCountsInRange,
  appealTalliesByMonth,
  appealTalliesByType,
} from "./appeal-figures.server";
import {
  loadDepartmentRoundResults,
  type DepartmentRoundResults,
} from "./evaluation-results.server";
import { projectPoint, type DateRange, type ProjectPoint } from "./overview.server";
import { loadPortfolio } from "./project-portfolio.server";
import { loadServiceItems, loadServiceMonths, type ServiceItemRow } from "./service-figures.server";
import { loadTargets, type TargetView } from "./targets.server";

type Reader = Pick<Database, "select" | "execute">;

export interface DepartmentPage {
  range: DateRange;
  targets: Record<string, TargetView | undefined>;
  services: {
    kpis: ServiceKpis;
    lastYear: ServiceKpis;
    /** Items per maturity level 0–4, all and high-frequency. */
    byMaturity: Array<{ level: number; items: number; highFrequency: number }>;
    items: ServiceItemRow[];
    takeUpTrend: Array<{ month: string; digitalTakeUp: number | null; transactions: number }>;
  };
  appeals: {
    current: AppealKpis;
    lastYear: AppealKpis;
    /** Replies by working days to reply, for the distribution chart. */
    replyDays: Array<{ workingDays: number; replies: number }>;
    byType: Array<{ type: AppealType; kpis: AppealKpis }>;
    trend: Array<{
      month: string;
      /** The last day counted, when the period ends part way through the month; else null. */
      through: string | null;
      received: number;
      replyRate: number | null;
      onTimeReplyRate: number | null;
      satisfactionRate: number | null;
      ratedShare: number | null;
    }>;
  };
  projects: ProjectPoint[];
  portfolio: PortfolioEarnedValue;
  /** Final scores of the department's projects in the latest closed round, as stored. */
  evaluation: DepartmentRoundResults | null;
}

/**
 * One department's services, appeals and projects for a period, from roll-ups (nine
 * queries), and its projects' stored final scores of the latest closed evaluation round.
 */
export async function loadDepartmentPage(
  db: Reader,
  departmentId: number,
  range: DateRange,
): Promise<DepartmentPage> {
  const ids = [departmentId];
  const lastYearRange = { from: addYears(range.from, -1), to: addYears(range.to, -1) };
  const months = monthsInRange(addYears(range.to, -2), range.to).slice(-24);
  const trendRange = { from: months[0] ?? range.from, to: range.to };
  const [targets, current, lastYear, byType, trend, items, serviceMonths, portfolio, evaluation] =
    await Promise.all([
      loadTargets(db),
      appealCountsInRange(db, range, ids),
      appealCountsInRange(db, lastYearRange, ids),
      appealTalliesByType(db, range, ids),
      appealTalliesByMonth(db, trendRange, ids),
      loadServiceItems(db, ids),
      loadServiceMonths(
        db,
        { from: months[0] ?? `${range.from.slice(0, 7)}-01`, to: `${range.to.slice(0, 7)}-01` },
        ids,
      ),
      loadPortfolio(db, { departmentIds: ids }),
      loadDepartmentRoundResults(db, departmentId),
    ]);
  const inRange = (r: DateRange) => {
    const from = `${r.from.slice(0, 7)}-01`;
    const to = `${r.to.slice(0, 7)}-01`;
    return serviceMonths.filter((row) => row.period >= from && row.period <= to);
  };
  const points = portfolio.map((project) => projectPoint(project, range.to));
  const kpis = (
    tallies: Omit<Parameters<typeof appealKpisFromCounts>[0], "replyWorkingDaysHistogram">,
    days: number | null,
  ) => appealKpisFromCounts({ ...tallies, replyWorkingDaysHistogram: new Map() }, days);
  return {
    range,
    targets,
    services: {
      kpis: serviceKpis(items, inRange(range)),
      lastYear: serviceKpis(items, inRange(lastYearRange)),
      byMaturity: [0, 1, 2, 3, 4].map((level) => ({
        level,
        items: items.filter((item) => item.maturity === level).length,
        highFrequency: items.filter((item) => item.maturity === level && item.highFrequency).length,
      })),
      items,
      takeUpTrend: months.map((month) => {
        const rows = serviceMonths.filter((row) => row.period === month);
        return {
          month,
          digitalTakeUp: serviceKpis([], rows).digitalTakeUp,
          transactions: rows.reduce((sum, row) => sum + row.transactions, 0),
        };
      }),
    },
    appeals: {
      current: appealKpisFromCounts(current, calendarDaysInclusive(range.from, range.to)),
      lastYear: appealKpisFromCounts(
        lastYear,
        calendarDaysInclusive(lastYearRange.from, lastYearRange.to),
      ),
      replyDays: [...current.replyWorkingDaysHistogram]
        .map(([workingDays, replies]) => ({ workingDays, replies }))
        .sort((a, b) => a.workingDays - b.workingDays),
      byType: [...byType].map(([type, tallies]) => ({ type, kpis: kpis(tallies, null) })),
      trend: trend.map((row) => {
        const figures = kpis(row.tallies, null);
        return {
          month: row.month,
          through: partialMonthEnd(row.month, range.to) ?? null,
          received: figures.received,
          replyRate: figures.replyRate,
          onTimeReplyRate: figures.onTimeReplyRate,
          satisfactionRate: figures.satisfactionRate,
          ratedShare: figures.ratedShare,
        };
      }),
    },
    projects: points.map(({ ev: _ev, ...point }) => point),
    portfolio: portfolioEarnedValue(points.map((point) => point.ev)),
    evaluation,
  };
}
