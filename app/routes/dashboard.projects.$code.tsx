import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { loadProjectPage } from "../../db/queries/project-page.server";
import { loadProjectRatings } from "../../db/queries/rating-figures.server";
import { BulletChart, LineChart, MilestoneTimeline, bandText } from "~/components/charts";
import { bulletText, lineText, timelineText } from "~/components/dashboard/chart-texts";
import { bandLabels, chartLabels, formatKpi } from "~/components/dashboard/dashboard-text";
import { DashboardPageHeader } from "~/components/dashboard/dashboard-page-header";
import { useI18n } from "~/i18n/i18n";
import { metaI18n, pageTitle } from "~/i18n/meta";
import { filtersQuery } from "~/utils/dashboard-filters";
import { dashboardRequest } from "~/utils/dashboard-loader.server";
import { stageLabel } from "~/utils/format";
import { ServiceRatingSection } from "~/ratings/service-rating-section";
import { getSettings } from "~/utils/settings.server";
import { requireDepartment } from "~/utils/permissions.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const i18n = metaI18n(matches);
  return [{ title: pageTitle(i18n, data?.page.project.name ?? i18n.t("dashboard.col.project")) }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, filters, db } = await dashboardRequest(request);
  const page = await loadProjectPage(db, params.code ?? "", filters.range.to);
  requireDepartment(user, page?.project.departmentId);
  if (!page) throw new Response("Not found", { status: 404 });
  const { timeZone } = getSettings();
  const ratings = await loadProjectRatings(db, page.project.id, filters.range, timeZone);
  return { filters, page, ratings, timeZone };
}

export default function ProjectPage() {
  const { filters, page, ratings, timeZone } = useLoaderData<typeof loader>();
  const i18n = useI18n();
  const labels = chartLabels(i18n);
  const bands = bandLabels(i18n);
  const { project, earnedValue: ev } = page;
  const keep = filtersQuery(filters, { department: undefined, region: undefined });
  const variances = [
    ["dashboard.project.costVariance", ev.costVariancePct, ev.costBand],
    ["dashboard.project.scheduleVariance", ev.scheduleVariancePct, ev.scheduleBand],
    ["dashboard.project.budgetVariance", ev.budgetVariancePct, ev.budgetBand],
    ["dashboard.project.forecast", ev.forecastOverrun, ev.forecastBand],
  ] as const;
  return (
    <>
      <DashboardPageHeader
        back={{
          to: `/dashboard/departments/${encodeURIComponent(project.departmentCode)}${keep}`,
          label: `← ${project.departmentName}`,
        }}
        title={project.name}
        lede={i18n.t("dashboard.cutoff", { date: i18n.date(page.cutoff) })}
      />
      <section aria-labelledby="facts-heading">
        <h2 id="facts-heading">{i18n.t("dashboard.project.facts")}</h2>
        <dl className="figure-list">
          <div>
            <dt>{i18n.t("dashboard.col.code")}</dt>
            <dd>{project.code}</dd>
          </div>
          <div>
            <dt>{i18n.t("dashboard.col.stage")}</dt>
            <dd>{stageLabel(i18n, project.stage)}</dd>
          </div>
          <div>
            <dt>{i18n.t("dashboard.filter.category")}</dt>
            <dd>{project.category ?? i18n.noData}</dd>
          </div>
          <div>
            <dt>{i18n.t("dashboard.project.plannedPeriod")}</dt>
            <dd>
              {i18n.date(project.plannedStart)} – {i18n.date(project.plannedEnd)}
            </dd>
          </div>
          <div>
            <dt>{i18n.t("dashboard.col.budget")}</dt>
            <dd>{i18n.yuan(ev.bac)}</dd>
          </div>
          <div>
            <dt>{i18n.t("dashboard.col.ac")}</dt>
            <dd>{i18n.yuan(ev.ac)}</dd>
          </div>
          <div>
            <dt>{i18n.t("dashboard.kpi.budget_execution")}</dt>
            <dd>{i18n.percent(ev.budgetExecution)}</dd>
          </div>
          <div>
            <dt>{i18n.t("dashboard.kpi.cpi")}</dt>
            <dd>{formatKpi(i18n, "cpi", ev.cpi)}</dd>
          </div>
          <div>
            <dt>{i18n.t("dashboard.kpi.spi")}</dt>
            <dd>{formatKpi(i18n, "spi", ev.spi)}</dd>
          </div>
          <div>
            <dt>{i18n.t("dashboard.project.eac")}</dt>
            <dd>{i18n.yuan(ev.eac)}</dd>
          </div>
        </dl>
        <h3>{i18n.t("dashboard.project.variances")}</h3>
        <dl className="figure-list">
          {variances.map(([key, value, band]) => (
            <div key={key}>
              <dt>{i18n.t(key)}</dt>
              <dd>
                <strong>{i18n.percent(value)}</strong> {bandText(band, bands)}
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <div className="chart-grid">
        <MilestoneTimeline
          title={i18n.t("dashboard.project.timeline")}
          headingLevel={2}
          summary={i18n.t("dashboard.project.timelineSummary")}
          labels={labels}
          text={timelineText(i18n)}
          fileName={`${project.code}-milestones`}
          cutOff={page.cutoff}
          formatDate={(iso) => i18n.date(iso)}
          milestones={page.milestones.map((milestone, index) => ({
            key: `${index}`,
            label: milestone.name,
            plannedDate: milestone.plannedDate,
            actualDate:
              milestone.actualDate && milestone.actualDate <= page.cutoff
                ? milestone.actualDate
                : null,
            forecastDate: milestone.forecastDate,
            completed: milestone.actualDate !== null && milestone.actualDate <= page.cutoff,
          }))}
        />
        <LineChart
          title={i18n.t("dashboard.project.spend")}
          headingLevel={2}
          summary={i18n.t("dashboard.project.spendSummary")}
          labels={labels}
          text={lineText(i18n)}
          fileName={`${project.code}-spend`}
          xLabel={i18n.t("dashboard.axis.month")}
          yLabel={i18n.t("dashboard.axis.yuan")}
          formatY={(value) => i18n.yuan(value)}
          formatX={(iso) => i18n.month(iso)}
          marker={{
            x: `${page.cutoff.slice(0, 7)}-01`,
            label: i18n.t("dashboard.project.cutoffMarker"),
          }}
          series={[
            { key: "pv", label: i18n.t("dashboard.project.pv"), pick: "pv" as const },
            { key: "ev", label: i18n.t("dashboard.project.ev"), pick: "ev" as const },
            { key: "ac", label: i18n.t("dashboard.project.ac"), pick: "ac" as const },
          ].map((series) => ({
            key: series.key,
            label: series.label,
            points: page.spendCurve.map((month) => ({ x: month.month, y: month[series.pick] })),
          }))}
        />
        {page.indicators.length === 0 ? (
          <section>
            <h2>{i18n.t("dashboard.project.outcomes")}</h2>
            <p>{i18n.t("dashboard.project.noIndicators")}</p>
          </section>
        ) : (
          <BulletChart
            title={i18n.t("dashboard.project.outcomes")}
            headingLevel={2}
            summary={i18n.t("dashboard.project.outcomesSummary")}
            labels={labels}
            text={bulletText(i18n)}
            fileName={`${project.code}-outcomes`}
            indicators={page.indicators.map((indicator) => ({
              key: indicator.code,
              label: indicator.name,
              ...(indicator.unit ? { unit: indicator.unit } : {}),
              baseline: indicator.baseline,
              target: indicator.target,
              actual: indicator.actual,
              direction: indicator.direction,
            }))}
          />
        )}
      </div>
      <section aria-labelledby="evaluations-heading">
        <h2 id="evaluations-heading">{i18n.t("dashboard.project.evaluations")}</h2>
        {page.evaluations.length === 0 ? (
          <p>{i18n.t("dashboard.project.noEvaluations")}</p>
        ) : (
          <>
            <p>{i18n.t("dashboard.project.scoreNote")}</p>
            <table>
              <thead>
                <tr>
                  <th scope="col">{i18n.t("dashboard.project.round")}</th>
                  <th scope="col">{i18n.t("dashboard.project.roundState")}</th>
                  <th scope="col">{i18n.t("dashboard.project.framework")}</th>
                  <th scope="col" className="numeric">
                    {i18n.t("dashboard.project.submitted")}
                  </th>
                  <th scope="col" className="numeric">
                    {i18n.t("dashboard.project.finalScore")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.evaluations.map((round) => (
                  <tr key={round.code}>
                    <th scope="row">
                      {round.name} ({round.code})
                    </th>
                    <td>{i18n.t(`dashboard.project.roundState.${round.state}`)}</td>
                    <td>
                      {i18n.t("dashboard.project.frameworkVersion", {
                        code: round.framework.code,
                        version: String(round.framework.version),
                      })}
                    </td>
                    <td className="numeric">
                      {round.submitted} / {round.assignments}
                    </td>
                    <td className="numeric">
                      {i18n.number(round.score, {
                        minimumFractionDigits: 1,
                        maximumFractionDigits: 1,
                      })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
      <ServiceRatingSection
        figures={ratings.figures}
        comments={ratings.comments}
        range={filters.range}
        timeZone={timeZone}
      />
      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading">{i18n.t("dashboard.project.sources")}</h2>
        {page.sources.length === 0 ? (
          <p>{i18n.t("dashboard.project.noSources")}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{i18n.t("dashboard.project.batch")}</th>
                <th scope="col">{i18n.t("dashboard.project.kind")}</th>
                <th scope="col">{i18n.t("dashboard.project.when")}</th>
                <th scope="col" className="numeric">
                  {i18n.t("dashboard.project.rows")}
                </th>
              </tr>
            </thead>
            <tbody>
              {page.sources.map((source) => (
                <tr key={source.batchId}>
                  <th scope="row">{source.fileName}</th>
                  <td>{source.kind}</td>
                  <td>{i18n.date(source.createdAt.slice(0, 10))}</td>
                  <td className="numeric">{i18n.number(source.rows)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
