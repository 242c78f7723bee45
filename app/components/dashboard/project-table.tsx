import { Link } from "@remix-run/react";
import type { ProjectPoint } from "../../../db/queries/overview.server";
import { bandText } from "~/components/charts";
import { TableCsvButton } from "~/components/table-csv";
import type { I18n } from "~/i18n/i18n";
import { stageLabel } from "~/utils/format";
import { bandLabels, formatKpi } from "./dashboard-text";
import { TableScroll } from "~/components/table-scroll";

type Row = Pick<
  ProjectPoint,
  | "code"
  | "name"
  | "departmentCode"
  | "departmentName"
  | "stage"
  | "bac"
  | "budgetExecution"
  | "cpi"
  | "spi"
  | "outcome"
  | "costBand"
>;

/** Projects with their earned-value figures, each linked to its page (and department). */
export function ProjectTable({
  i18n,
  id,
  projects,
  projectHref,
  departmentHref,
}: {
  i18n: I18n;
  id: string;
  projects: readonly Row[];
  projectHref: (code: string) => string;
  /** Given: a department column (the overview); absent on a department's own page. */
  departmentHref?: (code: string) => string;
}) {
  const bands = bandLabels(i18n);
  const numeric = ["budget", "execution", "cpi", "spi", "outcome"] as const;
  return (
    <>
      <TableCsvButton tableId={id} fileName={id} />
      <TableScroll label={i18n.t("dashboard.projects")}>
        <table id={id}>
          <thead>
            <tr>
              <th scope="col">{i18n.t("dashboard.col.project")}</th>
              {departmentHref ? <th scope="col">{i18n.t("dashboard.col.department")}</th> : null}
              <th scope="col">{i18n.t("dashboard.col.stage")}</th>
              {numeric.map((column) => (
                <th scope="col" className="numeric" key={column}>
                  {i18n.t(`dashboard.col.${column}`)}
                </th>
              ))}
              <th scope="col">{i18n.t("dashboard.col.cost")}</th>
            </tr>
          </thead>
          <tbody>
            {projects.map((project) => (
              <tr key={project.code}>
                <th scope="row">
                  <Link to={projectHref(project.code)}>{project.name}</Link>
                </th>
                {departmentHref ? (
                  <td>
                    <Link to={departmentHref(project.departmentCode)}>
                      {project.departmentName}
                    </Link>
                  </td>
                ) : null}
                <td>{stageLabel(i18n, project.stage)}</td>
                <td className="numeric">{i18n.yuan(project.bac)}</td>
                <td className="numeric">{i18n.percent(project.budgetExecution)}</td>
                <td className="numeric">{formatKpi(i18n, "cpi", project.cpi)}</td>
                <td className="numeric">{formatKpi(i18n, "spi", project.spi)}</td>
                <td className="numeric">{i18n.percent(project.outcome)}</td>
                <td>{bandText(project.costBand, bands)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
