import { Form } from "@remix-run/react";
import { CsrfInput, type FieldErrors } from "~/components/forms";
import { useI18n } from "~/i18n/i18n";

/**
 * The conflict-of-interest declaration (利益冲突声明), the one thing an evaluator can do
 * before the project's material opens: no conflict, or a conflict with its statement.
 */
export function DeclarationForm({
  errors,
  values,
}: {
  errors: FieldErrors | undefined;
  values: Partial<Record<string, string>> | undefined;
}) {
  const { t } = useI18n();
  const statementError = errors?.statement;
  const declarationError = errors?.declaration;
  return (
    <section aria-labelledby="declare-heading" className="declaration">
      <h2 id="declare-heading">{t("evaluation.declare.heading")}</h2>
      <p>{t("evaluation.declare.intro")}</p>
      <Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="intent" value="declare" />
        <fieldset
          className={declarationError ? "checkboxes field-error" : "checkboxes"}
          aria-describedby={declarationError ? "declaration-error" : undefined}
        >
          <legend>{t("evaluation.declare.legend")}</legend>
          {declarationError ? (
            <p className="error-message" id="declaration-error">
              {declarationError}
            </p>
          ) : null}
          <label className="choice">
            <input
              type="radio"
              id="declaration"
              name="declaration"
              value="none"
              defaultChecked={values?.declaration === "none"}
            />{" "}
            {t("evaluation.declare.none")}
          </label>
          <label className="choice">
            <input
              type="radio"
              name="declaration"
              value="conflict"
              defaultChecked={values?.declaration === "conflict"}
            />{" "}
            {t("evaluation.declare.conflict")}
          </label>
        </fieldset>
        <div className={statementError ? "field field-error" : "field"}>
          <label htmlFor="statement">{t("evaluation.declare.statement")}</label>
          <p className="hint" id="statement-hint">
            {t("evaluation.declare.statementHint")}
          </p>
          {statementError ? (
            <p className="error-message" id="statement-error">
              {statementError}
            </p>
          ) : null}
          <textarea
            id="statement"
            name="statement"
            rows={3}
            defaultValue={values?.statement ?? ""}
            aria-invalid={statementError ? true : undefined}
            aria-describedby={statementError ? "statement-hint statement-error" : "statement-hint"}
          />
        </div>
        <button type="submit" className="button">
          {t("evaluation.declare.submit")}
        </button>
      </Form>
    </section>
  );
}
