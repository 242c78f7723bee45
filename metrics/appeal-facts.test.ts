import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  appealFacts,
  DEFAULT_REPLY_LIMIT_WORKING_DAYS,
  replyDueAtMs,
  replyLimitWorkingDays,
  type AppealClock,
} from "./appeal-facts";
import { createWorkingDayCalendar } from "./working-days";

const nationalDay2024 = [
  ...[1, 2, 3, 4, 5, 6, 7].map((day) => ({ date: `2024-10-0${day}`, isWorking: false })),
  { date: "2024-09-29", isWorking: true },
  { date: "2024-10-12", isWorking: true },
];
const clock: AppealClock = {
  calendar: createWorkingDayCalendar(nationalDay2024),
  timeZone: "Asia/Shanghai",
  replyLimitWorkingDaysByType: { complaint: 3 },
};
const at = (local: string): Date => new Date(`${local}+08:00`);

describe("replyLimitWorkingDays", () => {
  it("uses the type's limit, else 5", () => {
    expect(replyLimitWorkingDays("complaint", { complaint: 3 })).toBe(3);
    expect(replyLimitWorkingDays("praise", { complaint: 3 })).toBe(
      DEFAULT_REPLY_LIMIT_WORKING_DAYS,
    );
    expect(replyLimitWorkingDays("constructor", {})).toBe(5);
    expect(replyLimitWorkingDays("praise", undefined)).toBe(5);
  });
});

describe("replyDueAtMs", () => {
  it("is the end of the N-th working day after the local day of receipt", () => {
    // Received Mon 30 Sept; Oct 1–7 off; 8, 9, 10, 11, Sat 12 (调休) → due end of 12 Oct.
    const due = replyDueAtMs(
      { type: "consultation", receivedAt: at("2024-09-30T10:00:00") },
      clock,
    );
    expect(new Date(due).toISOString()).toBe("2024-10-12T15:59:59.999Z");
    const complaint = replyDueAtMs(
      { type: "complaint", receivedAt: at("2024-09-30T10:00:00") },
      clock,
    );
    expect(new Date(complaint).toISOString()).toBe("2024-10-10T15:59:59.999Z");
  });

  it("takes the local day of receipt, not the UTC one", () => {
    // 2024-09-30T23:30 local is still 30 Sept in Shanghai (15:30Z).
    const late = replyDueAtMs({ type: "complaint", receivedAt: at("2024-09-30T23:30:00") }, clock);
    expect(new Date(late).toISOString()).toBe("2024-10-10T15:59:59.999Z");
    // 2024-10-11T00:30 local is 10 Oct 16:30Z: received Fri 11 Oct → 12, 14, 15.
    const early = replyDueAtMs({ type: "complaint", receivedAt: at("2024-10-11T00:30:00") }, clock);
    expect(new Date(early).toISOString()).toBe("2024-10-15T15:59:59.999Z");
  });

  it("prefers dueAt when given", () => {
    const dueAt = at("2024-10-09T12:00:00");
    expect(
      replyDueAtMs({ type: "complaint", receivedAt: at("2024-10-01T09:00:00"), dueAt }, clock),
    ).toBe(dueAt.getTime());
  });
});

describe("appealFacts", () => {
  it("counts a reply exactly at the due time as on time, a millisecond later as late", () => {
    const base = { type: "complaint", receivedAt: at("2024-09-30T10:00:00") };
    const due = at("2024-10-10T23:59:59.999");
    expect(appealFacts({ ...base, repliedAt: due }, clock).repliedOnTime).toBe(true);
    expect(
      appealFacts({ ...base, repliedAt: new Date(due.getTime() + 1) }, clock).repliedOnTime,
    ).toBe(false);
  });

  it("measures reply time in working days after the day of receipt", () => {
    const facts = appealFacts(
      {
        type: "complaint",
        receivedAt: at("2024-09-30T10:00:00"),
        repliedAt: at("2024-10-10T09:00:00"),
      },
      clock,
    );
    expect(facts.replyWorkingDays).toBe(3);
    expect(facts.replied).toBe(true);
    const sameDay = appealFacts(
      {
        type: "praise",
        receivedAt: at("2024-10-09T09:00:00"),
        repliedAt: at("2024-10-09T17:00:00"),
      },
      clock,
    );
    expect(sameDay.replyWorkingDays).toBe(0);
  });

  it("times first contact against the end of the 1st working day after receipt", () => {
    const base = { type: "consultation", receivedAt: at("2024-09-30T10:00:00") };
    expect(
      appealFacts({ ...base, firstContactAt: at("2024-10-08T23:59:59.999") }, clock),
    ).toMatchObject({
      hasFirstContact: true,
      firstContactInTime: true,
    });
    expect(
      appealFacts({ ...base, firstContactAt: at("2024-10-09T00:00:00") }, clock),
    ).toMatchObject({
      hasFirstContact: true,
      firstContactInTime: false,
    });
    expect(appealFacts(base, clock)).toMatchObject({
      hasFirstContact: false,
      firstContactInTime: false,
    });
  });

  it("never gives negative working days or an on-time flag without a reply", () => {
    const instant = fc.integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2026, 0, 1) });
    fc.assert(
      fc.property(instant, fc.option(instant, { nil: null }), (received, replied) => {
        const facts = appealFacts(
          {
            type: "complaint",
            receivedAt: new Date(received),
            repliedAt: replied === null ? null : new Date(replied),
          },
          clock,
        );
        if (replied === null) {
          expect(facts.replyWorkingDays).toBeNull();
          expect(facts.repliedOnTime).toBe(false);
        } else {
          expect(facts.replyWorkingDays).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it("is on time below the limit in working days and late above it", () => {
    // Complaints: N = 3. A reply on a weekend after the 3rd working day counts 3 working
    // days but is late, so at exactly N either can happen.
    const instant = fc.integer({ min: Date.UTC(2024, 8, 1), max: Date.UTC(2024, 11, 1) });
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 12 * 86_400_000 }), (received, afterMs) => {
        const facts = appealFacts(
          {
            type: "complaint",
            receivedAt: new Date(received),
            repliedAt: new Date(received + afterMs),
          },
          clock,
        );
        const days = facts.replyWorkingDays ?? Number.NaN;
        if (days < 3) expect(facts.repliedOnTime).toBe(true);
        if (days > 3) expect(facts.repliedOnTime).toBe(false);
        if (facts.repliedOnTime) expect(days).toBeLessThanOrEqual(3);
      }),
    );
  });

  it("is late on the weekend after the due day though still 3 working days", () => {
    // Received Tue 15 Oct → due end of Fri 18 Oct; replied Sat 19 Oct.
    const facts = appealFacts(
      {
        type: "complaint",
        receivedAt: at("2024-10-15T09:00:00"),
        repliedAt: at("2024-10-19T09:00:00"),
      },
      clock,
    );
    expect(facts.replyWorkingDays).toBe(3);
    expect(facts.repliedOnTime).toBe(false);
  });
});
