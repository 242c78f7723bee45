import type { AppealRow } from "../../db/queries/rating-moderation.server";
import { useI18n } from "~/i18n/i18n";
import { formatDateTime } from "~/utils/format";

/** A decided appeal's outcome in words, who decided, when, and the reason kept with it. */
export function AppealDecision({ appeal, timeZone }: { appeal: AppealRow; timeZone: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (appeal.state === "pending") return <>{t("ratings.appeal.state.pending")}</>;
  return (
    <>
      <strong>{t(`ratings.appeal.state.${appeal.state}`)}</strong>
      <br />
      {t("ratings.appeals.decisionBy", {
        who: appeal.decidedBy ?? "",
        when: formatDateTime(appeal.decidedAt, timeZone, i18n.locale),
        reason: appeal.decisionReason ?? "",
      })}
    </>
  );
}
