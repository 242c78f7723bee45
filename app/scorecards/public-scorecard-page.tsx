/**
 * The public page of a published scorecard: the version shown, its change log and, for a
 * correction, what it changed from the version before. Works without JavaScript.
 */
import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { scorecardApiPath, scorecardPagePath } from "../../db/scorecards/addresses";
import type { FigureChange, Leaf } from "../../db/scorecards/snapshot-diff";
import { metaI18n, pageTitle } from "~/i18n/meta";
import type { loadPublicScorecard } from "./public-scorecard.server";
import { TableScroll } from "~/components/table-scroll";
import { useI18n, type I18n } from "~/i18n/i18n";
import { compareId } from "~/compare/compare-ids";
import { figureLabel } from "./figure-label";
import { ScorecardView, scorecardHeading } from "./scorecard-view";
import { CitizenRating } from "./citizen-rating-form";

function leafText(i18n: I18n, value: Leaf | undefined): string {
  if (value === undefined) return i18n.t("scorecards.absent");
  if (value === null) return i18n.noData;
  if (typeof value === "number") return i18n.number(value, { maximumFractionDigits: 4 });
  return String(value);
}

type Loaded = Awaited<ReturnType<typeof loadPublicScorecard>>;

/** The page's title: the scorecard's, or the 404's. */
export const scorecardMeta: MetaFunction<() => Promise<Loaded>> = ({ data, matches }) => {
  const i18n = metaI18n(matches);
  return [
    { title: data ? pageTitle(i18n, scorecardHeading(i18n, data.snapshot.payload).title) : "404" },
  ];
};

export function PublicScorecardPage() {
  const { snapshot, versions, diff } = useLoaderData<() => Promise<Loaded>>();
  const i18n = useI18n();
  const selfPath = scorecardPagePath(snapshot.subject, snapshot.code);
  const apiPath = scorecardApiPath(snapshot.subject, snapshot.code);
  const { title, lede } = scorecardHeading(i18n, snapshot.payload);
  const latest = versions.at(-1)?.version ?? snapshot.version;
  return (
    <article className="scorecard">
      <h1>{title}</h1>
      <p className="lede">{lede}</p>
      <p>
        <strong>{i18n.t("scorecards.version", { version: snapshot.version })}</strong> ·{" "}
        {i18n.t("scorecards.stamp", {
          cutoff: i18n.date(snapshot.dataCutoff),
          published: i18n.date(snapshot.publishedAt.slice(0, 10)),
        })}{" "}
        · <a href={`${apiPath}?version=${snapshot.version}`}>{i18n.t("scorecards.openData")}</a> ·{" "}
        <a href={`/compare?ids=${compareId(snapshot.subject, snapshot.code)}`}>
          {i18n.t("compare.entry")}
        </a>
      </p>
      {snapshot.version < latest ? (
        <p className="notice" role="note">
          {i18n.t("scorecards.older", { version: snapshot.version })}{" "}
          <a href={selfPath}>{i18n.t("scorecards.latestLink")}</a>
        </p>
      ) : null}
      {diff ? (
        <section className="scorecard-panel" aria-labelledby="diff-heading">
          <h2 id="diff-heading">{i18n.t("scorecards.diff", { version: snapshot.version - 1 })}</h2>
          <p>
            {i18n.t("scorecards.col.reason")}: {snapshot.correctionReason}
          </p>
          {diff.length === 0 ? (
            <p>{i18n.t("scorecards.diff.none")}</p>
          ) : (
            <TableScroll label={i18n.t("scorecards.diff", { version: snapshot.version - 1 })}>
              <table className="scorecard-diff">
                <caption>{i18n.t("scorecards.diff", { version: snapshot.version - 1 })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{i18n.t("scorecards.col.figure")}</th>
                    <th scope="col" className="numeric">
                      {i18n.t("scorecards.col.before")}
                    </th>
                    <th scope="col" className="numeric">
                      {i18n.t("scorecards.col.after")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {diff.map((change: FigureChange) => (
                    <tr key={change.path}>
                      <th scope="row">{figureLabel(i18n, change.path)}</th>
                      <td className="numeric">{leafText(i18n, change.before)}</td>
                      <td className="numeric">{leafText(i18n, change.after)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </section>
      ) : null}
      <ScorecardView
        payload={snapshot.payload}
        publication={{ version: snapshot.version, publishedAt: snapshot.publishedAt }}
      />
      <section className="scorecard-panel" aria-labelledby="changelog-heading">
        <h2 id="changelog-heading">{i18n.t("scorecards.changelog")}</h2>
        <TableScroll label={i18n.t("scorecards.changelog")}>
          <table>
            <caption>{i18n.t("scorecards.changelog")}</caption>
            <thead>
              <tr>
                <th scope="col">{i18n.t("scorecards.col.version")}</th>
                <th scope="col">{i18n.t("scorecards.col.published")}</th>
                <th scope="col">{i18n.t("scorecards.col.cutoff")}</th>
                <th scope="col">{i18n.t("scorecards.col.reason")}</th>
              </tr>
            </thead>
            <tbody>
              {[...versions].reverse().map((entry) => (
                <tr key={entry.version}>
                  <th scope="row">
                    <a href={`${selfPath}?version=${entry.version}`}>
                      {i18n.t("scorecards.version", { version: entry.version })}
                    </a>
                    {entry.version === snapshot.version ? ` ${i18n.t("scorecards.viewing")}` : null}
                  </th>
                  <td>{i18n.date(entry.publishedAt.slice(0, 10))}</td>
                  <td>{i18n.date(entry.dataCutoff)}</td>
                  <td>{entry.correctionReason ?? i18n.t("scorecards.firstPublication")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
      {snapshot.version === latest ? <CitizenRating payload={snapshot.payload} /> : null}
    </article>
  );
}
