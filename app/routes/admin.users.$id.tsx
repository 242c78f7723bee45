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
import {
  changeUserAccess,
  getUserForAdmin,
  listDepartmentOptions,
  parseAccessForm,
  parsePasswordForm,
  parseUserId,
  REFUSAL_MESSAGES,
  resetUserPassword,
  ROLE_LABELS,
  setUserDisabled,
  type AdminRefusal,
  type FormErrors,
} from "../../db/queries/admin-users.server";
import { getDb } from "../../db/runtime.server";
import { ROLES } from "../../db/schema/enums";
import {
  CsrfInput,
  ErrorSummary,
  NewPasswordFields,
  SET_FOR_SOMEONE_ELSE_HINT,
} from "~/components/forms";
import { DepartmentCheckboxes } from "~/components/department-checkboxes";
import { readForm } from "~/utils/csrf.server";
import { getSettings } from "~/utils/env.server";
import { formatDateTime } from "~/utils/format";
import { notFound, requireUser } from "~/utils/permissions.server";
import { clientIp } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.user.username ?? "用户 User"} · 用户管理 Users · 明镜 Mingjing` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireUser(request, { roles: ["admin"] });
  const userId = parseUserId(params.id);
  const user = userId === undefined ? undefined : await getUserForAdmin(getDb(), userId);
  if (!user) throw notFound();
  const departments = await listDepartmentOptions(getDb());
  return {
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      roleLabel: ROLE_LABELS[user.role],
      departments: user.departments,
      disabledAt: user.disabledAt ? formatDateTime(user.disabledAt, getSettings().timeZone) : null,
      created: formatDateTime(user.createdAt, getSettings().timeZone),
    },
    isSelf: user.id === admin.id,
    departments,
    roles: ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] })),
  };
}

type Intent = "access" | "disable" | "enable" | "password";

function refusal(intent: Intent, reason: AdminRefusal) {
  if (reason === "not_found") throw notFound();
  const { field, message } = REFUSAL_MESSAGES[reason];
  return data({ intent, errors: { [field]: message } as FormErrors }, { status: 400 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireUser(request, { roles: ["admin"] });
  const form = await readForm(request);
  const userId = parseUserId(params.id);
  if (userId === undefined) throw notFound();
  const actor = { id: admin.id, name: admin.username, ip: clientIp(request) };
  const back = (done: string) => redirect(`/admin/users/${userId}?done=${done}`);
  const intent = form.get("intent");
  switch (intent) {
    case "access": {
      const parsed = parseAccessForm(form);
      if (!parsed.ok) return data({ intent, errors: parsed.errors }, { status: 400 });
      const result = await changeUserAccess(getDb(), { userId, ...parsed.data }, actor);
      if (!result.ok) return refusal(intent, result.reason);
      return back(result.changed ? "access" : "unchanged");
    }
    case "disable":
    case "enable": {
      const disabled = intent === "disable";
      const result = await setUserDisabled(getDb(), { userId, disabled }, actor);
      if (!result.ok) return refusal(intent, result.reason);
      return back(result.changed ? (disabled ? "disabled" : "enabled") : "unchanged");
    }
    case "password": {
      const parsed = parsePasswordForm(form);
      if (!parsed.ok) return data({ intent, errors: parsed.errors }, { status: 400 });
      const result = await resetUserPassword(
        getDb(),
        { userId, password: parsed.data.password },
        actor,
      );
      if (!result.ok) return refusal(intent, result.reason);
      return back("password");
    }
    default:
      return data(
        {
          intent: null,
          errors: {
            form: "未知的操作 Unknown action: reload the page and try again",
          } as FormErrors,
        },
        { status: 400 },
      );
  }
}

const NOTICES: Record<string, string> = {
  created: "用户已创建。The user was created.",
  access: "角色与部门已更新。Role and departments were updated.",
  unchanged: "没有变化。Nothing changed.",
  disabled:
    "账户已停用，其所有登录已立即退出。The account was disabled; all its sessions ended at once.",
  enabled: "账户已启用。The account was enabled.",
  password:
    "密码已重置，该用户的所有登录已退出。The password was reset; all the user's sessions ended.",
};

export default function AdminUser() {
  const { user, isSelf, departments, roles } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const location = useLocation();
  const notice = NOTICES[params.get("created") === "1" ? "created" : (params.get("done") ?? "")];
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
        <Link to="/admin/users">← 用户管理 Users</Link>
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
        <h2 id="account-title">账户 Account</h2>
        <dl className="facts">
          <dt>用户名 Username</dt>
          <dd>{user.username}</dd>
          <dt>角色 Role</dt>
          <dd>{user.roleLabel}</dd>
          <dt>负责部门 Departments</dt>
          <dd>
            {user.departments.length === 0
              ? "—"
              : user.departments
                  .map((department) => `${department.name} (${department.code})`)
                  .join("、")}
          </dd>
          <dt>状态 Status</dt>
          <dd>{user.disabledAt ? `已停用 Disabled (${user.disabledAt})` : "正常 Active"}</dd>
          <dt>创建时间 Created</dt>
          <dd>{user.created}</dd>
        </dl>
      </section>

      <section className="panel" aria-labelledby="access-title">
        <h2 id="access-title">角色与部门 Role and departments</h2>
        <Form method="post" noValidate>
          <CsrfInput />
          <input type="hidden" name="intent" value="access" />
          <div className={accessErrors?.role ? "field field-error" : "field"}>
            <label htmlFor="role">角色 Role</label>
            {isSelf ? (
              <p className="hint" id="role-hint">
                不能取消自己的系统管理员角色 You cannot remove your own administrator role
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
                <option key={option.value} value={option.value}>
                  {option.label}
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
            保存角色与部门 Save role and departments
          </button>
        </Form>
      </section>

      <section className="panel" aria-labelledby="status-title">
        {user.disabledAt ? (
          <>
            <h2 id="status-title">启用账户 Enable the account</h2>
            <p>启用后该用户可以重新登录。Once enabled, the user can sign in again.</p>
            <Form method="post">
              <CsrfInput />
              <input type="hidden" name="intent" value="enable" />
              <button type="submit" className="button">
                启用账户 Enable account
              </button>
            </Form>
          </>
        ) : (
          <>
            <h2 id="status-title">停用账户 Disable the account</h2>
            {isSelf ? (
              <p>不能停用自己的账户。You cannot disable your own account.</p>
            ) : (
              <>
                <p>
                  停用后该用户的所有登录立即退出，且无法再登录，直到重新启用。The user&apos;s
                  sessions end at once and they cannot sign in until the account is enabled again.
                </p>
                <Form method="post">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="disable" />
                  <button type="submit" className="button button-warning">
                    停用账户 Disable account
                  </button>
                </Form>
              </>
            )}
          </>
        )}
      </section>

      <section className="panel" aria-labelledby="password-title">
        <h2 id="password-title">重置密码 Reset the password</h2>
        {isSelf ? (
          <p>
            请在<Link to="/account/password">修改密码 Change password</Link>
            页面修改自己的密码。Change your own password there.
          </p>
        ) : (
          // A new form after each visit, so a reset password does not stay in the fields.
          <Form method="post" noValidate key={location.key}>
            <CsrfInput />
            <input type="hidden" name="intent" value="password" />
            <p>
              重置后该用户的所有登录立即退出。All the user&apos;s sessions end when the password is
              reset.
            </p>
            <NewPasswordFields
              name="password"
              label="新密码 New password"
              hint={SET_FOR_SOMEONE_ELSE_HINT}
              errors={passwordErrors}
            />
            <button type="submit" className="button button-secondary">
              重置密码 Reset password
            </button>
          </Form>
        )}
      </section>
    </>
  );
}
