import { justificationRequired } from "../../metrics/framework-validation";
import type { I18n } from "../i18n/i18n";

/** The names (and ids) of one criterion's fields in the rubric form, shared by page and parser. */
export function rubricFieldNames(criterionId: number) {
  return {
    score: `score-${criterionId}`,
    justification: `justification-${criterionId}`,
    evidence: `evidence-${criterionId}`,
  };
}

interface Thresholds {
  justifyBelow?: number | null;
  justifyAbove?: number | null;
}

/** Which scores of a criterion need a justification, as the form says it; null: none do. */
export function justificationHint(i18n: I18n, criterion: Thresholds): string | null {
  const below = criterion.justifyBelow == null ? null : i18n.number(criterion.justifyBelow);
  const above = criterion.justifyAbove == null ? null : i18n.number(criterion.justifyAbove);
  if (below !== null && above !== null) return i18n.t("evaluation.justify.hint", { below, above });
  if (below !== null) return i18n.t("evaluation.justify.hintBelow", { below });
  if (above !== null) return i18n.t("evaluation.justify.hintAbove", { above });
  return null;
}

/** The rule a score breaks by having no justification ("below 60"), or null: it needs none. */
export function justificationRule(
  i18n: I18n,
  criterion: Thresholds,
  value: number | null,
): string | null {
  const thresholds = {
    justifyBelow: criterion.justifyBelow ?? null,
    justifyAbove: criterion.justifyAbove ?? null,
  };
  if (!justificationRequired(value, thresholds)) return null;
  return thresholds.justifyBelow !== null && value! < thresholds.justifyBelow
    ? i18n.t("frameworks.thresholds.below", { value: i18n.number(thresholds.justifyBelow) })
    : i18n.t("frameworks.thresholds.above", { value: i18n.number(thresholds.justifyAbove ?? 0) });
}
