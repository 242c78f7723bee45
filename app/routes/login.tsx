import type {
  ActionFunctionArgs,
  HeadersFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { signIn } from "../../db/queries/sign-in.server";
import { getDb } from "../../db/runtime.server";
import { CsrfInput, ErrorSummary, Field } from "~/components/forms";
import { createI18n, useI18n, type I18n } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";
import { metaI18n, pageTitle } from "~/i18n/meta";
import { readForm } from "~/utils/csrf.server";
import { fieldErrors } from "~/utils/field-errors";
import { homeOf } from "~/utils/permissions.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { clientIp, getOptionalUser, startSession } from "~/utils/session.server";

/** Passes the action's Retry-After (when locked) on to the document response. */
export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders;

export const meta: MetaFunction = ({ matches }) => {
  const i18n = metaI18n(matches);
  return [{ title: pageTitle(i18n, i18n.t("account.login.title")) }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  if (user)
    throw redirect(
      safeRedirect(new URL(request.url).searchParams.get("redirectTo"), homeOf(user.role)),
    );
  return null;
}

const credentials = (i18n: I18n) =>
  z.object({
    username: z.string().trim().min(1, i18n.t("account.login.error.username")).max(64),
    password: z.string().min(1, i18n.t("account.login.error.password")).max(256),
  });

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const i18n = createI18n(localeOf(request));
  const parsed = credentials(i18n).safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    return data({ errors, username: String(form.get("username") ?? "") }, { status: 400 });
  }
  const result = await signIn(getDb(), { ...parsed.data, ip: clientIp(request) });
  if (!result.ok && result.reason !== "invalid") {
    const minutes = Math.ceil(result.retryAfterSeconds / 60);
    const message =
      result.reason === "busy"
        ? i18n.t("account.login.error.busy")
        : minutes === 1
          ? i18n.t("account.login.error.lockedOneMinute")
          : i18n.t("account.login.error.locked", { minutes });
    return data(
      { errors: { form: message }, username: parsed.data.username },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  if (!result.ok)
    return data(
      { errors: { form: i18n.t("account.login.error.invalid") }, username: parsed.data.username },
      { status: 400 },
    );
  const cookie = await startSession(request, result.userId);
  const target = safeRedirect(
    form.get("redirectTo"),
    homeOf(result.role as Parameters<typeof homeOf>[0]),
  );
  return redirect(target, { headers: { "Set-Cookie": cookie } });
}

export default function Login() {
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useI18n();
  const errors: Record<string, string> | undefined = actionData?.errors;
  return (
    <section className="narrow">
      <h1>{t("account.login.title")}</h1>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <Field
          name="username"
          label={t("account.login.username")}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          defaultValue={actionData?.username}
          error={errors?.username}
          required
        />
        <Field
          name="password"
          label={t("account.login.password")}
          type="password"
          autoComplete="current-password"
          error={errors?.password}
          required
        />
        <button type="submit" className="button">
          {t("account.login.submit")}
        </button>
      </Form>
    </section>
  );
}
