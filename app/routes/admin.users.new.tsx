import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { listDepartmentOptions } from "../../db/queries/departments.server";
import { createUserWithDepartments } from "../../db/queries/users.server";
import { getDb } from "../../db/runtime.server";
import { ROLES } from "../../db/schema/enum-values";
import { CsrfInput, ErrorSummary, Field, NewPasswordFields } from "~/components/forms";
import { DepartmentCheckboxes } from "~/components/department-checkboxes";
import { createI18n, useI18n } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";
import { metaI18n, pageTitle } from "~/i18n/meta";
import { parseNewUserForm, refusalErrors } from "~/utils/admin-user-forms.server";
import { roleLabel } from "~/utils/format";
import { readForm } from "~/utils/csrf.server";
import { requireUser } from "~/utils/permissions.server";
import { clientIp } from "~/utils/session.server";

export const meta: MetaFunction = ({ matches }) => {
  const i18n = metaI18n(matches);
  return [{ title: pageTitle(i18n, i18n.t("admin.users.new")) }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["admin"] });
  const departments = await listDepartmentOptions(getDb());
  return { departments, roles: ROLES };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireUser(request, { roles: ["admin"] });
  const form = await readForm(request);
  const i18n = createI18n(localeOf(request));
  const values = {
    username: String(form.get("username") ?? ""),
    displayName: String(form.get("displayName") ?? ""),
    role: String(form.get("role") ?? ""),
    departmentIds: form.getAll("departmentIds").map(String),
  };
  const parsed = parseNewUserForm(form, i18n);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  const result = await createUserWithDepartments(getDb(), parsed.data, {
    id: admin.id,
    name: admin.username,
    ip: clientIp(request),
  });
  if (!result.ok) {
    return data({ errors: refusalErrors(i18n, result.reason), values }, { status: 400 });
  }
  return redirect(`/admin/users/${result.userId}?created=1`);
}

export default function NewUser() {
  const { departments, roles } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const i18n = useI18n();
  const { t } = i18n;
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
        <Link to="/admin/users">{t("admin.users.back")}</Link>
      </p>
      <h1>{t("admin.users.new")}</h1>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate>
        <CsrfInput />
        <Field
          name="username"
          label={t("admin.users.username")}
          hint={t("admin.new.usernameHint")}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          defaultValue={values?.username}
          error={errors?.username}
        />
        <Field
          name="displayName"
          label={t("admin.users.displayName")}
          defaultValue={values?.displayName}
          error={errors?.displayName}
        />
        <div className={errors?.role ? "field field-error" : "field"}>
          <label htmlFor="role">{t("admin.users.role")}</label>
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
              {t("admin.new.chooseRole")}
            </option>
            {roles.map((option) => (
              <option key={option} value={option}>
                {roleLabel(i18n, option)}
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
          label={t("admin.new.initialPassword")}
          forSomeoneElse
          errors={errors}
        />
        <button type="submit" className="button">
          {t("admin.new.submit")}
        </button>
      </Form>
    </section>
  );
}
