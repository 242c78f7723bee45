import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { listRatingQueue, moderateComments } from "../../db/queries/rating-moderation.server";
// Not from the .server module: the page's component lists them, in the browser too.
import { MODERATION_STATES as COMMENT_STATES } from "../../db/schema/enum-values";
import { getDb } from "../../db/runtime.server";
import { CsrfInput, ErrorSummary } from "~/components/forms";
import { DashboardPageHeader } from "~/components/dashboard/dashboard-page-header";
import { TableScroll } from "~/components/table-scroll";
import { createI18n, useI18n } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";
import { metaI18n, pageTitle } from "~/i18n/meta";
import { ModerationButtons, RatingFilterForm } from "~/ratings/rating-forms";
import { RatingStateText } from "~/ratings/rating-text";
import ratingStyles from "~/ratings/ratings.css";
import {
  actorOf,
  departmentFilter,
  optionalParam,
  RATING_ROLES,
  ratingId,
  ratingScope,
} from "~/ratings/ratings.server";
import { readForm } from "~/utils/csrf.server";
import { formatDateTime } from "~/utils/format";
import { departmentScope, notFound, requireUser } from "~/utils/permissions.server";
import { getSettings } from "~/utils/settings.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: ratingStyles }];

export const meta: MetaFunction = ({ matches }) => {
  const i18n = metaI18n(matches);
  return [{ title: pageTitle(i18n, i18n.t("ratings.queue.title")) }];
};

const query = z.object({
  state: z.enum([...COMMENT_STATES, "all"]).catch("pending"),
  department: optionalParam(z.string()),
  score: optionalParam(z.coerce.number().int().min(1).max(5)).catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

/** The moderation queue: pending comments first, filters in the URL, scope by department. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: [...RATING_ROLES] });
  const db = getDb();
  const filter = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  const department = await departmentFilter(db, user, filter.department);
  const { scope, departments } = await ratingScope(db, user);
  const list = await listRatingQueue(db, scope, {
    state: filter.state,
    departmentId: department?.id,
    score: filter.score,
    page: filter.page,
  });
  return {
    filter: {
      state: filter.state,
      department: department?.code ?? "",
      score: filter.score ?? null,
    },
    departments: departments.map(({ code, name }) => ({ code, name })),
    list,
    timeZone: getSettings().timeZone,
  };
}

const decision = z.enum(["approved", "rejected"]);
const moderation = z.union([
  // One row's button: "approved:42".
  z.object({
    one: z
      .string()
      .regex(/^(approved|rejected):\d+$/)
      .transform((value) => {
        const [verdict = "", id = ""] = value.split(":");
        return { decision: decision.parse(verdict), ids: [ratingId.parse(id)] };
      }),
  }),
  // The bulk buttons, over the rows selected.
  z.object({ bulk: decision, id: z.array(ratingId).min(1).max(500) }),
]);

/** Accept or reject one comment or the selected ones; a rating outside the scope is 404. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: [...RATING_ROLES] });
  const form = await readForm(request);
  const i18n = createI18n(localeOf(request));
  const parsed = moderation.safeParse({
    ...(form.has("one") ? { one: form.get("one") } : {}),
    ...(form.has("bulk") ? { bulk: form.get("bulk"), id: form.getAll("id") } : {}),
  });
  if (!parsed.success) {
    const noneSelected = form.has("bulk") && form.getAll("id").length === 0;
    const message = noneSelected ? "ratings.error.noneSelected" : "ratings.error.badRequest";
    return data({ errors: { form: i18n.t(message) } }, { status: 400 });
  }
  const { decision: verdict, ids } =
    "one" in parsed.data ? parsed.data.one : { decision: parsed.data.bulk, ids: parsed.data.id };
  const result = await moderateComments(
    getDb(),
    { ids, decision: verdict, scope: departmentScope(user) },
    actorOf(user, request),
  );
  if (!result.ok && result.reason === "not_found") throw notFound();
  if (!result.ok)
    return data({ errors: { form: i18n.t("ratings.error.no_comment") } }, { status: 409 });
  const back = new URL(request.url).searchParams;
  back.delete("index");
  back.set("done", String(ids.length));
  return redirect(`/dashboard/ratings?${back.toString()}`, 303);
}

export default function RatingQueue() {
  const { filter, departments, list, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const i18n = useI18n();
  const { t } = i18n;
  const done = search.get("done");
  const pageHref = (page: number) => {
    const params = new URLSearchParams(search);
    params.delete("done");
    params.set("page", String(page));
    return `/dashboard/ratings?${params.toString()}`;
  };
  return (
    <>
      <DashboardPageHeader
        back={{ to: "/dashboard", label: t("dashboard.back") }}
        title={t("ratings.queue.title")}
        lede={t("ratings.queue.lede")}
      >
        <p>
          <Link to="/dashboard/ratings/appeals">{t("ratings.queue.appealsLink")}</Link>
        </p>
        <RatingFilterForm
          stateLabel={t("ratings.filter.state")}
          states={[
            ...COMMENT_STATES.map((state) => ({
              value: state,
              label: t(`ratings.state.${state}`),
            })),
            { value: "all", label: t("ratings.filter.allRatings") },
          ]}
          state={filter.state}
          departments={departments}
          department={filter.department}
        >
          <label>
            {t("ratings.filter.score")}
            <select name="score" defaultValue={filter.score ?? ""}>
              <option value="">{t("ratings.filter.all")}</option>
              {[1, 2, 3, 4, 5].map((score) => (
                <option key={score} value={score}>
                  {score}
                </option>
              ))}
            </select>
          </label>
        </RatingFilterForm>
      </DashboardPageHeader>
      {done ? (
        <p className="notice" role="status">
          {t("ratings.done", { count: Number(done) || 0 })}
        </p>
      ) : null}
      <ErrorSummary errors={result?.errors} />
      {list.rows.length === 0 ? (
        <p>{t("ratings.queue.empty")}</p>
      ) : (
        <Form method="post">
          <CsrfInput />
          <TableScroll label={t("ratings.queue.caption", { count: list.total })}>
            <table id="rating-queue">
              <caption>{t("ratings.queue.caption", { count: i18n.number(list.total) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("ratings.col.select")}</th>
                  <th scope="col">{t("ratings.col.rating")}</th>
                  <th scope="col">{t("ratings.col.target")}</th>
                  <th scope="col">{t("ratings.col.department")}</th>
                  <th scope="col" className="numeric">
                    {t("ratings.col.score")}
                  </th>
                  <th scope="col">{t("ratings.col.date")}</th>
                  <th scope="col">{t("ratings.col.comment")}</th>
                  <th scope="col">{t("ratings.col.state")}</th>
                  <th scope="col">{t("ratings.col.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {list.rows.map((row) => (
                  <tr key={row.id}>
                    <td>
                      {row.commentState ? (
                        <input
                          type="checkbox"
                          name="id"
                          value={row.id}
                          aria-label={t("ratings.selectOne", { id: row.externalId })}
                        />
                      ) : null}
                    </td>
                    <th scope="row">
                      <Link to={`/dashboard/ratings/${row.id}`}>{row.externalId}</Link>
                    </th>
                    <td>
                      {row.targetName} ({t(`ratings.target.${row.target}`)} {row.targetCode})
                    </td>
                    <td>{row.departmentName}</td>
                    <td className="numeric">{row.score}</td>
                    <td>{formatDateTime(row.ratedAt, timeZone, i18n.locale)}</td>
                    <td>{row.comment ?? i18n.noData}</td>
                    <td>
                      <RatingStateText row={row} timeZone={timeZone} />
                    </td>
                    <td>
                      {row.commentState ? (
                        <ModerationButtons
                          name="one"
                          valueOf={(decision) => `${decision}:${row.id}`}
                          current={row.commentState}
                          labelOf={(decision) =>
                            t(
                              decision === "approved"
                                ? "ratings.approveNamed"
                                : "ratings.rejectNamed",
                              { id: row.externalId },
                            )
                          }
                        />
                      ) : (
                        <Link to={`/dashboard/ratings/${row.id}`}>{t("ratings.open")}</Link>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <fieldset className="filter-actions">
            <legend>{t("ratings.bulk.legend")}</legend>
            <button type="submit" name="bulk" value="approved" className="button">
              {t("ratings.bulk.approve")}
            </button>{" "}
            <button type="submit" name="bulk" value="rejected" className="button button-warning">
              {t("ratings.bulk.reject")}
            </button>
          </fieldset>
        </Form>
      )}
      <nav aria-label={t("ratings.page.nav")} className="filter-actions">
        {list.page > 1 ? (
          <Link to={pageHref(list.page - 1)}>← {t("ratings.page.previous")}</Link>
        ) : null}
        <span>{t("ratings.page.of", { page: list.page, pages: list.pages })}</span>
        {list.page < list.pages ? (
          <Link to={pageHref(list.page + 1)}>{t("ratings.page.next")} →</Link>
        ) : null}
      </nav>
    </>
  );
}
