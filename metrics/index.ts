/**
 * Mingjing's KPI math (DESIGN.md, "KPI definitions"): pure functions, numbers in and
 * numbers out, shared by pages, the command line and the tests of SQL roll-ups.
 * "No data" is null, never 0 % or 100 %.
 */

// Basics
export { ratio } from "./ratio";
export {
  median,
  medianFromHistogram,
  histogramOf,
  mergeHistograms,
  addToHistogram,
  type Histogram,
} from "./median";
export { quantile, quantileSorted } from "./quantile";
export { relativeChange, percentagePointChange } from "./year-on-year";
export { roundHalfAwayFromZero, roundedUnits } from "./round-half-away-from-zero";
export { varianceBand, type Band } from "./variance-band";
export { compareToTarget, type KpiTarget } from "./target-comparison";

// Dates, time zones and working days
export {
  MS_PER_DAY,
  addCalendarDays,
  addYears,
  calendarDaysBetween,
  calendarDaysInclusive,
  dayNumberFromParts,
  dayNumberOf,
  dayOfWeek,
  daysInMonth,
  isIsoDate,
  isoDateOf,
  lastDayOfMonth,
  partialMonthEnd,
  partsFromDayNumber,
} from "./iso-date";
export {
  createWorkingDayCalendar,
  isWeekday,
  type CalendarDayOverride,
  type WorkingDayCalendar,
} from "./working-days";
export {
  endOfLocalDay,
  endOfLocalDayMs,
  localDateOf,
  localDayNumberOf,
  utcOffsetMs,
} from "./time-zone";
export { yearsInRange, yearsWithoutOfficialData } from "./calendar-coverage";
export { monthsInRange } from "./months-in-range";
export { splitAtWholeMonths, type DayRange, type WholeMonthSplit } from "./whole-months";
export { rankDepartments, RANKING_KPIS, type DepartmentRanking } from "./department-ranking";
export {
  raiseRedFlags,
  RED_FLAG_RULES,
  type DepartmentFlagInput,
  type ProjectFlagInput,
  type RedFlag,
  type RedFlagRule,
  type RedFlagRuleId,
  type RedFlagSubject,
  type Threshold,
} from "./red-flags";

// Appeals and ratings
export {
  appealFacts,
  replyDueAtMs,
  replyLimitWorkingDays,
  DEFAULT_REPLY_LIMIT_WORKING_DAYS,
  type AppealClock,
  type AppealFacts,
  type AppealRecord,
} from "./appeal-facts";
export {
  appealCounts,
  appealKpis,
  appealKpisFromCounts,
  mergeAppealCounts,
  type AppealCounts,
  type AppealKpis,
  type LocalDateRange,
} from "./appeal-kpis";
export { appealKpisYearOnYear, type AppealKpisChange } from "./appeal-year-on-year";
export {
  addRatingCounts,
  countRating,
  ratingCountsOf,
  ratingSummary,
  ratingSummaryFromCounts,
  type MutableRatingCounts,
  type RatingCounts,
  type RatingSummary,
} from "./rating-summary";

// Services
export {
  serviceCoverage,
  FULL_ONLINE_MATURITY,
  type ServiceCoverage,
  type ServiceItemProfile,
} from "./service-coverage";
export { digitalTakeUp, type TransactionCounts } from "./digital-take-up";
export { onTimeCompletion, type CompletionCounts } from "./on-time-completion";
export { serviceKpis, type ServiceKpis } from "./service-kpis";

// Projects
export {
  earnedValue,
  earnedValueTotals,
  projectEarnedValue,
  lastMonthCountedAt,
  spendToDate,
  type BudgetLine,
  type EarnedValueInput,
  type EarnedValueTotals,
  type Milestone,
  type ProjectEarnedValue,
} from "./earned-value";
export { estimateAtCompletion, forecastOverrun } from "./forecast-at-completion";
export { portfolioEarnedValue, type PortfolioEarnedValue } from "./portfolio-earned-value";
export { scheduleSlipDays } from "./schedule-slip";
export {
  achievement,
  indicatorAchievement,
  latestValueAt,
  projectOutcome,
  MAX_ACHIEVEMENT,
  type IndicatorDirection,
  type OutcomeIndicator,
  type OutcomeValue,
} from "./outcome-achievement";

// Evaluation
export {
  criterionScore,
  frameworkNodeScores,
  frameworkScore,
  type FrameworkNode,
} from "./evaluation-score";
export {
  criterionPathWeights,
  frameworkTree,
  projectEvaluation,
  roundIcc,
  rubricPercent,
  type CriterionResult,
  type CriterionScoreInput,
  type FlatFrameworkNode,
  type ProjectEvaluation,
  type RoundScore,
} from "./evaluation-result";
export { completeScoreMatrix, icc21, iccOfScores, type RaterScore, type ScoreMatrix } from "./icc";
export {
  disagreementFigures,
  needsModeration,
  scoreRange,
  type DisagreementFigures,
} from "./score-disagreement";
export { FRAMEWORK_KPI_KEYS, isFrameworkKpiKey, type FrameworkKpiKey } from "./framework-kpis";
export {
  frameworkIssues,
  justificationRequired,
  nodeIssues,
  WEIGHT_SUM_TOLERANCE,
  type FrameworkIssue,
  type FrameworkNodeDraft,
  type NodeRef,
} from "./framework-validation";

export {
  deadlineNear,
  deadlineStatus,
  REMINDER_DAYS,
  type DeadlineStatus,
} from "./deadline-reminder";
export {
  assignmentOverdue,
  roundProgress,
  type AssignmentProgressInput,
  type Declaration,
  type RoundProgress,
} from "./round-progress";

// Rectification (closing the loop)
export {
  isOverdue,
  rectificationDeadline,
  rectificationFigures,
  type RectificationCaseDates,
  type RectificationFigures,
} from "./rectification";

// Composite index and ranking
export { distanceToTarget, minMaxNormalise, type Direction } from "./normalise";
export { compareIds, rankByScore, type Scored } from "./rank";
export {
  aggregate,
  compositeIndex,
  normaliseIndicators,
  type Aggregation,
  type CompositeIndexOptions,
  type CompositeScore,
  type IndexEntity,
  type IndexIndicator,
  type Normalisation,
} from "./composite-index";
export { mulberry32, seedFromString, type RandomSource } from "./prng";
export {
  perturbWeights,
  rankUncertainty,
  DEFAULT_DRAWS,
  DEFAULT_WEIGHT_SPREAD,
  type RankBand,
  type RankUncertaintyOptions,
} from "./rank-uncertainty";

// Publishing
export {
  shareIsPublishable,
  suppressSmallCounts,
  SUPPRESSION_THRESHOLD,
  type SuppressedBreakdown,
} from "./small-count-suppression";

// Rankings from published figures
export {
  bandedRanking,
  coveredWeight,
  kpiIndicator,
  kpiIndicatorValue,
  MIN_COVERED_WEIGHT,
  type BandedRank,
  type KpiTargetSpec,
  type UnrankedEntity,
} from "./banded-ranking";
export {
  EVALUATION_SCORE_INDICATOR,
  frameworkIndicatorWeights,
  type IndicatorWeight,
} from "./framework-weighting";

// Settings
export { targetEdgeProblems, type TargetEdgeProblem } from "./target-edges";
