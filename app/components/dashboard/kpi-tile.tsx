import { Link } from "@remix-run/react";
import { Sparkline, bandText } from "~/components/charts";
import type { I18n } from "~/i18n/i18n";
import type { MessageKey } from "~/i18n/messages";
import type { KpiTile as Tile } from "../../../db/queries/overview.server";
import { sparklineText } from "./chart-texts";
import { bandLabels, formatChange, formatKpi } from "./dashboard-text";

function targetText(i18n: I18n, tile: Tile): string | null {
  const target = tile.target;
  if (!target) return null;
  if (
    target.direction === "between" &&
    target.targetMax !== null &&
    target.targetMax !== undefined
  ) {
    return i18n.t("dashboard.targetBetween", {
      min: formatKpi(i18n, tile.kpi, target.target),
      max: formatKpi(i18n, tile.kpi, target.targetMax),
    });
  }
  const sign = target.direction === "at_most" ? "≤ " : "≥ ";
  return i18n.t("dashboard.target", { value: sign + formatKpi(i18n, tile.kpi, target.target) });
}

/**
 * One KPI against its target: value, band in words and symbol (never colour alone),
 * last year and the change, a sparkline, and the definition on demand.
 */
export function KpiTile({ i18n, tile, cutoff }: { i18n: I18n; tile: Tile; cutoff: string }) {
  const name = i18n.t(`dashboard.kpi.${tile.kpi}` as MessageKey);
  const band = tile.value === null ? null : tile.band;
  return (
    <article className={`kpi-tile band-${band ?? "none"}`} aria-labelledby={`tile-${tile.kpi}`}>
      <h3 id={`tile-${tile.kpi}`}>{name}</h3>
      <p className="kpi-value">
        <data value={tile.value ?? ""}>{formatKpi(i18n, tile.kpi, tile.value)}</data>
        <span className="kpi-band">{bandText(band, bandLabels(i18n))}</span>
      </p>
      <p className="kpi-meta">
        {targetText(i18n, tile)}
        {tile.lastYear !== null ? (
          <>
            <br />
            {i18n.t("dashboard.lastYear", {
              value: formatKpi(i18n, tile.kpi, tile.lastYear),
            })}{" "}
            · {i18n.t("dashboard.change", { value: formatChange(i18n, tile.kpi, tile.change) })}
          </>
        ) : null}
        {tile.ratedShare !== undefined ? (
          <>
            <br />
            {i18n.t("dashboard.ratedShare", { value: i18n.percent(tile.ratedShare ?? null) })}
          </>
        ) : null}
        {tile.overdueOpen !== undefined ? (
          <>
            <br />
            <Link to="/supervision/cases?state=overdue" className="kpi-escalation">
              {i18n.t("dashboard.rectification.overdue", {
                count: i18n.number(tile.overdueOpen),
              })}
            </Link>
          </>
        ) : null}
      </p>
      {tile.series.length > 1 ? (
        <Sparkline
          label={name}
          points={tile.series.map((point) => ({
            x: point.period.slice(0, 7),
            y: point.value,
            partial: point.through !== undefined,
          }))}
          format={(value) => formatKpi(i18n, tile.kpi, value)}
          target={tile.target?.target ?? null}
          text={{
            ...sparklineText(i18n, tile.series.at(-1)?.through),
            noData: i18n.t("dashboard.chart.noData"),
            table: i18n.t("dashboard.chart.table"),
          }}
        />
      ) : null}
      <details className="kpi-definition">
        <summary>{i18n.t("dashboard.definition")}</summary>
        <p>{i18n.t(`dashboard.def.${tile.kpi}` as MessageKey)}</p>
        <p>{i18n.t("dashboard.cutoff", { date: i18n.date(cutoff) })}</p>
        {tile.target ? <p>{tile.target.basis}</p> : null}
      </details>
    </article>
  );
}
