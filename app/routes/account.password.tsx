import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { changePassword } from "../../db/queries/users.server";
import { passwordSchema } from "../../db/queries/users.server";
import { getDb } from "../../db/runtime.server";
import { CsrfInput, ErrorSummary, Field, NewPasswordFields } from "~/components/forms";
import { readForm } from "~/utils/csrf.server";
import { fieldErrors } from "~/utils/field-errors";
import { requireSignedIn } from "~/utils/permissions.server";
import { clientIp } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "修改密码 Change password · 明镜 Mingjing" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireSignedIn(request);
  return null;
}

const change = z
  .object({
    currentPassword: z.string().min(1, "请输入当前密码 Enter your current password"),
    newPassword: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ["confirmPassword"],
    message: "两次输入的新密码不一致 The new passwords differ",
  });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireSignedIn(request);
  const form = await readForm(request);
  const parsed = change.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    return data({ errors, done: false }, { status: 400 });
  }
  const changed = await changePassword(getDb(), {
    userId: user.id,
    currentPassword: parsed.data.currentPassword,
    newPassword: parsed.data.newPassword,
    keepSession: user.sessionId,
    actor: { id: user.id, name: user.username, ip: clientIp(request) },
  });
  if (!changed) {
    return data(
      {
        errors: { currentPassword: "当前密码不正确 The current password is incorrect" },
        done: false,
      },
      { status: 400 },
    );
  }
  return { errors: {}, done: true };
}

export default function ChangePassword() {
  const result = useActionData<typeof action>();
  const errors: Record<string, string> | undefined = result?.errors;
  return (
    <section className="narrow">
      <h1>修改密码 Change password</h1>
      {result?.done ? (
        <p className="notice" role="status">
          密码已修改，其他设备上的登录已退出。Your password was changed; your other sessions were
          signed out.
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate>
        <CsrfInput />
        <Field
          name="currentPassword"
          label="当前密码 Current password"
          type="password"
          autoComplete="current-password"
          error={errors?.currentPassword}
        />
        <NewPasswordFields name="newPassword" label="新密码 New password" errors={errors} />
        <button type="submit" className="button">
          修改密码 Change password
        </button>
      </Form>
    </section>
  );
}
