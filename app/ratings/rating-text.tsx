import type { RatingRow } from "../../db/queries/rating-moderation.server";
import { useI18n } from "~/i18n/i18n";
import { formatDateTime } from "~/utils/format";

/** A comment's moderation state in words (never by colour alone), who decided and when, and an appeal. */
export function RatingStateText({
  row,
  timeZone,
}: {
  row: Pick<RatingRow, "commentState" | "moderatedBy" | "moderatedAt" | "appealState">;
  timeZone: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <>
      <strong>{t(`ratings.state.${row.commentState ?? "none"}`)}</strong>
      {row.moderatedBy ? (
        <>
          <br />
          <span className="hint">
            {row.moderatedBy} · {formatDateTime(row.moderatedAt, timeZone, i18n.locale)}
          </span>
        </>
      ) : null}
      {row.appealState ? (
        <>
          <br />
          {t("ratings.appeal.state")}: {t(`ratings.appeal.state.${row.appealState}`)}
        </>
      ) : null}
    </>
  );
}
