import { Form } from "@remix-run/react";
import { useEffect } from "react";
import { CsrfInput, Field, type FieldErrors } from "~/components/forms";
import { useI18n } from "~/i18n/i18n";

export interface RoundFormDefaults {
  code?: string;
  name?: string;
  frameworkId?: string;
  periodStart?: string;
  periodEnd?: string;
  deadline?: string;
  disagreementThreshold?: string;
  projectIds?: string[];
}

/**
 * A round's settings, for a new round (with its code and first projects) or a planned
 * one's edit. Plain fields posted to the page's action: it works without JavaScript.
 */
export function RoundForm({
  frameworks,
  projects,
  defaults,
  errors,
  submitLabel,
}: {
  frameworks: ReadonlyArray<{ id: number; code: string; version: number; name: string }>;
  /** Given for a new round: its first projects, as checkboxes. */
  projects?: ReadonlyArray<{ id: number; code: string; name: string; departmentName: string }>;
  defaults: RoundFormDefaults;
  errors: FieldErrors | undefined;
  submitLabel: string;
}) {
  const { t } = useI18n();
  const chosen = new Set(defaults.projectIds ?? []);
  const frameworkError = errors?.frameworkId;
  const projectsError = errors?.projectIds;
  return (
    <Form method="post" noValidate className="round-form">
      <CsrfInput />
      {defaults.code !== undefined && projects ? (
        <Field
          name="code"
          label={t("rounds.field.code")}
          hint={t("rounds.field.codeHint")}
          autoComplete="off"
          spellCheck={false}
          defaultValue={defaults.code}
          error={errors?.code}
        />
      ) : null}
      <Field
        name="name"
        label={t("rounds.field.name")}
        defaultValue={defaults.name}
        error={errors?.name}
      />
      <div className={frameworkError ? "field field-error" : "field"}>
        <label htmlFor="frameworkId">{t("rounds.field.framework")}</label>
        {frameworkError ? (
          <p className="error-message" id="frameworkId-error">
            {frameworkError}
          </p>
        ) : null}
        <select
          id="frameworkId"
          name="frameworkId"
          defaultValue={defaults.frameworkId ?? ""}
          aria-invalid={frameworkError ? true : undefined}
          aria-describedby={frameworkError ? "frameworkId-error" : undefined}
        >
          <option value="" disabled>
            {t("rounds.field.chooseFramework")}
          </option>
          {frameworks.map((framework) => (
            <option key={framework.id} value={framework.id}>
              {t("rounds.framework", { code: framework.code, version: framework.version })} ·{" "}
              {framework.name}
            </option>
          ))}
        </select>
      </div>
      <Field
        name="periodStart"
        type="date"
        label={t("rounds.field.periodStart")}
        defaultValue={defaults.periodStart}
        error={errors?.periodStart}
      />
      <Field
        name="periodEnd"
        type="date"
        label={t("rounds.field.periodEnd")}
        defaultValue={defaults.periodEnd}
        error={errors?.periodEnd}
      />
      <Field
        name="deadline"
        type="date"
        label={t("rounds.field.deadline")}
        hint={t("rounds.field.deadlineHint")}
        defaultValue={defaults.deadline}
        error={errors?.deadline}
      />
      <Field
        name="disagreementThreshold"
        inputMode="decimal"
        label={t("rounds.field.threshold")}
        hint={t("rounds.field.thresholdHint")}
        defaultValue={defaults.disagreementThreshold}
        error={errors?.disagreementThreshold}
      />
      {projects ? (
        <fieldset
          className={projectsError ? "field-error checkboxes" : "checkboxes"}
          aria-describedby={projectsError ? "projectIds-hint projectIds-error" : "projectIds-hint"}
        >
          <legend>{t("rounds.field.projects")}</legend>
          <p className="hint" id="projectIds-hint">
            {t("rounds.field.projectsHint")}
          </p>
          {projectsError ? (
            <p className="error-message" id="projectIds-error">
              {projectsError}
            </p>
          ) : null}
          {projects.map((project, index) => {
            // The first box carries the field's id, so the error summary's link lands on it.
            const id = index === 0 ? "projectIds" : `projectIds-${project.id}`;
            return (
              <div key={project.id}>
                <input
                  type="checkbox"
                  id={id}
                  name="projectIds"
                  value={project.id}
                  defaultChecked={chosen.has(String(project.id))}
                />{" "}
                <label htmlFor={id}>
                  {project.name} ({project.code}, {project.departmentName})
                </label>
              </div>
            );
          })}
        </fieldset>
      ) : null}
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </Form>
  );
}

/**
 * A refused form's answer: its errors (the focus moves to their summary, GOV.UK's way)
 * and each field's posted text, else what the page had.
 */
export function useFormAnswer(
  answer: { errors?: FieldErrors; values?: Record<string, string | string[]> } | undefined,
) {
  const errors = answer?.errors;
  const values = answer?.values;
  useEffect(() => {
    if (errors) document.querySelector<HTMLElement>(".error-summary")?.focus();
  }, [errors]);
  const text = (name: string, stored: string | null = null): string | undefined => {
    const value = values?.[name];
    return typeof value === "string" ? value : (stored ?? undefined);
  };
  return { errors, values, text };
}
