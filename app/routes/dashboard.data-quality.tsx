import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import {
  loadDataQuality,
  QUALITY_KINDS,
  RECENT_IMPORT_DAYS,
} from "../../db/queries/data-quality.server";
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
  return [{ title: pageTitle(i18n, i18n.t("dashboard.quality")) }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const { filters, scope, db, user } = await dashboardContext(request);
  const quality = await loadDataQuality(db, scope.departments, filters.range);
  return { filters, choices: scope.choices, quality, canOpenImports: user.role !== "leader" };
}

export default function DataQuality() {
  const { filters, choices, quality, canOpenImports } = useLoaderData<typeof loader>();
  const i18n = useI18n();
  const keep = filtersQuery(filters, { department: undefined, region: undefined });
  return (
    <>
      <DashboardPageHeader
        back={{ to: `/dashboard${filtersQuery(filters)}`, label: i18n.t("dashboard.back") }}
        title={i18n.t("dashboard.quality")}
        lede={i18n.t("dashboard.quality.intro")}
      >
        <FilterForm
          i18n={i18n}
          filters={filters}
          choices={choices}
          action="/dashboard/data-quality"
          projectFilters={false}
        />
      </DashboardPageHeader>
      {quality.yearsWithoutCalendar.length > 0 ? (
        <p className="warning">
          {i18n.t("dashboard.quality.calendar", { years: quality.yearsWithoutCalendar.join(", ") })}
        </p>
      ) : null}
      <TableCsvButton tableId="quality-table" fileName="data-quality" />
      <TableScroll label={i18n.t("dashboard.quality")}>
        <table className="quality-table" id="quality-table">
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {i18n.t("dashboard.col.department")}
              </th>
              {QUALITY_KINDS.map((kind) => (
                <th scope="colgroup" colSpan={3} key={kind}>
                  {i18n.t(`dashboard.quality.kind.${kind}` as MessageKey)}
                </th>
              ))}
            </tr>
            <tr>
              {QUALITY_KINDS.flatMap((kind) => [
                <th scope="col" key={`${kind}-data`}>
                  {i18n.t("dashboard.quality.latestData")}
                </th>,
                <th scope="col" key={`${kind}-import`}>
                  {i18n.t("dashboard.quality.latestImport")}
                </th>,
                <th scope="col" key={`${kind}-rejected`} className="numeric">
                  {i18n.t("dashboard.quality.rejected")}
                </th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {quality.rows.map((row) => (
              <tr key={row.code}>
                <th scope="row">
                  <Link to={`/dashboard/departments/${encodeURIComponent(row.code)}${keep}`}>
                    {row.name}
                  </Link>
                </th>
                {QUALITY_KINDS.flatMap((kind) => {
                  const cell = row.cells[kind];
                  return [
                    <td key={`${kind}-data`} className={cell.stale ? "stale" : undefined}>
                      {cell.latestData
                        ? i18n.date(cell.latestData)
                        : i18n.t("dashboard.quality.never")}{" "}
                      <span className="quality-state">
                        {cell.stale
                          ? `${i18n.t("dashboard.quality.stale")}`
                          : i18n.t("dashboard.quality.fresh")}
                      </span>
                    </td>,
                    <td key={`${kind}-import`}>
                      {cell.latestImport && cell.latestImportId !== null ? (
                        canOpenImports ? (
                          <Link to={`/imports/${cell.latestImportId}`}>
                            {i18n.date(cell.latestImport.slice(0, 10))}
                          </Link>
                        ) : (
                          i18n.date(cell.latestImport.slice(0, 10))
                        )
                      ) : (
                        i18n.t("dashboard.quality.never")
                      )}
                    </td>,
                    <td key={`${kind}-rejected`} className="numeric">
                      {i18n.number(cell.rejectedRecently)}
                    </td>,
                  ];
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="hint">
        {i18n.t("dashboard.quality.summary", {
          stale: quality.rows.flatMap((r) => Object.values(r.cells)).filter((c) => c.stale).length,
          days: quality.staleAfterDays,
          recent: RECENT_IMPORT_DAYS,
          rejected: i18n.number(
            quality.rows
              .flatMap((r) => Object.values(r.cells))
              .reduce((s, c) => s + c.rejectedRecently, 0),
          ),
        })}
      </p>
    </>
  );
}
