/**
 * An assessment with scores returned by the moderator (评审复核退回): only those criteria
 * may change. The page parses only them, and a posted field of any other criterion is
 * refused here by name (db/queries/assessments.server.ts refuses it again under the lock).
 */
import type { RubricCriterion, StoredScore } from "../../db/queries/assessments.server";
import type { I18n } from "../i18n/i18n";
import { rubricFieldNames } from "./rubric-fields";

/** The criteria this save may touch: the returned ones, or (none returned) every one. */
export function revisableCriteria(
  criteria: readonly RubricCriterion[],
  stored: readonly Pick<StoredScore, "criterionId" | "returnComment">[],
): RubricCriterion[] {
  const returned = new Set(
    stored.filter((score) => score.returnComment !== null).map((score) => score.criterionId),
  );
  return returned.size === 0
    ? [...criteria]
    : criteria.filter((criterion) => returned.has(criterion.id));
}

/** The refusal of a form that posts a field of a criterion outside `revisable`, if any. */
export function lockedFieldError(
  form: FormData,
  criteria: readonly RubricCriterion[],
  revisable: readonly RubricCriterion[],
  i18n: I18n,
): string | null {
  const open = new Set(revisable.map((criterion) => criterion.id));
  const locked = criteria.find(
    (criterion) =>
      !open.has(criterion.id) &&
      Object.values(rubricFieldNames(criterion.id)).some((name) => form.has(name)),
  );
  return locked
    ? i18n.t("moderation.refusal.criterionLockedNamed", {
        criterion: `${locked.code} ${locked.name}`,
      })
    : null;
}
