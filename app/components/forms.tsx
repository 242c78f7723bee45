import { useRouteLoaderData } from "@remix-run/react";
import type { InputHTMLAttributes, ReactNode } from "react";

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
  title = "请更正以下问题 There is a problem",
}: {
  errors: FieldErrors | undefined;
  title?: string;
}) {
  const entries = Object.entries(errors ?? {}).filter((entry): entry is [string, string] =>
    Boolean(entry[1]),
  );
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>{field === "form" ? message : <a href={`#${field}`}>{message}</a>}</li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
}

export function Field({ name, label, hint, error, ...input }: FieldProps) {
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={error ? "field field-error" : "field"}>
      <label htmlFor={name}>{label}</label>
      {hint ? (
        <p className="hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="error-message" id={`${name}-error`}>
          {error}
        </p>
      ) : null}
      <input
        id={name}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
    </div>
  );
}

export const SET_FOR_SOMEONE_ELSE_HINT =
  "至少 12 个字符；请通过安全渠道告知用户 At least 12 characters; tell the user through a safe channel";

/** A new password and its repetition (field `confirmPassword`), as every password form asks. */
export function NewPasswordFields({
  name,
  label,
  hint = "至少 12 个字符 At least 12 characters",
  errors,
}: {
  name: string;
  label: string;
  hint?: string;
  errors: Partial<Record<string, string>> | undefined;
}) {
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
        label="再次输入新密码 Repeat the new password"
        type="password"
        autoComplete="new-password"
        error={errors?.confirmPassword}
      />
    </>
  );
}
