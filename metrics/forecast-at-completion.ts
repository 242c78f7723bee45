import { ratio } from "./ratio";

/**
 * Estimate at completion, if the cost performance so far continues:
 *
 *   EAC = BAC / CPI
 *
 * null when CPI is null or 0.
 */
export function estimateAtCompletion(bacYuan: number, cpi: number | null): number | null {
  return ratio(bacYuan, cpi);
}

/**
 * Forecast overrun at completion, banded like a variance (see varianceBand):
 *
 *   overrun = (EAC − BAC) / BAC
 *
 * null when EAC is null or BAC is 0. 0.25 means heading for 25 % over budget.
 */
export function forecastOverrun(eacYuan: number | null, bacYuan: number): number | null {
  return eacYuan === null ? null : ratio(eacYuan - bacYuan, bacYuan);
}
