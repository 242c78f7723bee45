import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { RectificationFigures } from "../../../metrics/rectification";
import { compareToTarget, type KpiTarget } from "../../../metrics/target-comparison";
import { bandText } from "~/components/charts";
import type { I18n } from "~/i18n/i18n";
import { bandLabels, formatKpi } from "./dashboard-text";

/** A department's rectification figures for the period, with the way to its cases. */
export function RectificationPanel({
  i18n,
  departmentCode,
  figures,
  target,
}: {
  i18n: I18n;
  departmentCode: string;
  figures: RectificationFigures;
  target: KpiTarget | undefined;
}) {
  const kpi = "rectification_on_time_rate";
  const band =
    target && figures.onTimeRate !== null ? compareToTarget(figures.onTimeRate, target) : null;
  const median = figures.medianWorkingDaysToClose;
  const rows: Array<[label: string, value: string, extra?: ReactNode]> = [
    [i18n.t("dashboard.dept.rectification.opened"), i18n.number(figures.opened)],
    [i18n.t("dashboard.dept.rectification.closed"), i18n.number(figures.closed)],
    [
      i18n.t(`dashboard.kpi.${kpi}`),
      formatKpi(i18n, kpi, figures.onTimeRate),
      <> {bandText(band, bandLabels(i18n))}</>,
    ],
    [i18n.t("dashboard.dept.rectification.overdueOpen"), i18n.number(figures.overdueOpen)],
    [
      i18n.t("dashboard.dept.rectification.median"),
      median === null
        ? i18n.noData
        : i18n.t("dashboard.dept.rectification.days", {
            days: i18n.number(median, { maximumFractionDigits: 1 }),
          }),
    ],
  ];
  return (
    <section aria-labelledby="rectification-heading">
      <h2 id="rectification-heading">{i18n.t("dashboard.dept.rectification")}</h2>
      <dl className="figure-list">
        {rows.map(([label, value, extra]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>
              <strong>{value}</strong>
              {extra}
            </dd>
          </div>
        ))}
      </dl>
      <p>
        <Link to={`/supervision/cases?department=${encodeURIComponent(departmentCode)}`}>
          {i18n.t("dashboard.dept.rectification.cases")}
        </Link>
      </p>
    </section>
  );
}
