import { appealFacts, type AppealClock, type AppealRecord } from "./appeal-facts";
import { calendarDaysInclusive, dayNumberOf } from "./iso-date";
import { mergeHistograms, medianFromHistogram, type Histogram } from "./median";
import {
  addRatingCounts,
  countRating,
  ratingSummaryFromCounts,
  type MutableRatingCounts,
  type RatingCounts,
} from "./rating-summary";
import { ratio } from "./ratio";

/** A period of local dates, both ends inclusive ("YYYY-MM-DD"). */
export interface LocalDateRange {
  readonly from: string;
  readonly to: string;
}

/** Additive counts of a set of appeals: what a roll-up row stores and sums. */
export interface AppealCounts {
  readonly received: number;
  readonly replied: number;
  readonly repliedOnTime: number;
  /** Appeals with a first-contact time recorded. */
  readonly withFirstContact: number;
  readonly firstContactInTime: number;
  /** Replied appeals with a satisfaction value. */
  readonly repliedRated: number;
  /** Satisfaction values 1–5 of all appeals (replied or not). */
  readonly ratingCounts: RatingCounts;
  /** Reply working days → replied appeals. */
  readonly replyWorkingDaysHistogram: Histogram;
}

/** The appeals KPIs of DESIGN.md. Rates are fractions; null is "no data". */
export interface AppealKpis {
  readonly received: number;
  readonly replied: number;
  /** replied / received */
  readonly replyRate: number | null;
  /** Appeals replied no later than their due time. */
  readonly onTime: number;
  /** onTime / received */
  readonly onTimeReplyRate: number | null;
  /** first contact in time / received; null when no appeal has a first-contact time. */
  readonly firstContactRate: number | null;
  readonly medianReplyWorkingDays: number | null;
  /** Appeals with a satisfaction value. */
  readonly rated: number;
  readonly satisfactionRate: number | null;
  readonly badReviewRate: number | null;
  readonly meanRating: number | null;
  /** replied appeals with a satisfaction value / replied */
  readonly ratedShare: number | null;
  /** received / calendar days in the period; null without a period. */
  readonly perDay: number | null;
}

/**
 * Counts a set of appeals. With a period, only appeals whose local date of receipt lies
 * in it (both ends inclusive) are counted.
 */
export function appealCounts(
  appeals: Iterable<AppealRecord>,
  clock: AppealClock,
  period?: LocalDateRange,
): AppealCounts {
  const firstDay = period ? dayNumberOf(period.from) : Number.NEGATIVE_INFINITY;
  const lastDay = period ? dayNumberOf(period.to) : Number.POSITIVE_INFINITY;
  let received = 0;
  let replied = 0;
  let repliedOnTime = 0;
  let withFirstContact = 0;
  let firstContactInTime = 0;
  let repliedRated = 0;
  const ratings: MutableRatingCounts = [0, 0, 0, 0, 0];
  const histogram = new Map<number, number>();
  for (const appeal of appeals) {
    const facts = appealFacts(appeal, clock);
    if (facts.receivedDay < firstDay || facts.receivedDay > lastDay) continue;
    received += 1;
    if (facts.replyWorkingDays !== null) {
      replied += 1;
      histogram.set(facts.replyWorkingDays, (histogram.get(facts.replyWorkingDays) ?? 0) + 1);
    }
    if (facts.repliedOnTime) repliedOnTime += 1;
    if (facts.hasFirstContact) withFirstContact += 1;
    if (facts.firstContactInTime) firstContactInTime += 1;
    const score = facts.satisfaction;
    if (score !== null) {
      countRating(ratings, score);
      if (facts.replied) repliedRated += 1;
    }
  }
  return {
    received,
    replied,
    repliedOnTime,
    withFirstContact,
    firstContactInTime,
    repliedRated,
    ratingCounts: ratings,
    replyWorkingDaysHistogram: histogram,
  };
}

/** Sums appeal counts (roll-up rows of days, types, departments). */
export function mergeAppealCounts(parts: Iterable<AppealCounts>): AppealCounts {
  const all = [...parts];
  const sum = (pick: (counts: AppealCounts) => number): number =>
    all.reduce((total, counts) => total + pick(counts), 0);
  return {
    received: sum((c) => c.received),
    replied: sum((c) => c.replied),
    repliedOnTime: sum((c) => c.repliedOnTime),
    withFirstContact: sum((c) => c.withFirstContact),
    firstContactInTime: sum((c) => c.firstContactInTime),
    repliedRated: sum((c) => c.repliedRated),
    ratingCounts: all.reduce<RatingCounts>(
      (t, c) => addRatingCounts(t, c.ratingCounts),
      [0, 0, 0, 0, 0],
    ),
    replyWorkingDaysHistogram: mergeHistograms(all.map((c) => c.replyWorkingDaysHistogram)),
  };
}

/**
 * Appeals KPIs from counts (a roll-up or appealCounts):
 *
 *   replyRate        = replied / received
 *   onTimeReplyRate  = replied on time / received
 *   firstContactRate = first contact in time / received   (null when no appeal has one)
 *   median reply working days over replied appeals (histogram median)
 *   satisfactionRate = rated 4–5 / rated;  badReviewRate = rated 1–2 / rated
 *   meanRating       = mean satisfaction over rated
 *   ratedShare       = replied and rated / replied
 *   perDay           = received / calendarDays   (null when calendarDays is null or 0)
 */
export function appealKpisFromCounts(
  counts: AppealCounts,
  calendarDays: number | null,
): AppealKpis {
  const satisfaction = ratingSummaryFromCounts(counts.ratingCounts);
  return {
    received: counts.received,
    replied: counts.replied,
    replyRate: ratio(counts.replied, counts.received),
    onTime: counts.repliedOnTime,
    onTimeReplyRate: ratio(counts.repliedOnTime, counts.received),
    firstContactRate:
      counts.withFirstContact === 0 ? null : ratio(counts.firstContactInTime, counts.received),
    medianReplyWorkingDays: medianFromHistogram(counts.replyWorkingDaysHistogram),
    rated: satisfaction.rated,
    satisfactionRate: satisfaction.satisfactionRate,
    badReviewRate: satisfaction.badReviewRate,
    meanRating: satisfaction.meanRating,
    ratedShare: ratio(counts.repliedRated, counts.replied),
    perDay: ratio(counts.received, calendarDays),
  };
}

/**
 * Appeals KPIs of the appeals received in a period (local dates, both ends inclusive;
 * without a period every appeal counts and perDay is null). See appealKpisFromCounts for
 * the formulas and appealFacts for due times and working days.
 */
export function appealKpis(
  appeals: Iterable<AppealRecord>,
  clock: AppealClock,
  period?: LocalDateRange,
): AppealKpis {
  const days = period ? calendarDaysInclusive(period.from, period.to) : null;
  return appealKpisFromCounts(appealCounts(appeals, clock, period), days);
}
