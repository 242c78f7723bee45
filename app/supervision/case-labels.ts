import type { I18n } from "~/i18n/i18n";
import type { MessageKey } from "~/i18n/messages";

/** A case's state in the page's language ("answered" → 已答复待验收). */
export function caseStateLabel(i18n: I18n, state: string): string {
  return i18n.t(`supervision.state.${state}` as MessageKey);
}

/** Where a case comes from: a bad review with its score, or a notice with its flag rule. */
export function caseSourceText(
  i18n: I18n,
  item: { source: string; ratingScore: number | null; flagRule: string | null },
): string {
  if (item.source === "rating") {
    return i18n.t("supervision.sourceRating", { score: item.ratingScore ?? i18n.noData });
  }
  return i18n.t("supervision.sourceNotice", {
    rule: item.flagRule ? i18n.t(`dashboard.rule.${item.flagRule}` as MessageKey) : i18n.noData,
  });
}
