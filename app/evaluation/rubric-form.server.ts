/**
 * The rubric form's posted fields, parsed with zod: per criterion a score, a
 * justification and an evidence link, under the names `rubricFieldNames` gives them.
 * A draft keeps whatever can be stored (an unfinished form is fine); a submission needs
 * every evaluator-scored criterion scored within its range and evidence that is a web
 * address. Each error names the criterion, in the page's language.
 */
import { z } from "zod";
import type { RubricCriterion, ScoreEntry } from "../../db/queries/assessments.server";
import type { I18n } from "../i18n/i18n";
import { justificationRule, rubricFieldNames } from "./rubric-fields";

export type RubricErrors = Partial<Record<string, string>>;
export type RubricValues = Record<string, string>;

export const JUSTIFICATION_MAX_CHARS = 4000;
export const EVIDENCE_MAX_CHARS = 2000;

const decimal = z
  .string()
  .trim()
  .regex(/^-?\d{1,6}(\.\d{1,2})?$/);

const webAddress = z
  .string()
  .max(EVIDENCE_MAX_CHARS)
  .refine((text) => {
    try {
      const url = new URL(text);
      return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
    } catch {
      return false;
    }
  });

export interface ParsedRubric {
  entries: ScoreEntry[];
  errors: RubricErrors;
  /** The posted text of every field, to show again when the form is refused. */
  values: RubricValues;
}

/** Reads the scored criteria's fields; `mode` decides how strict. */
export function parseRubricForm(
  form: FormData,
  criteria: readonly RubricCriterion[],
  mode: "draft" | "submit",
  i18n: I18n,
): ParsedRubric {
  const entries: ScoreEntry[] = [];
  const errors: RubricErrors = {};
  const values: RubricValues = {};
  for (const criterion of criteria) {
    if (criterion.scoring !== "evaluator") continue;
    const names = rubricFieldNames(criterion.id);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === "string" ? value : "";
    };
    const rawScore = text(names.score).trim();
    const justification = text(names.justification).trim();
    const evidence = text(names.evidence).trim();
    values[names.score] = rawScore;
    values[names.justification] = justification;
    values[names.evidence] = evidence;
    const label = `${criterion.code} ${criterion.name}`;
    const min = criterion.minScore ?? 0;
    const max = criterion.maxScore ?? 100;
    const range = { criterion: label, min: i18n.number(min), max: i18n.number(max) };

    let value: string | null = null;
    if (rawScore === "") {
      if (mode === "submit") errors[names.score] = i18n.t("evaluation.error.scoreMissing", range);
    } else {
      const parsed = decimal.safeParse(rawScore);
      if (!parsed.success) {
        errors[names.score] = i18n.t("evaluation.error.scoreNotNumber", {
          ...range,
          value: rawScore,
        });
      } else {
        const number = Number(parsed.data);
        if (mode === "submit" && (number < min || number > max))
          errors[names.score] = i18n.t("evaluation.error.scoreRange", {
            ...range,
            value: rawScore,
          });
        value = parsed.data;
      }
    }

    // A draft keeps such a score without one (the form marks it); a submission needs it.
    if (mode === "submit" && value !== null && justification === "") {
      const rule = justificationRule(i18n, criterion, Number(value));
      if (rule)
        errors[names.justification] = i18n.t("evaluation.error.justificationRequired", {
          criterion: label,
          value: rawScore,
          rule,
        });
    }
    if (justification.length > JUSTIFICATION_MAX_CHARS)
      errors[names.justification] = i18n.t("evaluation.error.justificationLong", {
        criterion: label,
        max: i18n.number(JUSTIFICATION_MAX_CHARS),
      });
    if (evidence !== "") {
      const tooLong = evidence.length > EVIDENCE_MAX_CHARS;
      if (tooLong || (mode === "submit" && !webAddress.safeParse(evidence).success))
        errors[names.evidence] = i18n.t("evaluation.error.evidence", {
          criterion: label,
          value: evidence.length > 80 ? `${evidence.slice(0, 80)}…` : evidence,
        });
    }
    if (!(names.score in errors) || mode === "submit")
      entries.push({
        criterionId: criterion.id,
        value,
        justification: justification.slice(0, JUSTIFICATION_MAX_CHARS) || null,
        evidence: evidence.slice(0, EVIDENCE_MAX_CHARS) || null,
      });
  }
  return { entries, errors, values };
}

/** The declaration form: no conflict, or a conflict with its statement. */
export function parseDeclaration(
  form: FormData,
  i18n: I18n,
):
  | { ok: true; conflict: boolean; statement: string | null }
  | { ok: false; errors: RubricErrors; values: RubricValues } {
  const declaration = String(form.get("declaration") ?? "");
  const statement = String(form.get("statement") ?? "").trim();
  const values = { declaration, statement };
  if (declaration !== "none" && declaration !== "conflict")
    return { ok: false, errors: { declaration: i18n.t("evaluation.error.declaration") }, values };
  if (declaration === "conflict" && statement === "")
    return { ok: false, errors: { statement: i18n.t("evaluation.error.statement") }, values };
  if (statement.length > JUSTIFICATION_MAX_CHARS)
    return {
      ok: false,
      errors: {
        statement: i18n.t("evaluation.error.statementLong", {
          max: i18n.number(JUSTIFICATION_MAX_CHARS),
        }),
      },
      values,
    };
  return { ok: true, conflict: declaration === "conflict", statement: statement || null };
}
