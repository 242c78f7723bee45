import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { findDepartmentsByIds, listDepartmentOptions } from "../../db/queries/departments.server";
import {
  countCases,
  listCases,
  loadRectificationFigures,
} from "../../db/queries/rectification.server";
import { getDb } from "../../db/runtime.server";
import { RECTIFICATION_SOURCES, RECTIFICATION_STATES } from "../../db/schema/enum-values";
import { TableScroll } from "~/components/table-scroll";
import { useI18n } from "~/i18n/i18n";
import { metaI18n, pageTitle } from "~/i18n/meta";
import type { MessageKey } from "~/i18n/messages";
import { caseActorOf, localToday, SUPERVISION_ROLES } from "~/supervision/case-actor.server";
import { caseSourceText, caseStateLabel } from "~/supervision/case-labels";
import { requireUser } from "~/utils/permissions.server";

export const meta: MetaFunction = ({ matches }) => {
  const i18n = metaI18n(matches);
  return [{ title: pageTitle(i18n, i18n.t("supervision.title")) }];
};

/** listCases' cap: beyond it the page says to narrow the filters. */
const MAX_CASES_LISTED = 500;

const STATE_CHOICES = [...RECTIFICATION_STATES, "overdue"] as const;

/** The filters of the URL; a stale or malformed value is dropped, so an old link still opens. */
const filterSchema = z.object({
  state: z.enum(STATE_CHOICES).optional().catch(undefined),
  source: z.enum(RECTIFICATION_SOURCES).optional().catch(undefined),
  department: z.string().max(64).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { roles: [...SUPERVISION_ROLES] });
  const db = getDb();
  const actor = caseActorOf(user, null);
  const today = localToday();
  const filters = filterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const departments =
    actor.departments === null
      ? await listDepartmentOptions(db)
      : ((await findDepartmentsByIds(db, actor.departments)) ?? []);
  const department = departments.find((choice) => choice.code === filters.department);
  const year = today.slice(0, 4);
  const [cases, counts, figures] = await Promise.all([
    listCases(
      db,
      actor,
      { state: filters.state, source: filters.source, departmentId: department?.id },
      today,
    ),
    countCases(db, actor, today),
    loadRectificationFigures(db, {
      from: `${year}-01-01`,
      to: `${year}-12-31`,
      today,
      departments: actor.departments,
    }),
  ]);
  return {
    filters: { state: filters.state, source: filters.source, department: department?.code },
    departments: departments.map(({ code, name }) => ({ code, name })),
    cases,
    counts,
    figures,
    year,
  };
}

export default function SupervisionCases() {
  const { filters, departments, cases, counts, figures, year } = useLoaderData<typeof loader>();
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <>
      <h1>{t("supervision.title")}</h1>
      <p className="lede">{t("supervision.lede")}</p>
      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading">{t("supervision.counts")}</h2>
        <dl className="figure-list">
          <div>
            <dt>{t("supervision.count.open")}</dt>
            <dd>{i18n.number(counts.open)}</dd>
          </div>
          <div>
            <dt>{t("supervision.count.overdue")}</dt>
            <dd>
              <Link to="?state=overdue">{i18n.number(counts.overdue)}</Link>
            </dd>
          </div>
          <div>
            <dt>{t("supervision.count.answered")}</dt>
            <dd>
              <Link to="?state=answered">{i18n.number(counts.answered)}</Link>
            </dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading">{t("supervision.figures", { year })}</h2>
        <dl className="figure-list">
          <div>
            <dt>{t("supervision.figure.opened")}</dt>
            <dd>{i18n.number(figures.opened)}</dd>
          </div>
          <div>
            <dt>{t("supervision.figure.closed")}</dt>
            <dd>{i18n.number(figures.closed)}</dd>
          </div>
          <div>
            <dt>{t("supervision.figure.onTimeRate")}</dt>
            <dd>{i18n.percent(figures.onTimeRate)}</dd>
          </div>
          <div>
            <dt>{t("supervision.figure.overdueOpen")}</dt>
            <dd>{i18n.number(figures.overdueOpen)}</dd>
          </div>
          <div>
            <dt>{t("supervision.figure.median")}</dt>
            <dd>{i18n.number(figures.medianWorkingDaysToClose, { maximumFractionDigits: 1 })}</dd>
          </div>
        </dl>
      </section>
      <Form
        method="get"
        action="/supervision/cases"
        className="filter-form"
        aria-label={t("supervision.filters")}
      >
        <label>
          {t("supervision.filter.state")}
          <select name="state" defaultValue={filters.state ?? ""}>
            <option value="">{t("supervision.filter.all")}</option>
            {STATE_CHOICES.map((state) => (
              <option key={state} value={state}>
                {caseStateLabel(i18n, state)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("supervision.filter.source")}
          <select name="source" defaultValue={filters.source ?? ""}>
            <option value="">{t("supervision.filter.all")}</option>
            {RECTIFICATION_SOURCES.map((source) => (
              <option key={source} value={source}>
                {t(`supervision.source.${source}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        {departments.length > 1 ? (
          <label>
            {t("supervision.filter.department")}
            <select name="department" defaultValue={filters.department ?? ""}>
              <option value="">{t("supervision.filter.all")}</option>
              {departments.map((department) => (
                <option key={department.code} value={department.code}>
                  {department.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <div className="filter-actions">
          <button type="submit">{t("supervision.filter.apply")}</button>
          <a href="/supervision/cases">{t("supervision.filter.reset")}</a>
        </div>
      </Form>
      {cases.length === 0 ? (
        <p>{t("supervision.empty")}</p>
      ) : (
        <TableScroll label={t("supervision.title")}>
          <table id="cases-table">
            <caption>{t("supervision.caption", { count: i18n.number(cases.length) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("supervision.col.number")}</th>
                <th scope="col">{t("supervision.col.department")}</th>
                <th scope="col">{t("supervision.col.source")}</th>
                <th scope="col">{t("supervision.col.subject")}</th>
                <th scope="col">{t("supervision.col.opened")}</th>
                <th scope="col">{t("supervision.col.deadline")}</th>
                <th scope="col">{t("supervision.col.state")}</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((item) => (
                <tr key={item.id}>
                  <th scope="row">
                    <Link to={`/supervision/cases/${item.id}`}>
                      {t("supervision.caseNumber", { id: String(item.id) })}
                    </Link>
                  </th>
                  <td>{item.departmentName}</td>
                  <td>{caseSourceText(i18n, item)}</td>
                  <td>{item.subject}</td>
                  <td>{i18n.date(item.openedOn)}</td>
                  <td>{i18n.date(item.deadline)}</td>
                  <td>
                    {caseStateLabel(i18n, item.state)}
                    {item.overdue ? (
                      <>
                        {" "}
                        <span className="severity severity-red">
                          {t("supervision.overdueMark")}
                        </span>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {cases.length >= MAX_CASES_LISTED ? (
        <p className="hint">{t("supervision.listed", { shown: i18n.number(cases.length) })}</p>
      ) : null}
    </>
  );
}
