import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { loadOverview } from "../../db/queries/overview.server";
import {
  departmentOfFlagged,
  openNoticeOf,
  openNoticesByFlag,
  openSupervisionNotice,
} from "../../db/queries/rectification.server";
import { getDb } from "../../db/runtime.server";
import { getSettings } from "../../db/settings.server";
import { RED_FLAG_RULES, type RedFlagRule } from "../../metrics/red-flags";
import { DashboardPageHeader } from "~/components/dashboard/dashboard-page-header";
import { FlagTable } from "~/components/dashboard/flag-table";
import { useI18n, type I18n } from "~/i18n/i18n";
import { metaI18n, pageTitle } from "~/i18n/meta";
import type { MessageKey } from "~/i18n/messages";
import { filtersQuery } from "~/utils/dashboard-filters";
import { dashboardContext } from "~/utils/dashboard-loader.server";
import { TableScroll } from "~/components/table-scroll";
import { ErrorSummary } from "~/components/forms";
import { createI18n } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";
import { caseActorOf, localToday } from "~/supervision/case-actor.server";
import { parseNotice } from "~/supervision/case-forms.server";
import { flagKeyOf, flagSubjectOf, NoticeCell, noteFieldId } from "~/supervision/notice-form";
import { readForm } from "~/utils/csrf.server";
import { requireUser } from "~/utils/permissions.server";
import { clientIp } from "~/utils/session.server";

export const meta: MetaFunction = ({ matches }) => {
  const i18n = metaI18n(matches);
  return [{ title: pageTitle(i18n, i18n.t("dashboard.flags.rules")) }];
};

/** A page, not a dump: the worst first (flags come ordered red first), the count of the rest. */
const MAX_FLAGS_LISTED = 200;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, filters, scope, db } = await dashboardContext(request);
  const mayIssueNotice = user.role === "leader" || user.role === "admin";
  const [overview, notices] = await Promise.all([
    loadOverview(db, scope, filters, { series: false, today: localToday() }),
    mayIssueNotice ? openNoticesByFlag(db) : new Map<string, number>(),
  ]);
  return {
    filters,
    flags: overview.flags.slice(0, MAX_FLAGS_LISTED),
    total: overview.flags.length,
    targets: overview.targets,
    mayIssueNotice,
    notices: Object.fromEntries(notices),
  };
}

/**
 * A supervision notice (督办) on one flag, by a leader or admin: the department answerable
 * is looked up from what is stored (the project's or the department itself), never taken
 * from the form. A flag that has an open notice already leads to that case.
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { roles: ["admin", "leader"] });
  const form = await readForm(request);
  const i18n = createI18n(localeOf(request));
  const parsed = parseNotice(form, i18n);
  if (!parsed.ok) {
    const flag = parsed.values;
    const field = noteFieldId(flag);
    const message = parsed.errors.note ?? i18n.t("supervision.refusal.unknown_flag");
    return data(
      { key: flagKeyOf(flag), errors: { [field]: message }, note: flag.note },
      { status: 400 },
    );
  }
  const { rule, subject, code, note } = parsed.data;
  const flagSubject = flagSubjectOf({ subject, code });
  const ruleSubject = RED_FLAG_RULES.find((candidate) => candidate.id === rule)?.subject;
  const db = getDb();
  const departmentId =
    ruleSubject === subject ? await departmentOfFlagged(db, subject, code) : undefined;
  if (departmentId === undefined) {
    return data(
      {
        key: flagKeyOf(parsed.data),
        errors: { form: i18n.t("supervision.refusal.unknown_flag") },
        note,
      },
      { status: 400 },
    );
  }
  const result = await openSupervisionNotice(
    db,
    caseActorOf(user, clientIp(request)),
    { departmentId, flagRule: rule, flagSubject, note },
    getSettings().timeZone,
  );
  if (result.ok) return redirect(`/supervision/cases/${result.id}?done=notice`);
  const existing =
    result.reason === "already_open" ? await openNoticeOf(db, rule, flagSubject) : undefined;
  if (existing !== undefined) return redirect(`/supervision/cases/${existing}`);
  return data(
    {
      key: flagKeyOf(parsed.data),
      errors: { form: i18n.t("supervision.refusal.unknown_flag") },
      note,
    },
    { status: 400 },
  );
}

function thresholdText(
  i18n: I18n,
  rule: RedFlagRule,
  targets: ReturnType<typeof useLoaderData<typeof loader>>["targets"],
) {
  const threshold = rule.threshold;
  switch (threshold.kind) {
    case "band":
      return i18n.t(
        rule.id === "forecast-overrun-early"
          ? "dashboard.threshold.forecast"
          : "dashboard.threshold.band",
      );
    case "target": {
      const target = targets[threshold.kpi];
      return i18n.t("dashboard.threshold.target", {
        target: i18n.percent(target?.target ?? null),
        amber: i18n.percent(target?.amberFrom ?? null),
      });
    }
    case "drop":
      return i18n.t("dashboard.threshold.drop", { points: i18n.number(threshold.points * 100) });
    case "share-below":
      return i18n.t("dashboard.threshold.share", {
        share: i18n.percent(threshold.share, 0),
        rated: threshold.orRatedBelow,
      });
    case "count-at-least":
      return i18n.t("dashboard.threshold.count", { count: threshold.count });
  }
}

export default function RedFlags() {
  const { filters, flags, total, targets, mayIssueNotice, notices } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const i18n = useI18n();
  const errors: Partial<Record<string, string>> | undefined = result?.errors;
  useEffect(() => {
    if (errors) document.querySelector<HTMLElement>(".error-summary")?.focus();
  }, [errors]);
  const keep = filtersQuery(filters, { department: undefined, region: undefined });
  return (
    <>
      <DashboardPageHeader
        back={{ to: `/dashboard${filtersQuery(filters)}`, label: i18n.t("dashboard.back") }}
        title={i18n.t("dashboard.flags.rules")}
        lede={i18n.t("dashboard.flags.intro")}
      />
      <ErrorSummary errors={errors} />
      <TableScroll label={i18n.t("dashboard.flags.rules")}>
        <table>
          <thead>
            <tr>
              <th scope="col">ID</th>
              <th scope="col">{i18n.t("dashboard.flags.rule")}</th>
              <th scope="col">{i18n.t("dashboard.flags.threshold")}</th>
              <th scope="col">{i18n.t("dashboard.flags.basis")}</th>
            </tr>
          </thead>
          <tbody>
            {RED_FLAG_RULES.map((rule) => (
              <tr key={rule.id} id={`rule-${rule.id}`}>
                <td>
                  <code>{rule.id}</code>
                </td>
                <th scope="row">{i18n.t(`dashboard.rule.${rule.id}` as MessageKey)}</th>
                <td>{thresholdText(i18n, rule, targets)}</td>
                <td>{i18n.t(`dashboard.basis.${rule.basis}` as MessageKey)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h2>
        {i18n.t("dashboard.flags")} ({i18n.number(total)})
      </h2>
      <FlagTable
        i18n={i18n}
        flags={flags}
        departmentHref={(code) => `/dashboard/departments/${encodeURIComponent(code)}${keep}`}
        projectHref={(code) => `/dashboard/projects/${encodeURIComponent(code)}${keep}`}
        extraColumn={
          mayIssueNotice
            ? {
                header: i18n.t("supervision.notice.column"),
                cell: (flag) => {
                  const key = flagKeyOf(flag);
                  const mine = result?.key === key;
                  return (
                    <NoticeCell
                      i18n={i18n}
                      flag={flag}
                      openCaseId={notices[key]}
                      error={mine ? errors?.[noteFieldId(flag)] : undefined}
                      note={mine ? result.note : undefined}
                    />
                  );
                },
              }
            : undefined
        }
      />
      {total > flags.length ? (
        <p className="hint">
          {i18n.t("dashboard.flags.listed", { shown: flags.length, total: i18n.number(total) })}
        </p>
      ) : null}
    </>
  );
}
