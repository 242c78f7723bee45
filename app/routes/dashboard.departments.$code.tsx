import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { loadDepartmentPage } from "../../db/queries/department-page.server";
import { findDepartment } from "../../db/queries/departments.server";
import { loadDepartmentRatings } from "../../db/queries/rating-figures.server";
import { loadRectificationFigures } from "../../db/queries/rectification.server";
import { compareToTarget } from "../../metrics/target-comparison";
import { BarChart, LineChart, bandText } from "~/components/charts";
import { barText, lineText, partialMonthNote } from "~/components/dashboard/chart-texts";
import { bandLabels, chartLabels, formatKpi } from "~/components/dashboard/dashboard-text";
import { DashboardPageHeader } from "~/components/dashboard/dashboard-page-header";
import { FilterForm } from "~/components/dashboard/filter-form";
import { DepartmentEvaluation } from "~/components/dashboard/department-evaluation";
import { ProjectTable } from "~/components/dashboard/project-table";
import { useI18n } from "~/i18n/i18n";
import { metaI18n, pageTitle } from "~/i18n/meta";
import type { MessageKey } from "~/i18n/messages";
import { filtersQuery } from "~/utils/dashboard-filters";
import { dashboardRequest } from "~/utils/dashboard-loader.server";
import { requireDepartment } from "~/utils/permissions.server";
import { TableScroll } from "~/components/table-scroll";
import { RectificationPanel } from "~/components/dashboard/rectification-panel";
import { ServiceRatingSection } from "~/ratings/service-rating-section";
import { localToday } from "~/supervision/case-actor.server";
import { getSettings } from "~/utils/settings.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const i18n = metaI18n(matches);
  return [{ title: pageTitle(i18n, data?.department.name ?? i18n.t("dashboard.col.department")) }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, filters, db } = await dashboardRequest(request);
  const department = await findDepartment(db, params.code ?? "");
  requireDepartment(user, department?.id);
  if (!department) throw new Response("Not found", { status: 404 });
  const { timeZone } = getSettings();
  const [page, ratings, rectification] = await Promise.all([
    loadDepartmentPage(db, department.id, filters.range),
    loadDepartmentRatings(db, department.id, filters.range, timeZone),
    loadRectificationFigures(db, {
      ...filters.range,
      today: localToday(),
      departments: [department.id],
    }),
  ]);
  return {
    department: { code: department.code, name: department.name },
    filters,
    page,
    ratings,
    rectification,
    timeZone,
  };
}

export default function DepartmentPage() {
  const { department, filters, page, ratings, rectification, timeZone } =
    useLoaderData<typeof loader>();
  const i18n = useI18n();
  const labels = chartLabels(i18n);
  const bands = bandLabels(i18n);
  const keep = filtersQuery(filters, { department: undefined, region: undefined });
  const { appeals, services } = page;
  const percent = (value: number) => i18n.percent(value);
  const appealFigures = [
    ["reply_rate", appeals.current.replyRate, appeals.lastYear.replyRate],
    ["on_time_reply_rate", appeals.current.onTimeReplyRate, appeals.lastYear.onTimeReplyRate],
    ["satisfaction_rate", appeals.current.satisfactionRate, appeals.lastYear.satisfactionRate],
  ] as const;
  return (
    <>
      <DashboardPageHeader
        back={{ to: `/dashboard${keep}`, label: i18n.t("dashboard.back") }}
        title={department.name}
      >
        <FilterForm
          i18n={i18n}
          filters={filters}
          action={`/dashboard/departments/${encodeURIComponent(department.code)}`}
          projectFilters={false}
        />
      </DashboardPageHeader>

      <section aria-labelledby="appeals-heading">
        <h2 id="appeals-heading">{i18n.t("dashboard.dept.appeals")}</h2>
        <p>
          {i18n.t("dashboard.dept.received", {
            count: i18n.number(appeals.current.received),
            perDay: i18n.number(appeals.current.perDay, { maximumFractionDigits: 1 }),
          })}{" "}
          ·{" "}
          {i18n.t("dashboard.dept.median", {
            days: i18n.number(appeals.current.medianReplyWorkingDays, { maximumFractionDigits: 1 }),
          })}{" "}
          ·{" "}
          <Link to={`/dashboard/departments/${encodeURIComponent(department.code)}/appeals${keep}`}>
            {i18n.t("dashboard.rows.open")}
          </Link>
        </p>
        <dl className="figure-list">
          {appealFigures.map(([kpi, value, lastYear]) => {
            const target = page.targets[kpi];
            const band = target && value !== null ? compareToTarget(value, target) : null;
            return (
              <div key={kpi}>
                <dt>{i18n.t(`dashboard.kpi.${kpi}` as MessageKey)}</dt>
                <dd>
                  <strong>{formatKpi(i18n, kpi, value)}</strong> {bandText(band, bands)}
                  <br />
                  {i18n.t("dashboard.lastYear", { value: formatKpi(i18n, kpi, lastYear) })}
                  {kpi === "satisfaction_rate" ? (
                    <>
                      <br />
                      {i18n.t("dashboard.ratedShare", {
                        value: i18n.percent(appeals.current.ratedShare),
                      })}
                    </>
                  ) : null}
                </dd>
              </div>
            );
          })}
        </dl>
        <div className="chart-grid">
          <BarChart
            title={i18n.t("dashboard.dept.replyDays")}
            summary={i18n.t("dashboard.dept.replyDaysSummary")}
            labels={labels}
            text={barText(i18n)}
            fileName={`${department.code}-reply-days`}
            orientation="vertical"
            valueLabel={i18n.t("dashboard.dept.replies")}
            categoryLabel={i18n.t("dashboard.dept.replyTime")}
            format={(value) => i18n.number(value)}
            data={appeals.replyDays.map((bin) => ({
              key: String(bin.workingDays),
              label: i18n.t("dashboard.dept.workingDays", { days: bin.workingDays }),
              value: bin.replies,
            }))}
          />
          <LineChart
            title={i18n.t("dashboard.dept.satisfactionTrend")}
            summary={[i18n.t("dashboard.trend.summary"), partialMonthNote(i18n, appeals.trend)]
              .filter(Boolean)
              .join(" ")}
            labels={labels}
            text={lineText(i18n)}
            fileName={`${department.code}-appeal-trend`}
            xLabel={i18n.t("dashboard.axis.month")}
            yLabel={i18n.t("dashboard.axis.rate")}
            formatY={percent}
            formatX={(iso) => i18n.month(iso)}
            series={[
              {
                key: "onTime",
                label: i18n.t("dashboard.series.onTime"),
                pick: "onTimeReplyRate" as const,
              },
              {
                key: "satisfaction",
                label: i18n.t("dashboard.series.satisfaction"),
                pick: "satisfactionRate" as const,
              },
            ].map((series) => ({
              key: series.key,
              label: series.label,
              points: appeals.trend.map((month) => ({ x: month.month, y: month[series.pick] })),
            }))}
          />
        </div>
        <TableScroll label={i18n.t("dashboard.dept.byType")}>
          <table>
            <caption>{i18n.t("dashboard.dept.byType")}</caption>
            <thead>
              <tr>
                <th scope="col">{i18n.t("dashboard.dept.type")}</th>
                <th scope="col" className="numeric">
                  {i18n.t("dashboard.series.received")}
                </th>
                <th scope="col" className="numeric">
                  {i18n.t("dashboard.kpi.reply_rate")}
                </th>
                <th scope="col" className="numeric">
                  {i18n.t("dashboard.kpi.on_time_reply_rate")}
                </th>
                <th scope="col" className="numeric">
                  {i18n.t("dashboard.kpi.satisfaction_rate")}
                </th>
              </tr>
            </thead>
            <tbody>
              {appeals.byType.map((row) => (
                <tr key={row.type}>
                  <th scope="row">{i18n.t(`dashboard.type.${row.type}` as MessageKey)}</th>
                  <td className="numeric">{i18n.number(row.kpis.received)}</td>
                  <td className="numeric">{i18n.percent(row.kpis.replyRate)}</td>
                  <td className="numeric">{i18n.percent(row.kpis.onTimeReplyRate)}</td>
                  <td className="numeric">{i18n.percent(row.kpis.satisfactionRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <RectificationPanel
        i18n={i18n}
        departmentCode={department.code}
        figures={rectification}
        target={page.targets.rectification_on_time_rate}
      />

      <section aria-labelledby="services-heading">
        <h2 id="services-heading">{i18n.t("dashboard.dept.services")}</h2>
        <dl className="figure-list">
          {(
            [
              ["service_coverage", services.kpis.coverage],
              ["digital_take_up", services.kpis.digitalTakeUp],
            ] as const
          ).map(([kpi, value]) => (
            <div key={kpi}>
              <dt>{i18n.t(`dashboard.kpi.${kpi}` as MessageKey)}</dt>
              <dd>
                <strong>{formatKpi(i18n, kpi, value)}</strong>{" "}
                {bandText(
                  page.targets[kpi] && value !== null
                    ? compareToTarget(value, page.targets[kpi])
                    : null,
                  bands,
                )}
              </dd>
            </div>
          ))}
          <div>
            <dt>{i18n.t("dashboard.dept.highFrequency")}</dt>
            <dd>
              <strong>{i18n.percent(services.kpis.highFrequencyCoverage)}</strong>
            </dd>
          </div>
          <div>
            <dt>{i18n.t("dashboard.dept.oneVisit")}</dt>
            <dd>
              <strong>{i18n.percent(services.kpis.oneVisitShare)}</strong>
            </dd>
          </div>
        </dl>
        <div className="chart-grid">
          <BarChart
            title={i18n.t("dashboard.dept.coverage")}
            summary={i18n.t("dashboard.dept.coverageSummary")}
            labels={labels}
            text={barText(i18n)}
            fileName={`${department.code}-maturity`}
            valueLabel={i18n.t("dashboard.dept.items")}
            categoryLabel={i18n.t("dashboard.dept.coverage")}
            format={(value) => i18n.number(value)}
            data={services.byMaturity.map((level) => ({
              key: String(level.level),
              label: i18n.t("dashboard.dept.maturity", { level: level.level }),
              value: level.items,
            }))}
          />
          <LineChart
            title={i18n.t("dashboard.dept.takeUp")}
            summary={i18n.t("dashboard.dept.takeUpSummary")}
            labels={labels}
            text={lineText(i18n)}
            fileName={`${department.code}-take-up`}
            xLabel={i18n.t("dashboard.axis.month")}
            yLabel={i18n.t("dashboard.axis.rate")}
            formatY={percent}
            formatX={(iso) => i18n.month(iso)}
            series={[
              {
                key: "takeUp",
                label: i18n.t("dashboard.kpi.digital_take_up"),
                points: services.takeUpTrend.map((month) => ({
                  x: month.month,
                  y: month.digitalTakeUp,
                })),
              },
            ]}
          />
        </div>
      </section>

      <ServiceRatingSection
        figures={ratings.figures}
        byTarget={ratings.byTarget}
        comments={ratings.comments}
        range={filters.range}
        timeZone={timeZone}
      />

      <section aria-labelledby="projects-heading">
        <h2 id="projects-heading">{i18n.t("dashboard.projects")}</h2>
        {page.projects.length === 0 ? (
          <p>{i18n.t("dashboard.dept.noProjects")}</p>
        ) : (
          <ProjectTable
            i18n={i18n}
            id="department-projects"
            projects={page.projects}
            projectHref={(code) => `/dashboard/projects/${encodeURIComponent(code)}${keep}`}
          />
        )}
      </section>

      <DepartmentEvaluation
        evaluation={page.evaluation}
        projectHref={(code) => `/dashboard/projects/${encodeURIComponent(code)}${keep}`}
      />
    </>
  );
}
