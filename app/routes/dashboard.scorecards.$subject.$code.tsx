import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import {
  buildDraft,
  draftDigest,
  listVersions,
  publishScorecard,
} from "../../db/queries/scorecard-snapshots.server";
import { getDb } from "../../db/runtime.server";
import { getSettings } from "../../db/settings.server";
import { scorecardPagePath } from "../../db/scorecards/addresses";
import { CsrfInput, ErrorSummary } from "~/components/forms";
import { createI18n, useI18n } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";
import { metaI18n, pageTitle } from "~/i18n/meta";
import { ScorecardView, scorecardHeading } from "~/scorecards/scorecard-view";
import {
  cutoffSchema,
  defaultCutoff,
  requirePublisher,
  subjectOf,
  todayLocal,
} from "~/scorecards/publishing.server";
import scorecardStyles from "~/scorecards/scorecards.css";
import { notFound } from "~/utils/permissions.server";
import { readForm } from "~/utils/csrf.server";
import { clientIp } from "~/utils/session.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: scorecardStyles }];

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => {
  const i18n = metaI18n(matches);
  const name = loaded?.draft.name ?? "";
  return [{ title: pageTitle(i18n, i18n.t("scorecards.draft.title", { name })) }];
};

/** Leaders and admins: the draft at a cut-off (`?cutoff=`, default the newest data), as it would be published. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePublisher(request);
  const subject = subjectOf(params.subject);
  const asked = new URL(request.url).searchParams.get("cutoff");
  const valid = asked !== null && cutoffSchema(todayLocal()).safeParse(asked).success;
  const cutoff = valid ? asked : await defaultCutoff();
  const db = getDb();
  const draft = await buildDraft(db, subject, params.code ?? "", cutoff, getSettings().timeZone);
  if (!draft) throw notFound();
  const versions = await listVersions(db, subject, draft.code);
  return {
    subject,
    draft,
    digest: draftDigest(draft),
    versions,
    cutoffError: asked !== null && !valid ? asked : null,
  };
}

/** Publishes the draft at the posted cut-off as the next version (a correction needs a reason). */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePublisher(request);
  const subject = subjectOf(params.subject);
  const form = await readForm(request);
  const i18n = createI18n(localeOf(request));
  const code = params.code ?? "";
  const cutoff = String(form.get("cutoff") ?? "");
  if (!cutoffSchema(todayLocal()).safeParse(cutoff).success)
    return data(
      { errors: { cutoff: i18n.t("scorecards.error.cutoff", { value: cutoff }) } },
      { status: 400 },
    );
  const reason = String(form.get("reason") ?? "");
  const outcome = await publishScorecard(
    getDb(),
    {
      subject,
      code,
      cutoff,
      reason,
      timeZone: getSettings().timeZone,
      reviewed: String(form.get("draft") ?? ""),
    },
    { id: user.id, name: user.username, ip: clientIp(request) },
  );
  if (!outcome.ok && outcome.reason === "not_found") throw notFound();
  if (!outcome.ok && outcome.reason === "draft_changed")
    return data({ errors: { form: i18n.t("scorecards.error.changed") } }, { status: 409 });
  if (!outcome.ok) {
    const versions = await listVersions(getDb(), subject, code);
    const version = versions.at(-1)?.version ?? 1;
    return data(
      { errors: { reason: i18n.t("scorecards.error.reason", { version }) } },
      { status: 400 },
    );
  }
  return redirect(scorecardPagePath(subject, code) + `?version=${outcome.version}`);
}

export default function ScorecardDraft() {
  const { subject, draft, digest, versions, cutoffError } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const i18n = useI18n();
  const { title, lede } = scorecardHeading(i18n, draft);
  const latest = versions.at(-1)?.version ?? null;
  const next = (latest ?? 0) + 1;
  const errors: Partial<Record<"cutoff" | "reason" | "form", string>> = {
    ...(cutoffError ? { cutoff: i18n.t("scorecards.error.cutoff", { value: cutoffError }) } : {}),
    ...(actionData?.errors ?? {}),
  };
  const self = `/dashboard/scorecards/${subject}s/${encodeURIComponent(draft.code)}`;
  return (
    <article className="scorecard">
      <p>
        <a href="/dashboard/scorecards">← {i18n.t("scorecards.publishing.title")}</a>
        {latest !== null ? (
          <>
            {" · "}
            <a href={scorecardPagePath(subject, draft.code)}>{i18n.t("scorecards.publicLink")}</a>
          </>
        ) : null}
      </p>
      <ErrorSummary errors={errors} />
      <section className="publish-form" aria-labelledby="publish-heading">
        <h2 id="publish-heading">{i18n.t("scorecards.publish.heading")}</h2>
        <Form method="get" action={self}>
          <div className={errors.cutoff ? "field field-error" : "field"}>
            <label htmlFor="cutoff">{i18n.t("scorecards.publish.cutoff")}</label>
            <p className="hint" id="cutoff-hint">
              {i18n.t("scorecards.publish.cutoffHint")}
            </p>
            {errors.cutoff ? (
              <p className="error-message" id="cutoff-error">
                {errors.cutoff}
              </p>
            ) : null}
            <input
              id="cutoff"
              name="cutoff"
              type="date"
              defaultValue={draft.dataCutoff}
              aria-describedby={errors.cutoff ? "cutoff-hint cutoff-error" : "cutoff-hint"}
              aria-invalid={errors.cutoff ? true : undefined}
            />
          </div>
          <button type="submit" className="button button-secondary">
            {i18n.t("scorecards.publish.preview")}
          </button>
        </Form>
        <Form method="post" action={self}>
          <CsrfInput />
          <input type="hidden" name="cutoff" value={draft.dataCutoff} />
          <input type="hidden" name="draft" value={digest} />
          {latest !== null ? (
            <div className={errors.reason ? "field field-error" : "field"}>
              <label htmlFor="reason">{i18n.t("scorecards.publish.reason")}</label>
              <p className="hint" id="reason-hint">
                {i18n.t("scorecards.publish.reasonHint", { version: latest })}
              </p>
              {errors.reason ? (
                <p className="error-message" id="reason-error">
                  {errors.reason}
                </p>
              ) : null}
              <textarea
                id="reason"
                name="reason"
                rows={3}
                required
                aria-describedby={errors.reason ? "reason-hint reason-error" : "reason-hint"}
                aria-invalid={errors.reason ? true : undefined}
              />
            </div>
          ) : null}
          <button type="submit" className="button">
            {i18n.t("scorecards.publish.submit", { version: next })}
          </button>
        </Form>
      </section>
      <p className="scorecard-draft-note" role="note">
        {i18n.t("scorecards.draft.note")}
      </p>
      <h1>{title}</h1>
      <p className="lede">{lede}</p>
      <ScorecardView payload={draft} publication={null} />
    </article>
  );
}
