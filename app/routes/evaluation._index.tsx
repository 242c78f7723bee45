import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { declarationOf, listAssignments } from "../../db/queries/assignments.server";
import { getDb } from "../../db/runtime.server";
import { deadlineText } from "~/evaluation/deadline-text";
import evaluationStyles from "~/evaluation/evaluation.css";
import { localToday, withDeadlines } from "~/evaluation/rounds.server";
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
  const dated = withDeadlines(await listAssignments(getDb(), mine ? user.id : null), localToday());
  const assignments = dated.rows.map((row) => ({ ...row, declaration: declarationOf(row) }));
  // Deadlines are the evaluator's to meet; the leader reads them on each round's page.
  return { assignments, reminders: mine ? dated.reminders : [], mine };
}

type Row = Awaited<ReturnType<typeof loader>>["assignments"][number];

function stateText(i18n: I18n, row: Row): string {
  if (row.declaration === "conflict") return i18n.t("evaluation.state.conflict");
  if (row.declaration === "pending") return i18n.t("evaluation.state.pending");
  if (row.returnedScores > 0) return i18n.t("moderation.state.returned");
  return assessmentStateLabel(i18n, row.state);
}

export default function Evaluation() {
  const { assignments, reminders, mine } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const i18n = useI18n();
  const { t } = i18n;
  const conflicts = assignments.filter((row) => row.declaration === "conflict");
  return (
    <>
      <h1>{t(mine ? "evaluation.heading.mine" : "evaluation.heading.all")}</h1>
      {mine ? null : (
        <p>
          <Link to="/evaluation/rounds">{t("rounds.link")}</Link>
        </p>
      )}
      {reminders.length > 0 ? (
        <section className="notice deadline-notice" aria-labelledby="reminders-heading">
          <h2 id="reminders-heading">{t("rounds.reminder.heading")}</h2>
          <ul>
            {reminders.map((row) => (
              <li key={row.id}>
                <Link to={`/evaluation/assignments/${row.id}`}>
                  {t("rounds.reminder.item", {
                    project: row.projectName,
                    round: row.roundName,
                    status: row.deadlineStatus ? deadlineText(i18n, row.deadlineStatus) : "",
                    date: i18n.date(row.deadline),
                  })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
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
                })}{" "}
                <Link to={`/evaluation/rounds/${encodeURIComponent(row.roundCode)}`}>
                  {t("rounds.conflicts.link", { round: row.roundCode })}
                </Link>
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
              {mine ? <th scope="col">{t("rounds.column.deadline")}</th> : null}
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
                {mine ? (
                  <td>
                    {row.deadline ? i18n.date(row.deadline) : t("rounds.noDeadline")}
                    {row.deadlineStatus ? (
                      <>
                        {" "}
                        <strong
                          className={
                            row.deadlineStatus.kind === "overdue" ? "overdue-mark" : undefined
                          }
                        >
                          {deadlineText(i18n, row.deadlineStatus)}
                        </strong>
                      </>
                    ) : null}
                  </td>
                ) : null}
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
