/**
 * A department scorecard's rectification figures (issue #22), from the snapshot alone:
 * counts of 1–4 and the figures that would reveal them are shown as withheld.
 */
import type { CountFigure, RectificationFiguresPayload } from "../../db/scorecards/payload";
import { bandText } from "~/components/charts";
import { bandLabels, formatKpi } from "~/components/dashboard/dashboard-text";
import { useI18n, type I18n } from "~/i18n/i18n";

const withheld = (i18n: I18n) => i18n.t("scorecards.withheld");

function countText(i18n: I18n, figure: CountFigure | null): string {
  if (figure === null) return i18n.noData;
  return figure.suppressed ? withheld(i18n) : i18n.number(figure.count);
}

export function RectificationFigures({ figures }: { figures: RectificationFiguresPayload }) {
  const i18n = useI18n();
  const cell = (key: string) => {
    const found = figures.closed.cells.find((item) => item.key === key);
    return found ? { count: found.count, suppressed: found.suppressed } : null;
  };
  const rate = figures.onTimeRate;
  const target = rate.target
    ? i18n.t(`scorecards.target.${rate.target.direction}`, {
        target: formatKpi(i18n, rate.kpi, rate.target.target),
        targetMax: formatKpi(i18n, rate.kpi, rate.target.targetMax),
      })
    : null;
  return (
    <>
      <p>{i18n.t("scorecards.rectification.note")}</p>
      <dl className="figure-list" data-panel="rectification">
        <div>
          <dt>{i18n.t("scorecards.rectification.opened")}</dt>
          <dd data-figure="opened">{countText(i18n, figures.opened)}</dd>
        </div>
        <div>
          <dt>{i18n.t("scorecards.rectification.closed")}</dt>
          <dd data-figure="closed">
            {countText(i18n, {
              count: figures.closed.total,
              suppressed: figures.closed.totalSuppressed,
            })}
          </dd>
        </div>
        <div>
          <dt>{i18n.t("scorecards.rectification.onTime")}</dt>
          <dd data-figure="closed-on-time">{countText(i18n, cell("on_time"))}</dd>
        </div>
        <div>
          <dt>{i18n.t("scorecards.rectification.late")}</dt>
          <dd data-figure="closed-late">{countText(i18n, cell("late"))}</dd>
        </div>
        <div>
          <dt>{i18n.t("scorecards.rectification.rate")}</dt>
          <dd data-figure="on-time-rate">
            {rate.suppressed ? withheld(i18n) : formatKpi(i18n, rate.kpi, rate.value)}
            {target ? ` (${i18n.t("scorecards.col.target")} ${target})` : ""}
            {rate.band ? ` · ${bandText(rate.band, bandLabels(i18n))}` : ""}
          </dd>
        </div>
        <div>
          <dt>{i18n.t("scorecards.rectification.overdueOpen")}</dt>
          <dd data-figure="overdue-open">{countText(i18n, figures.overdueOpen)}</dd>
        </div>
        <div>
          <dt>{i18n.t("scorecards.rectification.median")}</dt>
          <dd data-figure="median">
            {i18n.number(figures.medianWorkingDaysToClose, { maximumFractionDigits: 1 })}
          </dd>
        </div>
      </dl>
    </>
  );
}
