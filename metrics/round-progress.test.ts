import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deadlineStatus } from "./deadline-reminder";
import {
  assignmentOverdue,
  roundProgress,
  type AssignmentProgressInput,
  type Declaration,
} from "./round-progress";

const row = (
  declaration: Declaration,
  criteriaScored: number,
  submitted = false,
  criteriaTotal = 5,
): AssignmentProgressInput => ({ declaration, criteriaScored, criteriaTotal, submitted });

describe("roundProgress", () => {
  it("counts a hand-made round", () => {
    // Two submitted (5/5 each), one draft at 2/5, one pending, one withdrawn at 0/5.
    const rows = [
      row("no_conflict", 5, true),
      row("no_conflict", 5, true),
      row("no_conflict", 2),
      row("pending", 0),
      row("conflict", 0),
    ];
    expect(roundProgress(rows)).toEqual({
      assignments: 5,
      pending: 1,
      declared: 3,
      conflicts: 1,
      submitted: 2,
      overdue: 0,
      criteriaScored: 12,
      criteriaTotal: 20,
      submittedShare: 0.5,
    });
  });

  it("counts the unsubmitted active assignments as overdue once the deadline passed", () => {
    const rows = [
      row("no_conflict", 5, true),
      row("no_conflict", 2),
      row("pending", 0),
      row("conflict", 0),
    ];
    expect(roundProgress(rows, deadlineStatus("2026-11-14", "2026-11-15")).overdue).toBe(2);
    expect(roundProgress(rows, deadlineStatus("2026-11-14", "2026-11-14")).overdue).toBe(0);
    expect(roundProgress(rows, null).overdue).toBe(0);
  });

  it("has no submitted share without active assignments", () => {
    expect(roundProgress([]).submittedShare).toBeNull();
    expect(roundProgress([row("conflict", 0)]).submittedShare).toBeNull();
  });

  it("keeps the share in [0, 1] and the counts adding up", () => {
    const arbitraryRow = fc.record({
      declaration: fc.constantFrom<Declaration>("pending", "no_conflict", "conflict"),
      criteriaScored: fc.nat(5),
      criteriaTotal: fc.constant(5),
      submitted: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(arbitraryRow), (rows) => {
        const progress = roundProgress(rows);
        const share = progress.submittedShare;
        return (
          progress.pending + progress.declared + progress.conflicts === progress.assignments &&
          (share === null || (share >= 0 && share <= 1))
        );
      }),
    );
  });
});

describe("assignmentOverdue", () => {
  const overdue = deadlineStatus("2026-11-14", "2026-11-20");
  it("is an active, unsubmitted assignment past the deadline", () => {
    expect(assignmentOverdue(row("no_conflict", 2), overdue)).toBe(true);
    expect(assignmentOverdue(row("pending", 0), overdue)).toBe(true);
    expect(assignmentOverdue(row("no_conflict", 5, true), overdue)).toBe(false);
    expect(assignmentOverdue(row("conflict", 0), overdue)).toBe(false);
    expect(assignmentOverdue(row("pending", 0), deadlineStatus("2026-11-14", "2026-11-14"))).toBe(
      false,
    );
    expect(assignmentOverdue(row("pending", 0), null)).toBe(false);
  });
});
