import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useI18n } from "~/i18n/i18n";

/**
 * The filters of a rating list as a GET form (the URL holds the view): a state, the
 * department (when the user has more than one), and whatever else the list filters by.
 */
export function RatingFilterForm({
  stateLabel,
  states,
  state,
  departments,
  department,
  children,
}: {
  stateLabel: string;
  states: ReadonlyArray<{ value: string; label: string }>;
  state: string;
  departments: ReadonlyArray<{ code: string; name: string }>;
  department: string;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Form method="get" className="filter-form" aria-label={t("ratings.filter.apply")}>
      <label>
        {stateLabel}
        <select name="state" defaultValue={state}>
          {states.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      {departments.length > 1 ? (
        <label>
          {t("ratings.filter.department")}
          <select name="department" defaultValue={department}>
            <option value="">{t("ratings.filter.all")}</option>
            {departments.map((option) => (
              <option key={option.code} value={option.code}>
                {option.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {children}
      <div className="filter-actions">
        <button type="submit" className="button">
          {t("ratings.filter.apply")}
        </button>
      </div>
    </Form>
  );
}

/** Accept and reject buttons of a comment (the one in its state already disabled). */
export function ModerationButtons({
  name,
  valueOf,
  current,
  labelOf,
}: {
  name: string;
  valueOf: (decision: "approved" | "rejected") => string;
  current: string | null;
  /** An accessible name naming the rating, where several rows have buttons. */
  labelOf?: (decision: "approved" | "rejected") => string;
}) {
  const { t } = useI18n();
  return (
    <span className="row-actions">
      {(["approved", "rejected"] as const).map((decision) => (
        <button
          key={decision}
          type="submit"
          name={name}
          value={valueOf(decision)}
          className={decision === "approved" ? "button button-secondary" : "button button-warning"}
          aria-label={labelOf?.(decision)}
          disabled={current === decision}
        >
          {t(decision === "approved" ? "ratings.approve" : "ratings.reject")}
        </button>
      ))}
    </span>
  );
}

/** A required reason typed in a textarea, with its hint and error tied to it. */
export function ReasonField({
  id,
  label,
  hint,
  error,
  defaultValue,
  rows,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  rows: number;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={error ? "field field-error" : "field"}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="error-message" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <textarea
        id={id}
        name="reason"
        rows={rows}
        maxLength={2000}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
    </div>
  );
}
