import type { ProjectEarnedValue } from "./earned-value";
import { compareToTarget, type KpiTarget } from "./target-comparison";
import type { Band } from "./variance-band";

/*
 * Red flags are rules, not ad-hoc code: each has an id, what it watches, the threshold
 * that raises it and the basis the threshold rests on. Pages list the rules (with
 * descriptions from the message catalogue, keyed by id) and the flags they raise.
 */

export type RedFlagSubject = "project" | "department";

export interface RedFlagRule {
  readonly id: string;
  readonly subject: RedFlagSubject;
  /** The figure compared ("costVariancePct", "onTimeReplyRate", …). */
  readonly figure: string;
  /** Machine-readable threshold, shown beside the rule's description. */
  readonly threshold: Threshold;
  /** Where the threshold comes from (a message key suffix: "it-dashboard-bands", …). */
  readonly basis: string;
}

export type Threshold =
  | { readonly kind: "band"; readonly band: Band }
  | { readonly kind: "target"; readonly kpi: string }
  | { readonly kind: "drop"; readonly points: number }
  | { readonly kind: "share-below"; readonly share: number; readonly orRatedBelow: number }
  | { readonly kind: "count-at-least"; readonly count: number };

/** One overdue rectification case is already a breach of the 好差评 time limit. */
const OVERDUE_CASES_FLAGGED = 1;

/** |variance| ≥ 30 % is red on the IT Dashboard. */
export const RED_FLAG_RULES = [
  {
    id: "cost-variance-red",
    subject: "project",
    figure: "costVariancePct",
    threshold: { kind: "band", band: "red" },
    basis: "it-dashboard-bands",
  },
  {
    id: "schedule-variance-red",
    subject: "project",
    figure: "scheduleVariancePct",
    threshold: { kind: "band", band: "red" },
    basis: "it-dashboard-bands",
  },
  {
    id: "budget-variance-red",
    subject: "project",
    figure: "budgetVariancePct",
    threshold: { kind: "band", band: "red" },
    basis: "it-dashboard-bands",
  },
  {
    id: "forecast-overrun-early",
    subject: "project",
    figure: "forecastOverrun",
    threshold: { kind: "band", band: "red" },
    basis: "eac-early-warning",
  },
  {
    id: "outcome-behind-at-milestone",
    subject: "project",
    figure: "outcomeAchievement",
    threshold: { kind: "target", kpi: "outcome_achievement" },
    basis: "outcome-targets",
  },
  {
    id: "on-time-reply-below-target",
    subject: "department",
    figure: "onTimeReplyRate",
    threshold: { kind: "target", kpi: "on_time_reply_rate" },
    basis: "reply-time-limit",
  },
  {
    id: "satisfaction-below-target",
    subject: "department",
    figure: "satisfactionRate",
    threshold: { kind: "target", kpi: "satisfaction_rate" },
    basis: "hotline-satisfaction",
  },
  {
    id: "on-time-reply-down",
    subject: "department",
    figure: "onTimeReplyRate",
    threshold: { kind: "drop", points: 0.05 },
    basis: "year-on-year",
  },
  {
    id: "satisfaction-down",
    subject: "department",
    figure: "satisfactionRate",
    threshold: { kind: "drop", points: 0.05 },
    basis: "year-on-year",
  },
  {
    id: "satisfaction-small-sample",
    subject: "department",
    figure: "ratedShare",
    threshold: { kind: "share-below", share: 0.3, orRatedBelow: 30 },
    basis: "small-sample",
  },
  {
    id: "rectification-overdue",
    subject: "department",
    figure: "overdueOpen",
    threshold: { kind: "count-at-least", count: OVERDUE_CASES_FLAGGED },
    basis: "rectification-time-limit",
  },
] as const satisfies readonly RedFlagRule[];

export type RedFlagRuleId = (typeof RED_FLAG_RULES)[number]["id"];

export interface RedFlag {
  readonly rule: RedFlagRuleId;
  readonly subject: RedFlagSubject;
  readonly code: string;
  /** The figure that raised the flag (a fraction, a ratio, or a drop in points). */
  readonly value: number;
  /** red: past the red edge; amber: below target but not red. */
  readonly severity: "red" | "amber";
}

export interface ProjectFlagInput {
  readonly code: string;
  readonly earnedValue: ProjectEarnedValue;
  /** Weighted outcome achievement at the cut-off (null: no indicator value yet). */
  readonly outcomeAchievement: number | null;
  /** Milestones completed by the cut-off. */
  readonly completedMilestones: number;
}

export interface DepartmentFlagInput {
  readonly code: string;
  readonly onTimeReplyRate: number | null;
  readonly satisfactionRate: number | null;
  readonly ratedShare: number | null;
  /** Appeals with a satisfaction value. */
  readonly rated: number;
  /** Same period a year earlier. */
  readonly lastYear: {
    readonly onTimeReplyRate: number | null;
    readonly satisfactionRate: number | null;
  };
  /** Rectification cases open past their deadline at the period's end (or today). */
  readonly overdueRectifications: number;
}

const SEVERITY: Record<Band, RedFlag["severity"] | null> = {
  green: null,
  amber: "amber",
  red: "red",
};

/**
 * Raises the flags of RED_FLAG_RULES:
 * - cost, schedule, budget variance in the red band (|v| ≥ 30 %);
 * - forecast overrun at completion (EAC − BAC) / BAC ≥ 30 % while the budget variance is
 *   not yet red: the early warning;
 * - outcome achievement below its target once a milestone is completed (amber below the
 *   target, red below its amber edge);
 * - a department's on-time reply or satisfaction rate below target, or down by 5
 *   percentage points or more year on year;
 * - a satisfaction rate resting on fewer than 30 % of replies rated or fewer than 30 ratings;
 * - a department with a rectification case open past its deadline: 好差评 rules allow no
 *   bad review to go unrectified beyond its limit, so one overdue case is red.
 * Ordered red first, then by rule order and code.
 */
export function raiseRedFlags(
  projects: readonly ProjectFlagInput[],
  departments: readonly DepartmentFlagInput[],
  targets: Readonly<Record<string, KpiTarget | undefined>>,
): RedFlag[] {
  const flags: RedFlag[] = [];
  const add = (
    rule: RedFlagRuleId,
    subject: RedFlagSubject,
    code: string,
    value: number | null,
    severity: RedFlag["severity"] | null,
  ) => {
    if (value !== null && severity) flags.push({ rule, subject, code, value, severity });
  };
  const belowTarget = (value: number | null, kpi: string) => {
    const target = targets[kpi];
    const band = target ? compareToTarget(value, target) : null;
    return band ? SEVERITY[band] : null;
  };
  for (const project of projects) {
    const ev = project.earnedValue;
    add(
      "cost-variance-red",
      "project",
      project.code,
      ev.costVariancePct,
      ev.costBand === "red" ? "red" : null,
    );
    add(
      "schedule-variance-red",
      "project",
      project.code,
      ev.scheduleVariancePct,
      ev.scheduleBand === "red" ? "red" : null,
    );
    add(
      "budget-variance-red",
      "project",
      project.code,
      ev.budgetVariancePct,
      ev.budgetBand === "red" ? "red" : null,
    );
    const overrunning =
      ev.forecastOverrun !== null && ev.forecastOverrun > 0 && ev.forecastBand === "red";
    add(
      "forecast-overrun-early",
      "project",
      project.code,
      ev.forecastOverrun,
      overrunning && ev.budgetBand !== "red" ? "red" : null,
    );
    if (project.completedMilestones > 0) {
      add(
        "outcome-behind-at-milestone",
        "project",
        project.code,
        project.outcomeAchievement,
        belowTarget(project.outcomeAchievement, "outcome_achievement"),
      );
    }
  }
  for (const department of departments) {
    add(
      "on-time-reply-below-target",
      "department",
      department.code,
      department.onTimeReplyRate,
      belowTarget(department.onTimeReplyRate, "on_time_reply_rate"),
    );
    add(
      "satisfaction-below-target",
      "department",
      department.code,
      department.satisfactionRate,
      belowTarget(department.satisfactionRate, "satisfaction_rate"),
    );
    const drop = (now: number | null, then: number | null) =>
      now === null || then === null ? null : then - now;
    const onTimeDrop = drop(department.onTimeReplyRate, department.lastYear.onTimeReplyRate);
    add(
      "on-time-reply-down",
      "department",
      department.code,
      onTimeDrop,
      onTimeDrop !== null && onTimeDrop >= 0.05 - 1e-12 ? "amber" : null,
    );
    const satisfactionDrop = drop(
      department.satisfactionRate,
      department.lastYear.satisfactionRate,
    );
    add(
      "satisfaction-down",
      "department",
      department.code,
      satisfactionDrop,
      satisfactionDrop !== null && satisfactionDrop >= 0.05 - 1e-12 ? "amber" : null,
    );
    const small =
      department.satisfactionRate !== null &&
      ((department.ratedShare ?? 0) < 0.3 || department.rated < 30);
    add(
      "satisfaction-small-sample",
      "department",
      department.code,
      department.ratedShare,
      small ? "amber" : null,
    );
    add(
      "rectification-overdue",
      "department",
      department.code,
      department.overdueRectifications,
      department.overdueRectifications >= OVERDUE_CASES_FLAGGED ? "red" : null,
    );
  }
  const order = new Map<string, number>(RED_FLAG_RULES.map((rule, index) => [rule.id, index]));
  return flags.sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === "red" ? -1 : 1) ||
      (order.get(a.rule) ?? 0) - (order.get(b.rule) ?? 0) ||
      a.code.localeCompare(b.code),
  );
}
