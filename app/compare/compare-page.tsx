/**
 * /compare: published scorecards side by side (a table, one column per subject, and a
 * grouped bar chart of their KPIs), and a picker that works without JavaScript (a GET
 * form per subject with checkboxes). Every figure comes from the snapshots loaded.
 */
import { useLoaderData } from "@remix-run/react";
import type { KpiFigure, ScorecardSubject, Snapshot } from "../../db/scorecards/payload";
import { scorecardPagePath } from "../../db/scorecards/addresses";
import { GroupedBarChart, bandText } from "~/components/charts";
import { bandLabels, chartLabels, formatKpi } from "~/components/dashboard/dashboard-text";
import { TableScroll } from "~/components/table-scroll";
import { useI18n, type I18n, type MessageKey } from "~/i18n/i18n";
import { TableDownloadLinks } from "~/scorecards/table-downloads";
import { stageLabel } from "~/utils/format";
import { COMPARE_MAX, compareId } from "./compare-ids";
import type { ComparePage as Loaded } from "./compare.server";
import { ratingFigureWithheld } from "../../db/scorecards/rating-figure";

/** A cell of the comparison: its text, the raw figure (for tests and readers), withheld or not. */
interface Cell {
  text: string;
  value?: number | string | null;
  withheld?: boolean;
  /** Second line: target and band of a KPI. */
  detail?: string;
}

interface Row {
  key: string;
  label: string;
  cell: (snapshot: Snapshot) => Cell;
}

interface Section {
  key: string;
  title: string;
  rows: Row[];
}

const withheldCell = (i18n: I18n): Cell => ({
  text: i18n.t("scorecards.withheld"),
  value: null,
  withheld: true,
});

function targetText(i18n: I18n, figure: KpiFigure): string | null {
  const target = figure.target;
  if (!target) return null;
  return i18n.t(`scorecards.target.${target.direction}`, {
    target: formatKpi(i18n, figure.kpi, target.target),
    targetMax: formatKpi(i18n, figure.kpi, target.targetMax),
  });
}

/** The KPIs of the compared snapshots, in the order they first appear. */
function kpiKeys(snapshots: readonly Snapshot[]): string[] {
  return [...new Set(snapshots.flatMap((s) => s.payload.kpis.map((figure) => figure.kpi)))];
}

const kpiOf = (snapshot: Snapshot, kpi: string) =>
  snapshot.payload.kpis.find((figure) => figure.kpi === kpi);

function kpiRows(i18n: I18n, snapshots: readonly Snapshot[]): Row[] {
  const bands = bandLabels(i18n);
  return kpiKeys(snapshots).map((kpi) => ({
    key: `kpi.${kpi}`,
    label: i18n.t(`scorecards.kpi.${kpi}` as MessageKey),
    cell: (snapshot) => {
      const figure = kpiOf(snapshot, kpi);
      if (!figure) return { text: "—", value: null };
      const target = targetText(i18n, figure);
      const detail = [
        target ? i18n.t("compare.kpi.target", { target }) : null,
        bandText(figure.band, bands),
      ]
        .filter(Boolean)
        .join(" · ");
      if (figure.suppressed) return { ...withheldCell(i18n), detail };
      return { text: formatKpi(i18n, kpi, figure.value), value: figure.value, detail };
    },
  }));
}

function ratingRows(i18n: I18n): Row[] {
  // Null when withheld (or with no ratings): withheld only beside a hidden cell.
  const hidden = (snapshot: Snapshot, cell: Cell): Cell =>
    typeof cell.value !== "string" &&
    ratingFigureWithheld(snapshot.payload.ratings, cell.value ?? null)
      ? withheldCell(i18n)
      : cell;
  return [
    {
      key: "ratings.rated",
      label: i18n.t("scorecards.ratings.rated"),
      cell: ({ payload }) =>
        payload.ratings.rated === null
          ? withheldCell(i18n)
          : { text: i18n.number(payload.ratings.rated), value: payload.ratings.rated },
    },
    {
      key: "ratings.mean",
      label: i18n.t("scorecards.ratings.mean"),
      cell: (snapshot) =>
        hidden(snapshot, {
          text: i18n.number(snapshot.payload.ratings.meanRating, {
            minimumFractionDigits: 2,
            maximumFractionDigits: 2,
          }),
          value: snapshot.payload.ratings.meanRating,
        }),
    },
    {
      key: "ratings.satisfaction",
      label: i18n.t("scorecards.ratings.satisfaction"),
      cell: (snapshot) =>
        hidden(snapshot, {
          text: i18n.percent(snapshot.payload.ratings.satisfactionRate, 1),
          value: snapshot.payload.ratings.satisfactionRate,
        }),
    },
    {
      key: "ratings.bad",
      label: i18n.t("scorecards.ratings.bad"),
      cell: (snapshot) =>
        hidden(snapshot, {
          text: i18n.percent(snapshot.payload.ratings.badReviewRate, 1),
          value: snapshot.payload.ratings.badReviewRate,
        }),
    },
  ];
}

/** A row that reads one subject's payload only (each column has the same subject). */
function projectRow(
  key: string,
  label: string,
  cell: (payload: Extract<Snapshot["payload"], { subject: "project" }>) => Cell,
): Row {
  return {
    key,
    label,
    cell: ({ payload }) => (payload.subject === "project" ? cell(payload) : { text: "—" }),
  };
}

function departmentRow(
  key: string,
  label: string,
  cell: (payload: Extract<Snapshot["payload"], { subject: "department" }>) => Cell,
): Row {
  return {
    key,
    label,
    cell: ({ payload }) => (payload.subject === "department" ? cell(payload) : { text: "—" }),
  };
}

function sectionsOf(
  i18n: I18n,
  subject: ScorecardSubject,
  snapshots: readonly Snapshot[],
): Section[] {
  const publication: Section = {
    key: "publication",
    title: i18n.t("compare.section.publication"),
    rows: [
      {
        key: "version",
        label: i18n.t("scorecards.col.version"),
        cell: (s) => ({
          text: i18n.t("scorecards.version", { version: s.version }),
          value: s.version,
        }),
      },
      {
        key: "cutoff",
        label: i18n.t("scorecards.col.cutoff"),
        cell: (s) => ({ text: i18n.date(s.dataCutoff), value: s.dataCutoff }),
      },
      {
        key: "published",
        label: i18n.t("scorecards.col.published"),
        cell: (s) => ({
          text: i18n.date(s.publishedAt.slice(0, 10)),
          value: s.publishedAt.slice(0, 10),
        }),
      },
    ],
  };
  const kpis: Section = {
    key: "kpis",
    title: i18n.t("compare.section.kpis"),
    rows: kpiRows(i18n, snapshots),
  };
  const ratings: Section = {
    key: "ratings",
    title: i18n.t("compare.section.ratings"),
    rows: ratingRows(i18n),
  };
  if (subject === "project") {
    const evaluation: Section = {
      key: "evaluation",
      title: i18n.t("compare.section.evaluation"),
      rows: [
        projectRow("evaluation.score", i18n.t("compare.evaluation.score"), (p) =>
          p.evaluation
            ? {
                text: i18n.number(p.evaluation.score, {
                  minimumFractionDigits: 1,
                  maximumFractionDigits: 1,
                }),
                value: p.evaluation.score,
              }
            : { text: i18n.t("compare.evaluation.none"), value: null },
        ),
        projectRow("evaluation.framework", i18n.t("compare.evaluation.framework"), (p) =>
          p.evaluation
            ? {
                text: i18n.t("compare.evaluation.frameworkValue", {
                  framework: p.evaluation.framework.code,
                  version: String(p.evaluation.framework.version),
                }),
                value: `${p.evaluation.framework.code}@${p.evaluation.framework.version}`,
              }
            : { text: "—", value: null },
        ),
      ],
    };
    const facts: Section = {
      key: "facts",
      title: i18n.t("compare.section.facts"),
      rows: [
        projectRow("facts.department", i18n.t("compare.facts.department"), (p) => ({
          text: p.department.name,
          value: p.department.code,
        })),
        projectRow("facts.stage", i18n.t("dashboard.col.stage"), (p) => ({
          text: stageLabel(i18n, p.facts.stage),
          value: p.facts.stage,
        })),
        projectRow("facts.bac", i18n.t("dashboard.col.budget"), (p) => ({
          text: i18n.yuan(p.facts.bacYuan),
          value: p.facts.bacYuan,
        })),
        projectRow("facts.ac", i18n.t("dashboard.col.ac"), (p) => ({
          text: i18n.yuan(p.facts.acYuan),
          value: p.facts.acYuan,
        })),
        projectRow("facts.eac", i18n.t("dashboard.project.eac"), (p) => ({
          text: i18n.yuan(p.facts.eacYuan),
          value: p.facts.eacYuan,
        })),
        projectRow("facts.milestones", i18n.t("compare.facts.milestones"), (p) => ({
          text: i18n.t("compare.facts.milestonesValue", {
            completed: i18n.number(p.milestones.completed),
            total: i18n.number(p.milestones.total),
          }),
          value: p.milestones.completed,
        })),
      ],
    };
    return [publication, kpis, evaluation, ratings, facts];
  }
  const facts: Section = {
    key: "facts",
    title: i18n.t("compare.section.facts"),
    rows: [
      departmentRow("facts.period", i18n.t("compare.facts.period"), (p) => ({
        text: `${i18n.date(p.period.from)} – ${i18n.date(p.period.to)}`,
        value: `${p.period.from}/${p.period.to}`,
      })),
      departmentRow("facts.received", i18n.t("scorecards.appeals.received"), (p) =>
        p.appeals.byType.totalSuppressed
          ? withheldCell(i18n)
          : { text: i18n.number(p.appeals.byType.total), value: p.appeals.byType.total },
      ),
      departmentRow("facts.median", i18n.t("scorecards.appeals.median"), (p) => ({
        text: i18n.number(p.appeals.medianReplyWorkingDays, { maximumFractionDigits: 1 }),
        value: p.appeals.medianReplyWorkingDays,
      })),
      departmentRow("facts.ratedShare", i18n.t("scorecards.appeals.ratedShare"), (p) => ({
        text: i18n.percent(p.appeals.ratedShare, 1),
        value: p.appeals.ratedShare,
      })),
      departmentRow("facts.items", i18n.t("scorecards.services.items"), (p) => ({
        text: i18n.number(p.services.items),
        value: p.services.items,
      })),
      departmentRow("facts.oneVisit", i18n.t("scorecards.services.oneVisit"), (p) => ({
        text: i18n.percent(p.services.oneVisitShare, 1),
        value: p.services.oneVisitShare,
      })),
      departmentRow("facts.projects", i18n.t("compare.facts.projects"), (p) => ({
        text: i18n.number(p.projects.length),
        value: p.projects.length,
      })),
    ],
  };
  return [publication, kpis, ratings, facts];
}

function CompareTable({ snapshots }: { snapshots: readonly Snapshot[] }) {
  const i18n = useI18n();
  const subject = snapshots[0]!.subject;
  const caption = i18n.t("compare.table.caption", { count: snapshots.length });
  return (
    <TableScroll label={caption}>
      <table className="compare-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{i18n.t("compare.col.figure")}</th>
            {snapshots.map((s) => (
              <th scope="col" key={s.code} data-code={s.code}>
                <a href={`${scorecardPagePath(s.subject, s.code)}?version=${s.version}`}>
                  {s.payload.name}
                </a>{" "}
                <span className="compare-code">({s.code})</span>
              </th>
            ))}
          </tr>
        </thead>
        {sectionsOf(i18n, subject, snapshots).map((section) => (
          <tbody key={section.key}>
            <tr className="compare-section">
              <th scope="colgroup" colSpan={snapshots.length + 1}>
                {section.title}
              </th>
            </tr>
            {section.rows.map((row) => (
              <tr key={row.key} data-row={row.key}>
                <th scope="row">{row.label}</th>
                {snapshots.map((s) => {
                  const cell = row.cell(s);
                  return (
                    <td
                      key={s.code}
                      data-code={s.code}
                      data-value={
                        cell.withheld ? "withheld" : cell.value == null ? "" : String(cell.value)
                      }
                    >
                      {cell.withheld ? (
                        <span className="withheld">{cell.text}</span>
                      ) : (
                        <strong>{cell.text}</strong>
                      )}
                      {cell.detail ? <span className="compare-detail">{cell.detail}</span> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
            {section.key === "publication" ? (
              <>
                <tr data-row="open">
                  <th scope="row">{i18n.t("compare.open")}</th>
                  {snapshots.map((s) => (
                    <td key={s.code}>
                      <a
                        href={`${scorecardPagePath(s.subject, s.code)}?version=${s.version}`}
                        aria-label={`${i18n.t("compare.open")}: ${s.payload.name}`}
                      >
                        {i18n.t("compare.open")}
                      </a>
                    </td>
                  ))}
                </tr>
                <tr data-row="downloads">
                  <th scope="row">{i18n.t("compare.downloads")}</th>
                  {snapshots.map((s) => (
                    <td key={s.code} className="compare-downloads">
                      <TableDownloadLinks
                        subject={s.subject}
                        code={s.code}
                        version={s.version}
                        table="kpis"
                      />
                    </td>
                  ))}
                </tr>
              </>
            ) : null}
          </tbody>
        ))}
      </table>
    </TableScroll>
  );
}

function CompareChart({ snapshots }: { snapshots: readonly Snapshot[] }) {
  const i18n = useI18n();
  const bands = bandLabels(i18n);
  const keys = kpiKeys(snapshots);
  return (
    <GroupedBarChart
      title={i18n.t("compare.chart.title")}
      summary={i18n.t("compare.chart.summary")}
      labels={chartLabels(i18n)}
      fileName="compare"
      categoryLabel={i18n.t("scorecards.col.kpi")}
      referenceLabel={i18n.t("scorecards.col.target")}
      valueLabel={i18n.t("scorecards.col.value")}
      formatTick={(value) => i18n.number(value, { maximumFractionDigits: 2 })}
      domainMax={1}
      series={snapshots.map((s) => ({ key: s.code, label: `${s.payload.name} (${s.code})` }))}
      categories={keys.map((kpi) => {
        const target = snapshots.map((s) => kpiOf(s, kpi)).find((figure) => figure?.target);
        return {
          key: kpi,
          label: i18n.t(`scorecards.kpi.${kpi}` as MessageKey),
          reference: target?.target
            ? {
                from: target.target.target,
                to: target.target.targetMax,
                text: targetText(i18n, target) ?? "—",
              }
            : null,
          values: snapshots.map((s) => {
            const figure = kpiOf(s, kpi);
            if (!figure) return { value: null, text: "—" };
            if (figure.suppressed) return { value: null, text: i18n.t("scorecards.withheld") };
            return {
              value: figure.value,
              text: formatKpi(i18n, kpi, figure.value),
              note: bandText(figure.band, bands),
            };
          }),
        };
      })}
    />
  );
}

function Picker({ catalogue, chosen }: Pick<Loaded, "catalogue" | "chosen">) {
  const i18n = useI18n();
  const subjects: ScorecardSubject[] = ["project", "department"];
  return (
    <section className="scorecard-panel compare-picker" aria-labelledby="picker-heading">
      <h2 id="picker-heading">{i18n.t("compare.picker.title")}</h2>
      <p className="hint" id="picker-hint">
        {i18n.t("compare.picker.hint")}
      </p>
      {catalogue.length === 0 ? <p>{i18n.t("compare.picker.none")}</p> : null}
      <div className="compare-picker-forms">
        {subjects.map((subject) => {
          const entries = catalogue.filter((entry) => entry.subject === subject);
          if (entries.length === 0) return null;
          return (
            <form key={subject} method="get" action="/compare" data-subject={subject}>
              <fieldset className="checkboxes" aria-describedby="picker-hint">
                <legend>
                  {i18n.t(
                    subject === "project"
                      ? "compare.picker.projects"
                      : "compare.picker.departments",
                  )}
                </legend>
                {entries.map((entry) => {
                  const id = compareId(subject, entry.code);
                  const inputId = `pick-${subject}-${entry.code}`;
                  return (
                    <div key={entry.code}>
                      <input
                        type="checkbox"
                        id={inputId}
                        name="ids"
                        value={id}
                        defaultChecked={chosen.includes(id)}
                      />{" "}
                      <label htmlFor={inputId}>
                        {i18n.t("compare.picker.option", {
                          name: entry.name,
                          code: entry.code,
                          version: String(entry.version),
                        })}
                      </label>
                    </div>
                  );
                })}
              </fieldset>
              <button type="submit" className="button">
                {i18n.t(`compare.picker.submit.${subject}`)}
              </button>
            </form>
          );
        })}
      </div>
    </section>
  );
}

function problemText(i18n: I18n, problem: NonNullable<Loaded["problem"]>): string {
  return i18n.t(`compare.problem.${problem.kind}`, {
    values: problem.values.join(i18n.locale === "zh" ? "、" : ", "),
  });
}

export function ComparePage() {
  const { catalogue, chosen, problem, snapshots } = useLoaderData<() => Promise<Loaded>>();
  const i18n = useI18n();
  return (
    <article className="scorecard compare">
      <h1>{i18n.t("compare.title")}</h1>
      <p className="lede">{i18n.t("compare.lede", { max: COMPARE_MAX })}</p>
      {problem ? (
        <div
          className="error-summary"
          role="alert"
          aria-labelledby="compare-problem-title"
          tabIndex={-1}
        >
          <h2 id="compare-problem-title">{i18n.t("compare.problem.heading")}</h2>
          <p data-problem={problem.kind}>
            {problemText(i18n, problem)}{" "}
            <a href="#picker-heading">{i18n.t("compare.problem.fix")}</a>
          </p>
        </div>
      ) : null}
      {snapshots.length === 1 ? (
        <p className="notice" role="note">
          {i18n.t("compare.chooseMore")}
        </p>
      ) : null}
      {snapshots.length >= 2 ? (
        <>
          <section className="scorecard-panel" aria-labelledby="compare-table-heading">
            <h2 id="compare-table-heading">{i18n.t("compare.table")}</h2>
            <CompareTable snapshots={snapshots} />
            <p className="hint">{i18n.t("scorecards.suppressionNote")}</p>
          </section>
          <CompareChart snapshots={snapshots} />
        </>
      ) : null}
      <Picker catalogue={catalogue} chosen={chosen} />
    </article>
  );
}
