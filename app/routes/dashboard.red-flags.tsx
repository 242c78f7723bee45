import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { loadOverview } from "../../db/queries/overview.server";
import { RED_FLAG_RULES, type RedFlagRule } from "../../metrics/red-flags";
import { DashboardPageHeader } from "~/components/dashboard/dashboard-page-header";
import { FlagTable } from "~/components/dashboard/flag-table";
import { useI18n, type I18n } from "~/i18n/i18n";
import { metaI18n, pageTitle } from "~/i18n/meta";
import type { MessageKey } from "~/i18n/messages";
import { filtersQuery } from "~/utils/dashboard-filters";
import { dashboardContext } from "~/utils/dashboard-loader.server";
import { TableScroll } from "~/components/table-scroll";

export const meta: MetaFunction = ({ matches }) => {
  const i18n = metaI18n(matches);
  return [{ title: pageTitle(i18n, i18n.t("dashboard.flags.rules")) }];
};

/** A page, not a dump: the worst first (flags come ordered red first), the count of the rest. */
const MAX_FLAGS_LISTED = 200;

export async function loader({ request }: LoaderFunctionArgs) {
  const { filters, scope, db } = await dashboardContext(request);
  const overview = await loadOverview(db, scope, filters, { series: false });
  return {
    filters,
    flags: overview.flags.slice(0, MAX_FLAGS_LISTED),
    total: overview.flags.length,
    targets: overview.targets,
  };
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
  }
}

export default function RedFlags() {
  const { filters, flags, total, targets } = useLoaderData<typeof loader>();
  const i18n = useI18n();
  const keep = filtersQuery(filters, { department: undefined, region: undefined });
  return (
    <>
      <DashboardPageHeader
        back={{ to: `/dashboard${filtersQuery(filters)}`, label: i18n.t("dashboard.back") }}
        title={i18n.t("dashboard.flags.rules")}
        lede={i18n.t("dashboard.flags.intro")}
      />
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
      />
      {total > flags.length ? (
        <p className="hint">
          {i18n.t("dashboard.flags.listed", { shown: flags.length, total: i18n.number(total) })}
        </p>
      ) : null}
    </>
  );
}
