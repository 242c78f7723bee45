import type { ReactNode } from "react";
import { useI18n } from "~/i18n/i18n";
import type { SheetScore } from "./workspace-types";

/** The criteria the moderator returned (their comments by criterion id); empty: none. */
export function returnedComments(scores: readonly SheetScore[]): Map<number, string> {
  return new Map(
    scores.flatMap((score) =>
      score.returnComment ? [[score.criterionId, score.returnComment] as const] : [],
    ),
  );
}

/** A criterion not returned while others are: shown with its score, with no field to change. */
export function LockedCriterion({ legend, score }: { legend: ReactNode; score?: SheetScore }) {
  const i18n = useI18n();
  const value = score?.value
    ? i18n.number(Number(score.value))
    : i18n.t("evaluation.rubric.notScored");
  return (
    <fieldset className="criterion criterion-locked" disabled>
      {legend}
      <p>{i18n.t("moderation.workspace.locked", { value })}</p>
    </fieldset>
  );
}

/** The moderator's comment beside a returned criterion. */
export function ReturnedComment({ comment }: { comment: string }) {
  const { t } = useI18n();
  return (
    <p className="notice returned-comment">{t("moderation.workspace.comment", { comment })}</p>
  );
}
