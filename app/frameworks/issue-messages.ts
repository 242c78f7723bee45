/**
 * The framework validation's issues (metrics/framework-validation.ts) and the editor's
 * refusals as sentences in the page's language, each naming the node or level at fault.
 */
import type { FrameworkRefusal } from "../../db/queries/frameworks.server";
import { FRAMEWORK_KPI_KEYS } from "../../metrics/framework-kpis";
import type { FrameworkIssue } from "../../metrics/framework-validation";
import type { I18n } from "~/i18n/i18n";

const decimal = (i18n: I18n, value: number | null) =>
  value === null ? "—" : i18n.number(value, { maximumFractionDigits: 6 });

export function issueMessage(i18n: I18n, issue: FrameworkIssue): string {
  const node = issue.node ? `${issue.node.code} ${issue.node.name}` : "";
  const n = (value: number | null) => decimal(i18n, value);
  switch (issue.kind) {
    case "empty_framework":
      return i18n.t("frameworks.issue.empty_framework");
    case "weight_sum":
      return i18n.t("frameworks.issue.weight_sum", {
        level: issue.node
          ? i18n.t("frameworks.issue.level.children", issue.node as { code: string; name: string })
          : i18n.t("frameworks.issue.level.top"),
        sum: n(issue.sum),
      });
    case "weight_range":
      return i18n.t("frameworks.issue.weight_range", { node, weight: n(issue.weight) });
    case "unknown_parent":
      return i18n.t("frameworks.issue.unknown_parent", { node, parent: issue.parentCode });
    case "score_range":
      return i18n.t("frameworks.issue.score_range", { node, min: n(issue.min), max: n(issue.max) });
    case "justify_outside":
      return i18n.t("frameworks.issue.justify_outside", {
        node,
        value: n(issue.value),
        min: n(issue.min),
        max: n(issue.max),
      });
    case "justify_order":
      return i18n.t("frameworks.issue.justify_order", {
        node,
        below: n(issue.below),
        above: n(issue.above),
      });
    case "unknown_kpi":
      return i18n.t("frameworks.issue.unknown_kpi", {
        node,
        kpi: issue.kpiKey ?? "",
        known: FRAMEWORK_KPI_KEYS.join(", "),
      });
    case "level_outside":
      return i18n.t("frameworks.issue.level_outside", {
        node,
        label: issue.label,
        levelMin: n(issue.levelMin),
        levelMax: n(issue.levelMax),
        min: n(issue.min),
        max: n(issue.max),
      });
    case "level_order":
      return i18n.t("frameworks.issue.level_order", {
        node,
        label: issue.label,
        levelMin: n(issue.levelMin),
        levelMax: n(issue.levelMax),
      });
    case "level_overlap":
      return i18n.t("frameworks.issue.level_overlap", {
        node,
        label: issue.label,
        other: issue.other,
      });
    case "duplicate_code":
    case "parent_cycle":
    case "empty_dimension":
    case "criterion_has_children":
    case "justify_on_kpi":
      return i18n.t(`frameworks.issue.${issue.kind}`, { node });
  }
}

/** A refused write as a sentence; `vars` fills the code or label it names. */
export function refusalMessage(
  i18n: I18n,
  reason: Exclude<FrameworkRefusal, "invalid">,
  vars: { code?: string; label?: string } = {},
): string {
  switch (reason) {
    case "not_found":
      return i18n.t("frameworks.error.notFound");
    case "published":
      return i18n.t("frameworks.error.published");
    case "code_taken":
      return i18n.t("frameworks.error.codeTaken", { code: vars.code ?? "" });
    case "draft_exists":
      return i18n.t("frameworks.error.draftExists");
    case "node_code_taken":
      return i18n.t("frameworks.error.nodeCodeTaken", { code: vars.code ?? "" });
    case "bad_parent":
      return i18n.t("frameworks.error.badParent");
    case "label_taken":
      return i18n.t("frameworks.error.labelTaken", { label: vars.label ?? "" });
  }
}
