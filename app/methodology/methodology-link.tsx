/**
 * Links from a figure's label to its definition on /methodology, tied to the framework
 * version the scorecard was published with (`?framework=CODE&version=N`), or to the
 * latest published framework where the scorecard names none (a department's, or a
 * project not yet evaluated). A scorecard sets its framework once for all its labels.
 */
import { createContext, useContext, type ReactNode } from "react";
import { useI18n } from "~/i18n/i18n";
import { KPI_DEFINITIONS, kpiAnchor, type KpiDefinitionKey } from "./kpi-definitions";

export interface FrameworkRef {
  code: string;
  version: number;
}

const known = new Set<string>(KPI_DEFINITIONS.map((definition) => definition.key));
export const isKpiDefinitionKey = (key: string): key is KpiDefinitionKey => known.has(key);

/** `/methodology[?framework=…&version=…]#kpi-<key>`. */
export function methodologyHref(kpi: KpiDefinitionKey, framework?: FrameworkRef | null): string {
  const query = framework
    ? `?${new URLSearchParams({ framework: framework.code, version: String(framework.version) })}`
    : "";
  return `/methodology${query}#${kpiAnchor(kpi)}`;
}

const FrameworkContext = createContext<FrameworkRef | null>(null);

/** The framework version the labels below link to (none: the latest published). */
export function MethodologyFramework({
  framework,
  children,
}: {
  framework: FrameworkRef | null;
  children: ReactNode;
}) {
  return <FrameworkContext.Provider value={framework}>{children}</FrameworkContext.Provider>;
}

/** A figure's label as a link to its definition; plain text for a KPI without one. */
export function KpiLink({ kpi, children }: { kpi: string; children: ReactNode }) {
  const framework = useContext(FrameworkContext);
  const { t } = useI18n();
  if (!isKpiDefinitionKey(kpi)) return <>{children}</>;
  return (
    <a
      className="kpi-link"
      href={methodologyHref(kpi, framework)}
      title={t("methodology.linkTitle", { name: t(`methodology.kpi.${kpi}.name`) })}
    >
      {children}
    </a>
  );
}

/** A small "Methodology" link after a figure stated in a sentence. */
export function MethodologyNote({ kpi }: { kpi: KpiDefinitionKey }) {
  const framework = useContext(FrameworkContext);
  const { t } = useI18n();
  return (
    <a
      className="methodology-note"
      href={methodologyHref(kpi, framework)}
      title={t("methodology.linkTitle", { name: t(`methodology.kpi.${kpi}.name`) })}
    >
      {t("methodology.link")}
    </a>
  );
}
