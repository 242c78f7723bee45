import { digitalTakeUp, type TransactionCounts } from "./digital-take-up";
import { onTimeCompletion, type CompletionCounts } from "./on-time-completion";
import { serviceCoverage, type ServiceItemProfile } from "./service-coverage";

/** The services KPIs of DESIGN.md for a department or region. */
export interface ServiceKpis {
  readonly items: number;
  readonly coverage: number | null;
  readonly highFrequencyCoverage: number | null;
  readonly oneVisitShare: number | null;
  readonly digitalTakeUp: number | null;
  readonly onTimeCompletion: number | null;
}

/**
 * Services KPIs: coverage figures over the items (see serviceCoverage), and over the
 * statistics rows of the months in range (see monthsInRange):
 *
 *   digitalTakeUp    = Σ online / Σ transactions        (rows reporting both)
 *   onTimeCompletion = Σ completed on time / Σ completed (rows reporting both)
 */
export function serviceKpis(
  items: Iterable<ServiceItemProfile>,
  statistics: readonly (TransactionCounts & CompletionCounts)[],
): ServiceKpis {
  const coverage = serviceCoverage(items);
  return {
    items: coverage.items,
    coverage: coverage.coverage,
    highFrequencyCoverage: coverage.highFrequencyCoverage,
    oneVisitShare: coverage.oneVisitShare,
    digitalTakeUp: digitalTakeUp(statistics),
    onTimeCompletion: onTimeCompletion(statistics),
  };
}
