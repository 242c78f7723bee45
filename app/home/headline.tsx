/**
 * The home page's headline: figures from the latest published scorecards (db/scorecards/
 * headline.ts), what was left out of each and why, the latest publications, and the way
 * on to the rest of the public portal.
 */
import { scorecardPagePath } from "../../db/scorecards/addresses";
import type { BandCounts, HeadlineFigures, MedianFigure } from "../../db/scorecards/headline";
import { bandText } from "~/components/charts";
import { bandLabels } from "~/components/dashboard/dashboard-text";
import { TableScroll } from "~/components/table-scroll";
import { useI18n, type I18n } from "~/i18n/i18n";
import { methodologyHref } from "~/methodology/methodology-link";
import { cutoffText } from "~/wall/wall-screen";

const day = (i18n: I18n, iso: string | null) => i18n.date(iso ? iso.slice(0, 10) : null);

function MedianItem({
  figure,
  label,
  kpi,
  name,
}: {
  figure: MedianFigure;
  label: string;
  kpi: "reply_rate" | "satisfaction_rate" | "service_rating";
  name: string;
}) {
  const i18n = useI18n();
  return (
    <li>
      <span className="figure" data-headline={name}>
        {figure.median === null ? i18n.noData : i18n.percent(figure.median, 1)}
      </span>
      <span className="label">
        <a href={methodologyHref(kpi)}>{label}</a>
      </span>
      <span className="hint">
        {i18n.t("headline.counted", {
          counted: figure.counted,
          withheld: figure.withheld,
          noData: figure.noData,
        })}
      </span>
    </li>
  );
}

const LINKS = [
  ["/rankings", "headline.link.rankings"],
  ["/compare", "headline.link.compare"],
  ["/methodology", "headline.link.methodology"],
  ["/wall", "headline.link.wall"],
] as const;

export function Headline({ headline }: { headline: HeadlineFigures }) {
  const i18n = useI18n();
  const { t } = i18n;
  const bands = bandLabels(i18n);
  const bandRow = (key: "cpi" | "spi", counts: BandCounts) => (
    <tr key={key} data-bands={key}>
      <th scope="row">
        <a href={methodologyHref(key)}>{t(`scorecards.kpi.${key}`)}</a>
      </th>
      {(["green", "amber", "red"] as const).map((band) => (
        <td key={band} className="numeric" data-band={band}>
          {i18n.number(counts[band])}
        </td>
      ))}
      <td className="numeric" data-band="none">
        {i18n.number(counts.none)}
      </td>
    </tr>
  );
  return (
    <section className="panel" aria-labelledby="headline-title">
      <h2 id="headline-title">{t("headline.title")}</h2>
      {headline.cutoffs === null ? (
        <p>{t("headline.none")}</p>
      ) : (
        <>
          <p>
            {t("headline.lede", {
              cutoff: cutoffText(i18n, headline.cutoffs),
              published: day(i18n, headline.latestPublishedAt),
            })}
          </p>
          <ul className="inventory headline">
            <li>
              <span className="figure" data-headline="departments">
                {i18n.number(headline.departments)}
              </span>
              <span className="label">{t("headline.departments")}</span>
            </li>
            <li>
              <span className="figure" data-headline="projects">
                {i18n.number(headline.projects)}
              </span>
              <span className="label">{t("headline.projects")}</span>
            </li>
            <MedianItem
              figure={headline.replyRate}
              label={t("headline.replyRate")}
              kpi="reply_rate"
              name="replyRate"
            />
            <MedianItem
              figure={headline.satisfactionRate}
              label={t("headline.satisfaction")}
              kpi="satisfaction_rate"
              name="satisfactionRate"
            />
            <MedianItem
              figure={headline.serviceRatingSatisfaction}
              label={t("headline.serviceRating")}
              kpi="service_rating"
              name="serviceRating"
            />
          </ul>
          <h3 id="headline-bands">{t("headline.bands")}</h3>
          <TableScroll labelledBy="headline-bands">
            <table>
              <caption>{t("headline.bands.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("headline.bands.col")}</th>
                  {(["green", "amber", "red"] as const).map((band) => (
                    <th key={band} scope="col" className="numeric">
                      {bandText(band, bands)}
                    </th>
                  ))}
                  <th scope="col" className="numeric">
                    {bands.none}
                  </th>
                </tr>
              </thead>
              <tbody>
                {bandRow("cpi", headline.cpiBands)}
                {bandRow("spi", headline.spiBands)}
              </tbody>
            </table>
          </TableScroll>
          <h3>{t("headline.latest")}</h3>
          <ul className="headline-latest">
            {headline.latest.map((entry) => (
              <li key={`${entry.subject}/${entry.code}`}>
                {t(`headline.subject.${entry.subject}`)}{" "}
                <a href={scorecardPagePath(entry.subject, entry.code)}>{entry.name}</a> ·{" "}
                {t("headline.latest.entry", {
                  version: entry.version,
                  cutoff: day(i18n, entry.dataCutoff),
                  published: day(i18n, entry.publishedAt),
                })}
              </li>
            ))}
          </ul>
          <p className="hint">{t("scorecards.suppressionNote")}</p>
        </>
      )}
      <nav aria-labelledby="headline-explore">
        <h3 id="headline-explore">{t("headline.explore")}</h3>
        <ul className="headline-links">
          {LINKS.map(([href, label]) => (
            <li key={href}>
              <a href={href}>{t(label)}</a>
            </li>
          ))}
        </ul>
      </nav>
    </section>
  );
}
