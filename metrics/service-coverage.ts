import { ratio } from "./ratio";

/** 政务服务事项: a service item, as coverage needs it. */
export interface ServiceItemProfile {
  /** 0 information only … 3 full online processing 全程网办, 4 proactive / integrated. */
  readonly maturity: number;
  /** 最多跑一次: the citizen visits at most once. */
  readonly oneVisit: boolean;
  /** 高频事项 */
  readonly highFrequency: boolean;
}

/** Maturity from which an item counts as covered: full online processing (全程网办). */
export const FULL_ONLINE_MATURITY = 3;

/** Coverage figures of a set of service items. */
export interface ServiceCoverage {
  readonly items: number;
  readonly highFrequencyItems: number;
  /** items at maturity ≥ 3 / all items */
  readonly coverage: number | null;
  /** high-frequency items at maturity ≥ 3 / high-frequency items */
  readonly highFrequencyCoverage: number | null;
  /** items marked "at most one visit" / all items */
  readonly oneVisitShare: number | null;
}

/**
 * Service coverage of a department's or region's items:
 *
 *   coverage              = |{ maturity ≥ 3 }| / |items|
 *   highFrequencyCoverage = |{ high-frequency, maturity ≥ 3 }| / |{ high-frequency }|
 *   oneVisitShare         = |{ at most one visit }| / |items|
 *
 * each null when its denominator is 0.
 */
export function serviceCoverage(items: Iterable<ServiceItemProfile>): ServiceCoverage {
  let count = 0;
  let covered = 0;
  let highFrequency = 0;
  let highFrequencyCovered = 0;
  let oneVisit = 0;
  for (const item of items) {
    const isCovered = item.maturity >= FULL_ONLINE_MATURITY;
    count += 1;
    if (isCovered) covered += 1;
    if (item.oneVisit) oneVisit += 1;
    if (item.highFrequency) {
      highFrequency += 1;
      if (isCovered) highFrequencyCovered += 1;
    }
  }
  return {
    items: count,
    highFrequencyItems: highFrequency,
    coverage: ratio(covered, count),
    highFrequencyCoverage: ratio(highFrequencyCovered, highFrequency),
    oneVisitShare: ratio(oneVisit, count),
  };
}
