import type { EarnedValueTotals } from "./earned-value";
import { ratio } from "./ratio";

/** Earned-value figures of a set of projects (a department, a region, everything). */
export interface PortfolioEarnedValue {
  readonly projects: number;
  readonly bac: number;
  readonly pv: number;
  readonly ac: number;
  /** Σ EV of the projects whose EV is known; null when none is. */
  readonly ev: number | null;
  readonly budgetExecution: number | null;
  readonly cpi: number | null;
  readonly spi: number | null;
  readonly costVariancePct: number | null;
  readonly scheduleVariancePct: number | null;
  readonly budgetVariancePct: number | null;
}

/**
 * Portfolio figures: sums over the projects first, then the ratios.
 *
 *   projects, BAC, PV, AC: every project;  EV: Σ over projects with EV known (K)
 *   budget execution = Σ_{PV>0} AC / Σ_{PV>0} PV
 *   budget variance  = (Σ_{PV>0} PV − Σ_{PV>0} AC) / Σ_{PV>0} PV
 *   CPI = Σ_K EV / Σ_K AC;  SPI = Σ_K EV / Σ_K PV
 *   cost variance = (Σ_K EV − Σ_K AC) / Σ_K EV;  schedule variance = (Σ_K EV − Σ_K PV) / Σ_K PV
 *
 * each null when its denominator is 0.
 */
export function portfolioEarnedValue(projects: readonly EarnedValueTotals[]): PortfolioEarnedValue {
  let bac = 0;
  let pv = 0;
  let ac = 0;
  let plannedPv = 0;
  let plannedAc = 0;
  let knownEv = 0;
  let knownAc = 0;
  let knownPv = 0;
  let known = 0;
  for (const project of projects) {
    bac += project.bac;
    pv += project.pv;
    ac += project.ac;
    if (project.pv > 0) {
      plannedPv += project.pv;
      plannedAc += project.ac;
    }
    if (project.ev !== null) {
      known += 1;
      knownEv += project.ev;
      knownAc += project.ac;
      knownPv += project.pv;
    }
  }
  const ev = known === 0 ? null : knownEv;
  return {
    projects: projects.length,
    bac,
    pv,
    ac,
    ev,
    budgetExecution: ratio(plannedAc, plannedPv),
    cpi: ev === null ? null : ratio(knownEv, knownAc),
    spi: ev === null ? null : ratio(knownEv, knownPv),
    costVariancePct: ev === null ? null : ratio(knownEv - knownAc, knownEv),
    scheduleVariancePct: ev === null ? null : ratio(knownEv - knownPv, knownPv),
    budgetVariancePct: ratio(plannedPv - plannedAc, plannedPv),
  };
}
