import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "../../db/runtime.server";
import { TableScroll } from "~/components/table-scroll";
import { roundStateLabel } from "~/evaluation/deadline-text";
import evaluationStyles from "~/evaluation/evaluation.css";
import { localToday, roundList } from "~/evaluation/rounds.server";
import { useI18n } from "~/i18n/i18n";
import { metaI18n, pageTitle } from "~/i18n/meta";
import { requireUser } from "~/utils/permissions.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: evaluationStyles }];

export const meta: MetaFunction = ({ matches }) => {
  const i18n = metaI18n(matches);
  return [{ title: pageTitle(i18n, i18n.t("rounds.title")) }];
};

/** Every round for leaders and admins: state, framework version, period, progress, conflicts. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["admin", "leader"] });
  return { rounds: await roundList(getDb(), localToday()) };
}

export default function Rounds() {
  const { rounds } = useLoaderData<typeof loader>();
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <>
      <p>
        <Link to="/evaluation">{t("evaluation.title")}</Link>
      </p>
      <h1>{t("rounds.title")}</h1>
      <p>
        <Link to="/evaluation/rounds/new" className="button">
          {t("rounds.new")}
        </Link>
      </p>
      {rounds.length === 0 ? (
        <p>{t("rounds.empty")}</p>
      ) : (
        <TableScroll labelledBy="rounds-caption">
          <table className="rounds">
            <caption id="rounds-caption">{t("rounds.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("rounds.column.code")}</th>
                <th scope="col">{t("rounds.column.name")}</th>
                <th scope="col">{t("rounds.column.state")}</th>
                <th scope="col">{t("rounds.column.framework")}</th>
                <th scope="col">{t("rounds.column.period")}</th>
                <th scope="col">{t("rounds.column.deadline")}</th>
                <th scope="col">{t("rounds.column.projects")}</th>
                <th scope="col">{t("rounds.column.progress")}</th>
                <th scope="col">{t("rounds.column.conflicts")}</th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((round) => (
                <tr key={round.id}>
                  <td>
                    <Link to={`/evaluation/rounds/${encodeURIComponent(round.code)}`}>
                      {round.code}
                    </Link>
                  </td>
                  <td>{round.name}</td>
                  <td>{roundStateLabel(i18n, round.state)}</td>
                  <td>
                    {t("rounds.framework", {
                      code: round.frameworkCode,
                      version: round.frameworkVersion,
                    })}
                  </td>
                  <td>
                    {t("rounds.page.periodRange", {
                      from: i18n.date(round.periodStart),
                      to: i18n.date(round.periodEnd),
                    })}
                  </td>
                  <td>
                    {round.deadline ? i18n.date(round.deadline) : t("rounds.noDeadline")}
                    {round.progress.overdue > 0 ? (
                      <>
                        {" "}
                        <strong className="overdue-mark">{t("rounds.overdue")}</strong>
                      </>
                    ) : null}
                  </td>
                  <td className="num">{i18n.number(round.projects)}</td>
                  <td>
                    {t("rounds.progress", {
                      submitted: round.progress.submitted,
                      active: round.progress.assignments - round.progress.conflicts,
                    })}
                  </td>
                  <td>
                    {round.progress.conflicts > 0 ? (
                      <strong>{t("rounds.conflictCount", { n: round.progress.conflicts })}</strong>
                    ) : (
                      i18n.number(0)
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
