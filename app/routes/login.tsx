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
import { readForm } from "~/utils/csrf.server";
import { fieldErrors } from "~/utils/field-errors";
import { homeOf } from "~/utils/permissions.server";
import { clientIp, getOptionalUser, startSession } from "~/utils/session.server";

/** Passes the action's Retry-After (when locked) on to the document response. */
export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders;

export const meta: MetaFunction = () => [{ title: "登录 Sign in · 明镜 Mingjing" }];

/** Only paths on this site: an open redirect would let a link send people elsewhere. */
function safeRedirect(target: FormDataEntryValue | string | null, fallback: string): string {
  if (
    typeof target !== "string" ||
    !target.startsWith("/") ||
    target.startsWith("//") ||
    target.startsWith("/\\")
  ) {
    return fallback;
  }
  return target;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  if (user)
    throw redirect(
      safeRedirect(new URL(request.url).searchParams.get("redirectTo"), homeOf(user.role)),
    );
  return null;
}

const credentials = z.object({
  username: z.string().trim().min(1, "请输入用户名 Enter your username").max(64),
  password: z.string().min(1, "请输入密码 Enter your password").max(256),
});

const INVALID = "用户名或密码不正确。Username or password is incorrect.";

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = credentials.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    return data({ errors, username: String(form.get("username") ?? "") }, { status: 400 });
  }
  const result = await signIn(getDb(), { ...parsed.data, ip: clientIp(request) });
  if (!result.ok && result.reason === "locked") {
    const minutes = Math.ceil(result.retryAfterSeconds / 60);
    const message = `登录失败次数过多，请 ${minutes} 分钟后再试。Too many failed sign-ins: try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
    return data(
      { errors: { form: message }, username: parsed.data.username },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  if (!result.ok)
    return data({ errors: { form: INVALID }, username: parsed.data.username }, { status: 400 });
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
  const errors: Record<string, string> | undefined = actionData?.errors;
  return (
    <section className="narrow">
      <h1>登录 Sign in</h1>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <Field
          name="username"
          label="用户名 Username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          defaultValue={actionData?.username}
          error={errors?.username}
          required
        />
        <Field
          name="password"
          label="密码 Password"
          type="password"
          autoComplete="current-password"
          error={errors?.password}
          required
        />
        <button type="submit" className="button">
          登录 Sign in
        </button>
      </Form>
    </section>
  );
}
