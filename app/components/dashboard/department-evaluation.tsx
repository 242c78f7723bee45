import { Link } from "@remix-run/react";
import { useI18n } from "~/i18n/i18n";

/** The department's projects' stored final scores in the latest closed round. */
export interface DepartmentEvaluationData {
  round: { code: string; name: string };
  framework: { code: string; version: number };
  projects: Array<{ code: string; name: string; score: number | null }>;
}

/** The department page's panel of final evaluation scores, as stored when the round closed. */
export function DepartmentEvaluation({
  evaluation,
  projectHref,
}: {
  evaluation: DepartmentEvaluationData | null;
  projectHref: (code: string) => string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section aria-labelledby="evaluation-heading">
      <h2 id="evaluation-heading">{t("moderation.dept.heading")}</h2>
      {evaluation === null ? (
        <p>{t("moderation.dept.none")}</p>
      ) : (
        <>
          <p>{t("moderation.dept.note")}</p>
          <table>
            <caption>
              {t("moderation.dept.caption", {
                round: evaluation.round.name,
                code: evaluation.round.code,
                framework: evaluation.framework.code,
                version: String(evaluation.framework.version),
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("moderation.dept.project")}</th>
                <th scope="col" className="numeric">
                  {t("moderation.dept.score")}
                </th>
              </tr>
            </thead>
            <tbody>
              {evaluation.projects.map((project) => (
                <tr key={project.code}>
                  <th scope="row">
                    <Link to={projectHref(project.code)}>{project.name}</Link>
                  </th>
                  <td className="numeric">
                    {i18n.number(project.score, {
                      minimumFractionDigits: 1,
                      maximumFractionDigits: 1,
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
