import { useRouteLoaderData } from "@remix-run/react";
import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from "react";
import { useI18n } from "~/i18n/i18n";

interface RootData {
  csrf: string;
}

/** The CSRF token every form posts back (see app/utils/csrf.server.ts). */
export function CsrfInput() {
  const root = useRouteLoaderData<RootData>("root");
  return <input type="hidden" name="csrf" value={root?.csrf ?? ""} />;
}

export type FieldErrors = Partial<Record<string, string>>;

/** GOV.UK-style error summary: each message links to the field at fault. */
export function ErrorSummary({
  errors,
  title,
}: {
  errors: FieldErrors | undefined;
  /** Default: "There is a problem", in the page's language. */
  title?: string;
}) {
  const { t } = useI18n();
  const entries = Object.entries(errors ?? {}).filter((entry): entry is [string, string] =>
    Boolean(entry[1]),
  );
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{title ?? t("common.errorSummary.title")}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>{field === "form" ? message : <a href={`#${field}`}>{message}</a>}</li>
        ))}
      </ul>
    </div>
  );
}

interface FrameProps {
  name: string;
  /** The control's id, where the name is not unique on the page; default the name. */
  id?: string | undefined;
  label: ReactNode;
  hint?: ReactNode | undefined;
  error?: string | undefined;
}

/** A field's label, hint and error around its control, which gets the ids to point at. */
function FieldFrame({
  name,
  id = name,
  label,
  hint,
  error,
  children,
}: FrameProps & { children: (describedBy: string | undefined) => ReactNode }) {
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
      {children(describedBy || undefined)}
    </div>
  );
}

type FieldProps = FrameProps & InputHTMLAttributes<HTMLInputElement>;

export function Field({ name, id = name, label, hint, error, ...input }: FieldProps) {
  return (
    <FieldFrame name={name} id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <input
          id={id}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...input}
        />
      )}
    </FieldFrame>
  );
}

type TextAreaFieldProps = FrameProps & TextareaHTMLAttributes<HTMLTextAreaElement>;

/** A Field for prose: the same label, hint and error, a textarea to write in. */
export function TextAreaField({
  name,
  id = name,
  label,
  hint,
  error,
  ...textarea
}: TextAreaFieldProps) {
  return (
    <FieldFrame name={name} id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <textarea
          id={id}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...textarea}
        />
      )}
    </FieldFrame>
  );
}

/**
 * A new password and its repetition (field `confirmPassword`), as every password form asks.
 * `forSomeoneElse`: an admin sets it, and is reminded to pass it on safely.
 */
export function NewPasswordFields({
  name,
  label,
  forSomeoneElse = false,
  errors,
}: {
  name: string;
  label: string;
  forSomeoneElse?: boolean;
  errors: Partial<Record<string, string>> | undefined;
}) {
  const { t } = useI18n();
  const hint = t(forSomeoneElse ? "common.password.hintForSomeoneElse" : "common.password.hint");
  return (
    <>
      <Field
        name={name}
        label={label}
        hint={hint}
        type="password"
        autoComplete="new-password"
        error={errors?.[name]}
      />
      <Field
        name="confirmPassword"
        label={t("common.password.repeat")}
        type="password"
        autoComplete="new-password"
        error={errors?.confirmPassword}
      />
    </>
  );
}
