import { z } from "zod";
import {
  findPublishedFramework,
  listPublishedFrameworks,
} from "../../db/queries/methodology.server";
import { nodeDrafts } from "../../db/queries/frameworks.server";
import { loadTargets } from "../../db/queries/targets.server";
import { getDb } from "../../db/runtime.server";
import { criterionPathWeights, frameworkTree } from "../../metrics/evaluation-result";
import { notFound } from "~/utils/permissions.server";
import { KPI_DEFINITIONS } from "./kpi-definitions";

const query = z.object({
  framework: z
    .string()
    .regex(/^[\p{L}\p{N}_.-]{1,64}$/u)
    .optional(),
  version: z
    .string()
    .regex(/^\d{1,6}$/)
    .transform(Number)
    .optional(),
});

/**
 * What /methodology shows: the published framework version asked for (or the latest),
 * every published version, and the targets in force. A version without a framework
 * code, an unknown or draft version, or a malformed parameter answers 404.
 */
export async function loadMethodology(request: Request) {
  const params = new URL(request.url).searchParams;
  const parsed = query.safeParse({
    framework: params.get("framework") ?? undefined,
    version: params.get("version") ?? undefined,
  });
  if (!parsed.success) throw notFound();
  const { framework: code, version } = parsed.data;
  if (version !== undefined && code === undefined) throw notFound();
  const db = getDb();
  const [framework, versions, targets] = await Promise.all([
    findPublishedFramework(db, { code, version }),
    listPublishedFrameworks(db),
    loadTargets(db),
  ]);
  if (!framework && code !== undefined) throw notFound();
  // Criteria carry the product of the weights on their path; a dimension the sum of its
  // criteria's, the share of the score it carries (the same number on a published tree).
  const leaves = framework
    ? criterionPathWeights(frameworkTree(nodeDrafts(framework.nodes)))
    : null;
  const nodes = (framework?.nodes ?? []).map((node) => ({
    code: node.code,
    name: node.name,
    description: node.description,
    kind: node.kind,
    depth: node.depth,
    weight: node.weight,
    scoring: node.scoring,
    kpiKey: node.kpiKey,
    minScore: node.minScore,
    maxScore: node.maxScore,
    levels: node.levels.map(({ label, minScore, maxScore, description }) => ({
      label,
      minScore,
      maxScore,
      description,
    })),
  }));
  const parentOf = new Map(
    (framework?.nodes ?? []).map((node) => [
      node.code,
      framework?.nodes.find((other) => other.id === node.parentId)?.code ?? null,
    ]),
  );
  const within = (leaf: string, ancestor: string): boolean => {
    for (let at: string | null = leaf; at !== null; at = parentOf.get(at) ?? null) {
      if (at === ancestor) return true;
    }
    return false;
  };
  const effective = Object.fromEntries(
    nodes.map((node) => [
      node.code,
      leaves
        ? [...leaves].reduce(
            (sum, [leaf, weight]) => (within(leaf, node.code) ? sum + weight : sum),
            0,
          )
        : null,
    ]),
  );
  const order = new Map<string, number>(
    KPI_DEFINITIONS.flatMap((definition, index) =>
      definition.targets.map((target) => [target, index] as const),
    ),
  );
  const targetList = Object.values(targets)
    .flatMap((target) => (target ? [target] : []))
    .sort(
      (a, b) => (order.get(a.kpi) ?? 999) - (order.get(b.kpi) ?? 999) || a.kpi.localeCompare(b.kpi),
    )
    .map(({ kpi, direction, target, targetMax, amberFrom, amberTo }) => ({
      kpi,
      direction,
      target,
      targetMax: targetMax ?? null,
      amberFrom: amberFrom ?? null,
      amberTo: amberTo ?? null,
    }));
  return {
    framework: framework
      ? {
          code: framework.code,
          version: framework.version,
          name: framework.name,
          description: framework.description,
          publishedAt: framework.publishedAt?.toISOString() ?? null,
          nodes,
          effective,
        }
      : null,
    versions,
    targets: targetList,
  };
}
