import { group } from "d3";
import {
  appealKpisFromCounts,
  mergeAppealCounts,
  type AppealKpis,
} from "../../metrics/appeal-kpis";
import {
  earnedValueTotals,
  projectEarnedValue,
  type ProjectEarnedValue,
} from "../../metrics/earned-value";
import {
  addYears,
  calendarDaysInclusive,
  lastDayOfMonth,
  partialMonthEnd,
} from "../../metrics/iso-date";
import { monthsInRange } from "../../metrics/months-in-range";
import { projectOutcome } from "../../metrics/outcome-achievement";
import { portfolioEarnedValue } from "../../metrics/portfolio-earned-value";
import { raiseRedFlags, type RedFlag } from "../../metrics/red-flags";
import { scheduleSlipDays } from "../../metrics/schedule-slip";
import { serviceKpis, type ServiceKpis } from "../../metrics/service-kpis";
import { compareToTarget } from "../../metrics/target-comparison";
import type { Band } from "../../metrics/variance-band";
import { percentagePointChange } from "../../metrics/year-on-year";
import type { Database } from "../client.server";
import { LIFECYCLE_STAGES, type LifecycleStage } from "../schema/enums";
import {
  appealTalliesByDepartment,
  appealTalliesByMonth,
  type AppealTallies,
} from "./appeal-figures.server";
import type { DashboardScope } from "./dashboard-scope.server";
import { loadPortfolio, type PortfolioProject } from "./project-portfolio.server";
import {
  loadServiceItems,
  loadServiceSums,
  type MonthRange,
  type ServiceMonth,
} from "./service-figures.server";
import { loadRectificationFiguresByDepartment } from "./rectification.server";
import type { RectificationFigures } from "../../metrics/rectification";
import { loadTargets, type TargetView } from "./targets.server";

type Reader = Pick<Database, "select" | "execute">;

export interface DateRange {
  from: string;
  to: string;
}

export interface DashboardFilter {
  range: DateRange;
  category?: string | undefined;
  stage?: LifecycleStage | undefined;
}

export const TILE_KPIS = [
  "service_coverage",
  "digital_take_up",
  "reply_rate",
  "on_time_reply_rate",
  "satisfaction_rate",
  "budget_execution",
  "cpi",
  "spi",
  "rectification_on_time_rate",
] as const;
export type TileKpi = (typeof TILE_KPIS)[number];

export interface KpiTile {
  kpi: TileKpi;
  value: number | null;
  /** The same period a year earlier (a cut-off a year earlier for projects). */
  lastYear: number | null;
  /** this − last, in percentage points for rates, as a ratio difference for CPI/SPI. */
  change: number | null;
  band: Band | null;
  target: TargetView | null;
  /**
   * Monthly values up to the period's end, for the sparkline. `through` marks a month the
   * period ends part way through: counted only to that day, so a rate may look low.
   */
  series: Array<{ period: string; value: number | null; through?: string }>;
  /** Rated share beside satisfaction (never a satisfaction figure without it). */
  ratedShare?: number | null;
  /** Open rectification cases past their deadline, the escalation beside the on-time rate. */
  overdueOpen?: number;
}

export interface HeatmapRow {
  code: string;
  name: string;
  values: Partial<Record<TileKpi, number | null>>;
  bands: Partial<Record<TileKpi, Band | null>>;
  /**
   * The department's rectification figures over the period (none without cases): beside
   * the heatmap's values, not among them, so the heatmap's columns and order stay as they are.
   */
  rectification: RectificationFigures;
}

export interface ProjectPoint {
  code: string;
  name: string;
  departmentCode: string;
  departmentName: string;
  stage: LifecycleStage;
  category: string | null;
  bac: number;
  ac: number;
  budgetExecution: number | null;
  cpi: number | null;
  spi: number | null;
  outcome: number | null;
  costBand: Band | null;
  scheduleBand: Band | null;
  budgetBand: Band | null;
  forecastOverrun: number | null;
  scheduleSlipDays: number | null;
}

export interface NamedFlag extends RedFlag {
  name: string;
}

export interface Overview {
  range: DateRange;
  lastYearRange: DateRange;
  tiles: KpiTile[];
  appeals: { current: AppealKpis; lastYear: AppealKpis };
  services: ServiceKpis;
  heatmap: HeatmapRow[];
  projects: ProjectPoint[];
  stages: Array<{ stage: LifecycleStage; projects: number; bac: number }>;
  trend: Array<{
    month: string;
    /** The last day counted, when the period ends part way through the month; else null. */
    through: string | null;
    received: number;
    replyRate: number | null;
    onTimeReplyRate: number | null;
    satisfactionRate: number | null;
  }>;
  flags: NamedFlag[];
  targets: Record<string, TargetView | undefined>;
}

/** A department without any rectification case in the period. */
const NO_RECTIFICATION: RectificationFigures = {
  opened: 0,
  closed: 0,
  closedOnTime: 0,
  onTimeRate: null,
  overdueOpen: 0,
  medianWorkingDaysToClose: null,
};

const sumTallies = (parts: Iterable<AppealTallies>): AppealTallies => {
  const { replyWorkingDaysHistogram: _, ...tallies } = mergeAppealCounts(
    [...parts].map((part) => ({ ...part, replyWorkingDaysHistogram: new Map() })),
  );
  return tallies;
};

const kpisOf = (tallies: AppealTallies | undefined, days: number | null): AppealKpis =>
  appealKpisFromCounts(
    { ...(tallies ?? mergeAppealCounts([])), replyWorkingDaysHistogram: new Map() },
    days,
  );

/** Month-end cut-offs of the twelve months ending with the cut-off's month, the last being the cut-off. */
function monthEnds(cutoff: string): string[] {
  const months = monthsInRange(addYears(cutoff, -1), cutoff).slice(-12);
  return months.map((month) => {
    const end = lastDayOfMonth(month);
    return end > cutoff ? cutoff : end;
  });
}

/** Earned value of one project at the cut-off, with the figures the dashboard adds. */
export function projectPoint(
  project: PortfolioProject,
  cutoff: string,
): ProjectPoint & { ev: ProjectEarnedValue } {
  const ev = projectEarnedValue(project.earnedValueInput, cutoff);
  return {
    code: project.code,
    name: project.name,
    departmentCode: project.departmentCode,
    departmentName: project.departmentName,
    stage: project.stage,
    category: project.category,
    bac: ev.bac,
    ac: ev.ac,
    budgetExecution: ev.budgetExecution,
    cpi: ev.cpi,
    spi: ev.spi,
    outcome: projectOutcome(project.indicators, cutoff),
    costBand: ev.costBand,
    scheduleBand: ev.scheduleBand,
    budgetBand: ev.budgetBand,
    forecastOverrun: ev.forecastOverrun,
    scheduleSlipDays: scheduleSlipDays(project.milestones),
    ev,
  };
}

function serviceFigures(items: Parameters<typeof serviceKpis>[0], months: readonly ServiceMonth[]) {
  return serviceKpis(items, months);
}

/**
 * Everything the overview shows for the departments in scope and a period, read from
 * roll-ups and dimension rows (about a dozen queries, run concurrently), with every
 * figure computed by metrics/.
 */
export async function loadOverview(
  db: Reader,
  scope: DashboardScope,
  filter: DashboardFilter,
  /**
   * series: false skips last year's earned value and every monthly series (pages that only
   * need flags). today: overdue rectification cases count as of today while the period runs on.
   */
  { series = true, today = filter.range.to }: { series?: boolean; today?: string } = {},
): Promise<Overview> {
  const { range } = filter;
  const cutoff = range.to;
  const lastYearRange = { from: addYears(range.from, -1), to: addYears(range.to, -1) };
  const ids = scope.departmentIds;
  // Two years of months for the trend (this year against last), ending with the period.
  const trendRange = {
    from: monthsInRange(addYears(range.to, -2), range.to).slice(-24)[0] ?? range.from,
    to: range.to,
  };
  const monthsOf = (r: DateRange): MonthRange => ({
    from: `${r.from.slice(0, 7)}-01`,
    to: `${r.to.slice(0, 7)}-01`,
  });
  const seriesMonths = monthsInRange(addYears(range.to, -1), range.to).slice(-12);
  const [
    targets,
    byDepartment,
    lastYearByDepartment,
    trend,
    items,
    serviceSums,
    portfolio,
    rectification,
  ] = await Promise.all([
    loadTargets(db),
    appealTalliesByDepartment(db, range, ids),
    appealTalliesByDepartment(db, lastYearRange, ids),
    series ? appealTalliesByMonth(db, trendRange, ids) : [],
    loadServiceItems(db, ids),
    loadServiceSums(
      db,
      {
        range: monthsOf(range),
        previous: monthsOf(lastYearRange),
        months: { from: seriesMonths[0] ?? monthsOf(range).from, to: monthsOf(range).to },
      },
      ids,
    ),
    loadPortfolio(db, { departmentIds: ids, category: filter.category, stage: filter.stage }),
    loadRectificationFiguresByDepartment(db, {
      ...range,
      today,
      departments: ids ?? null,
    }),
  ]);
  const days = calendarDaysInclusive(range.from, range.to);
  // The overview shows no median reply time, so the totals are the departments' sums
  // and no histogram is read.
  const current = kpisOf(sumTallies(byDepartment.values()), days);
  const lastYear = kpisOf(
    sumTallies(lastYearByDepartment.values()),
    calendarDaysInclusive(lastYearRange.from, lastYearRange.to),
  );

  const serviceRows = [...serviceSums.byDepartment.values()];
  const services = serviceFigures(items, serviceRows);
  const servicesLastYear = serviceFigures([], serviceSums.previous);

  const points = portfolio.map((project) => projectPoint(project, cutoff));
  const evNow = portfolioEarnedValue(points.map((point) => point.ev));
  // Portfolio sums at other cut-offs need only each project's totals, not its ratios.
  const evLastYear = portfolioEarnedValue(
    series
      ? portfolio.map((project) =>
          earnedValueTotals(project.earnedValueInput, addYears(cutoff, -1)),
        )
      : [],
  );
  const evSeries = (series ? monthEnds(cutoff) : []).map((end) => ({
    period: end,
    value: portfolioEarnedValue(portfolio.map((p) => earnedValueTotals(p.earnedValueInput, end))),
  }));

  // Appeals of the month the period ends in are counted only to its last day: a month
  // begun a few days ago has few appeals, and few replied yet.
  const throughOf = (month: string) => partialMonthEnd(month, cutoff);
  const appealSeries = trend.slice(-12).map((row) => ({
    period: row.month,
    through: throughOf(row.month),
    value: kpisOf(row.tallies, null),
  }));
  const serviceSeries = seriesMonths.map((month) => {
    const row = serviceSums.byMonth.get(month);
    return { period: month, value: serviceFigures([], row ? [row] : []).digitalTakeUp };
  });

  const tile = (
    kpi: TileKpi,
    value: number | null,
    previous: number | null,
    series: KpiTile["series"],
    extra: Partial<KpiTile> = {},
  ): KpiTile => {
    const target = targets[kpi] ?? null;
    return {
      kpi,
      value,
      lastYear: previous,
      change: percentagePointChange(value, previous),
      band: target ? compareToTarget(value, target) : null,
      target,
      series,
      ...extra,
    };
  };
  const tiles: KpiTile[] = [
    tile("service_coverage", services.coverage, null, []),
    tile("digital_take_up", services.digitalTakeUp, servicesLastYear.digitalTakeUp, serviceSeries),
    tile(
      "reply_rate",
      current.replyRate,
      lastYear.replyRate,
      appealSeries.map((p) => ({ period: p.period, through: p.through, value: p.value.replyRate })),
    ),
    tile(
      "on_time_reply_rate",
      current.onTimeReplyRate,
      lastYear.onTimeReplyRate,
      appealSeries.map((p) => ({
        period: p.period,
        through: p.through,
        value: p.value.onTimeReplyRate,
      })),
    ),
    tile(
      "satisfaction_rate",
      current.satisfactionRate,
      lastYear.satisfactionRate,
      appealSeries.map((p) => ({
        period: p.period,
        through: p.through,
        value: p.value.satisfactionRate,
      })),
      { ratedShare: current.ratedShare },
    ),
    tile(
      "budget_execution",
      evNow.budgetExecution,
      evLastYear.budgetExecution,
      evSeries.map((p) => ({ period: p.period, value: p.value.budgetExecution })),
    ),
    tile(
      "cpi",
      evNow.cpi,
      evLastYear.cpi,
      evSeries.map((p) => ({ period: p.period, value: p.value.cpi })),
    ),
    tile(
      "spi",
      evNow.spi,
      evLastYear.spi,
      evSeries.map((p) => ({ period: p.period, value: p.value.spi })),
    ),
    tile("rectification_on_time_rate", rectification.overall.onTimeRate, null, [], {
      overdueOpen: rectification.overall.overdueOpen,
    }),
  ];

  // One pass each (d3.group), not an array copy per row.
  const itemsOf = group(items, (item) => item.departmentId);
  const pointsOf = group(points, (point) => point.departmentCode);

  const departmentFigures = scope.departments.map((department) => {
    const appeals = kpisOf(byDepartment.get(department.id), days);
    const previous = kpisOf(lastYearByDepartment.get(department.id), null);
    const sums = serviceSums.byDepartment.get(department.id);
    const service = serviceFigures(itemsOf.get(department.id) ?? [], sums ? [sums] : []);
    const ev = portfolioEarnedValue((pointsOf.get(department.code) ?? []).map((point) => point.ev));
    return { department, appeals, previous, service, ev };
  });
  const band = (kpi: TileKpi, value: number | null) => {
    const target = targets[kpi];
    return target ? compareToTarget(value, target) : null;
  };
  const heatmap: HeatmapRow[] = departmentFigures.map(({ department, appeals, service, ev }) => {
    const values: HeatmapRow["values"] = {
      service_coverage: service.coverage,
      digital_take_up: service.digitalTakeUp,
      reply_rate: appeals.replyRate,
      on_time_reply_rate: appeals.onTimeReplyRate,
      satisfaction_rate: appeals.satisfactionRate,
      budget_execution: ev.budgetExecution,
      cpi: ev.cpi,
    };
    const bands = Object.fromEntries(
      Object.entries(values).map(([kpi, value]) => [kpi, band(kpi as TileKpi, value ?? null)]),
    );
    const rectificationFigures = rectification.byDepartment.get(department.id) ?? NO_RECTIFICATION;
    return {
      code: department.code,
      name: department.name,
      values,
      bands,
      rectification: rectificationFigures,
    };
  });

  const milestonesOf = new Map(portfolio.map((project) => [project.code, project.milestones]));
  const flags = raiseRedFlags(
    points.map((point) => ({
      code: point.code,
      earnedValue: point.ev,
      outcomeAchievement: point.outcome,
      completedMilestones: (milestonesOf.get(point.code) ?? []).filter(
        (m) => m.actualDate !== null && m.actualDate <= cutoff,
      ).length,
    })),
    departmentFigures.map(({ department, appeals, previous }) => ({
      code: department.code,
      onTimeReplyRate: appeals.onTimeReplyRate,
      satisfactionRate: appeals.satisfactionRate,
      ratedShare: appeals.ratedShare,
      rated: appeals.rated,
      lastYear: {
        onTimeReplyRate: previous.onTimeReplyRate,
        satisfactionRate: previous.satisfactionRate,
      },
      overdueRectifications: rectification.byDepartment.get(department.id)?.overdueOpen ?? 0,
    })),
    targets,
  );
  const names = new Map<string, string>([
    ...scope.departments.map((d) => [`department|${d.code}`, d.name] as const),
    ...points.map((p) => [`project|${p.code}`, p.name] as const),
  ]);

  return {
    range,
    lastYearRange,
    tiles,
    appeals: { current, lastYear },
    services,
    heatmap,
    projects: points.map(({ ev: _ev, ...point }) => point),
    stages: LIFECYCLE_STAGES.map((stage) => {
      const inStage = points.filter((point) => point.stage === stage);
      return {
        stage,
        projects: inStage.length,
        bac: inStage.reduce((sum, point) => sum + point.bac, 0),
      };
    }),
    trend: trend.map((row) => {
      const kpis = kpisOf(row.tallies, null);
      return {
        month: row.month,
        through: throughOf(row.month) ?? null,
        received: kpis.received,
        replyRate: kpis.replyRate,
        onTimeReplyRate: kpis.onTimeReplyRate,
        satisfactionRate: kpis.satisfactionRate,
      };
    }),
    flags: flags.map((flag) => ({
      ...flag,
      name: names.get(`${flag.subject}|${flag.code}`) ?? flag.code,
    })),
    targets,
  };
}
