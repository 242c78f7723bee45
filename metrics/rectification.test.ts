import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isOverdue,
  rectificationDeadline,
  rectificationFigures,
  type RectificationCaseDates,
} from "./rectification";
import { createWorkingDayCalendar } from "./working-days";

/**
 * National Day 2025 as the State Council announced it: 1–8 October off, Sunday 28
 * September and Saturday 11 October worked (调休).
 */
const calendar = createWorkingDayCalendar([
  ...["01", "02", "03", "06", "07", "08"].map((day) => ({
    date: `2025-10-${day}`,
    isWorking: false,
  })),
  { date: "2025-09-28", isWorking: true },
  { date: "2025-10-11", isWorking: true },
]);

describe("rectificationDeadline", () => {
  it("counts working days after the opening day, across the holiday and its 调休 Saturday", () => {
    // Opened Tuesday 30 September: 9 Oct (1), 10 Oct (2), Sat 11 Oct (3), 13 Oct (4), 14 Oct (5).
    expect(rectificationDeadline(calendar, "2025-09-30", 5)).toBe("2025-10-14");
    // A supervision notice's 15 days from the same day.
    expect(rectificationDeadline(calendar, "2025-09-30", 15)).toBe("2025-10-28");
  });

  it("starts counting on the next working day when opened on a holiday", () => {
    expect(rectificationDeadline(calendar, "2025-10-04", 1)).toBe("2025-10-09");
  });

  it("counts the worked Sunday before the holiday", () => {
    // Opened Friday 26 September: Sun 28 Sep (1), Mon 29 Sep (2), Tue 30 Sep (3).
    expect(rectificationDeadline(calendar, "2025-09-26", 3)).toBe("2025-09-30");
  });
});

describe("isOverdue", () => {
  const open: RectificationCaseDates = {
    openedOn: "2025-09-30",
    deadline: "2025-10-14",
    closedOn: null,
  };

  it("is not overdue on the deadline, and is the day after", () => {
    expect(isOverdue(open, "2025-10-14")).toBe(false);
    expect(isOverdue(open, "2025-10-15")).toBe(true);
  });

  it("is never overdue when accepted by the deadline, and stays marked when accepted late", () => {
    expect(isOverdue({ ...open, closedOn: "2025-10-14" }, "2025-12-01")).toBe(false);
    expect(isOverdue({ ...open, closedOn: "2025-10-15" }, "2025-12-01")).toBe(true);
  });
});

describe("rectificationFigures", () => {
  const cases: RectificationCaseDates[] = [
    // Closed in time: 2 working days (9, 10 Oct).
    { openedOn: "2025-09-30", deadline: "2025-10-14", closedOn: "2025-10-10" },
    // Closed late: 6 working days (9, 10, 11, 13, 14, 15 Oct).
    { openedOn: "2025-09-30", deadline: "2025-10-14", closedOn: "2025-10-15" },
    // Closed in time: 1 working day.
    { openedOn: "2025-10-13", deadline: "2025-10-20", closedOn: "2025-10-14" },
    // Open, overdue at the end of October.
    { openedOn: "2025-10-09", deadline: "2025-10-16", closedOn: null },
    // Open, not yet due.
    { openedOn: "2025-10-30", deadline: "2025-11-06", closedOn: null },
    // Opened before the period, closed after it: open and overdue on 31 October.
    { openedOn: "2025-09-01", deadline: "2025-09-08", closedOn: "2025-11-03" },
  ];

  it("counts opened, closed, on time, overdue and the median over the period", () => {
    expect(rectificationFigures(cases, { from: "2025-10-01", to: "2025-10-31" }, calendar)).toEqual(
      {
        opened: 3,
        closed: 3,
        closedOnTime: 2,
        onTimeRate: 2 / 3,
        overdueOpen: 2,
        medianWorkingDaysToClose: 2,
      },
    );
  });

  it("counts a case overdue from the day after its deadline, as of a day inside the period", () => {
    const asOf = (day: string) =>
      rectificationFigures(cases, { from: "2025-10-01", to: "2025-10-31", asOf: day }, calendar)
        .overdueOpen;
    // 16 October is the deadline of the case opened on the 9th: only the September one.
    expect(asOf("2025-10-16")).toBe(1);
    expect(asOf("2025-10-17")).toBe(2);
  });

  it("is no data for the rate and the median with nothing closed", () => {
    const figures = rectificationFigures(
      [{ openedOn: "2025-10-09", deadline: "2025-10-16", closedOn: null }],
      { from: "2025-10-01", to: "2025-10-31" },
      calendar,
    );
    expect(figures.onTimeRate).toBeNull();
    expect(figures.medianWorkingDaysToClose).toBeNull();
    expect(figures.closed).toBe(0);
  });

  it("never counts more on time than closed, nor closed cases as overdue open", () => {
    const day = fc.integer({ min: 0, max: 90 }).map((n) => {
      const date = new Date(Date.UTC(2025, 8, 1 + n));
      return date.toISOString().slice(0, 10);
    });
    const item = fc
      .tuple(day, fc.integer({ min: 1, max: 20 }), fc.option(fc.integer({ min: 0, max: 40 })))
      .map(([openedOn, limit, after]) => ({
        openedOn,
        deadline: rectificationDeadline(calendar, openedOn, limit),
        closedOn: after === null ? null : calendar.addWorkingDays(openedOn, after),
      }));
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), (list) => {
        const figures = rectificationFigures(
          list,
          { from: "2025-09-15", to: "2025-10-31" },
          calendar,
        );
        const stillOpen = list.filter(
          (c) => c.openedOn <= "2025-10-31" && (c.closedOn === null || c.closedOn > "2025-10-31"),
        ).length;
        return (
          figures.closedOnTime <= figures.closed &&
          figures.overdueOpen <= stillOpen &&
          (figures.onTimeRate === null || (figures.onTimeRate >= 0 && figures.onTimeRate <= 1))
        );
      }),
    );
  });
});
