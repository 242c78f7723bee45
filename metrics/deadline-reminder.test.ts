import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deadlineNear, deadlineStatus, REMINDER_DAYS } from "./deadline-reminder";
import { addCalendarDays } from "./iso-date";

describe("deadlineStatus", () => {
  it("counts calendar days to the deadline", () => {
    expect(deadlineStatus("2026-11-14", "2026-10-31")).toEqual({ kind: "due", days: 14 });
    expect(deadlineStatus("2026-11-01", "2026-10-31")).toEqual({ kind: "due", days: 1 });
  });

  it("is due today on the deadline itself, overdue from the day after", () => {
    expect(deadlineStatus("2026-10-31", "2026-10-31")).toEqual({ kind: "today", days: 0 });
    expect(deadlineStatus("2026-10-30", "2026-10-31")).toEqual({ kind: "overdue", days: 1 });
    expect(deadlineStatus("2026-02-28", "2026-12-06")).toEqual({ kind: "overdue", days: 281 });
  });

  it("crosses month, year and leap-day boundaries by the calendar", () => {
    expect(deadlineStatus("2028-03-01", "2028-02-28")).toEqual({ kind: "due", days: 2 });
    expect(deadlineStatus("2027-01-01", "2026-12-31")).toEqual({ kind: "due", days: 1 });
    expect(deadlineStatus("2026-12-31", "2027-01-01")).toEqual({ kind: "overdue", days: 1 });
  });

  it("round-trips: today + days is the deadline", () => {
    fc.assert(
      fc.property(fc.integer({ min: -800, max: 800 }), (offset) => {
        const today = "2026-06-15";
        const status = deadlineStatus(addCalendarDays(today, offset), today);
        const signed = status.kind === "overdue" ? -status.days : status.days;
        return signed === offset && status.days >= 0;
      }),
    );
  });
});

describe("deadlineNear", () => {
  it("reminds from REMINDER_DAYS before the deadline on, overdue included", () => {
    const today = "2026-10-31";
    const near = (days: number) =>
      deadlineNear(deadlineStatus(addCalendarDays(today, days), today));
    expect(REMINDER_DAYS).toBe(3);
    expect(near(4)).toBe(false);
    expect(near(3)).toBe(true);
    expect(near(1)).toBe(true);
    expect(near(0)).toBe(true);
    expect(near(-1)).toBe(true);
    expect(near(-30)).toBe(true);
  });
});
