/**
 * A scorecard as the public reads it, drawn from its payload alone: the public page, and
 * the leader's draft before publishing (the same component, so the draft is exactly what
 * gets published). Charts are the dashboards' server-rendered SVG with their tables.
 */
import type { ReactNode } from "react";
import type {
  Breakdown,
  DepartmentPayload,
  KpiFigure,
  ProjectPayload,
  RatingFigures,
  ScorecardPayload,
} from "../../db/scorecards/payload";
import { BarChart, BulletChart, LineChart, MilestoneTimeline, bandText } from "~/components/charts";
import { barText, bulletText, lineText, timelineText } from "~/components/dashboard/chart-texts";
import { bandLabels, chartLabels, formatKpi } from "~/components/dashboard/dashboard-text";
import { TableScroll } from "~/components/table-scroll";
import type { I18n, MessageKey } from "~/i18n/i18n";
import { useI18n } from "~/i18n/i18n";
import { KpiLink, MethodologyFramework, MethodologyNote } from "~/methodology/methodology-link";
import { stageLabel } from "~/utils/format";
import { TableDownloads } from "./table-downloads";
import { ServiceItemsTable } from "./service-items-panel";
import { RectificationFigures } from "./rectification-figures";
import { ratingFigureWithheld } from "../../db/scorecards/rating-figure";

/** When the shown version was published; null for a draft. */
export interface Publication {
  version: number;
  publishedAt: string;
}

/** What every panel says: the data cut-off and the publication date (or "draft"). */
function Stamp({ cutoff, publication }: { cutoff: string; publication: Publication | null }) {
  const i18n = useI18n();
  return (
    <p className="scorecard-stamp">
      {publication
        ? i18n.t("scorecards.stamp", {
            cutoff: i18n.date(cutoff),
            published: i18n.date(publication.publishedAt.slice(0, 10)),
          })
        : i18n.t("scorecards.stamp.draft", { cutoff: i18n.date(cutoff) })}
    </p>
  );
}

function Panel({
  id,
  title,
  payload,
  publication,
  children,
}: {
  id: string;
  title: string;
  payload: ScorecardPayload;
  publication: Publication | null;
  children: ReactNode;
}) {
  return (
    <section className="scorecard-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      <Stamp cutoff={payload.dataCutoff} publication={publication} />
      {children}
      <TableDownloads
        subject={payload.subject}
        code={payload.code}
        version={publication?.version ?? null}
        panel={id}
      />
    </section>
  );
}

const withheld = (i18n: I18n) => i18n.t("scorecards.withheld");

function targetText(i18n: I18n, figure: KpiFigure): string {
  const target = figure.target;
  if (!target) return i18n.noData;
  return i18n.t(`scorecards.target.${target.direction}`, {
    target: formatKpi(i18n, figure.kpi, target.target),
    targetMax: formatKpi(i18n, figure.kpi, target.targetMax),
  });
}

function KpiTable({ kpis, caption }: { kpis: readonly KpiFigure[]; caption: string }) {
  const i18n = useI18n();
  const bands = bandLabels(i18n);
  return (
    <TableScroll label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{i18n.t("scorecards.col.kpi")}</th>
            <th scope="col" className="numeric">
              {i18n.t("scorecards.col.value")}
            </th>
            <th scope="col" className="numeric">
              {i18n.t("scorecards.col.target")}
            </th>
            <th scope="col">{i18n.t("scorecards.col.status")}</th>
          </tr>
        </thead>
        <tbody>
          {kpis.map((figure) => (
            <tr key={figure.kpi} data-kpi={figure.kpi}>
              <th scope="row">
                <KpiLink kpi={figure.kpi}>
                  {i18n.t(`scorecards.kpi.${figure.kpi}` as MessageKey)}
                </KpiLink>
              </th>
              <td className="numeric">
                {figure.suppressed ? withheld(i18n) : formatKpi(i18n, figure.kpi, figure.value)}
              </td>
              <td className="numeric">{targetText(i18n, figure)}</td>
              <td>{bandText(figure.band, bands)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** A suppressed breakdown as a bar chart; a withheld cell is a hatched stub and says so. */
function BreakdownChart({
  breakdown,
  title,
  summary,
  fileName,
  categoryLabel,
  valueLabel,
  labelOf,
}: {
  breakdown: Breakdown;
  title: string;
  summary: string;
  fileName: string;
  categoryLabel: string;
  valueLabel: string;
  labelOf: (key: string) => string;
}) {
  const i18n = useI18n();
  return (
    <BarChart
      title={title}
      summary={summary}
      labels={chartLabels(i18n)}
      text={{ ...barText(i18n), noValue: withheld(i18n) }}
      fileName={fileName}
      orientation="vertical"
      categoryLabel={categoryLabel}
      valueLabel={valueLabel}
      format={(value) => i18n.number(value)}
      data={breakdown.cells.map((cell) => ({
        key: cell.key,
        label: labelOf(cell.key),
        value: cell.count,
      }))}
    />
  );
}

function RatingsPanel({
  payload,
  ratings,
  publication,
}: {
  payload: ScorecardPayload;
  ratings: RatingFigures;
  publication: Publication | null;
}) {
  const i18n = useI18n();
  // A figure is null when withheld (or with no ratings): withheld only beside a hidden cell.
  const hide = (value: number | null, text: string) =>
    ratingFigureWithheld(ratings, value) ? withheld(i18n) : text;
  return (
    <Panel
      id="ratings"
      title={i18n.t("scorecards.ratings")}
      payload={payload}
      publication={publication}
    >
      <p>{i18n.t("scorecards.ratings.note")}</p>
      <dl className="figure-list">
        <div>
          <dt>
            <KpiLink kpi="service_rating">{i18n.t("scorecards.ratings.rated")}</KpiLink>
          </dt>
          <dd data-figure="rated">
            {ratings.rated === null ? withheld(i18n) : i18n.number(ratings.rated)}
          </dd>
        </div>
        <div>
          <dt>
            <KpiLink kpi="service_rating">{i18n.t("scorecards.ratings.mean")}</KpiLink>
          </dt>
          <dd>
            {hide(
              ratings.meanRating,
              i18n.number(ratings.meanRating, {
                minimumFractionDigits: 2,
                maximumFractionDigits: 2,
              }),
            )}
          </dd>
        </div>
        <div>
          <dt>
            <KpiLink kpi="service_rating">{i18n.t("scorecards.ratings.satisfaction")}</KpiLink>
          </dt>
          <dd>{hide(ratings.satisfactionRate, i18n.percent(ratings.satisfactionRate, 1))}</dd>
        </div>
        <div>
          <dt>
            <KpiLink kpi="service_rating">{i18n.t("scorecards.ratings.bad")}</KpiLink>
          </dt>
          <dd>{hide(ratings.badReviewRate, i18n.percent(ratings.badReviewRate, 1))}</dd>
        </div>
      </dl>
      <BreakdownChart
        breakdown={ratings.byScore}
        title={i18n.t("scorecards.ratings.byScore")}
        summary={i18n.t("scorecards.ratings.byScoreSummary")}
        fileName={`${payload.code}-ratings`}
        categoryLabel={i18n.t("scorecards.ratings.scoreHeader")}
        valueLabel={i18n.t("scorecards.ratings.count")}
        labelOf={(key) => i18n.t("scorecards.ratings.score", { score: key })}
      />
      <p className="hint">{i18n.t("scorecards.suppressionNote")}</p>
    </Panel>
  );
}

function ProjectView({
  payload,
  publication,
}: {
  payload: ProjectPayload;
  publication: Publication | null;
}) {
  const i18n = useI18n();
  const labels = chartLabels(i18n);
  const bands = bandLabels(i18n);
  const { facts, milestones, evaluation } = payload;
  const panel = { payload, publication };
  return (
    <>
      <Panel id="kpis" title={i18n.t("scorecards.kpis")} {...panel}>
        <KpiTable kpis={payload.kpis} caption={i18n.t("scorecards.kpis")} />
      </Panel>
      <Panel id="facts" title={i18n.t("scorecards.facts")} {...panel}>
        <dl className="figure-list">
          <div>
            <dt>{i18n.t("dashboard.col.code")}</dt>
            <dd>{payload.code}</dd>
          </div>
          <div>
            <dt>{i18n.t("dashboard.col.stage")}</dt>
            <dd>{stageLabel(i18n, facts.stage)}</dd>
          </div>
          <div>
            <dt>{i18n.t("dashboard.project.plannedPeriod")}</dt>
            <dd>
              {i18n.date(facts.plannedStart)} – {i18n.date(facts.plannedEnd)}
            </dd>
          </div>
          <div>
            <dt>
              <KpiLink kpi="earned_value">{i18n.t("dashboard.col.budget")}</KpiLink>
            </dt>
            <dd>{i18n.yuan(facts.bacYuan)}</dd>
          </div>
          <div>
            <dt>
              <KpiLink kpi="earned_value">{i18n.t("dashboard.col.ac")}</KpiLink>
            </dt>
            <dd>{i18n.yuan(facts.acYuan)}</dd>
          </div>
          <div>
            <dt>
              <KpiLink kpi="forecast_at_completion">{i18n.t("dashboard.project.eac")}</KpiLink>
            </dt>
            <dd>{i18n.yuan(facts.eacYuan)}</dd>
          </div>
        </dl>
        <h3>{i18n.t("scorecards.variances")}</h3>
        <dl className="figure-list">
          {payload.variances.map((variance) => (
            <div key={variance.key}>
              <dt>
                <KpiLink kpi={variance.key === "forecast" ? "forecast_at_completion" : "variances"}>
                  {i18n.t(`scorecards.variance.${variance.key}`)}
                </KpiLink>
              </dt>
              <dd>
                <strong>{i18n.percent(variance.value)}</strong> {bandText(variance.band, bands)}
              </dd>
            </div>
          ))}
        </dl>
      </Panel>
      <Panel id="milestones" title={i18n.t("dashboard.project.timeline")} {...panel}>
        <p>
          {i18n.t("scorecards.milestones.summary", {
            total: i18n.number(milestones.total),
            completed: i18n.number(milestones.completed),
            days: i18n.number(milestones.scheduleSlipDays),
          })}{" "}
          <MethodologyNote kpi="schedule_slip" />
        </p>
        <MilestoneTimeline
          title={i18n.t("dashboard.project.timeline")}
          summary={i18n.t("dashboard.project.timelineSummary")}
          labels={labels}
          text={timelineText(i18n)}
          fileName={`${payload.code}-milestones`}
          cutOff={payload.dataCutoff}
          formatDate={(iso) => i18n.date(iso)}
          milestones={milestones.items.map((milestone, index) => ({
            key: `${index}`,
            label: milestone.name,
            plannedDate: milestone.plannedDate,
            actualDate: milestone.actualDate,
            forecastDate: milestone.forecastDate,
            completed: milestone.completed,
          }))}
        />
      </Panel>
      <Panel id="spend" title={i18n.t("dashboard.project.spend")} {...panel}>
        <LineChart
          title={i18n.t("dashboard.project.spend")}
          summary={i18n.t("dashboard.project.spendSummary")}
          labels={labels}
          text={lineText(i18n)}
          fileName={`${payload.code}-spend`}
          xLabel={i18n.t("dashboard.axis.month")}
          yLabel={i18n.t("dashboard.axis.yuan")}
          formatY={(value) => i18n.yuan(value)}
          formatX={(iso) => i18n.month(iso)}
          marker={{
            x: `${payload.dataCutoff.slice(0, 7)}-01`,
            label: i18n.t("dashboard.project.cutoffMarker"),
          }}
          series={(["pv", "ev", "ac"] as const).map((pick) => ({
            key: pick,
            label: i18n.t(`dashboard.project.${pick}`),
            points: payload.spendCurve.map((month) => ({ x: month.month, y: month[pick] })),
          }))}
        />
      </Panel>
      <Panel id="outcomes" title={i18n.t("dashboard.project.outcomes")} {...panel}>
        {payload.outcomes.length === 0 ? (
          <p>{i18n.t("dashboard.project.noIndicators")}</p>
        ) : (
          <BulletChart
            title={i18n.t("dashboard.project.outcomes")}
            summary={i18n.t("dashboard.project.outcomesSummary")}
            labels={labels}
            text={bulletText(i18n)}
            fileName={`${payload.code}-outcomes`}
            indicators={payload.outcomes.map((indicator) => ({
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
      </Panel>
      <Panel id="evaluation" title={i18n.t("scorecards.evaluation")} {...panel}>
        <p>
          {evaluation
            ? i18n.t("scorecards.evaluation.score", {
                score: i18n.number(evaluation.score, {
                  minimumFractionDigits: 1,
                  maximumFractionDigits: 1,
                }),
                round: `${evaluation.round.name} (${evaluation.round.code})`,
                periodEnd: i18n.date(evaluation.round.periodEnd),
                framework: evaluation.framework.code,
                version: String(evaluation.framework.version),
              })
            : i18n.t("scorecards.evaluation.none")}{" "}
          <MethodologyNote kpi="evaluation_score" />
        </p>
      </Panel>
      <RatingsPanel payload={payload} ratings={payload.ratings} publication={publication} />
    </>
  );
}

function DepartmentView({
  payload,
  publication,
}: {
  payload: DepartmentPayload;
  publication: Publication | null;
}) {
  const i18n = useI18n();
  const labels = chartLabels(i18n);
  const bands = bandLabels(i18n);
  const { appeals, services } = payload;
  const panel = { payload, publication };
  const percent = (value: number) => i18n.percent(value);
  return (
    <>
      <Panel id="kpis" title={i18n.t("scorecards.kpis")} {...panel}>
        <KpiTable kpis={payload.kpis} caption={i18n.t("scorecards.kpis")} />
      </Panel>
      <Panel id="appeals" title={i18n.t("scorecards.appeals")} {...panel}>
        <dl className="figure-list">
          <div>
            <dt>
              <KpiLink kpi="received">{i18n.t("scorecards.appeals.received")}</KpiLink>
            </dt>
            <dd data-figure="received">
              {appeals.byType.totalSuppressed ? withheld(i18n) : i18n.number(appeals.byType.total)}
            </dd>
          </div>
          <div>
            <dt>
              <KpiLink kpi="median_reply_working_days">
                {i18n.t("scorecards.appeals.median")}
              </KpiLink>
            </dt>
            <dd>{i18n.number(appeals.medianReplyWorkingDays, { maximumFractionDigits: 1 })}</dd>
          </div>
          <div>
            <dt>
              <KpiLink kpi="rated_share">{i18n.t("scorecards.appeals.ratedShare")}</KpiLink>
            </dt>
            <dd>{i18n.percent(appeals.ratedShare, 1)}</dd>
          </div>
        </dl>
        <div className="chart-grid">
          <BreakdownChart
            breakdown={appeals.byType}
            title={i18n.t("scorecards.appeals.byType")}
            summary={i18n.t("scorecards.appeals.byTypeSummary")}
            fileName={`${payload.code}-appeals-by-type`}
            categoryLabel={i18n.t("scorecards.appeals.type")}
            valueLabel={i18n.t("scorecards.appeals.received")}
            labelOf={(key) => i18n.t(`dashboard.type.${key}` as MessageKey)}
          />
          <LineChart
            title={i18n.t("scorecards.appeals.trend")}
            summary={i18n.t("scorecards.appeals.trendSummary")}
            labels={labels}
            text={lineText(i18n)}
            fileName={`${payload.code}-appeal-trend`}
            xLabel={i18n.t("dashboard.axis.month")}
            yLabel={i18n.t("dashboard.axis.rate")}
            formatY={percent}
            formatX={(iso) => i18n.month(iso)}
            series={(
              [
                ["onTime", "dashboard.series.onTime", "onTimeReplyRate"],
                ["satisfaction", "dashboard.series.satisfaction", "satisfactionRate"],
              ] as const
            ).map(([key, label, pick]) => ({
              key,
              label: i18n.t(label),
              points: appeals.trend.map((month) => ({ x: month.month, y: month[pick] })),
            }))}
          />
        </div>
      </Panel>
      <Panel id="services" title={i18n.t("scorecards.services")} {...panel}>
        <dl className="figure-list">
          <div>
            <dt>
              <KpiLink kpi="service_coverage">{i18n.t("scorecards.services.items")}</KpiLink>
            </dt>
            <dd>{i18n.number(services.items)}</dd>
          </div>
          <div>
            <dt>
              <KpiLink kpi="one_visit_share">{i18n.t("scorecards.services.oneVisit")}</KpiLink>
            </dt>
            <dd>{i18n.percent(services.oneVisitShare, 1)}</dd>
          </div>
        </dl>
        <LineChart
          title={i18n.t("scorecards.services.takeUp")}
          summary={i18n.t("scorecards.services.takeUpSummary")}
          labels={labels}
          text={lineText(i18n)}
          fileName={`${payload.code}-take-up`}
          xLabel={i18n.t("dashboard.axis.month")}
          yLabel={i18n.t("dashboard.axis.rate")}
          formatY={percent}
          formatX={(iso) => i18n.month(iso)}
          series={[
            {
              key: "takeUp",
              label: i18n.t("scorecards.kpi.digital_take_up"),
              points: services.takeUpTrend.map((month) => ({
                x: month.month,
                y: month.digitalTakeUp,
              })),
            },
          ]}
        />
      </Panel>
      {payload.serviceItems ? (
        <Panel id="service-items" title={i18n.t("rate.items.heading")} {...panel}>
          <ServiceItemsTable items={payload.serviceItems} />
        </Panel>
      ) : null}
      {payload.rectification ? (
        <Panel id="rectification" title={i18n.t("scorecards.rectification")} {...panel}>
          <RectificationFigures figures={payload.rectification} />
        </Panel>
      ) : null}
      <Panel id="projects" title={i18n.t("scorecards.projects")} {...panel}>
        {payload.projects.length === 0 ? (
          <p>{i18n.t("scorecards.projects.none")}</p>
        ) : (
          <TableScroll label={i18n.t("scorecards.projects")}>
            <table>
              <caption>{i18n.t("scorecards.projects")}</caption>
              <thead>
                <tr>
                  <th scope="col">{i18n.t("dashboard.col.project")}</th>
                  <th scope="col">{i18n.t("dashboard.col.stage")}</th>
                  <th scope="col" className="numeric">
                    <KpiLink kpi="cpi">{i18n.t("scorecards.kpi.cpi")}</KpiLink>
                  </th>
                  <th scope="col" className="numeric">
                    <KpiLink kpi="spi">{i18n.t("scorecards.kpi.spi")}</KpiLink>
                  </th>
                  <th scope="col" className="numeric">
                    <KpiLink kpi="outcome_achievement">
                      {i18n.t("scorecards.kpi.outcome_achievement")}
                    </KpiLink>
                  </th>
                  <th scope="col">
                    <KpiLink kpi="variances">{i18n.t("scorecards.variance.cost")}</KpiLink>
                  </th>
                  <th scope="col">
                    <KpiLink kpi="variances">{i18n.t("scorecards.variance.schedule")}</KpiLink>
                  </th>
                  <th scope="col">
                    <KpiLink kpi="variances">{i18n.t("scorecards.variance.budget")}</KpiLink>
                  </th>
                </tr>
              </thead>
              <tbody>
                {payload.projects.map((project) => (
                  <tr key={project.code}>
                    <th scope="row">
                      {project.name} ({project.code})
                    </th>
                    <td>{stageLabel(i18n, project.stage)}</td>
                    <td className="numeric">{formatKpi(i18n, "cpi", project.cpi)}</td>
                    <td className="numeric">{formatKpi(i18n, "spi", project.spi)}</td>
                    <td className="numeric">{i18n.percent(project.outcome, 1)}</td>
                    <td>{bandText(project.costBand, bands)}</td>
                    <td>{bandText(project.scheduleBand, bands)}</td>
                    <td>{bandText(project.budgetBand, bands)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </Panel>
      <RatingsPanel payload={payload} ratings={payload.ratings} publication={publication} />
    </>
  );
}

/** The heading lines of a scorecard: its title and what it covers. */
export function scorecardHeading(i18n: I18n, payload: ScorecardPayload) {
  return payload.subject === "project"
    ? {
        title: i18n.t("scorecards.title.project", { name: payload.name }),
        lede: i18n.t("scorecards.lede.project", { department: payload.department.name }),
      }
    : {
        title: i18n.t("scorecards.title.department", { name: payload.name }),
        lede: i18n.t("scorecards.lede.department", {
          from: i18n.date(payload.period.from),
          to: i18n.date(payload.period.to),
        }),
      };
}

export function ScorecardView({
  payload,
  publication,
}: {
  payload: ScorecardPayload;
  publication: Publication | null;
}) {
  // Figures link to their definitions in the framework version this scorecard used.
  const framework = payload.subject === "project" ? (payload.evaluation?.framework ?? null) : null;
  return (
    <MethodologyFramework framework={framework}>
      {payload.subject === "project" ? (
        <ProjectView payload={payload} publication={publication} />
      ) : (
        <DepartmentView payload={payload} publication={publication} />
      )}
    </MethodologyFramework>
  );
}
