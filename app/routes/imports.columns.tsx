import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useI18n } from "~/i18n/i18n";
import { metaI18n, pageTitle } from "~/i18n/meta";
import { kindLabel } from "~/imports/kinds";
import { columnReference } from "~/imports/templates.server";
import { requireUser } from "~/utils/permissions.server";

export const meta: MetaFunction = ({ matches }) => {
  const i18n = metaI18n(matches);
  return [{ title: pageTitle(i18n, i18n.t("imports.columnsLink")) }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "steward"] });
  return { kinds: columnReference(user) };
}

export default function ImportColumns() {
  const { kinds } = useLoaderData<typeof loader>();
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <>
      <p>
        <Link to="/imports">{t("imports.back")}</Link>
      </p>
      <h1>{t("imports.columnsLink")}</h1>
      <p>{t("imports.columns.intro")}</p>
      <p>{t("imports.columns.cells")}</p>
      <nav aria-label={t("imports.columns.kinds")} className="import-kind-index">
        <ul>
          {kinds.map((entry) => (
            <li key={entry.kind}>
              <a href={`#kind-${entry.kind}`}>{kindLabel(i18n, entry.kind)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {kinds.map((entry) => (
        <section key={entry.kind} aria-labelledby={`kind-${entry.kind}`} className="import-kind">
          <h2 id={`kind-${entry.kind}`}>
            {kindLabel(i18n, entry.kind)} <code>{entry.kind}</code>
          </h2>
          {!entry.allowed ? <p className="hint">{t("imports.columns.adminOnly")}</p> : null}
          <p className="import-downloads">
            {t("imports.columns.template")}
            <a href={`/imports/templates/${entry.kind}.csv`} download>
              CSV
            </a>{" "}
            ·{" "}
            <a href={`/imports/templates/${entry.kind}.xlsx`} download>
              Excel (.xlsx)
            </a>{" "}
            · {t("imports.columns.example")}
            <a href={`/imports/examples/${entry.kind}.csv`} download>
              {t("imports.columns.demoData")}
            </a>
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("imports.columns.column")}</th>
                <th scope="col">{t("imports.columns.chinese")}</th>
                <th scope="col">{t("imports.columns.required")}</th>
                <th scope="col">{t("imports.columns.format")}</th>
              </tr>
            </thead>
            <tbody>
              {entry.columns.map((column) => (
                <tr key={column.name}>
                  <td>{column.required ? <strong>{column.name}</strong> : column.name}</td>
                  <td>{column.required ? <strong>{column.chinese}</strong> : column.chinese}</td>
                  <td>{t(column.required ? "imports.columns.yes" : "imports.columns.no")}</td>
                  <td>{t(column.note)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
