import type {
  ActionFunctionArgs,
  HeadersFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { checkCurrentPassword } from "../../db/queries/sign-in.server";
import { changePassword } from "../../db/queries/users.server";
import { passwordSchema } from "../../db/accounts/user-rules";
import { getDb } from "../../db/runtime.server";
import { CsrfInput, ErrorSummary, Field, NewPasswordFields } from "~/components/forms";
import { createI18n, useI18n, type MessageKey } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";
import { metaI18n, pageTitle } from "~/i18n/meta";
import { readForm } from "~/utils/csrf.server";
import { fieldErrors } from "~/utils/field-errors";
import { requireSignedIn } from "~/utils/permissions.server";
import { clientIp } from "~/utils/session.server";

/** Passes the action's Retry-After (when locked) on to the document response. */
export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders;

export const meta: MetaFunction = ({ matches }) => {
  const i18n = metaI18n(matches);
  return [{ title: pageTitle(i18n, i18n.t("account.password.title")) }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requireSignedIn(request);
  return null;
}

const change = z
  .object({
    currentPassword: z.string().min(1),
    newPassword: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ["confirmPassword"],
  });

/** What each field's error says, in the visitor's language. */
const FIELD_ERRORS: Record<string, MessageKey> = {
  currentPassword: "account.password.error.current",
  newPassword: "account.password.error.new",
  confirmPassword: "account.password.error.confirm",
};

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireSignedIn(request);
  const form = await readForm(request);
  const { t } = createI18n(localeOf(request));
  const parsed = change.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const errors = Object.fromEntries(
      Object.entries(fieldErrors(parsed.error)).map(([field, message]) => {
        const key = FIELD_ERRORS[field];
        return [field, key ? t(key) : message];
      }),
    );
    return data({ errors, done: false }, { status: 400 });
  }
  const ip = clientIp(request);
  // Counted and limited like sign-ins: a stolen session must not allow unlimited guesses.
  const current = await checkCurrentPassword(getDb(), {
    userId: user.id,
    password: parsed.data.currentPassword,
    ip,
  });
  if (!current.ok && current.reason !== "invalid") {
    const message =
      current.reason === "busy"
        ? t("account.password.error.busy")
        : t("account.password.error.locked", {
            minutes: Math.ceil(current.retryAfterSeconds / 60),
          });
    return data(
      { errors: { currentPassword: message }, done: false },
      { status: 429, headers: { "Retry-After": String(current.retryAfterSeconds) } },
    );
  }
  const changed =
    current.ok &&
    (await changePassword(getDb(), {
      userId: user.id,
      currentPassword: parsed.data.currentPassword,
      newPassword: parsed.data.newPassword,
      keepSession: user.sessionId,
      actor: { id: user.id, name: user.username, ip },
    }));
  if (!changed) {
    return data(
      { errors: { currentPassword: t("account.password.error.wrongCurrent") }, done: false },
      { status: 400 },
    );
  }
  return { errors: {}, done: true };
}

export default function ChangePassword() {
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const errors: Record<string, string> | undefined = result?.errors;
  return (
    <section className="narrow">
      <h1>{t("account.password.title")}</h1>
      {result?.done ? (
        <p className="notice" role="status">
          {t("account.password.done")}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate>
        <CsrfInput />
        <Field
          name="currentPassword"
          label={t("account.password.current")}
          type="password"
          autoComplete="current-password"
          error={errors?.currentPassword}
        />
        <NewPasswordFields name="newPassword" label={t("account.password.new")} errors={errors} />
        <button type="submit" className="button">
          {t("account.password.submit")}
        </button>
      </Form>
    </section>
  );
}
