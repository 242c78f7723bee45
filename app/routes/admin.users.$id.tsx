import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useLocation,
  useSearchParams,
} from "@remix-run/react";
import { useEffect, useState } from "react";
import { listDepartmentOptions } from "../../db/queries/departments.server";
import {
  changeUserAccess,
  getUserForAdmin,
  resetUserPassword,
  setUserDisabled,
  type AdminRefusal,
} from "../../db/queries/users.server";
import { getDb } from "../../db/runtime.server";
import { ROLES } from "../../db/schema/enum-values";
import { CsrfInput, ErrorSummary, NewPasswordFields } from "~/components/forms";
import { DepartmentCheckboxes } from "~/components/department-checkboxes";
import { createI18n, useI18n, type I18n, type MessageKey } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";
import { metaI18n, pageTitle } from "~/i18n/meta";
import {
  parseAccessForm,
  parsePasswordForm,
  refusalErrors,
  type FormErrors,
} from "~/utils/admin-user-forms.server";
import { readForm } from "~/utils/csrf.server";
import { getSettings } from "~/utils/settings.server";
import { formatDateTime, roleLabel } from "~/utils/format";
import { requireIdParam } from "~/utils/id-param.server";
import { notFound, requireUser } from "~/utils/permissions.server";
import { clientIp } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const i18n = metaI18n(matches);
  const user = data?.user.username ?? i18n.t("admin.user.fallbackTitle");
  return [{ title: pageTitle(i18n, `${user} · ${i18n.t("admin.users.title")}`) }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireUser(request, { roles: ["admin"] });
  const user = await getUserForAdmin(getDb(), requireIdParam(params.id));
  if (!user) throw notFound();
  const departments = await listDepartmentOptions(getDb());
  const timeZone = getSettings().timeZone;
  const locale = localeOf(request);
  return {
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      departments: user.departments,
      disabledAt: user.disabledAt ? formatDateTime(user.disabledAt, timeZone, locale) : null,
      created: formatDateTime(user.createdAt, timeZone, locale),
    },
    isSelf: user.id === admin.id,
    departments,
    roles: ROLES,
  };
}

type Intent = "access" | "disable" | "enable" | "password";

function refusal(i18n: I18n, intent: Intent, reason: AdminRefusal) {
  if (reason === "not_found") throw notFound();
  return data({ intent, errors: refusalErrors(i18n, reason) }, { status: 400 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireUser(request, { roles: ["admin"] });
  const form = await readForm(request);
  const i18n = createI18n(localeOf(request));
  const userId = requireIdParam(params.id);
  const actor = { id: admin.id, name: admin.username, ip: clientIp(request) };
  const back = (done: string) => redirect(`/admin/users/${userId}?done=${done}`);
  const intent = form.get("intent");
  switch (intent) {
    case "access": {
      const parsed = parseAccessForm(form, i18n);
      if (!parsed.ok) return data({ intent, errors: parsed.errors }, { status: 400 });
      const result = await changeUserAccess(getDb(), { userId, ...parsed.data }, actor);
      if (!result.ok) return refusal(i18n, intent, result.reason);
      return back(result.changed ? "access" : "unchanged");
    }
    case "disable":
    case "enable": {
      const disabled = intent === "disable";
      const result = await setUserDisabled(getDb(), { userId, disabled }, actor);
      if (!result.ok) return refusal(i18n, intent, result.reason);
      return back(result.changed ? (disabled ? "disabled" : "enabled") : "unchanged");
    }
    case "password": {
      const parsed = parsePasswordForm(form, i18n);
      if (!parsed.ok) return data({ intent, errors: parsed.errors }, { status: 400 });
      const result = await resetUserPassword(
        getDb(),
        { userId, password: parsed.data.password },
        actor,
      );
      if (!result.ok) return refusal(i18n, intent, result.reason);
      return back("password");
    }
    default:
      return data(
        {
          intent: null,
          errors: {
            form: i18n.t("admin.error.unknownIntent"),
          } as FormErrors,
        },
        { status: 400 },
      );
  }
}

const NOTICES: Record<string, MessageKey> = {
  created: "admin.notice.created",
  access: "admin.notice.access",
  unchanged: "admin.notice.unchanged",
  disabled: "admin.notice.disabled",
  enabled: "admin.notice.enabled",
  password: "admin.notice.password",
};

export default function AdminUser() {
  const { user, isSelf, departments, roles } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const location = useLocation();
  const i18n = useI18n();
  const { t } = i18n;
  const noticeKey = NOTICES[params.get("created") === "1" ? "created" : (params.get("done") ?? "")];
  const notice = noticeKey ? t(noticeKey) : undefined;
  const errors: FormErrors | undefined = result?.errors;
  const errorsOf = (intent: Intent) => (result?.intent === intent ? errors : undefined);
  const accessErrors = errorsOf("access");
  const passwordErrors = errorsOf("password");

  const [role, setRole] = useState<string>(user.role);
  useEffect(() => setRole(user.role), [user.role]);
  // Without JavaScript the departments always show; with it, only for a steward.
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  const current = new Set(user.departments.map((department) => department.id));

  return (
    <>
      <p>
        <Link to="/admin/users">{t("admin.users.back")}</Link>
      </p>
      <h1>
        {user.displayName} <small>({user.username})</small>
      </h1>
      {notice && !result ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />

      <section className="panel" aria-labelledby="account-title">
        <h2 id="account-title">{t("admin.user.account")}</h2>
        <dl className="facts">
          <dt>{t("admin.users.username")}</dt>
          <dd>{user.username}</dd>
          <dt>{t("admin.users.role")}</dt>
          <dd>{roleLabel(i18n, user.role)}</dd>
          <dt>{t("admin.users.departments")}</dt>
          <dd>
            {user.departments.length === 0
              ? "—"
              : user.departments
                  .map((department) => `${department.name} (${department.code})`)
                  .join(t("admin.users.listSeparator"))}
          </dd>
          <dt>{t("admin.users.status")}</dt>
          <dd>
            {user.disabledAt
              ? t("admin.users.disabledSince", { when: user.disabledAt })
              : t("admin.users.active")}
          </dd>
          <dt>{t("admin.users.created")}</dt>
          <dd>{user.created}</dd>
        </dl>
      </section>

      <section className="panel" aria-labelledby="access-title">
        <h2 id="access-title">{t("admin.user.access")}</h2>
        <Form method="post" noValidate>
          <CsrfInput />
          <input type="hidden" name="intent" value="access" />
          <div className={accessErrors?.role ? "field field-error" : "field"}>
            <label htmlFor="role">{t("admin.users.role")}</label>
            {isSelf ? (
              <p className="hint" id="role-hint">
                {t("admin.user.cannotDemoteSelf")}
              </p>
            ) : null}
            {accessErrors?.role ? (
              <p className="error-message" id="role-error">
                {accessErrors.role}
              </p>
            ) : null}
            <select
              id="role"
              name="role"
              value={role}
              onChange={(event) => setRole(event.target.value)}
              aria-invalid={accessErrors?.role ? true : undefined}
              aria-describedby={
                [isSelf ? "role-hint" : null, accessErrors?.role ? "role-error" : null]
                  .filter(Boolean)
                  .join(" ") || undefined
              }
            >
              {roles.map((option) => (
                <option key={option} value={option}>
                  {roleLabel(i18n, option)}
                </option>
              ))}
            </select>
          </div>
          <DepartmentCheckboxes
            departments={departments}
            isChecked={(id) => current.has(id)}
            error={accessErrors?.departmentIds}
            hidden={enhanced && role !== "steward"}
          />
          <button type="submit" className="button">
            {t("admin.user.saveAccess")}
          </button>
        </Form>
      </section>

      <section className="panel" aria-labelledby="status-title">
        {user.disabledAt ? (
          <>
            <h2 id="status-title">{t("admin.user.enableTitle")}</h2>
            <p>{t("admin.user.enableText")}</p>
            <Form method="post">
              <CsrfInput />
              <input type="hidden" name="intent" value="enable" />
              <button type="submit" className="button">
                {t("admin.user.enable")}
              </button>
            </Form>
          </>
        ) : (
          <>
            <h2 id="status-title">{t("admin.user.disableTitle")}</h2>
            {isSelf ? (
              <p>{t("admin.user.cannotDisableSelf")}</p>
            ) : (
              <>
                <p>{t("admin.user.disableText")}</p>
                <Form method="post">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="disable" />
                  <button type="submit" className="button button-warning">
                    {t("admin.user.disable")}
                  </button>
                </Form>
              </>
            )}
          </>
        )}
      </section>

      <section className="panel" aria-labelledby="password-title">
        <h2 id="password-title">{t("admin.user.passwordTitle")}</h2>
        {isSelf ? (
          <p>
            {t("admin.user.ownPasswordBefore")}
            <Link to="/account/password">{t("admin.user.ownPasswordLink")}</Link>
            {t("admin.user.ownPasswordAfter")}
          </p>
        ) : (
          // A new form after each visit, so a reset password does not stay in the fields.
          <Form method="post" noValidate key={location.key}>
            <CsrfInput />
            <input type="hidden" name="intent" value="password" />
            <p>{t("admin.user.passwordText")}</p>
            <NewPasswordFields
              name="password"
              label={t("admin.user.newPassword")}
              forSomeoneElse
              errors={passwordErrors}
            />
            <button type="submit" className="button button-secondary">
              {t("admin.user.resetPassword")}
            </button>
          </Form>
        )}
      </section>
    </>
  );
}
