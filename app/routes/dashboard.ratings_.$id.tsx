import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import {
  fileRatingAppeal,
  findRating,
  listRatingAppeals,
  moderateComments,
} from "../../db/queries/rating-moderation.server";
import { getDb } from "../../db/runtime.server";
import { CsrfInput, ErrorSummary } from "~/components/forms";
import { DashboardPageHeader } from "~/components/dashboard/dashboard-page-header";
import { createI18n, useI18n } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";
import { metaI18n, pageTitle } from "~/i18n/meta";
import { AppealDecision } from "~/ratings/appeal-decision";
import { ModerationButtons, ReasonField } from "~/ratings/rating-forms";
import { RatingStateText } from "~/ratings/rating-text";
import ratingStyles from "~/ratings/ratings.css";
import { actorOf, RATING_ROLES, reasonField } from "~/ratings/ratings.server";
import { readForm } from "~/utils/csrf.server";
import { formatDateTime } from "~/utils/format";
import { requireIdParam, MAX_BIGSERIAL_ID } from "~/utils/id-param.server";
import { departmentScope, notFound, requireUser } from "~/utils/permissions.server";
import { getSettings } from "~/utils/settings.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: ratingStyles }];

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => {
  const i18n = metaI18n(matches);
  return [
    {
      title: pageTitle(
        i18n,
        i18n.t("ratings.detail.title", { id: loaded?.rating.externalId ?? "" }),
      ),
    },
  ];
};

async function requireRating(
  request: Request,
  id: string | undefined,
  form?: () => Promise<unknown>,
) {
  const user = await requireUser(request, { roles: [...RATING_ROLES] });
  // A POST's CSRF check and body come before any lookup: a forged request learns nothing.
  await form?.();
  const db = getDb();
  // Scope as stored: another department's rating does not exist for this steward.
  const rating = await findRating(db, departmentScope(user), requireIdParam(id, MAX_BIGSERIAL_ID));
  if (!rating) throw notFound();
  return { user, db, rating };
}

/** One rating: what the citizen said (scrubbed), its moderation, and its appeal. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, rating } = await requireRating(request, params.id);
  const [appeal] = await listRatingAppeals(db, null, { state: "all", ratingId: rating.id });
  return { rating, appeal: appeal ?? null, timeZone: getSettings().timeZone };
}

const intent = z.discriminatedUnion("intent", [
  z.object({ intent: z.enum(["approved", "rejected"]) }),
  z.object({ intent: z.literal("appeal"), reason: reasonField }),
]);

/** intent=approved / rejected (the comment), or appeal (with its reason). */
export async function action({ request, params }: ActionFunctionArgs) {
  let form = new FormData();
  const { user, db, rating } = await requireRating(request, params.id, async () => {
    form = await readForm(request);
  });
  const i18n = createI18n(localeOf(request));
  const parsed = intent.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const appealing = form.get("intent") === "appeal";
    return data(
      {
        errors: appealing
          ? { reason: i18n.t("ratings.appeal.error.reason") }
          : { form: i18n.t("ratings.error.badRequest") },
        reason: String(form.get("reason") ?? ""),
      },
      { status: 400 },
    );
  }
  const actor = actorOf(user, request);
  const scope = departmentScope(user);
  const here = `/dashboard/ratings/${rating.id}`;
  if (parsed.data.intent === "appeal") {
    const filed = await fileRatingAppeal(
      db,
      { ratingId: rating.id, reason: parsed.data.reason, scope },
      actor,
    );
    if (!filed.ok && filed.reason === "not_found") throw notFound();
    if (!filed.ok)
      return data(
        { errors: { form: i18n.t("ratings.appeal.error.already_appealed") }, reason: "" },
        { status: 409 },
      );
    return redirect(`${here}?appealed=1`, 303);
  }
  const result = await moderateComments(
    db,
    { ids: [rating.id], decision: parsed.data.intent, scope },
    actor,
  );
  if (!result.ok && result.reason === "not_found") throw notFound();
  if (!result.ok)
    return data(
      { errors: { form: i18n.t("ratings.error.no_comment") }, reason: "" },
      { status: 409 },
    );
  return redirect(`${here}?done=1`, 303);
}

export default function RatingPage() {
  const { rating, appeal, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const i18n = useI18n();
  const { t } = i18n;
  const reasonError =
    result?.errors && "reason" in result.errors ? result.errors.reason : undefined;
  return (
    <>
      <DashboardPageHeader
        back={{ to: "/dashboard/ratings", label: t("ratings.detail.back") }}
        title={t("ratings.detail.title", { id: rating.externalId })}
      />
      {search.get("done") ? (
        <p className="notice" role="status">
          {t("ratings.done", { count: 1 })}
        </p>
      ) : null}
      {search.get("appealed") ? (
        <p className="notice" role="status">
          {t("ratings.appeal.filed")}
        </p>
      ) : null}
      <ErrorSummary errors={result?.errors} />
      <dl className="facts">
        <dt>{t("ratings.col.target")}</dt>
        <dd>
          {rating.targetName} ({t(`ratings.target.${rating.target}`)} {rating.targetCode})
        </dd>
        <dt>{t("ratings.col.department")}</dt>
        <dd>{rating.departmentName}</dd>
        <dt>{t("ratings.col.score")}</dt>
        <dd>{rating.score}</dd>
        <dt>{t("ratings.col.date")}</dt>
        <dd>{formatDateTime(rating.ratedAt, timeZone, i18n.locale)}</dd>
        <dt>{t("ratings.detail.channel")}</dt>
        <dd>{rating.channel ?? i18n.noData}</dd>
        <dt>{t("ratings.col.comment")}</dt>
        <dd>{rating.comment ?? i18n.noData}</dd>
        <dt>{t("ratings.col.state")}</dt>
        <dd>
          <RatingStateText row={rating} timeZone={timeZone} />
        </dd>
      </dl>
      {rating.commentState ? (
        <Form method="post" className="import-actions">
          <CsrfInput />
          <fieldset>
            <legend>{t("ratings.detail.moderation")}</legend>
            <ModerationButtons
              name="intent"
              valueOf={(decision) => decision}
              current={rating.commentState}
            />
          </fieldset>
        </Form>
      ) : null}
      <section aria-labelledby="appeal-heading" className="rating-appeal">
        <h2 id="appeal-heading">{t("ratings.appeal.heading")}</h2>
        {appeal ? (
          <dl className="facts">
            <dt>{t("ratings.appeal.state")}</dt>
            <dd>
              <strong>{t(`ratings.appeal.state.${appeal.state}`)}</strong>
            </dd>
            <dt>{t("ratings.appeals.col.reason")}</dt>
            <dd>{appeal.reason}</dd>
            <dt>{t("ratings.appeals.col.filed")}</dt>
            <dd>
              {appeal.filedBy} · {formatDateTime(appeal.filedAt, timeZone, i18n.locale)}
            </dd>
            <dt>{t("ratings.appeals.col.decision")}</dt>
            <dd>
              <AppealDecision appeal={appeal} timeZone={timeZone} />
            </dd>
          </dl>
        ) : (
          <Form method="post" noValidate>
            <CsrfInput />
            <p>{t("ratings.appeal.intro")}</p>
            <ReasonField
              id="reason"
              label={t("ratings.appeal.reason")}
              hint={t("ratings.appeal.reasonHint")}
              error={reasonError}
              defaultValue={result?.reason ?? ""}
              rows={4}
            />
            <button type="submit" name="intent" value="appeal" className="button">
              {t("ratings.appeal.submit")}
            </button>
          </Form>
        )}
      </section>
    </>
  );
}
