import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { listDepartmentAppeals } from "../../db/queries/appeal-rows.server";
import { findDepartment } from "../../db/queries/departments.server";
import { APPEAL_TYPES } from "../../db/schema/enum-values";
import { DashboardPageHeader } from "~/components/dashboard/dashboard-page-header";
import { TableCsvButton } from "~/components/table-csv";
import { useI18n } from "~/i18n/i18n";
import { metaI18n, pageTitle } from "~/i18n/meta";
import type { MessageKey } from "~/i18n/messages";
import { filtersQuery } from "~/utils/dashboard-filters";
import { dashboardRequest } from "~/utils/dashboard-loader.server";
import { getSettings } from "~/utils/settings.server";
import { formatDateTime } from "~/utils/format";
import { requireDepartment } from "~/utils/permissions.server";
import { TableScroll } from "~/components/table-scroll";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const i18n = metaI18n(matches);
  return [
    {
      title: pageTitle(i18n, `${data?.department.name ?? ""} · ${i18n.t("dashboard.rows.title")}`),
    },
  ];
};

const query = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  type: z.enum(APPEAL_TYPES).optional().catch(undefined),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, filters, db } = await dashboardRequest(request);
  const department = await findDepartment(db, params.code ?? "");
  requireDepartment(user, department?.id);
  if (!department) throw new Response("Not found", { status: 404 });
  const { page, type } = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  const timeZone = getSettings().timeZone;
  const list = await listDepartmentAppeals(db, department.id, filters.range, {
    timeZone,
    page,
    type,
  });
  return {
    department: { code: department.code, name: department.name },
    filters,
    type,
    list,
    timeZone,
  };
}

export default function DepartmentAppeals() {
  const { department, filters, type, list, timeZone } = useLoaderData<typeof loader>();
  const i18n = useI18n();
  const base = `/dashboard/departments/${encodeURIComponent(department.code)}`;
  const keep = filtersQuery(filters, { department: undefined, region: undefined });
  const pageHref = (page: number) => {
    const params = new URLSearchParams(keep.slice(1));
    if (type) params.set("type", type);
    params.set("page", String(page));
    return `${base}/appeals?${params.toString()}`;
  };
  const when = (iso: string | null) =>
    iso ? formatDateTime(new Date(iso), timeZone, i18n.locale) : i18n.noData;
  return (
    <>
      <DashboardPageHeader
        back={{ to: `${base}${keep}`, label: `← ${department.name}` }}
        title={`${department.name} · ${i18n.t("dashboard.rows.title")}`}
        lede={i18n.t("dashboard.rows.intro", {
          count: i18n.number(list.total),
          from: i18n.date(filters.range.from),
          to: i18n.date(filters.range.to),
        })}
      >
        <nav aria-label={i18n.t("dashboard.dept.type")} className="filter-actions">
          <Link to={`${base}/appeals${keep}`} aria-current={type ? undefined : "page"}>
            {i18n.t("dashboard.filter.all")}
          </Link>
          {APPEAL_TYPES.map((t) => (
            <Link
              key={t}
              to={`${base}/appeals${keep}${keep ? "&" : "?"}type=${t}`}
              aria-current={type === t ? "page" : undefined}
            >
              {i18n.t(`dashboard.type.${t}` as MessageKey)}
            </Link>
          ))}
        </nav>
      </DashboardPageHeader>
      <TableCsvButton
        tableId="appeals-table"
        fileName={`${department.code}-appeals-page-${list.page}`}
      />
      <TableScroll label={i18n.t("dashboard.rows.title")}>
        <table id="appeals-table">
          <thead>
            <tr>
              <th scope="col">{i18n.t("dashboard.rows.id")}</th>
              <th scope="col">{i18n.t("dashboard.dept.type")}</th>
              <th scope="col">{i18n.t("dashboard.rows.channel")}</th>
              <th scope="col">{i18n.t("dashboard.rows.category")}</th>
              <th scope="col">{i18n.t("dashboard.rows.received")}</th>
              <th scope="col">{i18n.t("dashboard.rows.replied")}</th>
              <th scope="col">{i18n.t("dashboard.rows.due")}</th>
              <th scope="col" className="numeric">
                {i18n.t("dashboard.rows.workingDays")}
              </th>
              <th scope="col">{i18n.t("dashboard.rows.onTime")}</th>
              <th scope="col" className="numeric">
                {i18n.t("dashboard.rows.satisfaction")}
              </th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((row) => (
              <tr key={row.externalId}>
                <th scope="row">{row.externalId}</th>
                <td>{i18n.t(`dashboard.type.${row.type}` as MessageKey)}</td>
                <td>{row.channel ?? i18n.noData}</td>
                <td>{row.category ?? i18n.noData}</td>
                <td>{when(row.receivedAt)}</td>
                <td>{when(row.repliedAt)}</td>
                <td>{when(row.dueAt)}</td>
                <td className="numeric">{i18n.number(row.replyWorkingDays)}</td>
                <td>
                  {row.repliedOnTime
                    ? `✓ ${i18n.t("dashboard.rows.yes")}`
                    : `✕ ${i18n.t("dashboard.rows.no")}`}
                </td>
                <td className="numeric">{i18n.number(row.satisfaction)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <nav aria-label={i18n.t("dashboard.rows.pages")} className="filter-actions">
        {list.page > 1 ? (
          <Link to={pageHref(list.page - 1)}>← {i18n.t("dashboard.rows.previous")}</Link>
        ) : null}
        <span>{i18n.t("dashboard.rows.pageOf", { page: list.page, pages: list.pages })}</span>
        {list.page < list.pages ? (
          <Link to={pageHref(list.page + 1)}>{i18n.t("dashboard.rows.next")} →</Link>
        ) : null}
      </nav>
    </>
  );
}
