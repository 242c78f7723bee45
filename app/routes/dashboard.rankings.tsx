import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { loadOverview } from "../../db/queries/overview.server";
import { RANKING_KPIS, rankDepartments } from "../../metrics/department-ranking";
import { formatKpi } from "~/components/dashboard/dashboard-text";
import { DashboardPageHeader } from "~/components/dashboard/dashboard-page-header";
import { FilterForm } from "~/components/dashboard/filter-form";
import { TableCsvButton } from "~/components/table-csv";
import { useI18n } from "~/i18n/i18n";
import { metaI18n, pageTitle } from "~/i18n/meta";
import type { MessageKey } from "~/i18n/messages";
import { filtersQuery } from "~/utils/dashboard-filters";
import { dashboardContext } from "~/utils/dashboard-loader.server";
import { TableScroll } from "~/components/table-scroll";

export const meta: MetaFunction = ({ matches }) => {
  const i18n = metaI18n(matches);
  return [{ title: pageTitle(i18n, i18n.t("dashboard.rankings")) }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const { filters, scope, db } = await dashboardContext(request);
  const overview = await loadOverview(db, scope, filters);
  const names = new Map(overview.heatmap.map((row) => [row.code, row]));
  // The on-time rectification rate is ranked beside the heatmap's KPIs (issue #22).
  const rows = overview.heatmap.map((row) => ({
    code: row.code,
    values: { ...row.values, rectification_on_time_rate: row.rectification.onTimeRate },
  }));
  const valuesOf = new Map(rows.map((row) => [row.code, row.values]));
  const ranking = rankDepartments(rows, overview.targets, filters.range).map((entry) => {
    const row = names.get(entry.code);
    return {
      ...entry,
      name: row?.name ?? entry.code,
      values: valuesOf.get(entry.code) ?? {},
      rectification: row?.rectification ?? null,
    };
  });
  return { filters, choices: scope.choices, ranking };
}

export default function Rankings() {
  const { filters, choices, ranking } = useLoaderData<typeof loader>();
  const i18n = useI18n();
  const keep = filtersQuery(filters, { department: undefined, region: undefined });
  return (
    <>
      <DashboardPageHeader
        back={{ to: `/dashboard${filtersQuery(filters)}`, label: i18n.t("dashboard.back") }}
        title={i18n.t("dashboard.rankings")}
        lede={i18n.t("dashboard.rankings.introRectification")}
      >
        <FilterForm
          i18n={i18n}
          filters={filters}
          choices={choices}
          action="/dashboard/rankings"
          projectFilters={false}
        />
      </DashboardPageHeader>
      <TableCsvButton tableId="rankings-table" fileName="department-rankings" />
      <TableScroll label={i18n.t("dashboard.rankings")}>
        <table id="rankings-table">
          <thead>
            <tr>
              <th scope="col" className="numeric">
                {i18n.t("dashboard.rankings.rank")}
              </th>
              <th scope="col">{i18n.t("dashboard.col.department")}</th>
              <th scope="col" className="numeric">
                {i18n.t("dashboard.rankings.score")}
              </th>
              <th scope="col">{i18n.t("dashboard.rankings.band")}</th>
              {RANKING_KPIS.map((kpi) => (
                <th scope="col" className="numeric" key={kpi}>
                  {i18n.t(`dashboard.kpi.${kpi}` as MessageKey)}
                </th>
              ))}
              <th scope="col" className="numeric">
                {i18n.t("dashboard.dept.rectification.opened")}
              </th>
              <th scope="col" className="numeric">
                {i18n.t("dashboard.dept.rectification.closed")}
              </th>
              <th scope="col" className="numeric">
                {i18n.t("dashboard.dept.rectification.overdueOpen")}
              </th>
            </tr>
          </thead>
          <tbody>
            {ranking.map((entry) => (
              <tr key={entry.code}>
                <td className="numeric">{entry.rank ?? i18n.noData}</td>
                <th scope="row">
                  <Link to={`/dashboard/departments/${encodeURIComponent(entry.code)}${keep}`}>
                    {entry.name}
                  </Link>
                </th>
                <td className="numeric">
                  {i18n.number(entry.score, { maximumFractionDigits: 3 })}
                </td>
                <td>
                  {entry.band && entry.band.rankP5 !== null && entry.band.rankP95 !== null
                    ? i18n.t("dashboard.rankings.bandText", {
                        median: i18n.number(entry.band.medianRank),
                        low: i18n.number(entry.band.rankP5),
                        high: i18n.number(entry.band.rankP95),
                      })
                    : i18n.noData}
                </td>
                {RANKING_KPIS.map((kpi) => (
                  <td className="numeric" key={kpi}>
                    {formatKpi(
                      i18n,
                      kpi,
                      (entry.values as Record<string, number | null>)[kpi] ?? null,
                    )}
                  </td>
                ))}
                <td className="numeric" data-col="rectification-opened">
                  {i18n.number(entry.rectification?.opened ?? null)}
                </td>
                <td className="numeric" data-col="rectification-closed">
                  {i18n.number(entry.rectification?.closed ?? null)}
                </td>
                <td className="numeric" data-col="rectification-overdue">
                  {i18n.number(entry.rectification?.overdueOpen ?? null)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
