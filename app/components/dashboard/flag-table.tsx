import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { NamedFlag } from "../../../db/queries/overview.server";
import { RED_FLAG_RULES } from "../../../metrics/red-flags";
import { TableCsvButton } from "~/components/table-csv";
import type { I18n } from "~/i18n/i18n";
import type { MessageKey } from "~/i18n/messages";
import { TableScroll } from "~/components/table-scroll";

const ruleOf = new Map<string, (typeof RED_FLAG_RULES)[number]>(
  RED_FLAG_RULES.map((rule) => [rule.id, rule]),
);

/** A flag's figure: variances and rates as percentages, drops in points, counts as counts. */
export function flagValue(i18n: I18n, flag: NamedFlag): string {
  const rule = ruleOf.get(flag.rule);
  if (rule?.threshold.kind === "drop") {
    return i18n.t("dashboard.points", {
      value: `−${i18n.number(flag.value * 100, { maximumFractionDigits: 1, minimumFractionDigits: 1 })}`,
    });
  }
  if (rule?.threshold.kind === "count-at-least") return i18n.number(flag.value);
  return i18n.percent(flag.value);
}

/** Red flags in a table: severity in words and symbol, the subject linked to its page. */
export function FlagTable({
  i18n,
  flags,
  departmentHref,
  projectHref,
  extraColumn,
}: {
  i18n: I18n;
  flags: readonly NamedFlag[];
  departmentHref: (code: string) => string;
  projectHref: (code: string) => string;
  /** A last column of the page's own (the red-flags page's supervision notices). */
  extraColumn?: { header: string; cell: (flag: NamedFlag) => ReactNode } | undefined;
}) {
  if (flags.length === 0) return <p>{i18n.t("dashboard.flags.none")}</p>;
  return (
    <TableScroll label={i18n.t("dashboard.flags")}>
      <TableCsvButton tableId="flags-table" fileName="red-flags" />
      <table className="flag-table" id="flags-table">
        <thead>
          <tr>
            <th scope="col">{i18n.t("dashboard.flags.severity")}</th>
            <th scope="col">{i18n.t("dashboard.flags.subject")}</th>
            <th scope="col">{i18n.t("dashboard.flags.rule")}</th>
            <th scope="col" className="numeric">
              {i18n.t("dashboard.flags.value")}
            </th>
            {extraColumn ? (
              <th scope="col" data-csv-omit="">
                {extraColumn.header}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {flags.map((flag) => (
            <tr
              key={`${flag.rule}|${flag.subject}|${flag.code}`}
              className={`severity-${flag.severity}`}
            >
              <td>
                <span className={`severity severity-${flag.severity}`}>
                  {flag.severity === "red" ? "✕ " : "! "}
                  {i18n.t(flag.severity === "red" ? "dashboard.band.red" : "dashboard.band.amber")}
                </span>
              </td>
              <th scope="row">
                <Link
                  to={
                    flag.subject === "project" ? projectHref(flag.code) : departmentHref(flag.code)
                  }
                >
                  {flag.name}
                </Link>
              </th>
              <td>
                <Link to={`/dashboard/red-flags#rule-${flag.rule}`}>
                  {i18n.t(`dashboard.rule.${flag.rule}` as MessageKey)}
                </Link>
              </td>
              <td className="numeric">{flagValue(i18n, flag)}</td>
              {extraColumn ? <td data-csv-omit="">{extraColumn.cell(flag)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
