import type { DeadlineStatus } from "../../metrics/deadline-reminder";
import type { I18n } from "../i18n/i18n";

/** "due in 3 days", "due today", "overdue by 2 days", in the page's language. */
export function deadlineText(i18n: I18n, status: DeadlineStatus): string {
  if (status.kind === "today") return i18n.t("rounds.deadline.today");
  if (status.kind === "due")
    return status.days === 1
      ? i18n.t("rounds.deadline.due1")
      : i18n.t("rounds.deadline.due", { n: status.days });
  return status.days === 1
    ? i18n.t("rounds.deadline.overdue1")
    : i18n.t("rounds.deadline.overdue", { n: status.days });
}

/** A round's state in the page's language ("open" → 评分中 / Open). */
export function roundStateLabel(
  i18n: I18n,
  state: "planning" | "open" | "moderation" | "closed",
): string {
  return i18n.t(`dashboard.project.roundState.${state}`);
}
