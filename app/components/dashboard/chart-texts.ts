/**
 * The words of each chart in the page's language only. The charts' own defaults are
 * bilingual ("部门 Department"), which reads as a mix on a page in one language; these
 * replace every one of them, and the summaries format their numbers in the locale.
 */
import type {
  BarChartText,
  BulletChartText,
  HeatmapText,
  LineChartText,
  MilestoneTimelineText,
  QuadrantLabels,
  QuadrantScatterText,
  SparklineText,
} from "~/components/charts";
import type { I18n } from "~/i18n/i18n";
import { bandLabels } from "./dashboard-text";

/** "—": a missing value in a table cell, the same in both languages. */
const NO_VALUE = "—";

/** How a list of names is joined in a sentence: 、 in Chinese, a comma in English. */
const listOf = (i18n: I18n, items: readonly string[]) =>
  items.join(i18n.locale === "zh" ? "、" : ", ");

/** Sentences of several parts: Chinese runs them together, English puts a space between. */
const sentences = (i18n: I18n, parts: readonly string[]) =>
  parts.join(i18n.locale === "zh" ? "" : " ");

export const quadrantLabels = (i18n: I18n): QuadrantLabels => ({
  topLeft: i18n.t("dashboard.quadrant.topLeft"),
  topRight: i18n.t("dashboard.quadrant.topRight"),
  bottomLeft: i18n.t("dashboard.quadrant.bottomLeft"),
  bottomRight: i18n.t("dashboard.quadrant.bottomRight"),
});

export function heatmapText(i18n: I18n): HeatmapText {
  return {
    rowHeader: i18n.t("charts.heatmap.rowHeader"),
    noValue: NO_VALUE,
    bands: bandLabels(i18n),
    summarize: (c) =>
      i18n.t("charts.heatmap.summary", {
        rows: i18n.number(c.rows),
        columns: i18n.number(c.columns),
        red: i18n.number(c.red),
        amber: i18n.number(c.amber),
        green: i18n.number(c.green),
        none: i18n.number(c.none),
      }),
  };
}

export function quadrantText(i18n: I18n): QuadrantScatterText {
  return {
    pointHeader: i18n.t("charts.quadrant.pointHeader"),
    bandHeader: i18n.t("charts.quadrant.bandHeader"),
    bands: bandLabels(i18n),
    quadrants: quadrantLabels(i18n),
    summarize: (s, q) => {
      const counts = (["topRight", "topLeft", "bottomRight", "bottomLeft"] as const).map((key) =>
        i18n.t("charts.quadrant.count", { label: q[key], count: i18n.number(s.quadrants[key]) }),
      );
      const parts = [
        i18n.t("charts.quadrant.summary", {
          plotted: i18n.number(s.plotted),
          counts: counts.join(i18n.locale === "zh" ? "；" : "; "),
        }),
      ];
      if (s.notPlotted.length > 0)
        parts.push(i18n.t("charts.quadrant.notPlotted", { names: listOf(i18n, s.notPlotted) }));
      return sentences(i18n, parts);
    },
  };
}

export function barText(i18n: I18n): BarChartText {
  return {
    noValue: NO_VALUE,
    bandHeader: i18n.t("charts.bar.bandHeader"),
    bands: bandLabels(i18n),
    // `total` and `highest.text` come formatted by the chart's own `format`.
    summarize: (s) =>
      s.highest
        ? i18n.t("charts.bar.summary", {
            count: i18n.number(s.count),
            total: s.total,
            label: s.highest.label,
            value: s.highest.text,
          })
        : "",
  };
}

export function lineText(i18n: I18n): LineChartText {
  return {
    noValue: NO_VALUE,
    // x and the values come formatted by the chart's formatX and formatY.
    summarize: (series) =>
      sentences(
        i18n,
        series.flatMap((s) =>
          s.first && s.last
            ? [
                i18n.t("charts.line.summary", {
                  label: s.label,
                  firstX: s.first.x,
                  first: s.first.text,
                  lastX: s.last.x,
                  last: s.last.text,
                }),
              ]
            : [],
        ),
      ),
  };
}

export function bulletText(i18n: I18n): BulletChartText {
  return {
    indicatorHeader: i18n.t("charts.bullet.indicator"),
    baseline: i18n.t("charts.bullet.baseline"),
    target: i18n.t("charts.bullet.target"),
    actual: i18n.t("charts.bullet.actual"),
    direction: i18n.t("charts.bullet.direction"),
    achievement: i18n.t("charts.bullet.achievement"),
    higher: i18n.t("charts.bullet.higher"),
    lower: i18n.t("charts.bullet.lower"),
    noValue: NO_VALUE,
    rangeWorse: i18n.t("charts.bullet.rangeWorse"),
    rangeProgress: i18n.t("charts.bullet.rangeProgress"),
    rangeMet: i18n.t("charts.bullet.rangeMet"),
    bands: bandLabels(i18n),
    summarize: (met, total, noData) =>
      noData > 0
        ? i18n.t("charts.bullet.summaryNoData", {
            met: i18n.number(met),
            total: i18n.number(total),
            noData: i18n.number(noData),
          })
        : i18n.t("charts.bullet.summary", { met: i18n.number(met), total: i18n.number(total) }),
  };
}

export function timelineText(i18n: I18n): MilestoneTimelineText {
  return {
    milestoneHeader: i18n.t("charts.timeline.milestone"),
    planned: i18n.t("charts.timeline.planned"),
    actual: i18n.t("charts.timeline.actual"),
    forecast: i18n.t("charts.timeline.forecast"),
    slip: i18n.t("charts.timeline.slip"),
    status: i18n.t("charts.timeline.status"),
    done: i18n.t("charts.timeline.done"),
    open: i18n.t("charts.timeline.open"),
    overdue: i18n.t("charts.timeline.overdue"),
    cutOff: i18n.t("charts.timeline.cutOff"),
    noValue: NO_VALUE,
    formatSlip: (days) => {
      const sign = days > 0 ? "+" : days < 0 ? "−" : "±";
      return i18n.t(Math.abs(days) === 1 ? "charts.timeline.slipDay" : "charts.timeline.slipDays", {
        days: `${sign}${i18n.number(Math.abs(days))}`,
      });
    },
    summarize: (s, formatSlip) => {
      const counts = {
        total: i18n.number(s.total),
        completed: i18n.number(s.completed),
        late: i18n.number(s.late),
        overdue: i18n.number(s.overdue),
      };
      return s.largestSlip
        ? i18n.t("charts.timeline.summarySlip", {
            ...counts,
            label: s.largestSlip.label,
            slip: formatSlip(s.largestSlip.days),
          })
        : i18n.t("charts.timeline.summary", counts);
    },
  };
}

/**
 * What a trend chart's summary adds when its last month is counted only in part (the
 * period ends within it); null when every month is whole.
 */
export function partialMonthNote(
  i18n: I18n,
  trend: ReadonlyArray<{ month: string; through: string | null }>,
): string | null {
  const last = trend.at(-1);
  return last?.through
    ? i18n.t("dashboard.trend.partial", {
        month: i18n.month(last.month),
        date: i18n.date(last.through),
      })
    : null;
}

/** `through`: the day a partial last period is counted to, named with it. */
export function sparklineText(i18n: I18n, through?: string): SparklineText {
  return {
    // x is a period ("2024-03"); the values come formatted by the sparkline's `format`.
    describe: (first, last) =>
      i18n.t("charts.sparkline.describe", {
        firstX: i18n.month(first.x),
        first: first.text,
        lastX:
          last.partial && through
            ? i18n.t("dashboard.monthThrough", {
                month: i18n.month(last.x),
                date: i18n.date(through),
              })
            : i18n.month(last.x),
        last: last.text,
      }),
    noData: i18n.t("charts.noData"),
    table: i18n.t("charts.table"),
  };
}
