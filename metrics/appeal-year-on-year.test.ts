import { describe, expect, it } from "vitest";
import type { AppealKpis } from "./appeal-kpis";
import { appealKpisYearOnYear } from "./appeal-year-on-year";

const base: AppealKpis = {
  received: 1000,
  replied: 990,
  replyRate: 0.99,
  onTime: 950,
  onTimeReplyRate: 0.95,
  firstContactRate: null,
  medianReplyWorkingDays: 2,
  rated: 400,
  satisfactionRate: 0.9,
  badReviewRate: 0.02,
  meanRating: 4.5,
  ratedShare: 0.4,
  perDay: 1000 / 366,
};

describe("appealKpisYearOnYear", () => {
  it("is relative for counts and in points for rates", () => {
    const current: AppealKpis = {
      ...base,
      received: 1100,
      replied: 1078,
      replyRate: 0.98,
      firstContactRate: 0.97,
      medianReplyWorkingDays: 1.5,
      perDay: 1100 / 365,
    };
    const change = appealKpisYearOnYear(current, base);
    expect(change.received).toBeCloseTo(0.1, 12);
    expect(change.replied).toBeCloseTo(88 / 990, 12);
    expect(change.perDay).toBeCloseTo(1100 / 365 / (1000 / 366) - 1, 12);
    expect(change.replyRate).toBeCloseTo(-0.01, 12);
    expect(change.onTimeReplyRate).toBe(0);
    expect(change.firstContactRate).toBeNull(); // no data last year
    expect(change.medianReplyWorkingDays).toBe(-0.5);
  });

  it("has no relative change from a year with nothing received", () => {
    const empty: AppealKpis = { ...base, received: 0, replied: 0, replyRate: null, perDay: 0 };
    const change = appealKpisYearOnYear(base, empty);
    expect(change.received).toBeNull();
    expect(change.perDay).toBeNull();
    expect(change.replyRate).toBeNull();
  });
});
