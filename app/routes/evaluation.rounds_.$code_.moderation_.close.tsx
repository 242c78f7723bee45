import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { closeRound, closingPreview } from "../../db/queries/round-moderation.server";
import { getDb } from "../../db/runtime.server";
import { CsrfInput, ErrorSummary } from "~/components/forms";
import evaluationStyles from "~/evaluation/evaluation.css";
import moderationStyles from "~/evaluation/moderation.css";
import { moderationRefusal, requireModerationRound } from "~/evaluation/moderation.server";
import { actorOf } from "~/evaluation/workspace.server";
import { createI18n, useI18n } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";
import { metaI18n, pageTitle } from "~/i18n/meta";
import { readForm } from "~/utils/csrf.server";
import { requireUser } from "~/utils/permissions.server";
import { clientIp } from "~/utils/session.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: evaluationStyles },
  { rel: "stylesheet", href: moderationStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => {
  const i18n = metaI18n(matches);
  return [
    {
      title: pageTitle(i18n, i18n.t("moderation.close.title", { round: loaded?.round.code ?? "" })),
    },
  ];
};

/** What closing the round would store, and what stops it or does not count (leaders, admins). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["admin", "leader"] });
  const db = getDb();
  const round = await requireModerationRound(db, params.code);
  return { round, preview: await closingPreview(db, round.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "leader"] });
  await readForm(request);
  const db = getDb();
  const round = await requireModerationRound(db, params.code);
  const result = await closeRound(db, round.id, actorOf(user, clientIp(request)));
  if (!result.ok) {
    const i18n = createI18n(localeOf(request));
    const { status, errors } = moderationRefusal(i18n, result.reason, result.pending);
    return data({ errors }, { status });
  }
  return redirect(
    `/evaluation/rounds/${encodeURIComponent(round.code)}/moderation?closed=${result.results}`,
  );
}

export default function CloseRoundPage() {
  const { round, preview } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const i18n = useI18n();
  const { t } = i18n;
  const errors: Partial<Record<string, string>> | undefined = result?.errors;
  useEffect(() => {
    if (errors) document.querySelector<HTMLElement>(".error-summary")?.focus();
  }, [errors]);
  const moderation = `/evaluation/rounds/${encodeURIComponent(round.code)}/moderation`;
  const blocked = preview.pendingReturns.length > 0;
  return (
    <>
      <p>
        <Link to={moderation}>{t("moderation.close.back")}</Link>
      </p>
      <h1>{t("moderation.close.title", { round: `${round.name} (${round.code})` })}</h1>
      <ErrorSummary errors={errors} />
      {round.state !== "moderation" ? (
        <p className="notice">{t("moderation.close.notInModeration")}</p>
      ) : (
        <>
          <p>
            {t("moderation.close.intro", {
              framework: t("dashboard.project.frameworkVersion", {
                code: round.framework.code,
                version: String(round.framework.version),
              }),
              periodEnd: i18n.date(round.periodEnd),
            })}
          </p>
          <p>{t("moderation.close.projects", { count: preview.projects })}</p>
          {blocked ? (
            <section aria-labelledby="pending-heading" className="notice">
              <h2 id="pending-heading">{t("moderation.close.pendingHeading")}</h2>
              <p>{t("moderation.close.pendingIntro")}</p>
              <ul>
                {preview.pendingReturns.map((item) => (
                  <li key={`${item.project} ${item.criterion} ${item.evaluator}`}>
                    {t("moderation.pendingItem", { ...item })}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section aria-labelledby="uncounted-heading">
            <h2 id="uncounted-heading">{t("moderation.close.uncountedHeading")}</h2>
            {preview.uncounted.length === 0 ? (
              <p>{t("moderation.close.uncountedNone")}</p>
            ) : (
              <>
                <p>{t("moderation.close.uncountedIntro")}</p>
                <ul>
                  {preview.uncounted.map((item) => (
                    <li key={`${item.project} ${item.evaluator}`}>
                      {t(`moderation.close.reason.${item.reason}`, {
                        project: item.project,
                        evaluator: item.evaluator,
                      })}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
          {blocked ? null : (
            <Form method="post">
              <CsrfInput />
              <button type="submit" name="intent" value="close" className="button">
                {t("moderation.close.submit")}
              </button>
            </Form>
          )}
        </>
      )}
    </>
  );
}
