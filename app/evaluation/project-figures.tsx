import { formatKpi } from "~/components/dashboard/dashboard-text";
import { useI18n } from "~/i18n/i18n";
import type { ProjectFigures } from "./workspace-types";

/**
 * The project's internal figures, read-only, as the project page shows them (the same
 * loader: db/queries/project-page.server.ts), in compact tables.
 */
export function ProjectFiguresSection({ figures }: { figures: ProjectFigures }) {
  const i18n = useI18n();
  const { t } = i18n;
  const ev = figures.earnedValue;
  const rows: Array<[string, string]> = [
    [t("dashboard.col.code"), figures.code],
    [t("dashboard.col.budget"), i18n.yuan(ev.bac)],
    [t("dashboard.col.ac"), i18n.yuan(ev.ac)],
    [t("dashboard.kpi.budget_execution"), i18n.percent(ev.budgetExecution)],
    [t("dashboard.kpi.cpi"), formatKpi(i18n, "cpi", ev.cpi)],
    [t("dashboard.kpi.spi"), formatKpi(i18n, "spi", ev.spi)],
    [t("dashboard.project.eac"), i18n.yuan(ev.eac)],
    [t("dashboard.project.costVariance"), i18n.percent(ev.costVariancePct)],
    [t("dashboard.project.scheduleVariance"), i18n.percent(ev.scheduleVariancePct)],
    [t("dashboard.project.budgetVariance"), i18n.percent(ev.budgetVariancePct)],
  ];
  return (
    <section aria-labelledby="figures-heading" className="project-figures">
      <h2 id="figures-heading">{t("evaluation.figures.heading")}</h2>
      <p className="hint">{t("evaluation.figures.cutoff", { date: i18n.date(figures.cutoff) })}</p>
      <div className="figure-tables">
        <table>
          <caption>{t("evaluation.figures.earnedValue")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("evaluation.figures.figure")}</th>
              <th scope="col" className="numeric">
                {t("evaluation.figures.value")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, value]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td className="numeric">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div>
          {figures.milestones.length === 0 ? (
            <p>{t("evaluation.figures.noMilestones")}</p>
          ) : (
            <table>
              <caption>{t("evaluation.figures.milestones")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("evaluation.figures.milestone")}</th>
                  <th scope="col">{t("evaluation.figures.planned")}</th>
                  <th scope="col">{t("evaluation.figures.actual")}</th>
                  <th scope="col">{t("evaluation.figures.forecast")}</th>
                </tr>
              </thead>
              <tbody>
                {figures.milestones.map((milestone) => (
                  <tr key={milestone.name}>
                    <th scope="row">{milestone.name}</th>
                    <td>{i18n.date(milestone.plannedDate)}</td>
                    <td>{milestone.actualDate ? i18n.date(milestone.actualDate) : "—"}</td>
                    <td>{milestone.forecastDate ? i18n.date(milestone.forecastDate) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {figures.indicators.length === 0 ? (
            <p>{t("evaluation.figures.noIndicators")}</p>
          ) : (
            <table>
              <caption>{t("evaluation.figures.indicators")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("evaluation.figures.indicator")}</th>
                  <th scope="col" className="numeric">
                    {t("evaluation.figures.baseline")}
                  </th>
                  <th scope="col" className="numeric">
                    {t("evaluation.figures.target")}
                  </th>
                  <th scope="col" className="numeric">
                    {t("evaluation.figures.actual")}
                  </th>
                  <th scope="col" className="numeric">
                    {t("evaluation.figures.achievement")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {figures.indicators.map((indicator) => {
                  const unit = indicator.unit ? ` ${indicator.unit}` : "";
                  return (
                    <tr key={indicator.code}>
                      <th scope="row">{indicator.name}</th>
                      <td className="numeric">{i18n.number(indicator.baseline) + unit}</td>
                      <td className="numeric">{i18n.number(indicator.target) + unit}</td>
                      <td className="numeric">
                        {indicator.actual === null ? "—" : i18n.number(indicator.actual) + unit}
                      </td>
                      <td className="numeric">{i18n.percent(indicator.achievement)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </div>
      </div>
    </section>
  );
}
