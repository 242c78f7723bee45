import type { BandLabels, ChartLabels } from "~/components/charts";
import type { I18n } from "~/i18n/i18n";

/** The chart frame's words in the page's language. */
export const chartLabels = (i18n: I18n): ChartLabels => ({
  table: i18n.t("dashboard.chart.table"),
  downloadSvg: i18n.t("dashboard.chart.svg"),
  downloadPng: i18n.t("dashboard.chart.png"),
  downloadCsv: i18n.t("dashboard.chart.csv"),
  noData: i18n.t("dashboard.chart.noData"),
});

export const bandLabels = (i18n: I18n): BandLabels => ({
  green: i18n.t("dashboard.band.green"),
  amber: i18n.t("dashboard.band.amber"),
  red: i18n.t("dashboard.band.red"),
  none: i18n.t("dashboard.band.none"),
});

/** KPIs that are ratios read as such (CPI 0.93), not as percentages. */
const RATIO_KPIS = new Set(["cpi", "spi"]);

/** A KPI value as the page shows it: rates as percentages, CPI/SPI as ratios. */
export function formatKpi(i18n: I18n, kpi: string, value: number | null): string {
  if (RATIO_KPIS.has(kpi))
    return i18n.number(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return i18n.percent(value, 1);
}

/** A year-on-year change: percentage points for rates, a signed difference for ratios. */
export function formatChange(i18n: I18n, kpi: string, change: number | null): string {
  if (change === null) return i18n.noData;
  const sign = change > 0 ? "+" : change < 0 ? "−" : "±";
  if (RATIO_KPIS.has(kpi)) {
    return `${sign}${i18n.number(Math.abs(change), { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  }
  return i18n.t("dashboard.points", {
    value: `${sign}${i18n.number(Math.abs(change) * 100, { maximumFractionDigits: 1, minimumFractionDigits: 1 })}`,
  });
}
