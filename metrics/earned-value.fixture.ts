import type { EarnedValueInput } from "./earned-value";

/**
 * A hand-worked project for tests (not part of the public API): BAC 1,000,000 yuan; at
 * cut-off 2024-06-15, PV 400k, AC 400k, EV 500k.
 */
export const gatewayProject: EarnedValueInput = {
  bacYuan: 1_000_000,
  budgetLines: [
    { period: "2024-01-01", plannedYuan: 100_000, actualYuan: 90_000 },
    { period: "2024-03-01", plannedYuan: 200_000, actualYuan: 260_000 },
    { period: "2024-05-01", plannedYuan: 100_000, actualYuan: 50_000 }, // ends 31 May: counts
    { period: "2024-06-01", plannedYuan: 100_000, actualYuan: 100_000 }, // ends 30 June: not yet
  ],
  milestones: [
    { weight: 0.2, plannedDate: "2024-02-01", actualDate: "2024-02-10" },
    { weight: 0.3, plannedDate: "2024-06-01", actualDate: "2024-06-15" }, // on the cut-off: done
    { weight: 0.5, plannedDate: "2024-06-10", actualDate: "2024-06-16" }, // after it: not done
  ],
};
