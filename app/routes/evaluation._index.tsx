import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { declarationOf, listAssignments } from "../../db/queries/assignments.server";
import { getDb } from "../../db/runtime.server";
import evaluationStyles from "~/evaluation/evaluation.css";
import { useI18n, type I18n } from "~/i18n/i18n";
import { metaI18n, pageTitle } from "~/i18n/meta";
import { assessmentStateLabel } from "~/utils/format";
import { requireUser } from "~/utils/permissions.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: evaluationStyles }];

export const meta: MetaFunction = ({ matches }) => {
  const i18n = metaI18n(matches);
  return [{ title: pageTitle(i18n, i18n.t("evaluation.title")) }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "leader", "evaluator"] });
  const mine = user.role === "evaluator";
  const rows = await listAssignments(getDb(), mine ? user.id : null);
  const assignments = rows.map((row) => ({ ...row, declaration: declarationOf(row) }));
  return { assignments, mine };
}

type Row = Awaited<ReturnType<typeof loader>>["assignments"][number];

function stateText(i18n: I18n, row: Row): string {
  if (row.declaration === "conflict") return i18n.t("evaluation.state.conflict");
  if (row.declaration === "pending") return i18n.t("evaluation.state.pending");
  if (row.returnedScores > 0) return i18n.t("moderation.state.returned");
  return assessmentStateLabel(i18n, row.state);
}

export default function Evaluation() {
  const { assignments, mine } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const i18n = useI18n();
  const { t } = i18n;
  const conflicts = assignments.filter((row) => row.declaration === "conflict");
  return (
    <>
      <h1>{t(mine ? "evaluation.heading.mine" : "evaluation.heading.all")}</h1>
      {mine && searchParams.get("conflict") === "1" ? (
        <p className="notice" role="status">
          {t("evaluation.notice.conflict")}
        </p>
      ) : null}
      {!mine && conflicts.length > 0 ? (
        <section className="notice conflict-notice" aria-labelledby="conflicts-heading">
          <h2 id="conflicts-heading">{t("evaluation.conflicts.heading")}</h2>
          <p>{t("evaluation.conflicts.intro")}</p>
          <ul>
            {conflicts.map((row) => (
              <li key={row.id}>
                {t("evaluation.conflicts.item", {
                  evaluator: row.evaluator,
                  project: row.projectName,
                  round: row.roundName,
                  statement: row.conflictStatement ?? "",
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {assignments.length === 0 ? (
        <p>{t("evaluation.empty")}</p>
      ) : (
        <table className="assignments">
          <thead>
            <tr>
              <th scope="col">{t("evaluation.column.round")}</th>
              <th scope="col">{t("evaluation.column.project")}</th>
              <th scope="col">{t("evaluation.column.department")}</th>
              {mine ? null : <th scope="col">{t("evaluation.column.evaluator")}</th>}
              <th scope="col">{t("evaluation.column.periodEnd")}</th>
              <th scope="col">{t("evaluation.column.state")}</th>
              <th scope="col">{t("evaluation.column.progress")}</th>
            </tr>
          </thead>
          <tbody>
            {assignments.map((row) => (
              <tr key={row.id}>
                <td>{row.roundName}</td>
                <td>
                  <Link to={`/evaluation/assignments/${row.id}`}>{row.projectName}</Link>
                </td>
                <td>{row.departmentName}</td>
                {mine ? null : <td>{row.evaluator}</td>}
                <td>{i18n.date(row.periodEnd)}</td>
                <td>{stateText(i18n, row)}</td>
                <td>{t("evaluation.progress", { n: row.criteriaScored, m: row.criteriaTotal })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
