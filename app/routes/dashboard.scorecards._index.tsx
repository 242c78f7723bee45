import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { listScorecards } from "../../db/queries/scorecard-snapshots.server";
import { getDb } from "../../db/runtime.server";
import { scorecardPagePath } from "../../db/scorecards/addresses";
import { TableScroll } from "~/components/table-scroll";
import { useI18n } from "~/i18n/i18n";
import { metaI18n, pageTitle } from "~/i18n/meta";
import { requirePublisher } from "~/scorecards/publishing.server";

export const meta: MetaFunction = ({ matches }) => {
  const i18n = metaI18n(matches);
  return [{ title: pageTitle(i18n, i18n.t("scorecards.publishing.title")) }];
};

/** Leaders and admins: every project and department with its latest published version. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePublisher(request);
  return { rows: await listScorecards(getDb()) };
}

export default function ScorecardList() {
  const { rows } = useLoaderData<typeof loader>();
  const i18n = useI18n();
  const title = i18n.t("scorecards.publishing.title");
  return (
    <>
      <h1>{title}</h1>
      <p className="lede">{i18n.t("scorecards.publishing.lede")}</p>
      <TableScroll label={title}>
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{i18n.t("scorecards.col.subject")}</th>
              <th scope="col">{i18n.t("dashboard.col.code")}</th>
              <th scope="col">{i18n.t("scorecards.col.name")}</th>
              <th scope="col">{i18n.t("scorecards.col.latest")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.subject}/${row.code}`}>
                <td>{i18n.t(`scorecards.subject.${row.subject}`)}</td>
                <td>{row.code}</td>
                <th scope="row">
                  <a href={`/dashboard/scorecards/${row.subject}s/${encodeURIComponent(row.code)}`}>
                    {i18n.t("scorecards.review", { name: row.name })}
                  </a>
                </th>
                <td>
                  {row.latestVersion === null || row.latestPublishedAt === null ? (
                    i18n.t("scorecards.notPublished")
                  ) : (
                    <a href={scorecardPagePath(row.subject, row.code)}>
                      {i18n.t("scorecards.latestCell", {
                        version: row.latestVersion,
                        date: i18n.date(row.latestPublishedAt.slice(0, 10)),
                      })}
                    </a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
