/**
 * The tables a published scorecard shows, defined once from its payload: the open data
 * downloads (CSV and JSON) are these rows, and the scorecard page links each table's
 * downloads from the panel named here, so a download cannot drift from the snapshot.
 *
 * Column names are stable machine names (snake_case, English): they are part of the
 * open data's address, like the table ids. A table that can withhold a figure has a
 * `suppressed` column, true where the figure was withheld (its cell is then null: empty
 * in CSV), exactly as the payload and the page withhold it.
 */
import type {
  Breakdown,
  DepartmentPayload,
  ProjectPayload,
  ScorecardPayload,
  ScorecardSubject,
} from "./payload";

/** A cell of a published table: what the payload holds, never a formatted text. */
export type TableCell = string | number | boolean | null;
export type TableRow = Record<string, TableCell>;

interface TableDefinition<P extends ScorecardPayload> {
  id: string;
  /** The scorecard page's panel (its id) that shows the table and links its downloads. */
  panel: string;
  columns: readonly string[];
  rows: (payload: P) => TableRow[];
}

const kpiTable = <P extends ScorecardPayload>(): TableDefinition<P> => ({
  id: "kpis",
  panel: "kpis",
  columns: ["kpi", "value", "suppressed", "target_direction", "target", "target_max", "band"],
  rows: (payload) =>
    payload.kpis.map((figure) => ({
      kpi: figure.kpi,
      value: figure.suppressed ? null : figure.value,
      suppressed: figure.suppressed,
      target_direction: figure.target?.direction ?? null,
      target: figure.target?.target ?? null,
      target_max: figure.target?.targetMax ?? null,
      band: figure.band,
    })),
});

/** A breakdown's cells, then its total (key "total"), each with its suppression marker. */
function breakdownRows(breakdown: Breakdown, keyColumn: string): TableRow[] {
  return [
    ...breakdown.cells.map((cell) => ({
      [keyColumn]: cell.key,
      count: cell.suppressed ? null : cell.count,
      suppressed: cell.suppressed,
    })),
    {
      [keyColumn]: "total",
      count: breakdown.totalSuppressed ? null : breakdown.total,
      suppressed: breakdown.totalSuppressed,
    },
  ];
}

const ratingsTable = <P extends ScorecardPayload>(): TableDefinition<P> => ({
  id: "ratings-by-score",
  panel: "ratings",
  columns: ["score", "count", "suppressed"],
  rows: (payload) => breakdownRows(payload.ratings.byScore, "score"),
});

export const PROJECT_TABLES: readonly TableDefinition<ProjectPayload>[] = [
  kpiTable<ProjectPayload>(),
  {
    id: "variances",
    panel: "facts",
    columns: ["variance", "value", "band"],
    rows: (payload) =>
      payload.variances.map((row) => ({ variance: row.key, value: row.value, band: row.band })),
  },
  {
    id: "milestones",
    panel: "milestones",
    columns: ["name", "planned_date", "actual_date", "forecast_date", "completed"],
    rows: (payload) =>
      payload.milestones.items.map((item) => ({
        name: item.name,
        planned_date: item.plannedDate,
        actual_date: item.actualDate,
        forecast_date: item.forecastDate,
        completed: item.completed,
      })),
  },
  {
    id: "spend-curve",
    panel: "spend",
    columns: ["month", "pv_yuan", "ac_yuan", "ev_yuan"],
    rows: (payload) =>
      payload.spendCurve.map((row) => ({
        month: row.month,
        pv_yuan: row.pv,
        ac_yuan: row.ac,
        ev_yuan: row.ev,
      })),
  },
  {
    id: "outcomes",
    panel: "outcomes",
    columns: ["code", "name", "unit", "direction", "baseline", "target", "actual", "achievement"],
    rows: (payload) =>
      payload.outcomes.map((row) => ({
        code: row.code,
        name: row.name,
        unit: row.unit,
        direction: row.direction,
        baseline: row.baseline,
        target: row.target,
        actual: row.actual,
        achievement: row.achievement,
      })),
  },
  ratingsTable<ProjectPayload>(),
];

export const DEPARTMENT_TABLES: readonly TableDefinition<DepartmentPayload>[] = [
  kpiTable<DepartmentPayload>(),
  {
    id: "appeals-by-type",
    panel: "appeals",
    columns: ["type", "count", "suppressed"],
    rows: (payload) => breakdownRows(payload.appeals.byType, "type"),
  },
  {
    id: "appeal-trend",
    panel: "appeals",
    columns: [
      "month",
      "through",
      "suppressed",
      "reply_rate",
      "on_time_reply_rate",
      "satisfaction_rate",
    ],
    rows: (payload) =>
      payload.appeals.trend.map((row) => ({
        month: row.month,
        through: row.through,
        suppressed: row.suppressed,
        reply_rate: row.suppressed ? null : row.replyRate,
        on_time_reply_rate: row.suppressed ? null : row.onTimeReplyRate,
        satisfaction_rate: row.suppressed ? null : row.satisfactionRate,
      })),
  },
  {
    id: "take-up-trend",
    panel: "services",
    columns: ["month", "digital_take_up"],
    rows: (payload) =>
      payload.services.takeUpTrend.map((row) => ({
        month: row.month,
        digital_take_up: row.digitalTakeUp,
      })),
  },
  {
    id: "projects",
    panel: "projects",
    columns: [
      "code",
      "name",
      "stage",
      "cpi",
      "spi",
      "outcome_achievement",
      "cost_band",
      "schedule_band",
      "budget_band",
    ],
    rows: (payload) =>
      payload.projects.map((row) => ({
        code: row.code,
        name: row.name,
        stage: row.stage,
        cpi: row.cpi,
        spi: row.spi,
        outcome_achievement: row.outcome,
        cost_band: row.costBand,
        schedule_band: row.scheduleBand,
        budget_band: row.budgetBand,
      })),
  },
  {
    id: "service-items",
    panel: "service-items",
    columns: ["code", "name", "maturity", "one_visit", "high_frequency", "time_limit_days"],
    // Versions published before the list was added have none: an empty table, as on their page.
    rows: (payload) =>
      (payload.serviceItems ?? []).map((item) => ({
        code: item.code,
        name: item.name,
        maturity: item.maturity,
        one_visit: item.oneVisit,
        high_frequency: item.highFrequency,
        time_limit_days: item.timeLimitDays,
      })),
  },
  {
    id: "rectification",
    panel: "rectification",
    columns: ["figure", "value", "suppressed"],
    rows: ({ rectification: figures }) => {
      if (!figures) return [];
      const closed = (key: string) => figures.closed.cells.find((cell) => cell.key === key);
      const count = (figure: string, value: number | null, suppressed: boolean) => ({
        figure,
        value: suppressed ? null : value,
        suppressed,
      });
      const onTime = closed("on_time");
      const late = closed("late");
      return [
        count("opened", figures.opened.count, figures.opened.suppressed),
        count("closed", figures.closed.total, figures.closed.totalSuppressed),
        count("closed_on_time", onTime?.count ?? null, onTime?.suppressed ?? false),
        count("closed_late", late?.count ?? null, late?.suppressed ?? false),
        count("on_time_rate", figures.onTimeRate.value, figures.onTimeRate.suppressed),
        count("overdue_open", figures.overdueOpen.count, figures.overdueOpen.suppressed),
        count(
          "median_working_days_to_close",
          figures.medianWorkingDaysToClose,
          // Withheld with the count of cases closed it is the median of.
          figures.closed.totalSuppressed,
        ),
      ];
    },
  },
  ratingsTable<DepartmentPayload>(),
];

/** A table's id and where the page shows it, without its rows (for links and lists). */
export interface TableEntry {
  id: string;
  panel: string;
  columns: readonly string[];
}

/** The tables of a subject's scorecards, in the page's order. */
export function tablesOf(subject: ScorecardSubject): readonly TableEntry[] {
  return subject === "project" ? PROJECT_TABLES : DEPARTMENT_TABLES;
}

export interface PublishedTable {
  id: string;
  columns: readonly string[];
  rows: TableRow[];
}

/** One table of a payload, or null when the subject has no table of that id. */
export function tableOf(payload: ScorecardPayload, id: string): PublishedTable | null {
  if (payload.subject === "project") {
    const table = PROJECT_TABLES.find((entry) => entry.id === id);
    return table ? { id, columns: table.columns, rows: table.rows(payload) } : null;
  }
  const table = DEPARTMENT_TABLES.find((entry) => entry.id === id);
  return table ? { id, columns: table.columns, rows: table.rows(payload) } : null;
}

/** Stable address of a table's download; `version` pins one published version. */
export function scorecardTablePath(
  subject: ScorecardSubject,
  code: string,
  table: string,
  format: "csv" | "json",
  version?: number,
): string {
  const base = `/scorecards/${subject}s/${encodeURIComponent(code)}/tables/${table}.${format}`;
  return version === undefined ? base : `${base}?version=${version}`;
}
