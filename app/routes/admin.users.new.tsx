import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import {
  createUserWithDepartments,
  listDepartmentOptions,
  parseNewUserForm,
  REFUSAL_MESSAGES,
  ROLE_LABELS,
} from "../../db/queries/admin-users.server";
import { getDb } from "../../db/runtime.server";
import { ROLES } from "../../db/schema/enums";
import {
  CsrfInput,
  ErrorSummary,
  Field,
  NewPasswordFields,
  SET_FOR_SOMEONE_ELSE_HINT,
} from "~/components/forms";
import { DepartmentCheckboxes } from "~/components/department-checkboxes";
import { readForm } from "~/utils/csrf.server";
import { requireUser } from "~/utils/permissions.server";
import { clientIp } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "新建用户 New user · 明镜 Mingjing" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["admin"] });
  const departments = await listDepartmentOptions(getDb());
  const roles = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
  return { departments, roles };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireUser(request, { roles: ["admin"] });
  const form = await readForm(request);
  const values = {
    username: String(form.get("username") ?? ""),
    displayName: String(form.get("displayName") ?? ""),
    role: String(form.get("role") ?? ""),
    departmentIds: form.getAll("departmentIds").map(String),
  };
  const parsed = parseNewUserForm(form);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  const result = await createUserWithDepartments(getDb(), parsed.data, {
    id: admin.id,
    name: admin.username,
    ip: clientIp(request),
  });
  if (!result.ok) {
    const { field, message } = REFUSAL_MESSAGES[result.reason];
    return data({ errors: { [field]: message }, values }, { status: 400 });
  }
  return redirect(`/admin/users/${result.userId}?created=1`);
}

export default function NewUser() {
  const { departments, roles } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string | undefined> | undefined = result?.errors;
  const values = result?.values;
  const [role, setRole] = useState(values?.role ?? "");
  // Without JavaScript the departments always show; with it, only for a steward.
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  const chosen = new Set(values?.departmentIds ?? []);
  const departmentsError = errors?.departmentIds;
  return (
    <section className="narrow">
      <p>
        <Link to="/admin/users">← 用户管理 Users</Link>
      </p>
      <h1>新建用户 New user</h1>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate>
        <CsrfInput />
        <Field
          name="username"
          label="用户名 Username"
          hint="2–64 个字母、数字或 . _ -，不区分大小写 2–64 letters, digits, '.', '_' or '-'; case does not matter"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          defaultValue={values?.username}
          error={errors?.username}
        />
        <Field
          name="displayName"
          label="显示名称 Display name"
          defaultValue={values?.displayName}
          error={errors?.displayName}
        />
        <div className={errors?.role ? "field field-error" : "field"}>
          <label htmlFor="role">角色 Role</label>
          {errors?.role ? (
            <p className="error-message" id="role-error">
              {errors.role}
            </p>
          ) : null}
          <select
            id="role"
            name="role"
            value={role}
            onChange={(event) => setRole(event.target.value)}
            aria-invalid={errors?.role ? true : undefined}
            aria-describedby={errors?.role ? "role-error" : undefined}
          >
            <option value="" disabled>
              请选择 Choose a role
            </option>
            {roles.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <DepartmentCheckboxes
          departments={departments}
          isChecked={(id) => chosen.has(String(id))}
          error={departmentsError}
          hidden={enhanced && role !== "steward"}
        />
        <NewPasswordFields
          name="password"
          label="初始密码 Initial password"
          hint={SET_FOR_SOMEONE_ELSE_HINT}
          errors={errors}
        />
        <button type="submit" className="button">
          创建用户 Create user
        </button>
      </Form>
    </section>
  );
}
