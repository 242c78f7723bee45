import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useI18n } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";
import { metaI18n, pageTitle } from "~/i18n/meta";
import { getSettings } from "~/utils/settings.server";
import { formatDateTime } from "~/utils/format";
import { listVisibleBatches } from "~/imports/batches.server";
import { batchStateLabel, kindLabel } from "~/imports/kinds";
import { requireUser } from "~/utils/permissions.server";

export const meta: MetaFunction = ({ matches }) => {
  const i18n = metaI18n(matches);
  return [{ title: pageTitle(i18n, i18n.t("imports.title")) }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "steward"] });
  const timeZone = getSettings().timeZone;
  const locale = localeOf(request);
  const batches = await listVisibleBatches(user);
  return {
    batches: batches.map((batch) => ({
      id: batch.id,
      kind: batch.kind,
      fileName: batch.fileName,
      state: batch.state,
      rowsAccepted: batch.rowsAccepted,
      rowsRejected: batch.rowsRejected,
      departmentName: batch.departmentName,
      created: formatDateTime(batch.createdAt, timeZone, locale),
    })),
  };
}

export default function Imports() {
  const { batches } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <>
      <h1>{t("imports.title")}</h1>
      {search.get("cancelled") ? (
        <p className="import-ok" role="status">
          {t("imports.list.cancelled")}
        </p>
      ) : null}
      <p className="import-links">
        <Link to="/imports/new" className="button">
          {t("imports.list.upload")}
        </Link>{" "}
        <Link to="/imports/columns">{t("imports.columnsLink")}</Link>
      </p>
      {batches.length === 0 ? (
        <p>{t("imports.list.empty")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("imports.list.when")}</th>
              <th scope="col">{t("imports.list.kind")}</th>
              <th scope="col">{t("imports.list.file")}</th>
              <th scope="col">{t("imports.list.department")}</th>
              <th scope="col">{t("imports.list.state")}</th>
              <th scope="col">{t("imports.list.acceptedRejected")}</th>
            </tr>
          </thead>
          <tbody>
            {batches.map((batch) => (
              <tr key={batch.id}>
                <td>{batch.created}</td>
                <td>{kindLabel(i18n, batch.kind)}</td>
                <td>
                  <Link to={`/imports/${batch.id}`}>{batch.fileName}</Link>
                </td>
                <td>{batch.departmentName ?? "—"}</td>
                <td>{batchStateLabel(i18n, batch.state)}</td>
                <td>
                  {i18n.number(batch.rowsAccepted)} / {i18n.number(batch.rowsRejected)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
