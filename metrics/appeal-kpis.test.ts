import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AppealClock, AppealRecord } from "./appeal-facts";
import { appealCounts, appealKpis, appealKpisFromCounts, mergeAppealCounts } from "./appeal-kpis";
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

/** Hand-worked set; see each line. Period 2024-09-30 … 2024-10-14 (15 days). */
const appeals: AppealRecord[] = [
  // Outside the period: 29 Sept local (though 15:59Z on the 29th too).
  {
    type: "complaint",
    receivedAt: at("2024-09-29T23:59:00"),
    repliedAt: at("2024-09-30T09:00:00"),
  },
  // A1: due end of 10 Oct (3 wd); replied exactly then → on time, 3 wd; contact 8 Oct in time; 5.
  {
    type: "complaint",
    receivedAt: at("2024-09-30T10:00:00"),
    firstContactAt: at("2024-10-08T09:00:00"),
    repliedAt: at("2024-10-10T23:59:59.999"),
    satisfaction: 5,
  },
  // A2: consultation (no limit → 5 wd) due end of Sat 12 Oct; replied Sun 13 → late, 5 wd;
  // contact 9 Oct, after the end of 8 Oct → not in time; 2.
  {
    type: "consultation",
    receivedAt: at("2024-09-30T23:30:00"),
    firstContactAt: at("2024-10-09T08:00:00"),
    repliedAt: at("2024-10-13T00:00:00"),
    satisfaction: 2,
  },
  // A3: received on a holiday with a due time; replied exactly at it → on time, 2 wd.
  {
    type: "complaint",
    receivedAt: at("2024-10-01T09:00:00"),
    dueAt: at("2024-10-09T12:00:00"),
    repliedAt: at("2024-10-09T12:00:00"),
  },
  // A4: not replied, rated 1 (counts as rated, not in rated share).
  { type: "suggestion", receivedAt: at("2024-10-08T16:00:00"), satisfaction: 1 },
  // A5: replied the same day → 0 wd, on time; contact in time; 4.
  {
    type: "praise",
    receivedAt: at("2024-10-09T09:00:00"),
    firstContactAt: at("2024-10-09T10:00:00"),
    repliedAt: at("2024-10-09T17:00:00"),
    satisfaction: 4,
  },
  // A6: received Sat 12 Oct (调休); replied Mon 14 → 1 wd, on time.
  {
    type: "complaint",
    receivedAt: at("2024-10-12T10:00:00"),
    repliedAt: at("2024-10-14T10:00:00"),
  },
  // Outside the period: 15 Oct local (16:30Z on the 14th).
  { type: "complaint", receivedAt: at("2024-10-15T00:30:00") },
];
const period = { from: "2024-09-30", to: "2024-10-14" };

describe("appealKpis", () => {
  it("computes every figure of the hand-worked set", () => {
    expect(appealKpis(appeals, clock, period)).toEqual({
      received: 6,
      replied: 5,
      replyRate: 5 / 6,
      onTime: 4,
      onTimeReplyRate: 4 / 6,
      firstContactRate: 2 / 6,
      medianReplyWorkingDays: 2, // 0, 1, 2, 3, 5
      rated: 4,
      satisfactionRate: 2 / 4,
      badReviewRate: 2 / 4,
      meanRating: 3, // (5 + 2 + 1 + 4) / 4
      ratedShare: 3 / 5,
      perDay: 6 / 15,
    });
  });

  it("takes the mean of the two middle reply times for an even count", () => {
    // Replied: A1 3, A2 5, A3 2, A5 0 → 0, 2, 3, 5 → 2.5
    const withoutA6 = appeals.filter(
      (appeal) => appeal.receivedAt.getTime() !== at("2024-10-12T10:00:00").getTime(),
    );
    expect(appealKpis(withoutA6, clock, period).medianReplyWorkingDays).toBe(2.5);
  });

  it("has no first-contact rate when no appeal has a first-contact time", () => {
    const noContact = appeals.filter((appeal) => !appeal.firstContactAt);
    const kpis = appealKpis(noContact, clock, period);
    expect(kpis.received).toBe(3);
    expect(kpis.firstContactRate).toBeNull();
  });

  it("is no data, not zero, for an empty set", () => {
    const kpis = appealKpis([], clock, period);
    expect(kpis).toMatchObject({
      received: 0,
      replyRate: null,
      onTimeReplyRate: null,
      firstContactRate: null,
      medianReplyWorkingDays: null,
      satisfactionRate: null,
      ratedShare: null,
      perDay: 0,
    });
  });

  it("counts every appeal and has no per-day figure without a period", () => {
    const kpis = appealKpis(appeals, clock);
    expect(kpis.received).toBe(8);
    expect(kpis.perDay).toBeNull();
  });

  it("gives a reply rate of 0.990 for 52,711 replied of 53,242", () => {
    const receivedAt = at("2024-03-04T09:00:00");
    const repliedAt = at("2024-03-05T09:00:00");
    const many: AppealRecord[] = Array.from({ length: 53_242 }, (_, i) => ({
      type: "consultation",
      receivedAt,
      repliedAt: i < 52_711 ? repliedAt : null,
    }));
    const kpis = appealKpis(many, clock, { from: "2024-01-01", to: "2024-12-31" });
    expect(kpis.received).toBe(53_242);
    expect(kpis.replied).toBe(52_711);
    expect(Number((kpis.replyRate ?? 0).toFixed(3))).toBe(0.99);
    expect(kpis.replyRate).toBeCloseTo(0.990027, 6);
    expect(kpis.perDay).toBeCloseTo(53_242 / 366, 12);
  });
});

describe("appeal counts roll up", () => {
  const instant = fc.integer({ min: Date.UTC(2024, 8, 1), max: Date.UTC(2024, 11, 1) });
  const appealArb: fc.Arbitrary<AppealRecord> = fc
    .record({
      type: fc.constantFrom("complaint", "consultation", "suggestion", "praise"),
      received: instant,
      contactAfterMs: fc.option(fc.integer({ min: 0, max: 5 * 86_400_000 }), { nil: null }),
      replyAfterMs: fc.option(fc.integer({ min: 0, max: 20 * 86_400_000 }), { nil: null }),
      satisfaction: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    })
    .map(({ type, received, contactAfterMs, replyAfterMs, satisfaction }) => ({
      type,
      receivedAt: new Date(received),
      firstContactAt: contactAfterMs === null ? null : new Date(received + contactAfterMs),
      repliedAt: replyAfterMs === null ? null : new Date(received + replyAfterMs),
      satisfaction,
    }));

  it("keeps every rate in [0, 1]", () => {
    fc.assert(
      fc.property(fc.array(appealArb, { maxLength: 40 }), (set) => {
        const kpis = appealKpis(set, clock, { from: "2024-09-01", to: "2024-11-30" });
        for (const rate of [
          kpis.replyRate,
          kpis.onTimeReplyRate,
          kpis.firstContactRate,
          kpis.satisfactionRate,
          kpis.badReviewRate,
          kpis.ratedShare,
        ]) {
          if (rate === null) continue;
          expect(rate).toBeGreaterThanOrEqual(0);
          expect(rate).toBeLessThanOrEqual(1);
        }
        expect(kpis.onTime).toBeLessThanOrEqual(kpis.replied);
        expect(kpis.medianReplyWorkingDays ?? 0).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("gives the same KPIs from merged counts as from the whole set", () => {
    fc.assert(
      fc.property(
        fc.array(appealArb, { maxLength: 20 }),
        fc.array(appealArb, { maxLength: 20 }),
        (a, b) => {
          const merged = mergeAppealCounts([appealCounts(a, clock), appealCounts(b, clock)]);
          expect(appealKpisFromCounts(merged, 91)).toEqual(
            appealKpisFromCounts(appealCounts([...a, ...b], clock), 91),
          );
        },
      ),
    );
  });
});
