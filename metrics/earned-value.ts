import { addCalendarDays, dayNumberOf, isoDateOf, lastDayOfMonth } from "./iso-date";
import { ratio } from "./ratio";
import { varianceBand, type Band } from "./variance-band";
import { estimateAtCompletion, forecastOverrun } from "./forecast-at-completion";

/** Planned and actual spend of one project in one month. */
export interface BudgetLine {
  /** The month: "YYYY-MM-01" (or "YYYY-MM"). */
  readonly period: string;
  readonly plannedYuan: number;
  readonly actualYuan: number;
}

/** A weighted milestone: its weight is its share of the project's work. */
export interface Milestone {
  readonly weight: number;
  readonly plannedDate: string;
  readonly actualDate?: string | null;
  readonly forecastDate?: string | null;
}

/** What earned value needs of a project. */
export interface EarnedValueInput {
  /** BAC: the approved budget (批复金额), yuan. */
  readonly bacYuan: number;
  readonly budgetLines: readonly BudgetLine[];
  readonly milestones: readonly Milestone[];
}

/** Earned-value figures of one project at a cut-off date; money in yuan, null = no data. */
export interface ProjectEarnedValue {
  readonly bac: number;
  readonly pv: number;
  readonly ac: number;
  readonly ev: number | null;
  readonly budgetExecution: number | null;
  readonly cpi: number | null;
  readonly spi: number | null;
  readonly costVariancePct: number | null;
  readonly scheduleVariancePct: number | null;
  readonly budgetVariancePct: number | null;
  readonly costBand: Band | null;
  readonly scheduleBand: Band | null;
  readonly budgetBand: Band | null;
  readonly eac: number | null;
  readonly forecastOverrun: number | null;
  readonly forecastBand: Band | null;
}

/**
 * Earned value (EV) at a cut-off: the budget at completion times the share of
 * milestone weight completed (actual date on or before the cut-off):
 *
 *   EV = BAC × Σ weights of completed milestones / Σ weights of all milestones
 *
 * null without milestones or when the weights sum to 0.
 */
export function earnedValue(
  bacYuan: number,
  milestones: readonly Milestone[],
  cutoffDate: string,
): number | null {
  // ISO dates compare as strings: no parsing per milestone (dashboards call this for
  // every project at a dozen cut-offs).
  const cutoff = isoDay(cutoffDate);
  let total = 0;
  let completed = 0;
  for (const milestone of milestones) {
    total += milestone.weight;
    if (milestone.actualDate && isoDay(milestone.actualDate) <= cutoff) {
      completed += milestone.weight;
    }
  }
  if (total === 0) return null;
  return (bacYuan * completed) / total;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A date as "YYYY-MM-DD" (other forms parsed once), so that dates compare as strings. */
function isoDay(date: string): string {
  return ISO_DAY.test(date) ? date : isoDateOf(dayNumberOf(date));
}

/**
 * The last month whose spend counts at a cut-off ("YYYY-MM-01"): a month counts when it
 * ends on or before the cut-off, so the cut-off's own month only when the cut-off is its
 * last day.
 *
 *   lastMonthCountedAt("2024-03-31") = "2024-03-01";  lastMonthCountedAt("2024-03-30") = "2024-02-01"
 */
export function lastMonthCountedAt(cutoffDate: string): string {
  const cutoff = isoDay(cutoffDate);
  const month = `${cutoff.slice(0, 7)}-01`;
  return lastDayOfMonth(cutoff) === cutoff ? month : `${addCalendarDays(month, -1).slice(0, 7)}-01`;
}

/**
 * Planned value and actual cost to date: sums over the budget lines whose period (a
 * month) ends on or before the cut-off (see lastMonthCountedAt):
 *
 *   PV = Σ planned,  AC = Σ actual
 */
export function spendToDate(
  budgetLines: readonly BudgetLine[],
  cutoffDate: string,
): { pv: number; ac: number } {
  const last = lastMonthCountedAt(cutoffDate).slice(0, 7);
  let pv = 0;
  let ac = 0;
  for (const line of budgetLines) {
    if (line.period.slice(0, 7) > last) continue;
    pv += line.plannedYuan;
    ac += line.actualYuan;
  }
  return { pv, ac };
}

/** The additive figures of projectEarnedValue (what portfolioEarnedValue sums): BAC, PV, AC, EV. */
export type EarnedValueTotals = Pick<ProjectEarnedValue, "bac" | "pv" | "ac" | "ev">;

/**
 * BAC, PV and AC (spendToDate) and EV (earnedValue) of one project at a cut-off, without
 * the ratios and bands: enough for portfolio sums over many cut-offs.
 */
export function earnedValueTotals(
  project: EarnedValueInput,
  cutoffDate: string,
): EarnedValueTotals {
  const bac = project.bacYuan;
  const { pv, ac } = spendToDate(project.budgetLines, cutoffDate);
  return { bac, pv, ac, ev: earnedValue(bac, project.milestones, cutoffDate) };
}

/**
 * Earned-value management of one project at a cut-off date (default today, chosen by
 * the caller):
 *
 *   PV, AC (spendToDate);  EV (earnedValue)
 *   budget execution = AC / PV;  CPI = EV / AC;  SPI = EV / PV
 *   cost variance %     = (EV − AC) / EV
 *   schedule variance % = (EV − PV) / PV
 *   budget variance %   = (PV − AC) / PV
 *   EAC = BAC / CPI;  forecast overrun = (EAC − BAC) / BAC
 *
 * each null when its denominator is 0 or an input is null; bands by varianceBand.
 */
export function projectEarnedValue(
  project: EarnedValueInput,
  cutoffDate: string,
): ProjectEarnedValue {
  const { bac, pv, ac, ev } = earnedValueTotals(project, cutoffDate);
  const cpi = ratio(ev, ac);
  const costVariancePct = ev === null ? null : ratio(ev - ac, ev);
  const scheduleVariancePct = ev === null ? null : ratio(ev - pv, pv);
  const budgetVariancePct = ratio(pv - ac, pv);
  const eac = estimateAtCompletion(bac, cpi);
  const overrun = forecastOverrun(eac, bac);
  return {
    bac,
    pv,
    ac,
    ev,
    budgetExecution: ratio(ac, pv),
    cpi,
    spi: ratio(ev, pv),
    costVariancePct,
    scheduleVariancePct,
    budgetVariancePct,
    costBand: varianceBand(costVariancePct),
    scheduleBand: varianceBand(scheduleVariancePct),
    budgetBand: varianceBand(budgetVariancePct),
    eac,
    forecastOverrun: overrun,
    forecastBand: varianceBand(overrun),
  };
}
