import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useI18n } from "~/i18n/i18n";
import { metaI18n, pageTitle } from "~/i18n/meta";
import { requireUser } from "~/utils/permissions.server";

export const meta: MetaFunction = ({ matches }) => {
  const i18n = metaI18n(matches);
  return [{ title: pageTitle(i18n, i18n.t("admin.home.title")) }];
};

/** The admin's pages; the admin signs in to the user list, the first of them. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["admin"] });
  return null;
}

export default function AdminHome() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t("admin.home.title")}</h1>
      <ul>
        <li>
          <Link to="/admin/users">{t("admin.home.users")}</Link>
        </li>
        <li>
          <Link to="/admin/frameworks">{t("admin.home.frameworks")}</Link>
        </li>
        <li>
          <Link to="/admin/settings">{t("admin.home.settings")}</Link>
        </li>
        <li>
          <Link to="/admin/audit">{t("admin.home.audit")}</Link>
        </li>
      </ul>
    </>
  );
}
