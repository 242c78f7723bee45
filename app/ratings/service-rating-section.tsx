import type {
  DepartmentRatings,
  ServiceRating,
  ShownComment,
} from "../../db/queries/rating-figures.server";
import { TableScroll } from "~/components/table-scroll";
import { useI18n, type I18n } from "~/i18n/i18n";
import { formatDateTime } from "~/utils/format";

function meanText(i18n: I18n, figures: ServiceRating): string {
  return i18n.number(figures.meanRating, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/**
 * Service rating (好差评) of a project or a department: mean, share of bad reviews, count
 * (never mixed with appeals' satisfaction), per rated target on a department's page, and
 * the latest approved comments (pending and rejected ones are never sent to the page).
 */
export function ServiceRatingSection({
  figures,
  byTarget,
  comments,
  range,
  timeZone,
}: {
  figures: ServiceRating;
  byTarget?: DepartmentRatings["byTarget"];
  comments: ShownComment[];
  range: { from: string; to: string };
  timeZone: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section aria-labelledby="ratings-heading">
      <h2 id="ratings-heading">{t("ratings.figures.heading")}</h2>
      <p>{t("ratings.figures.intro", { from: i18n.date(range.from), to: i18n.date(range.to) })}</p>
      {figures.rated === 0 ? (
        <p>{t("ratings.figures.none")}</p>
      ) : (
        <dl className="figure-list" id="service-rating">
          <div>
            <dt>{t("ratings.figures.mean")}</dt>
            <dd>
              <strong>{meanText(i18n, figures)}</strong>
            </dd>
          </div>
          <div>
            <dt>{t("ratings.figures.bad")}</dt>
            <dd>
              <strong>{i18n.percent(figures.badReviewRate)}</strong>
            </dd>
          </div>
          <div>
            <dt>{t("ratings.figures.count")}</dt>
            <dd>
              <strong>{i18n.number(figures.rated)}</strong>
            </dd>
          </div>
        </dl>
      )}
      {byTarget && byTarget.length > 0 ? (
        <details>
          <summary>{t("ratings.figures.byTarget")}</summary>
          <TableScroll label={t("ratings.figures.byTarget")}>
            <table>
              <caption>{t("ratings.figures.byTarget")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("ratings.col.target")}</th>
                  <th scope="col" className="numeric">
                    {t("ratings.figures.mean")}
                  </th>
                  <th scope="col" className="numeric">
                    {t("ratings.figures.bad")}
                  </th>
                  <th scope="col" className="numeric">
                    {t("ratings.figures.count")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {byTarget.map((row) => (
                  <tr key={`${row.target}:${row.code}`}>
                    <th scope="row">
                      {row.name} ({t(`ratings.target.${row.target}`)} {row.code})
                    </th>
                    <td className="numeric">{meanText(i18n, row.figures)}</td>
                    <td className="numeric">{i18n.percent(row.figures.badReviewRate)}</td>
                    <td className="numeric">{i18n.number(row.figures.rated)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </details>
      ) : null}
      <h3>{t("ratings.figures.comments")}</h3>
      {comments.length === 0 ? (
        <p>{t("ratings.figures.noComments")}</p>
      ) : (
        <ul className="rating-comments">
          {comments.map((comment) => (
            <li key={comment.id}>
              <q>{comment.comment}</q>
              <br />
              <span className="hint">
                {t("ratings.figures.commentScore", { score: comment.score })} ·{" "}
                {byTarget ? `${comment.targetName} · ` : null}
                {formatDateTime(comment.ratedAt, timeZone, i18n.locale)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
