import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { decideRatingAppeal, listRatingAppeals } from "../../db/queries/rating-moderation.server";
import { getDb } from "../../db/runtime.server";
// Not from the .server module: the page's component lists them, in the browser too.
import { RATING_APPEAL_STATES as APPEAL_STATES } from "../../db/schema/enum-values";
import { CsrfInput, ErrorSummary } from "~/components/forms";
import { DashboardPageHeader } from "~/components/dashboard/dashboard-page-header";
import { TableScroll } from "~/components/table-scroll";
import { createI18n, useI18n } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";
import { metaI18n, pageTitle } from "~/i18n/meta";
import { AppealDecision } from "~/ratings/appeal-decision";
import { RatingFilterForm, ReasonField } from "~/ratings/rating-forms";
import ratingStyles from "~/ratings/ratings.css";
import {
  actorOf,
  APPEAL_DECIDERS,
  departmentFilter,
  optionalParam,
  RATING_ROLES,
  ratingScope,
  reasonField,
} from "~/ratings/ratings.server";
import { readForm } from "~/utils/csrf.server";
import { formatDateTime } from "~/utils/format";
import { idParam } from "~/utils/id-param.server";
import { notFound, requireUser } from "~/utils/permissions.server";
import { getSettings } from "~/utils/settings.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: ratingStyles }];

export const meta: MetaFunction = ({ matches }) => {
  const i18n = metaI18n(matches);
  return [{ title: pageTitle(i18n, i18n.t("ratings.appeals.title")) }];
};

const query = z.object({
  state: z.enum([...APPEAL_STATES, "all"]).catch("all"),
  department: optionalParam(z.string()),
});

/** Appeals against ratings: pending first, then decided with their reasons; stewards see their own. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: [...RATING_ROLES] });
  const db = getDb();
  const filter = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  const department = await departmentFilter(db, user, filter.department);
  const { scope, departments } = await ratingScope(db, user);
  const appeals = await listRatingAppeals(db, scope, {
    state: filter.state,
    departmentId: department?.id,
  });
  return {
    filter: { state: filter.state, department: department?.code ?? "" },
    departments: departments.map(({ code, name }) => ({ code, name })),
    appeals,
    canDecide: (APPEAL_DECIDERS as readonly string[]).includes(user.role),
    timeZone: getSettings().timeZone,
  };
}

const decision = z.object({
  appeal: idParam(),
  decision: z.enum(["upheld", "dismissed"]),
  reason: z.string(),
});

/** The leader's decision on one appeal, with its required reason. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: [...APPEAL_DECIDERS] });
  const form = await readForm(request);
  const i18n = createI18n(localeOf(request));
  const parsed = decision.safeParse(Object.fromEntries(form));
  if (!parsed.success)
    return data({ errors: { form: i18n.t("ratings.error.badRequest") } }, { status: 400 });
  const { appeal, reason } = parsed.data;
  const checked = reasonField.safeParse(reason);
  if (!checked.success)
    return data(
      { errors: { [`reason-${appeal}`]: i18n.t("ratings.appeals.error.reason", { id: appeal }) } },
      { status: 400 },
    );
  const result = await decideRatingAppeal(
    getDb(),
    { appealId: appeal, decision: parsed.data.decision, reason: checked.data },
    actorOf(user, request),
  );
  if (!result.ok && result.reason === "not_found") throw notFound();
  if (!result.ok)
    return data(
      { errors: { form: i18n.t("ratings.appeals.error.already_decided") } },
      { status: 409 },
    );
  const back = new URL(request.url).searchParams;
  back.set("decided", String(appeal));
  return redirect(`/dashboard/ratings/appeals?${back.toString()}`, 303);
}

export default function RatingAppeals() {
  const { filter, departments, appeals, canDecide, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const i18n = useI18n();
  const { t } = i18n;
  const errors: Partial<Record<string, string>> | undefined = result?.errors;
  return (
    <>
      <DashboardPageHeader
        back={{ to: "/dashboard/ratings", label: t("ratings.detail.back") }}
        title={t("ratings.appeals.title")}
        lede={t("ratings.appeals.lede")}
      >
        <RatingFilterForm
          stateLabel={t("ratings.appeals.filter.state")}
          states={[
            { value: "all", label: t("ratings.filter.all") },
            ...APPEAL_STATES.map((state) => ({
              value: state,
              label: t(`ratings.appeal.state.${state}`),
            })),
          ]}
          state={filter.state}
          departments={departments}
          department={filter.department}
        />
      </DashboardPageHeader>
      {search.get("decided") ? (
        <p className="notice" role="status">
          {t("ratings.appeals.decided")}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      {appeals.length === 0 ? (
        <p>{t("ratings.appeals.empty")}</p>
      ) : (
        <TableScroll label={t("ratings.appeals.caption", { count: appeals.length })}>
          <table id="rating-appeals">
            <caption>
              {t("ratings.appeals.caption", { count: i18n.number(appeals.length) })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("ratings.appeals.col.rating")}</th>
                <th scope="col">{t("ratings.col.department")}</th>
                <th scope="col">{t("ratings.appeals.col.reason")}</th>
                <th scope="col">{t("ratings.appeals.col.filed")}</th>
                <th scope="col">{t("ratings.appeals.col.decision")}</th>
              </tr>
            </thead>
            <tbody>
              {appeals.map((appeal) => {
                const reasonId = `reason-${appeal.id}`;
                const error = errors?.[reasonId];
                return (
                  <tr key={appeal.id}>
                    <th scope="row">
                      <Link to={`/dashboard/ratings/${appeal.rating.id}`}>
                        {appeal.rating.externalId}
                      </Link>
                      <br />
                      {appeal.rating.targetName} ·{" "}
                      {t("ratings.figures.commentScore", { score: appeal.rating.score })} ·{" "}
                      {formatDateTime(appeal.rating.ratedAt, timeZone, i18n.locale)}
                      {appeal.rating.comment ? (
                        <>
                          <br />
                          <q>{appeal.rating.comment}</q>
                        </>
                      ) : null}
                    </th>
                    <td>{appeal.rating.departmentName}</td>
                    <td>{appeal.reason}</td>
                    <td>
                      {appeal.filedBy} · {formatDateTime(appeal.filedAt, timeZone, i18n.locale)}
                    </td>
                    <td>
                      {appeal.state === "pending" && canDecide ? (
                        <Form method="post" className="appeal-decide" noValidate>
                          <CsrfInput />
                          <input type="hidden" name="appeal" value={appeal.id} />
                          <ReasonField
                            id={reasonId}
                            label={t("ratings.appeals.decisionReason")}
                            error={error}
                            rows={2}
                          />
                          <span className="row-actions">
                            <button type="submit" name="decision" value="upheld" className="button">
                              {t("ratings.appeals.uphold")}
                            </button>{" "}
                            <button
                              type="submit"
                              name="decision"
                              value="dismissed"
                              className="button button-secondary"
                            >
                              {t("ratings.appeals.dismiss")}
                            </button>
                          </span>
                        </Form>
                      ) : (
                        <AppealDecision appeal={appeal} timeZone={timeZone} />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
