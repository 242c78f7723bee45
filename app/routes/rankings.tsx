import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { RankingSubject } from "../../db/scorecards/public-ranking";
import { RankBandChart } from "~/components/charts/rank-band-chart";
import { chartLabels } from "~/components/dashboard/dashboard-text";
import { TableScroll } from "~/components/table-scroll";
import { useI18n, type I18n } from "~/i18n/i18n";
import { metaI18n, pageTitle } from "~/i18n/meta";
import {
  publishedOn,
  rankedScorecardPath,
  rankingDownloadPath,
  rankingPagePath,
} from "~/rankings/ranking-export";
import rankingStyles from "~/rankings/rankings.css";
import { publicRanking, requestedSubject } from "~/rankings/rankings.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: rankingStyles }];

export const meta: MetaFunction = ({ matches }) => {
  const i18n = metaI18n(matches);
  return [{ title: pageTitle(i18n, i18n.t("rankings.title")) }];
};

/** Anyone: the ranking of projects (default) or departments, from published snapshots only. */
export async function loader({ request }: LoaderFunctionArgs) {
  const subject = requestedSubject(request);
  return { subject, ranking: await publicRanking(subject) };
}

type Loaded = Awaited<ReturnType<typeof loader>>;
type Ranking = Loaded["ranking"];
type Ranked = Ranking["ranked"][number];

/** The plain sentence on what a row's band means. */
function bandSentence(
  i18n: I18n,
  row: Pick<Ranked, "name" | "medianRank" | "rankP5" | "rankP95">,
  draws: number,
): string {
  const params = {
    draws: i18n.number(draws),
    name: row.name,
    low: i18n.number(row.rankP5),
    high: i18n.number(row.rankP95),
    median: i18n.number(row.medianRank),
  };
  return row.rankP5 === row.rankP95
    ? i18n.t("rankings.band.sentenceSame", params)
    : i18n.t("rankings.band.sentence", params);
}

function reasonText(i18n: I18n, row: Ranking["unranked"][number]): string {
  switch (row.reason) {
    case "too_few_figures":
      return i18n.t("rankings.reason.too_few_figures", {
        share: i18n.percent(row.coveredWeight, 0),
      });
    case "other_framework":
      return i18n.t("rankings.reason.other_framework", {
        framework: row.framework?.code ?? "",
        version: row.framework?.version ?? "",
      });
    default:
      return i18n.t(`rankings.reason.${row.reason}`);
  }
}

/** The span of the rows' cut-offs and publication dates, for the stamp above the figures. */
function stampOf(ranking: Ranking) {
  const rows = [...ranking.ranked, ...ranking.unranked];
  if (rows.length === 0) return null;
  const cutoffs = rows.map((row) => row.dataCutoff).sort();
  const published = rows.map((row) => publishedOn(row.publishedAt)).sort();
  return {
    from: cutoffs[0]!,
    to: cutoffs.at(-1)!,
    publishedFrom: published[0]!,
    publishedTo: published.at(-1)!,
  };
}

function SubjectSwitch({ subject }: { subject: RankingSubject }) {
  const i18n = useI18n();
  return (
    <nav className="ranking-switch" aria-label={i18n.t("rankings.subject")}>
      <ul>
        {(["projects", "departments"] as const).map((each) => (
          <li key={each}>
            <a href={rankingPagePath(each)} aria-current={each === subject ? "page" : undefined}>
              {i18n.t(`rankings.subject.${each}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export default function Rankings() {
  const { subject, ranking } = useLoaderData<typeof loader>();
  const i18n = useI18n();
  const stamp = stampOf(ranking);
  const heading = i18n.t(`rankings.heading.${subject}`);
  const path = (code: string, version: number) => rankedScorecardPath(subject, code, version);
  const dates = (row: { dataCutoff: string; publishedAt: string }) => (
    <>
      <td>{i18n.date(row.dataCutoff)}</td>
      <td>{i18n.date(publishedOn(row.publishedAt))}</td>
    </>
  );
  return (
    <article className="rankings">
      <h1>{i18n.t("rankings.title")}</h1>
      <p className="lede">{i18n.t("rankings.lede")}</p>
      <SubjectSwitch subject={subject} />
      <section aria-labelledby="ranking-heading">
        <h2 id="ranking-heading">{heading}</h2>
        {stamp ? (
          <p className="ranking-stamp" data-testid="ranking-stamp">
            {i18n.t("rankings.stamp", {
              from: i18n.date(stamp.from),
              to: i18n.date(stamp.to),
              publishedFrom: i18n.date(stamp.publishedFrom),
              publishedTo: i18n.date(stamp.publishedTo),
            })}
          </p>
        ) : (
          <p>{i18n.t("rankings.none")}</p>
        )}
        <details className="ranking-method">
          <summary>{i18n.t("rankings.methodology")}</summary>
          <p>
            {subject === "departments"
              ? i18n.t("rankings.weighting.departments")
              : ranking.framework
                ? i18n.t("rankings.weighting.projects", {
                    framework: ranking.framework.code,
                    version: ranking.framework.version,
                  })
                : i18n.t("rankings.weighting.none")}
          </p>
          <p>{i18n.t("rankings.method", { draws: i18n.number(ranking.draws) })}</p>
        </details>
        {ranking.ranked.length > 0 ? (
          <>
            <p className="ranking-example">
              {bandSentence(i18n, ranking.ranked[0]!, ranking.draws)}{" "}
              {i18n.t("rankings.band.explain")}
            </p>
            <RankBandChart
              title={i18n.t(`rankings.chart.title.${subject}`)}
              headingLevel={3}
              summary={i18n.t("rankings.chart.summary")}
              labels={chartLabels(i18n)}
              fileName={`rankings-${subject}`}
              rows={ranking.ranked.map((row) => ({
                key: row.code,
                label: row.name,
                rank: row.rank,
                medianRank: row.medianRank,
                rankP5: row.rankP5,
                rankP95: row.rankP95,
                href: path(row.code, row.version),
              }))}
              text={{
                nameHeader: i18n.t("rankings.col.name"),
                rank: i18n.t("rankings.col.rank"),
                median: i18n.t("rankings.col.median"),
                p5: i18n.t("rankings.col.p5"),
                p95: i18n.t("rankings.col.p95"),
                band: i18n.t("rankings.chart.band"),
                axis: i18n.t("rankings.chart.axis"),
                describe: (row) =>
                  `${i18n.t("rankings.col.rank")} ${i18n.number(row.rank)} · ${bandSentence(
                    i18n,
                    { ...row, name: row.label },
                    ranking.draws,
                  )}`,
                format: (value) => i18n.number(value),
              }}
            />
            <TableScroll label={heading}>
              <table className="ranking-table" id={`ranking-${subject}`}>
                <caption>{i18n.t("rankings.table.caption", { heading })}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="numeric">
                      {i18n.t("rankings.col.rank")}
                    </th>
                    <th scope="col">{i18n.t("rankings.col.name")}</th>
                    <th scope="col" className="numeric">
                      {i18n.t("rankings.col.score")}
                    </th>
                    <th scope="col" className="numeric">
                      {i18n.t("rankings.col.median")}
                    </th>
                    <th scope="col">{i18n.t("rankings.col.band")}</th>
                    <th scope="col">{i18n.t("rankings.col.cutoff")}</th>
                    <th scope="col">{i18n.t("rankings.col.published")}</th>
                  </tr>
                </thead>
                <tbody>
                  {ranking.ranked.map((row) => (
                    <tr key={row.code} data-code={row.code}>
                      <td className="numeric">{i18n.number(row.rank)}</td>
                      <th scope="row">
                        <a href={path(row.code, row.version)}>{row.name}</a>
                      </th>
                      <td className="numeric">
                        {i18n.number(row.score, { maximumFractionDigits: 3 })}
                      </td>
                      <td className="numeric">{i18n.number(row.medianRank)}</td>
                      <td>
                        {row.rankP5 === row.rankP95
                          ? i18n.t("rankings.bandOne", { rank: i18n.number(row.rankP5) })
                          : i18n.t("rankings.bandText", {
                              low: i18n.number(row.rankP5),
                              high: i18n.number(row.rankP95),
                            })}
                        <span className="ranking-sentence">
                          {bandSentence(i18n, row, ranking.draws)}
                        </span>
                      </td>
                      {dates(row)}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </>
        ) : null}
      </section>
      {ranking.unranked.length > 0 ? (
        <section aria-labelledby="unranked-heading">
          <h2 id="unranked-heading">{i18n.t("rankings.unranked")}</h2>
          <p>{i18n.t("rankings.unranked.lede")}</p>
          <TableScroll label={i18n.t("rankings.unranked")}>
            <table className="ranking-table" id={`unranked-${subject}`}>
              <caption>{i18n.t("rankings.unranked")}</caption>
              <thead>
                <tr>
                  <th scope="col">{i18n.t("rankings.col.name")}</th>
                  <th scope="col">{i18n.t("rankings.col.reason")}</th>
                  <th scope="col">{i18n.t("rankings.col.cutoff")}</th>
                  <th scope="col">{i18n.t("rankings.col.published")}</th>
                </tr>
              </thead>
              <tbody>
                {ranking.unranked.map((row) => (
                  <tr key={row.code} data-code={row.code}>
                    <th scope="row">
                      <a href={path(row.code, row.version)}>{row.name}</a>
                    </th>
                    <td data-reason={row.reason}>{reasonText(i18n, row)}</td>
                    {dates(row)}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      ) : null}
      <section aria-labelledby="downloads-heading">
        <h2 id="downloads-heading">{i18n.t("rankings.download")}</h2>
        <ul className="ranking-downloads">
          <li>
            <a href={rankingDownloadPath(subject, "csv")} download>
              {heading} · {i18n.t("rankings.download.csv")}
            </a>
          </li>
          <li>
            <a href={rankingDownloadPath(subject, "json")} download>
              {heading} · {i18n.t("rankings.download.json")}
            </a>
          </li>
        </ul>
      </section>
    </article>
  );
}
