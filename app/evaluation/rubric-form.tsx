import { Form } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { CsrfInput, type FieldErrors } from "~/components/forms";
import { languageTag, useI18n, type I18n } from "~/i18n/i18n";
import { LockedCriterion, ReturnedComment, returnedComments } from "./returned-criterion";
import { justificationHint, justificationRule, rubricFieldNames } from "./rubric-fields";
import { useAutosave, type AutosaveStatus } from "./use-autosave";
import type { RubricCriterion, SheetScore } from "./workspace-types";

/** "HH:MM" of an instant, in the instance's time zone (the same on server and browser). */
export function clockTime(i18n: I18n, iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(languageTag(i18n.locale), {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
  }).format(new Date(iso));
}

function statusText(i18n: I18n, status: AutosaveStatus, timeZone: string): string {
  switch (status.kind) {
    case "idle":
      return "";
    case "saving":
      return i18n.t("evaluation.autosave.saving");
    case "saved":
      return i18n.t("evaluation.autosave.saved", { time: clockTime(i18n, status.at, timeZone) });
    case "retrying":
      return i18n.t("evaluation.autosave.retrying");
    case "signIn":
      return i18n.t("evaluation.autosave.signIn");
    case "refused":
      return i18n.t("evaluation.autosave.refused", { message: status.message });
  }
}

interface RubricFormProps {
  criteria: RubricCriterion[];
  scores: SheetScore[];
  /** The posted text of a refused form, shown again instead of what is stored. */
  values?: Partial<Record<string, string>>;
  errors?: FieldErrors;
  /** When the draft was last stored, if ever. */
  savedAt: string | null;
  timeZone: string;
  /** Where the autosave posts (the draft endpoint). */
  draftUrl: string;
  /** Autosave pauses, for tests. */
  autosave?: { delayMs?: number; retryMs?: number };
}

/**
 * The rubric form: per criterion of the round's framework, a score in its range with
 * the rubric levels beside it, a justification and an evidence link; KPI-bound criteria
 * are computed, not scored. "Save draft" and "Submit" post the whole form; with
 * JavaScript it also saves itself as the evaluator types.
 */
export function RubricForm({
  criteria,
  scores,
  values,
  errors,
  savedAt,
  timeZone,
  draftUrl,
  autosave,
}: RubricFormProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const form = useRef<HTMLFormElement>(null);
  const { status, changed, cancel } = useAutosave(draftUrl, form, autosave);
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  const stored = new Map(scores.map((score) => [score.criterionId, score]));
  const valueOf = (criterionId: number, field: "score" | "justification" | "evidence") => {
    const name = rubricFieldNames(criterionId)[field];
    if (values && name in values) return values[name] ?? "";
    const score = stored.get(criterionId);
    if (!score) return "";
    return (field === "score" ? score.value : score[field]) ?? "";
  };
  const live = enhanced && status.kind !== "idle";
  const scored = criteria.filter((criterion) => criterion.scoring === "evaluator");
  const returned = returnedComments(scores);
  return (
    <section aria-labelledby="rubric-heading" className="rubric">
      <h2 id="rubric-heading">{t("evaluation.rubric.heading")}</h2>
      <p>{t("evaluation.rubric.intro")}</p>
      {returned.size > 0 ? (
        <p className="notice">{t("moderation.workspace.returnedIntro")}</p>
      ) : null}
      {scored.length === 0 ? <p className="notice">{t("evaluation.rubric.empty")}</p> : null}
      <Form method="post" noValidate ref={form} onInput={changed} onSubmit={cancel}>
        <CsrfInput />
        {criteria.map((criterion) => {
          const names = rubricFieldNames(criterion.id);
          const heading = (
            <legend>
              <span className="criterion-code">{criterion.code}</span> {criterion.name}
              {criterion.dimensionName ? (
                <span className="hint criterion-dimension"> · {criterion.dimensionName}</span>
              ) : null}
            </legend>
          );
          if (criterion.scoring === "kpi") {
            return (
              <fieldset key={criterion.id} className="criterion criterion-kpi">
                {heading}
                <p className="hint">
                  {t("evaluation.rubric.kpi", { kpi: criterion.kpiKey ?? "" })}
                </p>
              </fieldset>
            );
          }
          const comment = returned.get(criterion.id);
          if (returned.size > 0 && comment === undefined)
            return (
              <LockedCriterion
                key={criterion.id}
                legend={heading}
                score={stored.get(criterion.id)}
              />
            );
          const min = i18n.number(criterion.minScore ?? 0);
          const max = i18n.number(criterion.maxScore ?? 100);
          const scoreError = errors?.[names.score];
          const justificationError = errors?.[names.justification];
          const rule = justificationHint(i18n, criterion);
          // A stored draft may hold such a score without its justification: say so.
          const typed = valueOf(criterion.id, "score").trim();
          const unjustified =
            !justificationError &&
            typed !== "" &&
            valueOf(criterion.id, "justification").trim() === "" &&
            justificationRule(i18n, criterion, Number(typed)) !== null;
          const justificationIds = [
            rule ? `${names.justification}-rule` : null,
            unjustified ? `${names.justification}-needed` : null,
            justificationError ? `${names.justification}-error` : null,
          ].filter(Boolean);
          const evidenceError = errors?.[names.evidence];
          return (
            <fieldset key={criterion.id} className="criterion">
              {heading}
              {comment ? <ReturnedComment comment={comment} /> : null}
              {criterion.description ? <p className="hint">{criterion.description}</p> : null}
              {criterion.levels.length > 0 ? (
                <dl className="rubric-levels" aria-label={t("evaluation.rubric.levels")}>
                  {criterion.levels.map((level) => (
                    <div key={level.label}>
                      <dt>
                        {level.label}{" "}
                        <span className="hint">
                          {t("evaluation.rubric.levelRange", {
                            min: i18n.number(level.minScore),
                            max: i18n.number(level.maxScore),
                          })}
                        </span>
                      </dt>
                      <dd>{level.description}</dd>
                    </div>
                  ))}
                </dl>
              ) : null}
              <div className={scoreError ? "field field-error" : "field"}>
                <label htmlFor={names.score}>{t("evaluation.rubric.score", { min, max })}</label>
                {scoreError ? (
                  <p className="error-message" id={`${names.score}-error`}>
                    {scoreError}
                  </p>
                ) : null}
                <input
                  className="score-input"
                  id={names.score}
                  name={names.score}
                  type="number"
                  inputMode="decimal"
                  step="any"
                  min={criterion.minScore ?? undefined}
                  max={criterion.maxScore ?? undefined}
                  defaultValue={valueOf(criterion.id, "score")}
                  aria-invalid={scoreError ? true : undefined}
                  aria-describedby={scoreError ? `${names.score}-error` : undefined}
                />
              </div>
              <div className={justificationError ? "field field-error" : "field"}>
                <label htmlFor={names.justification}>{t("evaluation.rubric.justification")}</label>
                {rule ? (
                  <p className="hint" id={`${names.justification}-rule`}>
                    {rule}
                  </p>
                ) : null}
                {unjustified ? (
                  <p className="error-message" id={`${names.justification}-needed`}>
                    {t("evaluation.justify.needed")}
                  </p>
                ) : null}
                {justificationError ? (
                  <p className="error-message" id={`${names.justification}-error`}>
                    {justificationError}
                  </p>
                ) : null}
                <textarea
                  id={names.justification}
                  name={names.justification}
                  rows={3}
                  defaultValue={valueOf(criterion.id, "justification")}
                  aria-invalid={justificationError ? true : undefined}
                  aria-describedby={justificationIds.join(" ") || undefined}
                />
              </div>
              <div className={evidenceError ? "field field-error" : "field"}>
                <label htmlFor={names.evidence}>{t("evaluation.rubric.evidence")}</label>
                <p className="hint" id={`${names.evidence}-hint`}>
                  {t("evaluation.rubric.evidenceHint")}
                </p>
                {evidenceError ? (
                  <p className="error-message" id={`${names.evidence}-error`}>
                    {evidenceError}
                  </p>
                ) : null}
                <input
                  id={names.evidence}
                  name={names.evidence}
                  type="url"
                  inputMode="url"
                  defaultValue={valueOf(criterion.id, "evidence")}
                  aria-invalid={evidenceError ? true : undefined}
                  aria-describedby={
                    evidenceError
                      ? `${names.evidence}-hint ${names.evidence}-error`
                      : `${names.evidence}-hint`
                  }
                />
              </div>
            </fieldset>
          );
        })}
        <div className="rubric-actions">
          <button type="submit" name="intent" value="save" className="button button-secondary">
            {t("evaluation.rubric.saveDraft")}
          </button>
          <button
            type="submit"
            name="intent"
            value="submit"
            className="button"
            aria-describedby="submit-hint"
          >
            {t("evaluation.rubric.submit")}
          </button>
          <span className="hint" id="submit-hint">
            {t("evaluation.rubric.submitHint")}
          </span>
          <p className="autosave-status" role="status" aria-live="polite">
            {live
              ? statusText(i18n, status, timeZone)
              : savedAt
                ? t("evaluation.rubric.savedAt", { time: clockTime(i18n, savedAt, timeZone) })
                : ""}
          </p>
        </div>
      </Form>
    </section>
  );
}

/** Submitted scores, read-only. */
export function SubmittedScores({
  criteria,
  scores,
}: {
  criteria: RubricCriterion[];
  scores: SheetScore[];
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const stored = new Map(scores.map((score) => [score.criterionId, score]));
  return (
    <table className="submitted-scores">
      <caption className="visually-hidden">{t("evaluation.rubric.heading")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("evaluation.submitted.criterion")}</th>
          <th scope="col" className="numeric">
            {t("evaluation.submitted.score")}
          </th>
          <th scope="col">{t("evaluation.submitted.justification")}</th>
          <th scope="col">{t("evaluation.submitted.evidence")}</th>
        </tr>
      </thead>
      <tbody>
        {criteria.map((criterion) => {
          const score = stored.get(criterion.id);
          return (
            <tr key={criterion.id}>
              <th scope="row">
                {criterion.code} {criterion.name}
              </th>
              <td className="numeric">
                {criterion.scoring === "kpi"
                  ? t("evaluation.rubric.kpi", { kpi: criterion.kpiKey ?? "" })
                  : score?.value
                    ? i18n.number(Number(score.value))
                    : t("evaluation.rubric.notScored")}
              </td>
              <td>{score?.justification ?? ""}</td>
              <td>
                {score?.evidence && /^https?:\/\//i.test(score.evidence) ? (
                  <a href={score.evidence} rel="noopener noreferrer nofollow">
                    {score.evidence}
                  </a>
                ) : (
                  (score?.evidence ?? "")
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
