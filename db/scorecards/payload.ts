/**
 * The published scorecard's shape: everything a public page, CSV or API answer shows,
 * chart series included, so nothing public ever reads an internal table. The shape is
 * versioned (`format`); a snapshot keeps the format it was published in. No personal
 * data: no citizen, caller or evaluator, no appeal text, no comment.
 *
 * Counts a person could be found in are published through `breakdownSchema` (small-count
 * suppression, metrics/small-count-suppression.ts); a figure over 1–4 ratings or appeals
 * is suppressed too (`suppressed: true`, value null).
 */
import { z } from "zod";
import { LIFECYCLE_STAGES } from "../schema/enum-values";

export const SCORECARD_FORMAT = 1;
export const SCORECARD_SUBJECTS = ["project", "department"] as const;
export type ScorecardSubject = (typeof SCORECARD_SUBJECTS)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const band = z.enum(["green", "amber", "red"]).nullable();
const rate = z.number().nullable();

/** A breakdown of counts after suppression: a suppressed cell or total is null. */
export const breakdownSchema = z.object({
  cells: z.array(
    z.object({ key: z.string(), count: z.number().int().nullable(), suppressed: z.boolean() }),
  ),
  total: z.number().int().nullable(),
  totalSuppressed: z.boolean(),
});

/** One KPI against the deployment's target at publication. */
export const kpiFigureSchema = z.object({
  kpi: z.string(),
  value: rate,
  /** The value is withheld: its denominator was 1–4. */
  suppressed: z.boolean(),
  target: z
    .object({
      direction: z.enum(["at_least", "at_most", "between"]),
      target: z.number(),
      targetMax: z.number().nullable(),
    })
    .nullable(),
  band,
});

/** 好差评 over ratings with no upheld appeal, up to the cut-off. */
export const ratingFiguresSchema = z.object({
  /** Ratings counted; null when 1–4 (suppressed). */
  rated: z.number().int().nullable(),
  /**
   * A count of the breakdown is suppressed, so figures that would let a reader work it out
   * are withheld (null): the mean always, a share when it splits the hidden cells
   * (metrics/small-count-suppression.ts shareIsPublishable). A null figure with this false
   * is "no data".
   */
  suppressed: z.boolean(),
  meanRating: rate,
  satisfactionRate: rate,
  badReviewRate: rate,
  /** Ratings per score, keys "1" … "5". */
  byScore: breakdownSchema,
});

/** A service item as a department's scorecard lists it: the catalogue's facts, no figures. */
export const serviceItemSchema = z.object({
  code: z.string(),
  name: z.string(),
  /** 0 information only … 3 full online processing (全程网办), 4 proactive. */
  maturity: z.number().int().min(0).max(4),
  /** 最多跑一次. */
  oneVisit: z.boolean(),
  highFrequency: z.boolean(),
  /** 承诺时限, working days; null when none is promised. */
  timeLimitDays: z.number().int().nullable(),
});

/** A count published on its own: withheld (null) when 1–4, as a breakdown's cell would be. */
export const countFigureSchema = z.object({
  count: z.number().int().nullable(),
  suppressed: z.boolean(),
});

/**
 * A department's rectification cases (整改, issue #22) over the scorecard's period, as
 * metrics/rectification.ts defines the figures. Added after format 1 was first published,
 * so optional: a snapshot published before it has none.
 */
export const rectificationFiguresSchema = z.object({
  /** Cases opened in the period. */
  opened: countFigureSchema,
  /** Cases closed in the period, keys "on_time" and "late"; the total is the count closed. */
  closed: breakdownSchema,
  /**
   * rectification_on_time_rate against its target; withheld with any suppressed cell of
   * `closed`, since beside the total it would give the hidden cell away.
   */
  onTimeRate: kpiFigureSchema,
  /** Cases open past their deadline at the cut-off. */
  overdueOpen: countFigureSchema,
  /** Withheld (null) when 1–4 cases closed. */
  medianWorkingDaysToClose: z.number().nullable(),
});

const common = {
  format: z.literal(SCORECARD_FORMAT),
  code: z.string(),
  name: z.string(),
  dataCutoff: isoDate,
};

export const projectPayloadSchema = z.object({
  ...common,
  subject: z.literal("project"),
  department: z.object({ code: z.string(), name: z.string() }),
  facts: z.object({
    stage: z.enum(LIFECYCLE_STAGES),
    category: z.string().nullable(),
    plannedStart: isoDate.nullable(),
    plannedEnd: isoDate.nullable(),
    bacYuan: z.number(),
    acYuan: z.number(),
    eacYuan: z.number().nullable(),
  }),
  /** budget_execution, cpi, spi, outcome_achievement. */
  kpis: z.array(kpiFigureSchema),
  variances: z.array(
    z.object({ key: z.enum(["cost", "schedule", "budget", "forecast"]), value: rate, band }),
  ),
  outcomes: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      unit: z.string().nullable(),
      direction: z.enum(["higher", "lower"]),
      baseline: z.number(),
      target: z.number(),
      actual: z.number().nullable(),
      achievement: rate,
    }),
  ),
  milestones: z.object({
    total: z.number().int(),
    completed: z.number().int(),
    scheduleSlipDays: z.number().nullable(),
    items: z.array(
      z.object({
        name: z.string(),
        plannedDate: isoDate,
        actualDate: isoDate.nullable(),
        forecastDate: isoDate.nullable(),
        completed: z.boolean(),
      }),
    ),
  }),
  /** Cumulative PV, AC and EV at each month's end (AC and EV only up to the cut-off). */
  spendCurve: z.array(
    z.object({ month: isoDate, pv: z.number(), ac: z.number().nullable(), ev: rate }),
  ),
  /** The latest closed round's stored final score, through its framework version. */
  evaluation: z
    .object({
      round: z.object({ code: z.string(), name: z.string(), periodEnd: isoDate }),
      framework: z.object({ code: z.string(), version: z.number().int() }),
      score: rate,
    })
    .nullable(),
  ratings: ratingFiguresSchema,
});

export const departmentPayloadSchema = z.object({
  ...common,
  subject: z.literal("department"),
  period: z.object({ from: isoDate, to: isoDate }),
  /** Appeals' and services' KPIs against their targets, over the period. */
  kpis: z.array(kpiFigureSchema),
  appeals: z.object({
    /** Appeals received in the period, per type (the breakdown's total is the count). */
    byType: breakdownSchema,
    medianReplyWorkingDays: z.number().nullable(),
    ratedShare: rate,
    /** Monthly rates; a month with 1–4 appeals is suppressed. */
    trend: z.array(
      z.object({
        month: isoDate,
        through: isoDate.nullable(),
        suppressed: z.boolean(),
        replyRate: rate,
        onTimeReplyRate: rate,
        satisfactionRate: rate,
      }),
    ),
  }),
  services: z.object({
    items: z.number().int(),
    oneVisitShare: rate,
    takeUpTrend: z.array(z.object({ month: isoDate, digitalTakeUp: rate })),
  }),
  /**
   * The department's service items (政务服务事项) as published: what citizens may rate on
   * its scorecard. Optional: versions published before the list was added have none.
   */
  serviceItems: z.array(serviceItemSchema).optional(),
  rectification: rectificationFiguresSchema.optional(),
  projects: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      stage: z.enum(LIFECYCLE_STAGES),
      cpi: z.number().nullable(),
      spi: z.number().nullable(),
      outcome: rate,
      costBand: band,
      scheduleBand: band,
      budgetBand: band,
    }),
  ),
  ratings: ratingFiguresSchema,
});

export const scorecardPayloadSchema = z.discriminatedUnion("subject", [
  projectPayloadSchema,
  departmentPayloadSchema,
]);

export type ProjectPayload = z.infer<typeof projectPayloadSchema>;
export type DepartmentPayload = z.infer<typeof departmentPayloadSchema>;
export type ScorecardPayload = z.infer<typeof scorecardPayloadSchema>;
export type Breakdown = z.infer<typeof breakdownSchema>;
export type KpiFigure = z.infer<typeof kpiFigureSchema>;
export type RatingFigures = z.infer<typeof ratingFiguresSchema>;
export type PublishedServiceItem = z.infer<typeof serviceItemSchema>;
export type RectificationFiguresPayload = z.infer<typeof rectificationFiguresSchema>;
export type CountFigure = z.infer<typeof countFigureSchema>;

/** A published version as the API answers it: the snapshot's record around its payload. */
export const snapshotSchema = z.object({
  subject: z.enum(SCORECARD_SUBJECTS),
  code: z.string(),
  version: z.number().int().min(1),
  publishedAt: z.string(),
  dataCutoff: isoDate,
  correctionReason: z.string().nullable(),
  payload: scorecardPayloadSchema,
});
export type Snapshot = z.infer<typeof snapshotSchema>;

export const versionListSchema = z.object({
  subject: z.enum(SCORECARD_SUBJECTS),
  code: z.string(),
  versions: z.array(
    z.object({
      version: z.number().int().min(1),
      publishedAt: z.string(),
      dataCutoff: isoDate,
      correctionReason: z.string().nullable(),
      url: z.string(),
    }),
  ),
});

export const publicationFeedSchema = z.object({
  since: isoDate,
  publications: z.array(
    z.object({
      subject: z.enum(SCORECARD_SUBJECTS),
      code: z.string(),
      version: z.number().int().min(1),
      publishedAt: z.string(),
      dataCutoff: isoDate,
      correctionReason: z.string().nullable(),
      url: z.string(),
    }),
  ),
});
