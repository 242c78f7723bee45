import type { IndexEntity, IndexIndicator } from "./composite-index";

/** Three departments on three appeals KPIs, for tests (not part of the public API). */
export const appealIndicators: IndexIndicator[] = [
  { id: "replyRate", weight: 0.5, direction: "higher", target: 0.99 },
  { id: "satisfactionRate", weight: 0.3, direction: "higher", target: 0.9 },
  { id: "badReviewRate", weight: 0.2, direction: "lower", target: 0.02 },
];

export const departments: IndexEntity[] = [
  { id: "A", values: { replyRate: 0.99, satisfactionRate: 0.95, badReviewRate: 0.01 } },
  { id: "B", values: { replyRate: 0.95, satisfactionRate: 0.9, badReviewRate: 0.04 } },
  { id: "C", values: { replyRate: 0.9, satisfactionRate: 0.8, badReviewRate: 0.02 } },
];
