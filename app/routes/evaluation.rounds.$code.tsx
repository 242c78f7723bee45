import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import {
  addRoundProject,
  assignEvaluator,
  openRound,
  removeAssignment,
  removeRoundProject,
  type RoundResult,
} from "../../db/queries/rounds.server";
import { getDb } from "../../db/runtime.server";
import { CsrfInput, ErrorSummary } from "~/components/forms";
import { deadlineText, roundStateLabel } from "~/evaluation/deadline-text";
import evaluationStyles from "~/evaluation/evaluation.css";
import { PostButton } from "~/evaluation/post-button";
import { useFormAnswer } from "~/evaluation/round-form";
import { postedId, refusedRound } from "~/evaluation/round-form.server";
import { localToday, requireRound, roundPage } from "~/evaluation/rounds.server";
import { actorOf } from "~/evaluation/workspace.server";
import { createI18n, useI18n, type I18n, type MessageKey } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";
import { metaI18n, pageTitle } from "~/i18n/meta";
import { readForm } from "~/utils/csrf.server";
import { requireUser } from "~/utils/permissions.server";
import { clientIp } from "~/utils/session.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: evaluationStyles }];

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => {
  const i18n = metaI18n(matches);
  return [{ title: pageTitle(i18n, loaded?.round.name ?? i18n.t("rounds.title")) }];
};

/** The round, its projects × assignments with progress, its conflicts and deadline. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["admin", "leader"] });
  const db = getDb();
  const round = await requireRound(db, params.code);
  return { round, ...(await roundPage(db, round, localToday())) };
}

/** What each success says, by the `done` the redirect carries. */
const DONE: Record<string, MessageKey> = {
  created: "rounds.notice.created",
  updated: "rounds.notice.updated",
  opened: "rounds.notice.opened",
  assigned: "rounds.notice.assigned",
  unassigned: "rounds.notice.unassigned",
  projectAdded: "rounds.notice.projectAdded",
  projectRemoved: "rounds.notice.projectRemoved",
};

/** intent = open, add_project, remove_project, assign or unassign; each a plain form. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "leader"] });
  const form = await readForm(request);
  const db = getDb();
  const round = await requireRound(db, params.code);
  const i18n = createI18n(localeOf(request));
  const actor = actorOf(user, clientIp(request));
  const projectId = postedId(form, "projectId");
  const invalid = (field: string, message: MessageKey) =>
    data({ errors: { [field]: i18n.t(message) } }, { status: 400 });
  const done = (result: RoundResult, success: keyof typeof DONE, field = "form") =>
    result.ok
      ? redirect(`/evaluation/rounds/${encodeURIComponent(round.code)}?done=${success}`)
      : refusedRound(i18n, result.reason, undefined, field);
  switch (form.get("intent")) {
    case "open":
      return done(await openRound(db, round.code, localToday(), actor), "opened");
    case "add_project":
      if (projectId === undefined) return invalid("projectId", "rounds.error.project");
      return done(
        await addRoundProject(db, round.code, projectId, actor),
        "projectAdded",
        "projectId",
      );
    case "remove_project":
      if (projectId === undefined) return invalid("form", "rounds.error.project");
      return done(await removeRoundProject(db, round.code, projectId, actor), "projectRemoved");
    case "assign": {
      if (projectId === undefined) return invalid("form", "rounds.error.project");
      const field = `evaluator-${projectId}`;
      const evaluatorId = postedId(form, "evaluatorId");
      if (evaluatorId === undefined) return invalid(field, "rounds.error.evaluator");
      const result = await assignEvaluator(db, round.code, { projectId, evaluatorId }, actor);
      return done(result, "assigned", field);
    }
    case "unassign": {
      const assignmentId = postedId(form, "assignmentId");
      if (assignmentId === undefined) return invalid("form", "rounds.refusal.assignment_not_found");
      return done(await removeAssignment(db, round.code, assignmentId, actor), "unassigned");
    }
    default:
      return invalid("form", "rounds.error.intent");
  }
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;
type ProjectRow = Loaded["projects"][number];

function declarationText(i18n: I18n, row: ProjectRow["assignments"][number]): string {
  if (row.declaration === "conflict")
    return i18n.t("rounds.declaration.conflict", { statement: row.conflictStatement ?? "" });
  return i18n.t(`rounds.declaration.${row.declaration}`);
}

function ProjectAssignments({
  project,
  can,
  errors,
}: {
  project: ProjectRow;
  can: Loaded["can"];
  errors: Partial<Record<string, string>> | undefined;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const field = `evaluator-${project.id}`;
  const error = errors?.[field];
  const label = `${project.name} (${project.code})`;
  return (
    <section className="round-project" aria-labelledby={`project-${project.id}`}>
      <h3 id={`project-${project.id}`}>
        {project.name}{" "}
        <span className="muted">
          ({project.code}, {project.departmentName})
        </span>
      </h3>
      {project.assignments.length === 0 ? (
        <p>{t("rounds.projects.noAssignments")}</p>
      ) : (
        <table className="round-assignments">
          <caption className="visually-hidden">
            {t("rounds.projects.caption", { project: label })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("rounds.column.evaluator")}</th>
              <th scope="col">{t("rounds.column.declaration")}</th>
              <th scope="col">{t("rounds.column.criteria")}</th>
              <th scope="col">{t("rounds.column.submitted")}</th>
              {can.assign ? <th scope="col">{t("rounds.column.actions")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {project.assignments.map((row) => (
              <tr key={row.id} className={row.declaration === "conflict" ? "withdrawn" : undefined}>
                <th scope="row">
                  <Link to={`/evaluation/assignments/${row.id}`}>{row.evaluator}</Link>
                </th>
                <td>{declarationText(i18n, row)}</td>
                <td>
                  {row.declaration === "conflict"
                    ? "—"
                    : t("rounds.criteria", { n: row.criteriaScored, m: row.criteriaTotal })}
                </td>
                <td>
                  {row.declaration === "conflict"
                    ? "—"
                    : t(row.submitted ? "rounds.submitted.yes" : "rounds.submitted.no")}
                  {row.overdue ? (
                    <>
                      {" "}
                      <strong className="overdue-mark">{t("rounds.overdue")}</strong>
                    </>
                  ) : null}
                </td>
                {can.assign ? (
                  <td>
                    {row.removable ? (
                      <PostButton
                        intent="unassign"
                        fields={{ assignmentId: row.id }}
                        label={t("rounds.unassign.submit", { evaluator: row.evaluator })}
                      />
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {can.assign ? (
        project.evaluatorOptions.length === 0 ? (
          <p className="hint">{t("rounds.assign.none")}</p>
        ) : (
          <Form method="post" className={error ? "inline-form field-error" : "inline-form"}>
            <CsrfInput />
            <input type="hidden" name="intent" value="assign" />
            <input type="hidden" name="projectId" value={project.id} />
            <label htmlFor={field}>{t("rounds.assign.label", { project: project.name })}</label>
            {error ? (
              <p className="error-message" id={`${field}-error`}>
                {error}
              </p>
            ) : null}
            <select
              id={field}
              name="evaluatorId"
              defaultValue=""
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${field}-error` : undefined}
            >
              <option value="" disabled>
                {t("rounds.assign.choose")}
              </option>
              {project.evaluatorOptions.map((evaluator) => (
                <option key={evaluator.id} value={evaluator.id}>
                  {evaluator.displayName} ({evaluator.username})
                </option>
              ))}
            </select>{" "}
            <button type="submit" className="button button-secondary">
              {t("rounds.assign.submit")}
            </button>
          </Form>
        )
      ) : null}
      {can.edit ? (
        <PostButton
          intent="remove_project"
          fields={{ projectId: project.id }}
          label={t("rounds.projects.remove", { project: project.name })}
          className="inline-form"
        />
      ) : null}
    </section>
  );
}

export default function RoundPage() {
  const loaded = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const i18n = useI18n();
  const { t } = i18n;
  const { round, progress, deadline, conflicts, can } = loaded;
  const { errors } = useFormAnswer(useActionData<typeof action>());
  const done = DONE[searchParams.get("done") ?? ""];
  const path = `/evaluation/rounds/${encodeURIComponent(round.code)}`;
  return (
    <>
      <p>
        <Link to="/evaluation/rounds">{t("rounds.back")}</Link>
      </p>
      <h1>
        {round.code} · {round.name}
      </h1>
      {done && !errors ? (
        <p className="notice" role="status">
          {t(done)}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <dl className="facts">
        <dt>{t("rounds.page.state")}</dt>
        <dd>{roundStateLabel(i18n, round.state)}</dd>
        <dt>{t("rounds.page.framework")}</dt>
        <dd>
          {t("rounds.framework", { code: round.frameworkCode, version: round.frameworkVersion })} ·{" "}
          {round.frameworkName}
        </dd>
        <dt>{t("rounds.page.period")}</dt>
        <dd>
          {t("rounds.page.periodRange", {
            from: i18n.date(round.periodStart),
            to: i18n.date(round.periodEnd),
          })}
        </dd>
        <dt>{t("rounds.page.deadline")}</dt>
        <dd>
          {round.deadline ? i18n.date(round.deadline) : t("rounds.noDeadline")}
          {deadline ? ` (${deadlineText(i18n, deadline)})` : null}
        </dd>
        <dt>{t("rounds.page.threshold")}</dt>
        <dd>{i18n.number(Number(round.disagreementThreshold))}</dd>
        <dt>{t("rounds.page.progress")}</dt>
        <dd>
          {t("rounds.page.progressSummary", {
            assignments: progress.assignments,
            submitted: progress.submitted,
            declared: progress.declared,
            pending: progress.pending,
            conflicts: progress.conflicts,
            scored: progress.criteriaScored,
            total: progress.criteriaTotal,
          })}
        </dd>
      </dl>
      <ul className="round-actions">
        {can.edit ? (
          <li>
            <Link to={`${path}/edit`}>{t("rounds.edit.link")}</Link>
          </li>
        ) : null}
        {can.moderate ? (
          <li>
            <Link to={`${path}/moderation`}>{t("rounds.page.moderation")}</Link>
          </li>
        ) : null}
      </ul>
      {can.open ? (
        <section aria-labelledby="open-heading" className="round-open">
          <h2 id="open-heading">{t("rounds.open.heading")}</h2>
          <p className="hint">{t("rounds.open.hint")}</p>
          <PostButton intent="open" label={t("rounds.open.submit")} buttonClassName="button" />
        </section>
      ) : null}
      {conflicts.length > 0 ? (
        <section className="notice conflict-notice" aria-labelledby="conflicts-heading">
          <h2 id="conflicts-heading">{t("rounds.conflicts.heading")}</h2>
          <ul>
            {conflicts.map((conflict) => (
              <li key={conflict.id}>
                {t("rounds.conflicts.item", {
                  evaluator: conflict.evaluator,
                  project: `${conflict.projectName} (${conflict.projectCode})`,
                  statement: conflict.statement,
                  n: conflict.activeEvaluators,
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {progress.overdue > 0 ? (
        <p className="notice overdue-notice">
          <strong>{t("rounds.overdue")}</strong>{" "}
          {t("rounds.page.overdueCount", { n: progress.overdue })}
        </p>
      ) : null}
      <section aria-labelledby="projects-heading">
        <h2 id="projects-heading">{t("rounds.projects.heading")}</h2>
        {loaded.projects.length === 0 ? <p>{t("rounds.projects.empty")}</p> : null}
        {loaded.projects.map((project) => (
          <ProjectAssignments key={project.id} project={project} can={can} errors={errors} />
        ))}
        {can.edit && loaded.addable.length > 0 ? (
          <Form
            method="post"
            className={errors?.projectId ? "inline-form field-error" : "inline-form"}
          >
            <CsrfInput />
            <input type="hidden" name="intent" value="add_project" />
            <label htmlFor="projectId">{t("rounds.projects.add")}</label>
            {errors?.projectId ? (
              <p className="error-message" id="projectId-error">
                {errors.projectId}
              </p>
            ) : null}
            <select
              id="projectId"
              name="projectId"
              defaultValue=""
              aria-invalid={errors?.projectId ? true : undefined}
              aria-describedby={errors?.projectId ? "projectId-error" : undefined}
            >
              <option value="" disabled>
                {t("rounds.projects.chooseProject")}
              </option>
              {loaded.addable.map((project) => (
                <option key={project.id} value={project.id}>
                  {project.name} ({project.code}, {project.departmentName})
                </option>
              ))}
            </select>{" "}
            <button type="submit" className="button button-secondary">
              {t("rounds.projects.addSubmit")}
            </button>
          </Form>
        ) : null}
      </section>
    </>
  );
}
