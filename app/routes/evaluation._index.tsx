import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listAssignments } from "../../db/queries/assignments.server";
import { getDb } from "../../db/runtime.server";
import { useI18n } from "~/i18n/i18n";
import { metaI18n, pageTitle } from "~/i18n/meta";
import { assessmentStateLabel } from "~/utils/format";
import { requireUser } from "~/utils/permissions.server";

export const meta: MetaFunction = ({ matches }) => {
  const i18n = metaI18n(matches);
  return [{ title: pageTitle(i18n, i18n.t("evaluation.title")) }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "leader", "evaluator"] });
  const assignments = await listAssignments(getDb(), user.role === "evaluator" ? user.id : null);
  return { assignments, mine: user.role === "evaluator" };
}

export default function Evaluation() {
  const { assignments, mine } = useLoaderData<typeof loader>();
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <>
      <h1>{t(mine ? "evaluation.heading.mine" : "evaluation.heading.all")}</h1>
      {assignments.length === 0 ? (
        <p>{t("evaluation.empty")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("evaluation.column.round")}</th>
              <th scope="col">{t("evaluation.column.project")}</th>
              {mine ? null : <th scope="col">{t("evaluation.column.evaluator")}</th>}
              <th scope="col">{t("evaluation.column.state")}</th>
            </tr>
          </thead>
          <tbody>
            {assignments.map((assignment) => (
              <tr key={assignment.id}>
                <td>{assignment.roundName}</td>
                <td>
                  <Link to={`/evaluation/assignments/${assignment.id}`}>
                    {assignment.projectName}
                  </Link>
                </td>
                {mine ? null : <td>{assignment.evaluator}</td>}
                <td>{assessmentStateLabel(i18n, assignment.state)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
