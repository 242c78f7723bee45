import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useEffect } from "react";
import {
  answerCase,
  decideCase,
  getCase,
  type CaseRefusal,
} from "../../db/queries/rectification.server";
import { getDb } from "../../db/runtime.server";
import { getSettings } from "../../db/settings.server";
import {
  CsrfInput,
  ErrorSummary,
  Field,
  TextAreaField,
  type FieldErrors,
} from "~/components/forms";
import { createI18n, useI18n, type I18n } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";
import { metaI18n, pageTitle } from "~/i18n/meta";
import type { MessageKey } from "~/i18n/messages";
import { caseActorOf, localToday, SUPERVISION_ROLES } from "~/supervision/case-actor.server";
import { parseAnswer, parseDecision } from "~/supervision/case-forms.server";
import { caseSourceText, caseStateLabel } from "~/supervision/case-labels";
import { readForm } from "~/utils/csrf.server";
import { formatDateTime } from "~/utils/format";
import { requireIdParam } from "~/utils/id-param.server";
import { notFound, requireUser } from "~/utils/permissions.server";
import { clientIp } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => {
  const i18n = metaI18n(matches);
  const title = loaded
    ? i18n.t("supervision.caseNumber", { id: String(loaded.item.id) })
    : i18n.t("supervision.title");
  return [{ title: pageTitle(i18n, title) }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: [...SUPERVISION_ROLES] });
  const actor = caseActorOf(user, null);
  const item = await getCase(getDb(), actor, requireIdParam(params.id), localToday());
  if (!item) throw notFound();
  const waitingForAnswer = item.state === "open" || item.state === "returned";
  return {
    item,
    mayAnswer: waitingForAnswer && (user.role === "admin" || user.role === "steward"),
    mayDecide: item.state === "answered" && (user.role === "admin" || user.role === "leader"),
    timeZone: getSettings().timeZone,
  };
}

/** A refusal the form shows; not_found is a 404, whatever was asked. */
function refusal(i18n: I18n, reason: CaseRefusal) {
  if (reason === "not_found") throw notFound();
  const status = reason === "wrong_state" ? 409 : 403;
  const key = reason === "wrong_state" ? "wrong_state" : "forbidden";
  return data(
    { errors: { form: i18n.t(`supervision.refusal.${key}`) }, values: undefined },
    { status },
  );
}

/** intent=answer (the department's answer) or decide (a leader accepts or returns). */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: [...SUPERVISION_ROLES] });
  const form = await readForm(request);
  const caseId = requireIdParam(params.id);
  const i18n = createI18n(localeOf(request));
  const actor = caseActorOf(user, clientIp(request));
  const db = getDb();
  // Out of scope is a 404 before any validation message could reveal the case exists.
  if (!(await getCase(db, actor, caseId, localToday()))) throw notFound();
  const intent = form.get("intent");
  if (intent === "answer") {
    const parsed = parseAnswer(form, i18n);
    if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
    const result = await answerCase(db, actor, caseId, parsed.data);
    if (!result.ok) return refusal(i18n, result.reason);
    return redirect(`/supervision/cases/${caseId}?done=answered`);
  }
  if (intent === "decide") {
    const parsed = parseDecision(form, i18n);
    if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
    const result = await decideCase(db, actor, caseId, parsed.data, getSettings().timeZone);
    if (!result.ok) return refusal(i18n, result.reason);
    const done = parsed.data.decision === "accept" ? "accepted" : "returned";
    return redirect(`/supervision/cases/${caseId}?done=${done}`);
  }
  return data(
    { errors: { form: i18n.t("supervision.error.decision") }, values: undefined },
    { status: 400 },
  );
}

/** Only a web address becomes a link: evidence stored by other means is shown as text. */
function EvidenceLink({ href }: { href: string }) {
  if (!/^https?:\/\//i.test(href)) return <>{href}</>;
  return (
    <a href={href} rel="noopener noreferrer nofollow">
      {href}
    </a>
  );
}

const DONE_MESSAGES: Record<string, MessageKey> = {
  answered: "supervision.done.answered",
  returned: "supervision.done.returned",
  accepted: "supervision.done.accepted",
  notice: "supervision.done.notice",
};

export default function SupervisionCase() {
  const { item, mayAnswer, mayDecide, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const i18n = useI18n();
  const { t } = i18n;
  const errors: FieldErrors | undefined = result?.errors;
  const values: Partial<Record<string, string>> | undefined = result?.values;
  const done = DONE_MESSAGES[searchParams.get("done") ?? ""];
  useEffect(() => {
    if (errors) document.querySelector<HTMLElement>(".error-summary")?.focus();
  }, [errors]);
  return (
    <>
      <p>
        <Link to="/supervision/cases">{t("supervision.back")}</Link>
      </p>
      <h1>
        {t("supervision.caseNumber", { id: String(item.id) })}: {item.subject}
      </h1>
      {done && !errors ? (
        <p className="notice" role="status">
          {t(done)}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <section aria-labelledby="facts-heading">
        <h2 id="facts-heading">{t("supervision.case.facts")}</h2>
        <dl className="facts">
          <dt>{t("supervision.col.source")}</dt>
          <dd>{caseSourceText(i18n, item)}</dd>
          <dt>{t("supervision.col.department")}</dt>
          <dd>{item.departmentName}</dd>
          <dt>{t("supervision.col.subject")}</dt>
          <dd>{item.subject}</dd>
          {item.ratingComment ? (
            <>
              <dt>{t("supervision.case.comment")}</dt>
              <dd>{item.ratingComment}</dd>
            </>
          ) : null}
          {item.note ? (
            <>
              <dt>{t("supervision.case.note")}</dt>
              <dd>{item.note}</dd>
            </>
          ) : null}
          {item.openedBy ? (
            <>
              <dt>{t("supervision.case.openedBy")}</dt>
              <dd>{item.openedBy}</dd>
            </>
          ) : null}
          <dt>{t("supervision.col.opened")}</dt>
          <dd>{i18n.date(item.openedOn)}</dd>
          <dt>{t("supervision.case.limit")}</dt>
          <dd>
            {t("supervision.case.limitDays", { days: item.limitWorkingDays })}
            <br />
            <span className="hint">{t("supervision.case.limitNote")}</span>
          </dd>
          <dt>{t("supervision.col.deadline")}</dt>
          <dd>{i18n.date(item.deadline)}</dd>
          <dt>{t("supervision.col.state")}</dt>
          <dd>{caseStateLabel(i18n, item.state)}</dd>
          {item.closedOn ? (
            <>
              <dt>{t("supervision.case.closedOn")}</dt>
              <dd>{i18n.date(item.closedOn)}</dd>
            </>
          ) : null}
          <dt>{t("supervision.case.overdue")}</dt>
          <dd>
            {item.overdue ? (
              <span className="severity severity-red">{t("supervision.case.overdueYes")}</span>
            ) : (
              t("supervision.onTime")
            )}
          </dd>
        </dl>
      </section>
      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading">{t("supervision.case.steps")}</h2>
        {item.steps.length === 0 ? (
          <p>{t("supervision.case.noSteps")}</p>
        ) : (
          <ol className="case-steps">
            {item.steps.map((step, index) => (
              <li key={index}>
                <h3>{t(`supervision.step.${step.kind}`)}</h3>
                <p className="hint">
                  {t("supervision.step.by", {
                    actor: step.actor,
                    at: formatDateTime(step.at, timeZone, i18n.locale),
                  })}
                </p>
                {/* An acceptance without a comment says nothing more: no empty box. */}
                {step.found || step.done || step.evidence || step.comment ? (
                  <dl className="facts">
                    {step.found ? (
                      <>
                        <dt>{t("supervision.step.found")}</dt>
                        <dd>{step.found}</dd>
                      </>
                    ) : null}
                    {step.done ? (
                      <>
                        <dt>{t("supervision.step.done")}</dt>
                        <dd>{step.done}</dd>
                      </>
                    ) : null}
                    {step.evidence ? (
                      <>
                        <dt>{t("supervision.step.evidence")}</dt>
                        <dd>
                          <EvidenceLink href={step.evidence} />
                        </dd>
                      </>
                    ) : null}
                    {step.comment ? (
                      <>
                        <dt>{t("supervision.step.comment")}</dt>
                        <dd>{step.comment}</dd>
                      </>
                    ) : null}
                  </dl>
                ) : null}
              </li>
            ))}
          </ol>
        )}
        {!mayAnswer && (item.state === "open" || item.state === "returned") ? (
          <p className="hint">{t("supervision.waiting.answer")}</p>
        ) : null}
        {!mayDecide && item.state === "answered" ? (
          <p className="hint">{t("supervision.waiting.decision")}</p>
        ) : null}
      </section>
      {mayAnswer ? <AnswerForm errors={errors} values={values} /> : null}
      {mayDecide ? <DecisionForm errors={errors} values={values} /> : null}
    </>
  );
}

function AnswerForm({
  errors,
  values,
}: {
  errors: FieldErrors | undefined;
  values: Partial<Record<string, string>> | undefined;
}) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="answer-heading" className="panel">
      <h2 id="answer-heading">{t("supervision.answer.heading")}</h2>
      <Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="intent" value="answer" />
        <TextAreaField
          name="found"
          label={t("supervision.answer.found")}
          error={errors?.found}
          defaultValue={values?.found ?? ""}
          rows={4}
        />
        <TextAreaField
          name="done"
          label={t("supervision.answer.done")}
          error={errors?.done}
          defaultValue={values?.done ?? ""}
          rows={4}
        />
        <Field
          name="evidence"
          type="url"
          label={t("supervision.answer.evidence")}
          hint={t("supervision.answer.evidenceHint")}
          error={errors?.evidence}
          defaultValue={values?.evidence ?? ""}
        />
        <button type="submit" className="button">
          {t("supervision.answer.submit")}
        </button>
      </Form>
    </section>
  );
}

function DecisionForm({
  errors,
  values,
}: {
  errors: FieldErrors | undefined;
  values: Partial<Record<string, string>> | undefined;
}) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="decide-heading" className="panel">
      <h2 id="decide-heading">{t("supervision.decide.heading")}</h2>
      <Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="intent" value="decide" />
        <TextAreaField
          name="comment"
          label={t("supervision.decide.comment")}
          hint={t("supervision.decide.commentHint")}
          error={errors?.comment}
          defaultValue={values?.comment ?? ""}
          rows={4}
        />
        <div className="import-actions">
          <button type="submit" name="decision" value="accept" className="button">
            {t("supervision.decide.accept")}
          </button>{" "}
          <button type="submit" name="decision" value="return" className="button button-secondary">
            {t("supervision.decide.return")}
          </button>
        </div>
      </Form>
    </section>
  );
}
