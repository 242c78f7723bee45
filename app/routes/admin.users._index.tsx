import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listUsers } from "../../db/queries/users.server";
import { getDb } from "../../db/runtime.server";
import { useI18n } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";
import { metaI18n, pageTitle } from "~/i18n/meta";
import { getSettings } from "~/utils/settings.server";
import { formatDateTime, roleLabel } from "~/utils/format";
import { requireUser } from "~/utils/permissions.server";

export const meta: MetaFunction = ({ matches }) => {
  const i18n = metaI18n(matches);
  return [{ title: pageTitle(i18n, i18n.t("admin.users.title")) }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["admin"] });
  const timeZone = getSettings().timeZone;
  const locale = localeOf(request);
  const users = await listUsers(getDb());
  return {
    users: users.map((user) => ({
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      departments: user.departments.map((department) => department.name),
      disabled: user.disabledAt !== null,
      created: formatDateTime(user.createdAt, timeZone, locale),
    })),
  };
}

export default function AdminUsers() {
  const { users } = useLoaderData<typeof loader>();
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <>
      <h1>{t("admin.users.title")}</h1>
      <p>
        <Link to="/admin/users/new" className="button">
          {t("admin.users.new")}
        </Link>{" "}
        <Link to="/admin/audit">{t("admin.users.auditLog")}</Link>
      </p>
      <table>
        <caption>{t("admin.users.caption", { count: users.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("admin.users.username")}</th>
            <th scope="col">{t("admin.users.displayName")}</th>
            <th scope="col">{t("admin.users.role")}</th>
            <th scope="col">{t("admin.users.departments")}</th>
            <th scope="col">{t("admin.users.status")}</th>
            <th scope="col">{t("admin.users.created")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>
                <Link to={`/admin/users/${user.id}`}>{user.username}</Link>
              </td>
              <td>{user.displayName}</td>
              <td>{roleLabel(i18n, user.role)}</td>
              <td>
                {user.departments.length > 0
                  ? user.departments.join(t("admin.users.listSeparator"))
                  : "—"}
              </td>
              <td>{t(user.disabled ? "admin.users.disabled" : "admin.users.active")}</td>
              <td>{user.created}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
