import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addCalendarDays, dayNumberOf, isoDateOf } from "./iso-date";
import { createWorkingDayCalendar, type CalendarDayOverride } from "./working-days";

/** 2024 National Day (国庆节): 1–7 October off, Sunday 29 Sept and Saturday 12 Oct on. */
const nationalDay2024: CalendarDayOverride[] = [
  ...["01", "02", "03", "04", "05", "06", "07"].map((day) => ({
    date: `2024-10-${day}`,
    isWorking: false,
  })),
  { date: "2024-09-29", isWorking: true },
  { date: "2024-10-12", isWorking: true },
];

const calendar = createWorkingDayCalendar(nationalDay2024);

describe("isWorkingDay", () => {
  it("follows the weekend rule without overrides", () => {
    const plain = createWorkingDayCalendar();
    expect(plain.isWorkingDay("2024-10-11")).toBe(true); // Friday
    expect(plain.isWorkingDay("2024-10-12")).toBe(false); // Saturday
    expect(plain.isWorkingDay("2024-10-13")).toBe(false); // Sunday
    expect(plain.isWorkingDay("2024-10-14")).toBe(true); // Monday
  });

  it("takes official holidays off and adjusted working days (调休) on", () => {
    expect(calendar.isWorkingDay("2024-10-01")).toBe(false); // Tuesday, holiday
    expect(calendar.isWorkingDay("2024-09-29")).toBe(true); // Sunday, 调休
    expect(calendar.isWorkingDay("2024-10-12")).toBe(true); // Saturday, 调休
    expect(calendar.isWorkingDay("2024-10-13")).toBe(false);
  });

  it("lets a later layer (the deployment's import) win", () => {
    const local = createWorkingDayCalendar(nationalDay2024, [
      { date: "2024-10-12", isWorking: false },
      { date: "2024-10-07", isWorking: true },
    ]);
    expect(local.isWorkingDay("2024-10-12")).toBe(false);
    expect(local.isWorkingDay("2024-10-07")).toBe(true);
    expect(local.isWorkingDay("2024-10-06")).toBe(false);
  });
});

describe("workingDaysBetween", () => {
  it("counts working days after the day of receipt through the day of reply", () => {
    expect(calendar.workingDaysBetween("2024-09-30", "2024-09-30")).toBe(0);
    expect(calendar.workingDaysBetween("2024-09-30", "2024-10-07")).toBe(0);
    expect(calendar.workingDaysBetween("2024-09-30", "2024-10-08")).toBe(1);
    expect(calendar.workingDaysBetween("2024-09-30", "2024-10-12")).toBe(5);
    expect(calendar.workingDaysBetween("2024-09-28", "2024-09-30")).toBe(2); // Sun 调休 + Mon
    expect(calendar.workingDaysBetween("2024-10-11", "2024-10-14")).toBe(2);
  });

  it("crosses years", () => {
    const plain = createWorkingDayCalendar();
    // Fri 2021-12-31 → Mon 2022-01-03: only Monday counts.
    expect(plain.workingDaysBetween("2021-12-31", "2022-01-03")).toBe(1);
    expect(plain.workingDaysBetween("2019-01-01", "2024-01-01")).toBe(1304);
  });

  it("is 0, never negative, when the reply date is before the receipt date", () => {
    expect(calendar.workingDaysBetween("2024-10-14", "2024-10-08")).toBe(0);
  });
});

describe("addWorkingDays", () => {
  it("finds the n-th working day after a date, never counting the date itself", () => {
    expect(calendar.addWorkingDays("2024-09-30", 1)).toBe("2024-10-08");
    expect(calendar.addWorkingDays("2024-09-30", 5)).toBe("2024-10-12");
    expect(calendar.addWorkingDays("2024-10-01", 1)).toBe("2024-10-08"); // from a holiday
    expect(calendar.addWorkingDays("2024-09-27", 1)).toBe("2024-09-29"); // Fri → Sun 调休
    expect(calendar.addWorkingDays("2024-09-30", 0)).toBe("2024-09-30");
  });

  it("runs past the end of the indexed years", () => {
    const plain = createWorkingDayCalendar();
    expect(plain.addWorkingDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(plain.addWorkingDays("2024-06-03", 2610)).toBe("2034-06-05");
  });

  it("rejects negative or fractional counts", () => {
    expect(() => calendar.addWorkingDays("2024-09-30", -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays("2024-09-30", 1.5)).toThrow(RangeError);
  });
});

describe("properties", () => {
  const overrideArb = fc.array(
    fc.record({
      day: fc.integer({ min: 19_000, max: 21_000 }),
      isWorking: fc.boolean(),
    }),
    { maxLength: 60 },
  );
  const dayArb = fc.integer({ min: 18_500, max: 21_500 });

  it("agrees with counting day by day, and is never negative", () => {
    fc.assert(
      fc.property(overrideArb, dayArb, dayArb, (raw, a, b) => {
        const overrides = raw.map(({ day, isWorking }) => ({ date: isoDateOf(day), isWorking }));
        const cal = createWorkingDayCalendar(overrides);
        let expected = 0;
        for (let day = a + 1; day <= b; day += 1)
          if (cal.isWorkingDay(isoDateOf(day))) expected += 1;
        const counted = cal.workingDaysBetween(isoDateOf(a), isoDateOf(b));
        expect(counted).toBe(expected);
        expect(counted).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("addWorkingDays lands on a working day exactly n working days later", () => {
    fc.assert(
      fc.property(overrideArb, dayArb, fc.integer({ min: 1, max: 400 }), (raw, start, n) => {
        const overrides = raw.map(({ day, isWorking }) => ({ date: isoDateOf(day), isWorking }));
        const cal = createWorkingDayCalendar(overrides);
        const from = isoDateOf(start);
        const due = cal.addWorkingDays(from, n);
        expect(dayNumberOf(due)).toBeGreaterThan(start);
        expect(cal.isWorkingDay(due)).toBe(true);
        expect(cal.workingDaysBetween(from, due)).toBe(n);
        expect(cal.workingDaysBetween(from, addCalendarDays(due, -1))).toBe(n - 1);
      }),
    );
  });

  it("is additive over consecutive intervals", () => {
    fc.assert(
      fc.property(dayArb, dayArb, dayArb, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p - q).map(isoDateOf) as [
          string,
          string,
          string,
        ];
        expect(calendar.workingDaysBetween(a, b) + calendar.workingDaysBetween(b, c)).toBe(
          calendar.workingDaysBetween(a, c),
        );
      }),
    );
  });
});
