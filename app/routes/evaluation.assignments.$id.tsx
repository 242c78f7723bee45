import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useEffect } from "react";
import { declareConflict } from "../../db/queries/assessments.server";
import { declarationOf } from "../../db/queries/assignments.server";
import { getDb } from "../../db/runtime.server";
import { getSettings } from "../../db/settings.server";
import { DeclarationForm } from "~/evaluation/declaration-form";
import evaluationStyles from "~/evaluation/evaluation.css";
import { ProjectFiguresSection } from "~/evaluation/project-figures";
import { RubricForm, SubmittedScores } from "~/evaluation/rubric-form";
import { parseDeclaration } from "~/evaluation/rubric-form.server";
import { saveRubric } from "~/evaluation/save-rubric.server";
import {
  actorOf,
  assignmentHeader,
  projectFigures,
  refusalOf,
  requireOpenAssignment,
  scoringSheet,
} from "~/evaluation/workspace.server";
import { ErrorSummary } from "~/components/forms";
import { createI18n, useI18n } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";
import { metaI18n, pageTitle } from "~/i18n/meta";
import { readForm } from "~/utils/csrf.server";
import { assessmentStateLabel, formatDateTime } from "~/utils/format";
import { requireIdParam } from "~/utils/id-param.server";
import { requireUser } from "~/utils/permissions.server";
import { clientIp } from "~/utils/session.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: evaluationStyles }];

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => {
  const i18n = metaI18n(matches);
  return [{ title: pageTitle(i18n, loaded?.header.projectName ?? i18n.t("evaluation.title")) }];
};

/**
 * Conflict of interest first: until the evaluator declared, the page holds the project's
 * name, department and round and nothing else. Leaders and admins see where it stands.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "leader", "evaluator"] });
  const db = getDb();
  const assignment = await requireOpenAssignment(db, user, requireIdParam(params.id));
  const header = assignmentHeader(assignment);
  const declaration = declarationOf(assignment);
  if (user.role !== "evaluator") {
    const { evaluator, state, conflictStatement, criteriaScored, criteriaTotal } = assignment;
    const overview = { evaluator, state, declaration, conflictStatement };
    return { view: "overview" as const, header, overview, criteriaScored, criteriaTotal };
  }
  if (declaration === "pending") return { view: "declare" as const, header };
  const [figures, sheet] = await Promise.all([
    projectFigures(db, assignment),
    scoringSheet(db, assignment),
  ]);
  return {
    view: "score" as const,
    header,
    figures,
    sheet,
    locked: assignment.state !== "draft",
    submittedAt: assignment.submittedAt?.toISOString() ?? null,
    timeZone: getSettings().timeZone,
  };
}

/** intent=declare (the declaration), save (the draft) or submit (locks the scores). */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: ["evaluator"] });
  const form = await readForm(request);
  const db = getDb();
  const assignment = await requireOpenAssignment(db, user, requireIdParam(params.id));
  const i18n = createI18n(localeOf(request));
  const actor = actorOf(user, clientIp(request));
  const intent = form.get("intent");
  if (intent === "declare") {
    const parsed = parseDeclaration(form, i18n);
    if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
    const result = await declareConflict(db, { assignmentId: assignment.id, ...parsed }, actor);
    if (!result.ok) {
      const { status, errors } = refusalOf(i18n, result.reason);
      return data({ errors, values: undefined }, { status });
    }
    return redirect(
      parsed.conflict ? "/evaluation?conflict=1" : `/evaluation/assignments/${assignment.id}`,
    );
  }
  if (intent === "save" || intent === "submit") {
    // Before the declaration, saveScores refuses (not_declared), under the row's lock.
    const outcome = await saveRubric(
      db,
      assignment,
      form,
      intent === "save" ? "draft" : "submit",
      i18n,
      actor,
    );
    if ("submitted" in outcome && outcome.submitted)
      return redirect(`/evaluation/assignments/${assignment.id}?submitted=1`);
    if ("errors" in outcome)
      return data(
        { errors: outcome.errors, values: outcome.values, savedAt: outcome.savedAt ?? null },
        { status: outcome.status },
      );
    return data({ errors: undefined, values: undefined, savedAt: outcome.savedAt });
  }
  return data(
    { errors: { form: i18n.t("evaluation.refusal.not_found") }, values: undefined },
    { status: 400 },
  );
}

export default function AssignmentPage() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const i18n = useI18n();
  const { t } = i18n;
  const { header } = loaded;
  const errors: Partial<Record<string, string>> | undefined = result?.errors;
  const values: Partial<Record<string, string>> | undefined = result?.values;
  // GOV.UK: a refused form moves the focus to its error summary, at the top of the page.
  useEffect(() => {
    if (errors) document.querySelector<HTMLElement>(".error-summary")?.focus();
  }, [errors]);
  return (
    <>
      <p>
        <Link to="/evaluation">{t("evaluation.assignment.back")}</Link>
      </p>
      <h1>{header.projectName}</h1>
      <dl className="facts">
        <dt>{t("evaluation.assignment.department")}</dt>
        <dd>{header.departmentName}</dd>
        <dt>{t("evaluation.column.round")}</dt>
        <dd>{header.roundName}</dd>
        <dt>{t("evaluation.assignment.period")}</dt>
        <dd>
          {t("evaluation.assignment.periodRange", {
            from: i18n.date(header.periodStart),
            to: i18n.date(header.periodEnd),
          })}
        </dd>
        {loaded.view === "overview" ? (
          <>
            <dt>{t("evaluation.assignment.evaluator")}</dt>
            <dd>{loaded.overview.evaluator}</dd>
            <dt>{t("evaluation.assignment.conflict")}</dt>
            <dd>
              {loaded.overview.declaration === "conflict"
                ? t("evaluation.assignment.conflictDeclared", {
                    statement: loaded.overview.conflictStatement ?? "",
                  })
                : t(
                    loaded.overview.declaration === "no_conflict"
                      ? "evaluation.assignment.declared"
                      : "evaluation.assignment.notDeclared",
                  )}
            </dd>
            <dt>{t("evaluation.assignment.state")}</dt>
            <dd>{assessmentStateLabel(i18n, loaded.overview.state)}</dd>
            <dt>{t("evaluation.assignment.progress")}</dt>
            <dd>
              {t("evaluation.progress", { n: loaded.criteriaScored, m: loaded.criteriaTotal })}
            </dd>
          </>
        ) : null}
      </dl>
      <ErrorSummary errors={errors} />
      {loaded.view === "overview" ? (
        <p className="hint">{t("evaluation.assignment.leaderNote")}</p>
      ) : null}
      {loaded.view === "declare" ? <DeclarationForm errors={errors} values={values} /> : null}
      {loaded.view === "score" ? (
        <>
          <ProjectFiguresSection figures={loaded.figures} />
          {loaded.locked ? (
            <section aria-labelledby="submitted-heading">
              <h2 id="submitted-heading">{t("evaluation.rubric.heading")}</h2>
              <p className="notice" role={searchParams.get("submitted") ? "status" : undefined}>
                {t("evaluation.rubric.submittedAt", {
                  date: formatDateTime(loaded.submittedAt, loaded.timeZone, i18n.locale),
                })}
              </p>
              <SubmittedScores criteria={loaded.sheet.criteria} scores={loaded.sheet.scores} />
            </section>
          ) : (
            <RubricForm
              criteria={loaded.sheet.criteria}
              scores={loaded.sheet.scores}
              values={values}
              errors={errors}
              savedAt={
                (result && "savedAt" in result ? result.savedAt : null) ?? loaded.sheet.lastSavedAt
              }
              timeZone={loaded.timeZone}
              draftUrl={`/evaluation/assignments/${header.id}/draft`}
            />
          )}
        </>
      ) : null}
    </>
  );
}
