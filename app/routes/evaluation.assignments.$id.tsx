import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { findAssignment } from "../../db/queries/assignments.server";
import { getDb } from "../../db/runtime.server";
import { useI18n } from "~/i18n/i18n";
import { metaI18n, pageTitle } from "~/i18n/meta";
import { requireIdParam } from "~/utils/id-param.server";
import { notFound, requireAssignment, requireUser } from "~/utils/permissions.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const i18n = metaI18n(matches);
  return [{ title: pageTitle(i18n, data?.assignment.projectName ?? i18n.t("evaluation.title")) }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "leader", "evaluator"] });
  const assignment = await findAssignment(getDb(), requireIdParam(params.id));
  requireAssignment(user, assignment);
  if (!assignment) throw notFound();
  return { assignment };
}

export default function AssignmentPage() {
  const { assignment } = useLoaderData<typeof loader>();
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <>
      <p>
        <Link to="/evaluation">{t("evaluation.assignment.back")}</Link>
      </p>
      <h1>{assignment.projectName}</h1>
      <dl className="facts">
        <dt>{t("evaluation.column.round")}</dt>
        <dd>{assignment.roundName}</dd>
        <dt>{t("evaluation.assignment.period")}</dt>
        <dd>
          {t("evaluation.assignment.periodRange", {
            from: i18n.date(assignment.periodStart),
            to: i18n.date(assignment.periodEnd),
          })}
        </dd>
        <dt>{t("evaluation.assignment.conflict")}</dt>
        <dd>
          {t(
            assignment.declaredAt
              ? "evaluation.assignment.declared"
              : "evaluation.assignment.notDeclared",
          )}
        </dd>
      </dl>
      <p className="notice">{t("evaluation.assignment.rubricSoon")}</p>
    </>
  );
}
