/**
 * The wall screen of a service hall: one panel at a time, large type on a dark ground,
 * nothing to click. Every figure comes from a published snapshot; every panel says its
 * data cut-off and publication date. Bands are written out, never told by colour alone.
 */
import type { KpiFigure } from "../../db/scorecards/payload";
import type { MedianFigure } from "../../db/scorecards/headline";
import type { WallPanel } from "../../db/scorecards/wall-panels";
import { bandText } from "~/components/charts";
import { bandLabels, formatKpi } from "~/components/dashboard/dashboard-text";
import { useI18n, type I18n, type MessageKey } from "~/i18n/i18n";
import { ratingFigureWithheld } from "../../db/scorecards/rating-figure";

const day = (i18n: I18n, iso: string | null) => i18n.date(iso ? iso.slice(0, 10) : null);

/** One cut-off date, or the span of several scorecards' cut-offs. */
export function cutoffText(i18n: I18n, cutoffs: { from: string; to: string }): string {
  return cutoffs.from === cutoffs.to
    ? day(i18n, cutoffs.from)
    : i18n.t("wall.dateRange", { from: day(i18n, cutoffs.from), to: day(i18n, cutoffs.to) });
}

function Stamp({ text }: { text: string }) {
  return <p className="wall-stamp">{text}</p>;
}

function Figure({
  label,
  value,
  note,
  band,
}: {
  label: string;
  value: string;
  note?: string;
  band?: string | null;
}) {
  return (
    <div className={`wall-figure${band ? ` wall-band-${band}` : ""}`}>
      <dt>{label}</dt>
      <dd>
        <span className="wall-value">{value}</span>
        {note ? <span className="wall-note">{note}</span> : null}
      </dd>
    </div>
  );
}

function medianText(i18n: I18n, figure: MedianFigure) {
  return figure.median === null ? i18n.noData : i18n.percent(figure.median, 1);
}

function HeadlinePanel({ panel }: { panel: Extract<WallPanel, { kind: "headline" }> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const h = panel.headline;
  if (h.departments + h.projects === 0) return <p className="wall-message">{t("wall.none")}</p>;
  const counted = (figure: MedianFigure) =>
    t("headline.counted", {
      counted: figure.counted,
      withheld: figure.withheld,
      noData: figure.noData,
    });
  const bands = bandLabels(i18n);
  return (
    <>
      <h1>{t("wall.headline")}</h1>
      {h.cutoffs ? (
        <Stamp
          text={t("wall.stampRange", {
            cutoff: cutoffText(i18n, h.cutoffs),
            published: day(i18n, h.latestPublishedAt),
          })}
        />
      ) : null}
      <dl className="wall-figures">
        <Figure label={t("headline.departments")} value={i18n.number(h.departments)} />
        <Figure label={t("headline.projects")} value={i18n.number(h.projects)} />
        <Figure
          label={t("headline.replyRate")}
          value={medianText(i18n, h.replyRate)}
          note={counted(h.replyRate)}
        />
        <Figure
          label={t("headline.satisfaction")}
          value={medianText(i18n, h.satisfactionRate)}
          note={counted(h.satisfactionRate)}
        />
      </dl>
      <dl className="wall-bands">
        {(["cpiBands", "spiBands"] as const).map((key) => (
          <div key={key}>
            <dt>{t(key === "cpiBands" ? "scorecards.kpi.cpi" : "scorecards.kpi.spi")}</dt>
            <dd>
              {(["green", "amber", "red"] as const).map((band) => (
                <span key={band} className={`wall-band wall-band-${band}`}>
                  {bandText(band, bands)} {i18n.number(h[key][band])}
                </span>
              ))}
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function kpiValue(i18n: I18n, figure: KpiFigure) {
  return figure.suppressed
    ? i18n.t("scorecards.withheld")
    : formatKpi(i18n, figure.kpi, figure.value);
}

function DepartmentPanel({ panel }: { panel: Extract<WallPanel, { kind: "department" }> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const bands = bandLabels(i18n);
  return (
    <>
      <h1>{panel.name}</h1>
      <Stamp
        text={`${t("wall.period", { from: day(i18n, panel.period.from), to: day(i18n, panel.period.to) })} · ${t(
          "wall.stamp",
          { cutoff: day(i18n, panel.dataCutoff), published: day(i18n, panel.publishedAt) },
        )}`}
      />
      <dl className="wall-figures">
        {panel.kpis.map((figure) => (
          <Figure
            key={figure.kpi}
            label={t(`scorecards.kpi.${figure.kpi}` as MessageKey)}
            value={kpiValue(i18n, figure)}
            band={figure.suppressed ? null : figure.band}
            note={[
              figure.target
                ? t("wall.target", {
                    target: t(`scorecards.target.${figure.target.direction}`, {
                      target: formatKpi(i18n, figure.kpi, figure.target.target),
                      targetMax: formatKpi(i18n, figure.kpi, figure.target.targetMax),
                    }),
                  })
                : "",
              figure.suppressed ? "" : bandText(figure.band, bands),
            ]
              .filter(Boolean)
              .join(" · ")}
          />
        ))}
      </dl>
    </>
  );
}

function RatingsPanel({ panel }: { panel: Extract<WallPanel, { kind: "ratings" }> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const withheld = t("wall.withheld");
  return (
    <>
      <h1>{t("wall.ratings")}</h1>
      <Stamp
        text={t("wall.stampRange", {
          cutoff: cutoffText(i18n, panel.cutoffs),
          published: day(i18n, panel.latestPublishedAt),
        })}
      />
      <table className="wall-table">
        <thead>
          <tr>
            <th scope="col">{t("wall.ratings.col")}</th>
            <th scope="col" className="numeric">
              {t("wall.ratings.mean")}
            </th>
            <th scope="col" className="numeric">
              {t("wall.ratings.satisfaction")}
            </th>
            <th scope="col" className="numeric">
              {t("wall.ratings.rated")}
            </th>
          </tr>
        </thead>
        <tbody>
          {panel.rows.map((row) => (
            <tr key={row.code}>
              <th scope="row">{row.name}</th>
              <td className="numeric">
                {ratingFigureWithheld(row, row.meanRating)
                  ? withheld
                  : i18n.number(row.meanRating, {
                      minimumFractionDigits: 2,
                      maximumFractionDigits: 2,
                    })}
              </td>
              <td className="numeric">
                {ratingFigureWithheld(row, row.satisfactionRate)
                  ? withheld
                  : i18n.percent(row.satisfactionRate, 1)}
              </td>
              <td className="numeric">{row.rated === null ? withheld : i18n.number(row.rated)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {panel.rows.some((row) => row.suppressed || row.rated === null) ? (
        <p className="wall-note">{t("wall.withheldNote")}</p>
      ) : null}
    </>
  );
}

function PublicationsPanel({ panel }: { panel: Extract<WallPanel, { kind: "publications" }> }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <>
      <h1>{t("wall.publications")}</h1>
      <ul className="wall-list">
        {panel.latest.map((entry) => (
          <li key={`${entry.subject}/${entry.code}`}>
            <span className="wall-list-name">
              {t(`headline.subject.${entry.subject}`)} · {entry.name}
            </span>
            <Stamp
              text={`${t("scorecards.version", { version: entry.version })} · ${t("wall.stamp", {
                cutoff: day(i18n, entry.dataCutoff),
                published: day(i18n, entry.publishedAt),
              })}`}
            />
          </li>
        ))}
      </ul>
    </>
  );
}

export function WallScreen({
  panel,
  index,
  count,
}: {
  panel: WallPanel;
  index: number;
  count: number;
}) {
  const { t } = useI18n();
  return (
    <section className="wall" data-panel={index} data-kind={panel.kind} aria-live="off">
      <p className="wall-brand">
        <span>{t("common.brand")}</span> · <span>{t("wall.title")}</span>
        <span className="wall-position">{t("wall.position", { n: index + 1, count })}</span>
      </p>
      {panel.kind === "headline" ? (
        <HeadlinePanel panel={panel} />
      ) : panel.kind === "department" ? (
        <DepartmentPanel panel={panel} />
      ) : panel.kind === "ratings" ? (
        <RatingsPanel panel={panel} />
      ) : (
        <PublicationsPanel panel={panel} />
      )}
    </section>
  );
}
