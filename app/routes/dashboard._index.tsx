import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { loadDataQuality, RECENT_IMPORT_DAYS } from "../../db/queries/data-quality.server";
import { loadOverview } from "../../db/queries/overview.server";
import { BarChart, Heatmap, LineChart, QuadrantScatter } from "~/components/charts";
import {
  barText,
  heatmapText,
  lineText,
  partialMonthNote,
  quadrantText,
} from "~/components/dashboard/chart-texts";
import { bandLabels, chartLabels, formatKpi } from "~/components/dashboard/dashboard-text";
import { FilterForm } from "~/components/dashboard/filter-form";
import { FlagTable } from "~/components/dashboard/flag-table";
import { ProjectTable } from "~/components/dashboard/project-table";
import { KpiTile } from "~/components/dashboard/kpi-tile";
import { useI18n } from "~/i18n/i18n";
import { metaI18n, pageTitle } from "~/i18n/meta";
import type { MessageKey } from "~/i18n/messages";
import { localToday } from "~/supervision/case-actor.server";
import { filtersQuery } from "~/utils/dashboard-filters";
import { dashboardContext } from "~/utils/dashboard-loader.server";
import { stageLabel } from "~/utils/format";

export const meta: MetaFunction = ({ matches }) => {
  const i18n = metaI18n(matches);
  return [{ title: pageTitle(i18n, i18n.t("dashboard.title")) }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const { filters, scope, db, user } = await dashboardContext(request);
  const [overview, quality] = await Promise.all([
    loadOverview(db, scope, filters, { today: localToday() }),
    loadDataQuality(db, scope.departments, filters.range),
  ]);
  const cells = quality.rows.flatMap((row) => Object.values(row.cells));
  // A province has hundreds of departments and projects: the page shows the ones that
  // need attention and says how many it leaves out (filters narrow to the rest).
  const heatmap = worstDepartmentsFirst(overview.heatmap).slice(0, MAX_ROWS);
  const projectRows = riskiestProjectsFirst(overview.projects).slice(0, MAX_ROWS);
  return {
    filters,
    choices: scope.choices,
    scoped: user.role === "steward",
    overview: {
      tiles: overview.tiles,
      flags: overview.flags.slice(0, FLAGS_SHOWN),
      flagCount: overview.flags.length,
      targets: overview.targets,
      stages: overview.stages,
      trend: overview.trend,
      heatmap: overview.heatmap.length > MAX_ROWS ? heatmap : overview.heatmap,
      departmentCount: overview.heatmap.length,
      projects: overview.projects.length > MAX_ROWS ? projectRows : overview.projects,
      projectCount: overview.projects.length,
      points: overview.projects.map((project) => ({
        code: project.code,
        name: project.name,
        cpi: project.cpi,
        outcome: project.outcome,
        costBand: project.costBand,
      })),
    },
    quality: {
      staleAfterDays: quality.staleAfterDays,
      stale: cells.filter((cell) => cell.stale).length,
      rejected: cells.reduce((sum, cell) => sum + cell.rejectedRecently, 0),
      yearsWithoutCalendar: quality.yearsWithoutCalendar,
    },
  };
}

const FLAGS_SHOWN = 10;
/** Rows of the heatmap and the project table on a province-sized instance (HTML stays under 300 KB). */
const MAX_ROWS = 20;

type Row = Awaited<ReturnType<typeof loadOverview>>["heatmap"][number];
type ProjectRow = Awaited<ReturnType<typeof loadOverview>>["projects"][number];

const count = (bands: Array<string | null | undefined>, band: string) =>
  bands.filter((value) => value === band).length;

/** Most red cells first, then most amber, then by code. */
function worstDepartmentsFirst(rows: readonly Row[]): Row[] {
  const score = (row: Row) => {
    const bands = Object.values(row.bands);
    return count(bands, "red") * 100 + count(bands, "amber");
  };
  return [...rows].sort((a, b) => score(b) - score(a) || a.code.localeCompare(b.code));
}

/** Most red variances first, then the lowest CPI (no CPI last), then by code. */
function riskiestProjectsFirst(rows: readonly ProjectRow[]): ProjectRow[] {
  const reds = (row: ProjectRow) => count([row.costBand, row.scheduleBand, row.budgetBand], "red");
  return [...rows].sort(
    (a, b) =>
      reds(b) - reds(a) ||
      (a.cpi ?? Number.POSITIVE_INFINITY) - (b.cpi ?? Number.POSITIVE_INFINITY) ||
      a.code.localeCompare(b.code),
  );
}
const HEATMAP_KPIS = [
  "reply_rate",
  "on_time_reply_rate",
  "satisfaction_rate",
  "service_coverage",
  "digital_take_up",
  "budget_execution",
  "cpi",
] as const;

export default function Overview() {
  const { filters, choices, scoped, overview, quality } = useLoaderData<typeof loader>();
  const i18n = useI18n();
  const labels = chartLabels(i18n);
  const bands = bandLabels(i18n);
  const keep = filtersQuery(filters, { department: undefined, region: undefined });
  const departmentHref = (code: string) =>
    `/dashboard/departments/${encodeURIComponent(code)}${keep}`;
  const projectHref = (code: string) => `/dashboard/projects/${encodeURIComponent(code)}${keep}`;
  const percent = (value: number) => i18n.percent(value);
  const partialNote = partialMonthNote(i18n, overview.trend);
  return (
    <>
      <h1>{i18n.t("dashboard.title")}</h1>
      <p className="lede">
        {i18n.t(scoped ? "dashboard.lede.scoped" : "dashboard.lede.all", {
          from: i18n.date(filters.range.from),
          to: i18n.date(filters.range.to),
        })}
      </p>
      <FilterForm i18n={i18n} filters={filters} choices={choices} action="/dashboard" />

      <section aria-labelledby="tiles-heading">
        <h2 id="tiles-heading">{i18n.t("dashboard.tiles")}</h2>
        <div className="kpi-tiles">
          {overview.tiles.map((tile) => (
            <KpiTile key={tile.kpi} i18n={i18n} tile={tile} cutoff={filters.range.to} />
          ))}
        </div>
      </section>

      <section aria-labelledby="flags-heading">
        <h2 id="flags-heading">{i18n.t("dashboard.flags")}</h2>
        <FlagTable
          i18n={i18n}
          flags={overview.flags}
          departmentHref={departmentHref}
          projectHref={projectHref}
        />
        <p>
          {overview.flagCount > FLAGS_SHOWN ? (
            <>
              <Link to={`/dashboard/red-flags${filtersQuery(filters)}`}>
                {i18n.t("dashboard.flags.more", { count: overview.flagCount - FLAGS_SHOWN })}
              </Link>{" "}
              ·{" "}
            </>
          ) : null}
          <Link to={`/dashboard/red-flags${filtersQuery(filters)}`}>
            {i18n.t("dashboard.flags.rules")}
          </Link>{" "}
          ·{" "}
          <Link to={`/dashboard/rankings${filtersQuery(filters)}`}>
            {i18n.t("dashboard.rankings")}
          </Link>
        </p>
      </section>

      <section aria-labelledby="quality-heading" className="data-quality-summary">
        <h2 id="quality-heading">{i18n.t("dashboard.quality")}</h2>
        <p>
          {i18n.t("dashboard.quality.summary", {
            stale: quality.stale,
            days: quality.staleAfterDays,
            recent: RECENT_IMPORT_DAYS,
            rejected: i18n.number(quality.rejected),
          })}
        </p>
        {quality.yearsWithoutCalendar.length > 0 ? (
          <p className="warning">
            {i18n.t("dashboard.quality.calendar", {
              years: quality.yearsWithoutCalendar.join(", "),
            })}
          </p>
        ) : null}
        <p>
          <Link to={`/dashboard/data-quality${filtersQuery(filters)}`}>
            {i18n.t("dashboard.quality.open")}
          </Link>
        </p>
      </section>

      <div className="chart-grid">
        <Heatmap
          title={i18n.t("dashboard.heatmap")}
          headingLevel={2}
          summary={
            overview.departmentCount > overview.heatmap.length
              ? `${i18n.t("dashboard.heatmap.summary")} ${i18n.t("dashboard.heatmap.partial", {
                  shown: overview.heatmap.length,
                  total: overview.departmentCount,
                })}`
              : i18n.t("dashboard.heatmap.summary")
          }
          labels={labels}
          fileName="departments-kpis"
          columns={HEATMAP_KPIS.map((kpi) => ({
            key: kpi,
            label: i18n.t(`dashboard.kpi.${kpi}` as MessageKey),
            format: (value: number) => formatKpi(i18n, kpi, value),
          }))}
          rows={overview.heatmap.map((row) => ({
            key: row.code,
            label: row.name,
            href: departmentHref(row.code),
            cells: Object.fromEntries(
              HEATMAP_KPIS.map((kpi) => [
                kpi,
                {
                  value: row.values[kpi] ?? null,
                  band: row.bands[kpi] ?? null,
                  href: departmentHref(row.code),
                },
              ]),
            ),
          }))}
          text={{
            ...heatmapText(i18n),
            rowHeader: i18n.t("dashboard.col.department"),
            noValue: i18n.noData,
            bands,
          }}
        />
        <QuadrantScatter
          title={i18n.t("dashboard.quadrant")}
          headingLevel={2}
          summary={i18n.t("dashboard.quadrant.summary")}
          labels={labels}
          fileName="budget-vs-outcome"
          xLabel={i18n.t("dashboard.quadrant.x")}
          yLabel={i18n.t("dashboard.quadrant.y")}
          xReference={1}
          yReference={1}
          formatX={(value) => i18n.number(value, { maximumFractionDigits: 2 })}
          formatY={percent}
          points={overview.points.map((project) => ({
            key: project.code,
            label: project.name,
            x: project.cpi,
            y: project.outcome,
            band: project.costBand,
            href: projectHref(project.code),
          }))}
          text={{
            ...quadrantText(i18n),
            pointHeader: i18n.t("dashboard.col.project"),
            bandHeader: i18n.t("dashboard.col.cost"),
            bands,
            quadrants: {
              topLeft: i18n.t("dashboard.quadrant.topLeft"),
              topRight: i18n.t("dashboard.quadrant.topRight"),
              bottomLeft: i18n.t("dashboard.quadrant.bottomLeft"),
              bottomRight: i18n.t("dashboard.quadrant.bottomRight"),
            },
          }}
        />
        <BarChart
          title={i18n.t("dashboard.stages")}
          headingLevel={2}
          summary={i18n.t("dashboard.stages.summary")}
          labels={labels}
          text={barText(i18n)}
          fileName="projects-by-stage"
          valueLabel={i18n.t("dashboard.stages.value")}
          categoryLabel={i18n.t("dashboard.stages.category")}
          format={(value) => i18n.number(value)}
          data={overview.stages.map((stage) => ({
            key: stage.stage,
            label: stageLabel(i18n, stage.stage),
            value: stage.projects,
            href: `/dashboard${filtersQuery(filters, { stage: stage.stage })}#projects-heading`,
          }))}
        />
        <LineChart
          title={i18n.t("dashboard.trend")}
          headingLevel={2}
          summary={[i18n.t("dashboard.trend.summary"), partialNote].filter(Boolean).join(" ")}
          labels={labels}
          text={lineText(i18n)}
          fileName="appeal-trends"
          xLabel={i18n.t("dashboard.axis.month")}
          yLabel={i18n.t("dashboard.axis.rate")}
          formatY={percent}
          formatX={(iso) => i18n.month(iso)}
          target={
            overview.targets.on_time_reply_rate
              ? {
                  value: overview.targets.on_time_reply_rate.target,
                  label: i18n.t("dashboard.target", {
                    value: percent(overview.targets.on_time_reply_rate.target),
                  }),
                }
              : null
          }
          series={[
            {
              key: "reply",
              label: i18n.t("dashboard.series.replyRate"),
              values: "replyRate" as const,
            },
            {
              key: "onTime",
              label: i18n.t("dashboard.series.onTime"),
              values: "onTimeReplyRate" as const,
            },
            {
              key: "satisfaction",
              label: i18n.t("dashboard.series.satisfaction"),
              values: "satisfactionRate" as const,
            },
          ].map((series) => ({
            key: series.key,
            label: series.label,
            points: overview.trend.map((month) => ({ x: month.month, y: month[series.values] })),
          }))}
        />
        <BarChart
          title={i18n.t("dashboard.trend.received")}
          headingLevel={2}
          summary={[i18n.t("dashboard.trend.receivedSummary"), partialNote]
            .filter(Boolean)
            .join(" ")}
          labels={labels}
          text={barText(i18n)}
          fileName="appeals-received"
          orientation="vertical"
          valueLabel={i18n.t("dashboard.series.received")}
          categoryLabel={i18n.t("dashboard.axis.month")}
          format={(value) => i18n.number(value)}
          data={overview.trend.map((month) => ({
            key: month.month,
            label: i18n.month(month.month),
            value: month.received,
          }))}
        />
      </div>

      <section aria-labelledby="projects-heading">
        <h2 id="projects-heading">{i18n.t("dashboard.projects")}</h2>
        {overview.projectCount > overview.projects.length ? (
          <p className="hint">
            {i18n.t("dashboard.projects.partial", {
              shown: overview.projects.length,
              total: overview.projectCount,
            })}
          </p>
        ) : null}
        <ProjectTable
          i18n={i18n}
          id="projects-table"
          projects={overview.projects}
          projectHref={projectHref}
          departmentHref={departmentHref}
        />
      </section>
    </>
  );
}
