import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { IMPORT_KINDS } from "../../db/schema/enum-values";
import { SUPPRESSION_THRESHOLD } from "../../metrics/small-count-suppression";
import { formatKpi } from "~/components/dashboard/dashboard-text";
import { TableScroll } from "~/components/table-scroll";
import { useI18n, type I18n, type MessageKey } from "~/i18n/i18n";
import { metaI18n, pageTitle } from "~/i18n/meta";
import {
  KPI_DEFINITIONS,
  KPI_GROUPS,
  definitionOfTarget,
  kpiAnchor,
} from "~/methodology/kpi-definitions";
import { isKpiDefinitionKey } from "~/methodology/methodology-link";
import { loadMethodology } from "~/methodology/methodology.server";
import methodologyStyles from "~/methodology/methodology.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: methodologyStyles }];

export const meta: MetaFunction = ({ matches }) => {
  const i18n = metaI18n(matches);
  return [{ title: pageTitle(i18n, i18n.t("methodology.title")) }];
};

/** Anyone: `?framework=CODE&version=N` for one published version, else the latest. */
export async function loader({ request }: LoaderFunctionArgs) {
  return loadMethodology(request);
}

type Loaded = Awaited<ReturnType<typeof loadMethodology>>;
type Target = Loaded["targets"][number];

function targetName(i18n: I18n, kpi: string): string {
  if (kpi === "service_rating_satisfaction")
    return i18n.t("methodology.targetName.service_rating_satisfaction");
  const definition = definitionOfTarget(kpi);
  return definition ? i18n.t(`methodology.kpi.${definition}.name`) : kpi;
}

function targetText(i18n: I18n, target: Target): string {
  return i18n.t(`scorecards.target.${target.direction}`, {
    target: formatKpi(i18n, target.kpi, target.target),
    targetMax: formatKpi(i18n, target.kpi, target.targetMax),
  });
}

function amberText(i18n: I18n, target: Target): string {
  const value = (v: number | null) => formatKpi(i18n, target.kpi, v);
  if (target.direction === "between" && target.amberFrom !== null && target.amberTo !== null)
    return i18n.t("methodology.amber.between", {
      from: value(target.amberFrom),
      to: value(target.amberTo),
    });
  if (target.direction === "at_least" && target.amberFrom !== null)
    return i18n.t("methodology.amber.at_least", { value: value(target.amberFrom) });
  if (target.direction === "at_most" && target.amberTo !== null)
    return i18n.t("methodology.amber.at_most", { value: value(target.amberTo) });
  return i18n.t("methodology.amber.none");
}

const weightText = (i18n: I18n, weight: number | null) =>
  i18n.number(weight === null ? null : weight * 100, { maximumFractionDigits: 2 }) +
  (weight === null ? "" : "%");

function FrameworkSection({ data }: { data: Loaded }) {
  const i18n = useI18n();
  const { t } = i18n;
  const framework = data.framework;
  return (
    <section className="panel" aria-labelledby="framework">
      <h2 id="framework">{t("methodology.framework")}</h2>
      {!framework ? (
        <p>{t("methodology.framework.none")}</p>
      ) : (
        <>
          <h3 data-framework={`${framework.code}/${framework.version}`}>
            {t("methodology.framework.heading", {
              name: framework.name,
              code: framework.code,
              version: framework.version,
              published: i18n.date(framework.publishedAt?.slice(0, 10) ?? null),
            })}
          </h3>
          {framework.description ? <p>{framework.description}</p> : null}
          <p>{t("methodology.framework.explain")}</p>
          <TableScroll label={t("methodology.framework.tree")}>
            <table className="methodology-tree">
              <caption>{t("methodology.framework.tree")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("methodology.col.node")}</th>
                  <th scope="col">{t("methodology.col.kind")}</th>
                  <th scope="col" className="numeric">
                    {t("methodology.col.weight")}
                  </th>
                  <th scope="col" className="numeric">
                    {t("methodology.col.effective")}
                  </th>
                  <th scope="col">{t("methodology.col.scoring")}</th>
                  <th scope="col">{t("methodology.col.range")}</th>
                </tr>
              </thead>
              <tbody>
                {framework.nodes.map((node) => (
                  <tr
                    key={node.code}
                    data-node={node.code}
                    data-weight={node.weight}
                    data-effective-weight={framework.effective[node.code] ?? ""}
                  >
                    <th scope="row" style={{ paddingInlineStart: `${0.5 + node.depth * 1.5}rem` }}>
                      <span className="node-code">{node.code}</span> {node.name}
                    </th>
                    <td>{t(`methodology.kind.${node.kind}`)}</td>
                    <td className="numeric">{weightText(i18n, node.weight)}</td>
                    <td className="numeric">
                      {weightText(i18n, framework.effective[node.code] ?? null)}
                    </td>
                    <td>
                      {node.scoring === "kpi" && node.kpiKey ? (
                        isKpiDefinitionKey(node.kpiKey) ? (
                          <a href={`#${kpiAnchor(node.kpiKey)}`}>
                            {t("methodology.scoring.kpi", {
                              kpi: t(`methodology.kpi.${node.kpiKey}.name`),
                            })}
                          </a>
                        ) : (
                          t("methodology.scoring.kpi", { kpi: node.kpiKey })
                        )
                      ) : node.scoring === "evaluator" ? (
                        t("methodology.scoring.evaluator")
                      ) : (
                        ""
                      )}
                    </td>
                    <td>
                      {node.minScore !== null && node.maxScore !== null
                        ? `${i18n.number(node.minScore)}–${i18n.number(node.maxScore)}`
                        : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <h3>{t("methodology.rubric")}</h3>
          {framework.nodes
            .filter((node) => node.kind === "criterion" && node.scoring === "evaluator")
            .map((node) => (
              <details key={node.code} className="rubric" data-rubric={node.code}>
                <summary>
                  {t("methodology.rubric.of", { code: node.code, name: node.name })}
                </summary>
                {node.levels.length === 0 ? (
                  <p>{t("methodology.rubric.none")}</p>
                ) : (
                  <dl>
                    {node.levels.map((level) => (
                      <div key={level.label}>
                        <dt>
                          {t("methodology.rubric.level", {
                            label: level.label,
                            min: i18n.number(level.minScore),
                            max: i18n.number(level.maxScore),
                          })}
                        </dt>
                        <dd>{level.description}</dd>
                      </div>
                    ))}
                  </dl>
                )}
              </details>
            ))}
        </>
      )}
      {data.versions.length > 0 ? (
        <>
          <h3>{t("methodology.framework.versions")}</h3>
          <ul className="methodology-versions">
            {data.versions.map((entry) => {
              const shown = framework?.code === entry.code && framework.version === entry.version;
              return (
                <li key={`${entry.code}/${entry.version}`}>
                  <a
                    href={`/methodology?${new URLSearchParams({ framework: entry.code, version: String(entry.version) })}`}
                    aria-current={shown ? "page" : undefined}
                  >
                    {t("methodology.framework.version", {
                      code: entry.code,
                      version: entry.version,
                    })}
                  </a>{" "}
                  {entry.name} · {i18n.date(entry.publishedAt.slice(0, 10))}
                  {shown ? ` ${t("methodology.framework.viewing")}` : null}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export default function Methodology() {
  const data = useLoaderData<typeof loader>();
  const i18n = useI18n();
  const { t } = i18n;
  const targetsOf = new Map(data.targets.map((target) => [target.kpi, target]));
  return (
    <article className="methodology">
      <h1>{t("methodology.title")}</h1>
      <p className="lede">{t("methodology.lede")}</p>
      <nav aria-label={t("methodology.contents")} className="methodology-contents">
        <ul>
          <li>
            <a href="#framework">{t("methodology.framework")}</a>
          </li>
          <li>
            <a href="#kpis">{t("methodology.kpis")}</a>
          </li>
          <li>
            <a href="#targets">{t("methodology.targets")}</a>
          </li>
          <li>
            <a href="#sources">{t("methodology.sources")}</a>
          </li>
          <li>
            <a href="#suppression">{t("methodology.suppression")}</a>
          </li>
        </ul>
      </nav>
      <FrameworkSection data={data} />
      <section className="panel" aria-labelledby="kpis">
        <h2 id="kpis">{t("methodology.kpis")}</h2>
        <p>{t("methodology.kpis.explain")}</p>
        {KPI_GROUPS.map((group) => (
          <div key={group} className="kpi-group">
            <h3>{t(`methodology.group.${group}`)}</h3>
            {KPI_DEFINITIONS.filter((definition) => definition.group === group).map(
              (definition) => (
                <section
                  key={definition.key}
                  id={kpiAnchor(definition.key)}
                  className="kpi-definition"
                  aria-labelledby={`${kpiAnchor(definition.key)}-name`}
                >
                  <h4 id={`${kpiAnchor(definition.key)}-name`}>
                    {t(`methodology.kpi.${definition.key}.name`)}
                  </h4>
                  <p>{t(`methodology.kpi.${definition.key}.formula`)}</p>
                  {(definition.targets as readonly string[]).map((key) => {
                    const target = targetsOf.get(key);
                    return target ? (
                      <p key={key} className="hint">
                        <a href="#targets">
                          {t("methodology.target", { target: targetText(i18n, target) })}
                        </a>
                      </p>
                    ) : null;
                  })}
                </section>
              ),
            )}
          </div>
        ))}
      </section>
      <section className="panel" aria-labelledby="targets">
        <h2 id="targets">{t("methodology.targets")}</h2>
        <p>{t("methodology.targets.explain")}</p>
        <TableScroll label={t("methodology.targets")}>
          <table>
            <caption>{t("methodology.targets")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("methodology.col.kpi")}</th>
                <th scope="col">{t("methodology.col.target")}</th>
                <th scope="col">{t("methodology.col.amber")}</th>
              </tr>
            </thead>
            <tbody>
              {data.targets.map((target) => {
                const definition = definitionOfTarget(target.kpi);
                return (
                  <tr key={target.kpi} data-target-kpi={target.kpi}>
                    <th scope="row">
                      {definition ? (
                        <a href={`#${kpiAnchor(definition)}`}>{targetName(i18n, target.kpi)}</a>
                      ) : (
                        targetName(i18n, target.kpi)
                      )}
                    </th>
                    <td>{targetText(i18n, target)}</td>
                    <td>{amberText(i18n, target)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      </section>
      <section className="panel" aria-labelledby="sources">
        <h2 id="sources">{t("methodology.sources")}</h2>
        <p>{t("methodology.sources.explain")}</p>
        <TableScroll label={t("methodology.sources")}>
          <table>
            <caption>{t("methodology.sources")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("methodology.col.source")}</th>
                <th scope="col">{t("methodology.col.holds")}</th>
              </tr>
            </thead>
            <tbody>
              {IMPORT_KINDS.map((kind) => (
                <tr key={kind} data-source={kind}>
                  <th scope="row">
                    <code>{kind}</code>
                  </th>
                  <td>{t(`methodology.source.${kind}` as MessageKey)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
      <section className="panel" aria-labelledby="suppression">
        <h2 id="suppression">{t("methodology.suppression")}</h2>
        <p>{t("methodology.suppression.why", { threshold: String(SUPPRESSION_THRESHOLD) })}</p>
        <ol>
          <li>
            {t("methodology.suppression.primary", { threshold: String(SUPPRESSION_THRESHOLD) })}
          </li>
          <li>
            {t("methodology.suppression.total", { below: String(SUPPRESSION_THRESHOLD - 1) })}
          </li>
          <li>{t("methodology.suppression.complementary")}</li>
        </ol>
        <p>{t("methodology.suppression.derived")}</p>
      </section>
    </article>
  );
}
