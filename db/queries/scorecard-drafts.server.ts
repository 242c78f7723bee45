import { sql } from "drizzle-orm";
import { addCalendarDays } from "../../metrics/iso-date";
import { ratingSummaryFromCounts, type MutableRatingCounts } from "../../metrics/rating-summary";
import {
  shareIsPublishable,
  suppressSmallCounts,
  SUPPRESSION_THRESHOLD,
} from "../../metrics/small-count-suppression";
import { compareToTarget } from "../../metrics/target-comparison";
import { endOfLocalDay } from "../../metrics/time-zone";
import type { Database } from "../client.server";
import { APPEAL_TYPES } from "../schema/enum-values";
import {
  SCORECARD_FORMAT,
  departmentPayloadSchema,
  projectPayloadSchema,
  type Breakdown,
  type DepartmentPayload,
  type KpiFigure,
  type ProjectPayload,
  type RatingFigures,
  type CountFigure,
  type RectificationFiguresPayload,
} from "../scorecards/payload";
import type { RectificationFigures } from "../../metrics/rectification";
import { loadDepartmentPage } from "./department-page.server";
import { findDepartment } from "./departments.server";
import type { ProjectRoundRow } from "./evaluation-results.server";
import { loadProjectPage } from "./project-page.server";
import { countedRating } from "./rating-figures.server";
import { loadRectificationFiguresByDepartment } from "./rectification.server";
import { rowsOf } from "./rows-of.server";
import { loadServiceItems } from "./service-figures.server";
import type { TargetView } from "./targets.server";

type Reader = Pick<Database, "select" | "execute">;

/** A breakdown of named counts, suppressed (see metrics/small-count-suppression.ts). */
export function publicBreakdown(entries: ReadonlyArray<readonly [string, number]>): Breakdown {
  const { cells, total } = suppressSmallCounts(entries.map(([, count]) => count));
  return {
    cells: entries.map(([key], index) => ({
      key,
      count: cells[index] ?? null,
      suppressed: cells[index] === null,
    })),
    total,
    totalSuppressed: total === null,
  };
}

/** True when a figure rests on 1–4 people or events: it is withheld like a small count. */
const tooFew = (denominator: number) => denominator >= 1 && denominator < SUPPRESSION_THRESHOLD;

function kpiFigure(
  kpi: string,
  value: number | null,
  targets: Record<string, TargetView | undefined>,
  denominator?: number,
): KpiFigure {
  const target = targets[kpi];
  const suppressed = denominator !== undefined && tooFew(denominator);
  const shown = suppressed ? null : value;
  return {
    kpi,
    value: shown,
    suppressed,
    target: target
      ? { direction: target.direction, target: target.target, targetMax: target.targetMax ?? null }
      : null,
    band: target && shown !== null ? compareToTarget(shown, target) : null,
  };
}

/** A count published on its own: withheld when 1–4. */
const countFigure = (count: number): CountFigure =>
  tooFew(count) ? { count: null, suppressed: true } : { count, suppressed: false };

/**
 * A department's rectification figures as published: opened and overdue counts on their
 * own, the closed cases as a suppressed breakdown (on time, late), and the on-time rate
 * and median withheld whenever they would reveal a hidden count.
 */
export function publicRectification(
  figures: RectificationFigures,
  targets: Record<string, TargetView | undefined>,
): RectificationFiguresPayload {
  const closed = publicBreakdown([
    ["on_time", figures.closedOnTime],
    ["late", figures.closed - figures.closedOnTime],
  ]);
  const hidden = closed.totalSuppressed || closed.cells.some((cell) => cell.suppressed);
  return {
    opened: countFigure(figures.opened),
    closed,
    onTimeRate: {
      ...kpiFigure("rectification_on_time_rate", hidden ? null : figures.onTimeRate, targets),
      suppressed: hidden,
    },
    overdueOpen: countFigure(figures.overdueOpen),
    medianWorkingDaysToClose: tooFew(figures.closed) ? null : figures.medianWorkingDaysToClose,
  };
}

/** Whose ratings: one project's, or those of a department's service items. */
type RatingScope = { projectId: number } | { departmentId: number };

/**
 * 好差评 figures over the ratings given from `from` (or ever) through the cut-off, local
 * dates, leaving out every rating whose appeal was upheld. Scores and counts only: no
 * comment, no rater.
 */
async function ratingFigures(
  db: Reader,
  scope: RatingScope,
  range: { from: string | null; to: string },
  timeZone: string,
): Promise<RatingFigures> {
  const end = endOfLocalDay(range.to, timeZone);
  const start = range.from ? endOfLocalDay(addCalendarDays(range.from, -1), timeZone) : null;
  const rows = await rowsOf<{ score: number; n: number }>(
    db,
    sql`select r.score::int as score, count(*)::int as n
        from ratings r
        ${"departmentId" in scope ? sql`join service_items s on s.id = r.service_item_id and s.department_id = ${scope.departmentId}` : sql``}
        where ${"projectId" in scope ? sql`r.project_id = ${scope.projectId}` : sql`r.target = 'service'`}
          and r.rated_at <= ${end.toISOString()}
          ${start ? sql`and r.rated_at > ${start.toISOString()}` : sql``}
          and ${countedRating}
        group by r.score`,
  );
  const counts: MutableRatingCounts = [0, 0, 0, 0, 0];
  for (const row of rows) counts[row.score - 1] = row.n;
  const summary = ratingSummaryFromCounts(counts);
  const byScore = publicBreakdown(
    counts.map((count, index) => [String(index + 1), count] as const),
  );
  // Beside the total, a figure over the cells can give a hidden cell away (3 bad reviews
  // of 60 is 5.0 %). The mean weighs every cell differently, so it goes with any hidden
  // one; a share goes only when it splits the hidden cells (shareIsPublishable).
  const suppressed = byScore.totalSuppressed || byScore.cells.some((cell) => cell.suppressed);
  const breakdown = { cells: byScore.cells.map((cell) => cell.count), total: byScore.total };
  const share = (value: number | null, scores: number[]) =>
    shareIsPublishable(
      breakdown,
      scores.map((score) => score - 1),
    )
      ? value
      : null;
  return {
    rated: byScore.total,
    suppressed,
    meanRating: suppressed ? null : summary.meanRating,
    satisfactionRate: share(summary.satisfactionRate, [4, 5]),
    badReviewRate: share(summary.badReviewRate, [1, 2]),
    byScore,
  };
}

/**
 * The project's final score of the latest closed round that has one, with its framework:
 * from the rounds the project page loaded (latest period first, scores as stored).
 */
function latestEvaluation(rounds: readonly ProjectRoundRow[]) {
  const row = rounds.find((round) => round.state === "closed" && round.score !== null);
  if (!row) return null;
  return {
    round: { code: row.code, name: row.name, periodEnd: row.periodEnd },
    framework: row.framework,
    score: row.score,
  };
}

/**
 * A project's scorecard as it would be published with data up to `cutoff`: the project
 * page's figures (loadProjectPage, the one place they are computed), its latest stored
 * evaluation result and its citizen ratings. null: no such project.
 */
export async function buildProjectPayload(
  db: Reader,
  code: string,
  cutoff: string,
  timeZone: string,
): Promise<ProjectPayload | null> {
  const page = await loadProjectPage(db, code, cutoff);
  if (!page) return null;
  const { project, earnedValue: ev, point, targets } = page;
  const evaluation = latestEvaluation(page.evaluations);
  const ratings = await ratingFigures(
    db,
    { projectId: project.id },
    { from: null, to: cutoff },
    timeZone,
  );
  const items = page.milestones.map((milestone) => {
    const completed = milestone.actualDate !== null && milestone.actualDate <= cutoff;
    return {
      name: milestone.name,
      plannedDate: milestone.plannedDate,
      actualDate: completed ? milestone.actualDate : null,
      forecastDate: milestone.forecastDate,
      completed,
    };
  });
  return projectPayloadSchema.parse({
    format: SCORECARD_FORMAT,
    subject: "project",
    code: project.code,
    name: project.name,
    dataCutoff: cutoff,
    department: { code: project.departmentCode, name: project.departmentName },
    facts: {
      stage: project.stage,
      category: project.category,
      plannedStart: project.plannedStart,
      plannedEnd: project.plannedEnd,
      bacYuan: ev.bac,
      acYuan: ev.ac,
      eacYuan: ev.eac,
    },
    kpis: [
      kpiFigure("budget_execution", ev.budgetExecution, targets),
      kpiFigure("cpi", ev.cpi, targets),
      kpiFigure("spi", ev.spi, targets),
      kpiFigure("outcome_achievement", point.outcome, targets),
    ],
    variances: [
      { key: "cost", value: ev.costVariancePct, band: ev.costBand },
      { key: "schedule", value: ev.scheduleVariancePct, band: ev.scheduleBand },
      { key: "budget", value: ev.budgetVariancePct, band: ev.budgetBand },
      { key: "forecast", value: ev.forecastOverrun, band: ev.forecastBand },
    ],
    outcomes: page.indicators,
    milestones: {
      total: items.length,
      completed: items.filter((item) => item.completed).length,
      scheduleSlipDays: point.scheduleSlipDays,
      items,
    },
    spendCurve: page.spendCurve,
    evaluation,
    ratings,
  } satisfies ProjectPayload);
}

/**
 * A department's scorecard for the year up to `cutoff`: the department page's figures
 * (loadDepartmentPage), small counts suppressed, and its services' citizen ratings.
 * null: no such department.
 */
export async function buildDepartmentPayload(
  db: Reader,
  code: string,
  cutoff: string,
  timeZone: string,
): Promise<DepartmentPayload | null> {
  const department = await findDepartment(db, code);
  if (!department) return null;
  const period = { from: `${cutoff.slice(0, 4)}-01-01`, to: cutoff };
  const [page, ratings, items, rectification] = await Promise.all([
    loadDepartmentPage(db, department.id, period),
    ratingFigures(db, { departmentId: department.id }, period, timeZone),
    loadServiceItems(db, [department.id]),
    // As of the cut-off: a case closed after it is still open (and maybe overdue) here.
    loadRectificationFiguresByDepartment(db, {
      ...period,
      today: cutoff,
      departments: [department.id],
    }),
  ]);
  const { appeals, services, targets } = page;
  const current = appeals.current;
  const received = new Map(appeals.byType.map((row) => [row.type, row.kpis.received]));
  const byType = publicBreakdown(APPEAL_TYPES.map((type) => [type, received.get(type) ?? 0]));
  return departmentPayloadSchema.parse({
    format: SCORECARD_FORMAT,
    subject: "department",
    code: department.code,
    name: department.name,
    dataCutoff: cutoff,
    period,
    kpis: [
      kpiFigure("reply_rate", current.replyRate, targets, current.received),
      kpiFigure("on_time_reply_rate", current.onTimeReplyRate, targets, current.received),
      kpiFigure("first_contact_rate", current.firstContactRate, targets, current.received),
      kpiFigure("satisfaction_rate", current.satisfactionRate, targets, current.rated),
      kpiFigure("service_coverage", services.kpis.coverage, targets),
      kpiFigure("high_frequency_coverage", services.kpis.highFrequencyCoverage, targets),
      kpiFigure("digital_take_up", services.kpis.digitalTakeUp, targets),
      kpiFigure("on_time_completion", services.kpis.onTimeCompletion, targets),
    ],
    appeals: {
      byType,
      medianReplyWorkingDays: tooFew(current.replied) ? null : current.medianReplyWorkingDays,
      ratedShare: tooFew(current.replied) ? null : current.ratedShare,
      trend: appeals.trend.map((month) => {
        const suppressed = tooFew(month.received);
        return {
          month: month.month,
          through: month.through,
          suppressed,
          replyRate: suppressed ? null : month.replyRate,
          onTimeReplyRate: suppressed ? null : month.onTimeReplyRate,
          satisfactionRate: suppressed ? null : month.satisfactionRate,
        };
      }),
    },
    services: {
      items: services.kpis.items,
      oneVisitShare: services.kpis.oneVisitShare,
      takeUpTrend: services.takeUpTrend.map(({ month, digitalTakeUp }) => ({
        month,
        digitalTakeUp,
      })),
    },
    // The catalogue's facts only: the list citizens rate from on the public page.
    serviceItems: items.map((item) => ({
      code: item.code,
      name: item.name,
      maturity: item.maturity,
      oneVisit: item.oneVisit,
      highFrequency: item.highFrequency,
      timeLimitDays: item.timeLimitDays,
    })),
    rectification: publicRectification(rectification.overall, targets),
    projects: page.projects.map((project) => ({
      code: project.code,
      name: project.name,
      stage: project.stage,
      cpi: project.cpi,
      spi: project.spi,
      outcome: project.outcome,
      costBand: project.costBand,
      scheduleBand: project.scheduleBand,
      budgetBand: project.budgetBand,
    })),
    ratings,
  } satisfies DepartmentPayload);
}
