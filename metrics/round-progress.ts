import type { DeadlineStatus } from "./deadline-reminder";
import { ratio } from "./ratio";

/** Where an assignment stands on its conflict-of-interest declaration (利益冲突声明). */
export type Declaration = "pending" | "no_conflict" | "conflict";

export interface AssignmentProgressInput {
  declaration: Declaration;
  /** Evaluator-scored criteria of the round's framework that carry a score. */
  criteriaScored: number;
  /** Evaluator-scored criteria of the round's framework (KPI-bound ones are computed). */
  criteriaTotal: number;
  submitted: boolean;
}

export interface RoundProgress {
  assignments: number;
  /** Not declared yet. */
  pending: number;
  /** Declared no conflict. */
  declared: number;
  /** Declared a conflict: the evaluator withdrew; the project needs another evaluator. */
  conflicts: number;
  submitted: number;
  /** Active (not withdrawn) assignments not submitted after the deadline passed. */
  overdue: number;
  criteriaScored: number;
  criteriaTotal: number;
  /** submitted / active assignments; null ("no data") with none active. */
  submittedShare: number | null;
}

/**
 * An assignment is overdue when it is active (no declared conflict), not submitted, and
 * its round's deadline has passed (`deadline` null: no deadline, or the round is not open).
 */
export function assignmentOverdue(
  assignment: Pick<AssignmentProgressInput, "declaration" | "submitted">,
  deadline: DeadlineStatus | null,
): boolean {
  return (
    deadline?.kind === "overdue" && assignment.declaration !== "conflict" && !assignment.submitted
  );
}

/**
 * A round's totals over its assignments. A withdrawn assignment (declared conflict)
 * counts only in `assignments` and `conflicts`: its evaluator never scores it, so it is
 * neither work outstanding nor a criterion to score.
 *
 *   submittedShare = submitted / (assignments − conflicts)
 *   criteriaScored, criteriaTotal = Σ over the active assignments
 */
export function roundProgress(
  rows: readonly AssignmentProgressInput[],
  deadline: DeadlineStatus | null = null,
): RoundProgress {
  const totals = {
    assignments: rows.length,
    pending: 0,
    declared: 0,
    conflicts: 0,
    submitted: 0,
    overdue: 0,
    criteriaScored: 0,
    criteriaTotal: 0,
  };
  for (const row of rows) {
    if (row.declaration === "conflict") {
      totals.conflicts += 1;
      continue;
    }
    if (row.declaration === "pending") totals.pending += 1;
    else totals.declared += 1;
    if (row.submitted) totals.submitted += 1;
    if (assignmentOverdue(row, deadline)) totals.overdue += 1;
    totals.criteriaScored += row.criteriaScored;
    totals.criteriaTotal += row.criteriaTotal;
  }
  return {
    ...totals,
    submittedShare: ratio(totals.submitted, totals.assignments - totals.conflicts),
  };
}
