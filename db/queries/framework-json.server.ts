/**
 * A framework version as a JSON file, for export and import (the documented shape):
 *
 * ```json
 * {
 *   "format": "mingjing-framework/1",
 *   "code": "MJ-EGOV", "version": 2, "name": "…", "description": "…" | null,
 *   "nodes": [
 *     { "kind": "dimension", "code": "D1", "name": "决策 Decision", "description": null,
 *       "weight": 0.15,
 *       "children": [
 *         { "kind": "criterion", "code": "D1.1", "name": "…", "description": null,
 *           "weight": 0.5, "scoring": "evaluator", "min": 0, "max": 100,
 *           "justifyBelow": 60, "justifyAbove": 95, "kpiKey": null,
 *           "rubricLevels": [{ "label": "优", "min": 90, "max": 100, "description": "…" }] },
 *         { "kind": "criterion", "code": "D2.1", "weight": 0.5, "scoring": "kpi",
 *           "kpiKey": "budget_execution", "min": 0, "max": 1, … }
 *       ] }
 *   ]
 * }
 * ```
 *
 * Children are in their order; weights are shares of their level (each level sums to 1);
 * `min`/`max` are the rubric's range (an evaluator's score, or the KPI values counting as
 * 0 and 100). `version` is what was exported: an import makes the next version of its
 * code. Parsing names the JSON path and the value of every error.
 */
import { z } from "zod";
import { FRAMEWORK_KPI_KEYS } from "../../metrics/framework-kpis";
import type { FrameworkNodeDraft } from "../../metrics/framework-validation";
import { EXPECTED_CODE, parseCode } from "../import/values/parse-code";

export const FRAMEWORK_JSON_FORMAT = "mingjing-framework/1";

const code = z.string().refine((text) => parseCode(text).ok && text.trim() === text, {
  message: EXPECTED_CODE,
});
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => /[^\s\u00a0\u2000-\u200b\u3000]/.test(value), {
      message: "expected some visible text",
    });
const optionalText = z.string().max(4000).nullable().optional();
const score = z.number().finite().gt(-1e9).lt(1e9);
/** Stored as numeric(8, 6): more decimals would be rounded away and break the sums. */
const weight = z
  .number()
  .min(0)
  .max(1)
  .refine((value) => Number(value.toFixed(6)) === value, {
    message: "expected at most 6 decimals",
  });

const level = z.strictObject({
  label: text(200),
  min: score,
  max: score,
  description: text(4000),
});

export interface FrameworkJsonNode {
  kind: "dimension" | "criterion";
  code: string;
  name: string;
  description?: string | null;
  weight: number;
  children?: FrameworkJsonNode[];
  scoring?: "evaluator" | "kpi" | null;
  kpiKey?: string | null;
  min?: number | null;
  max?: number | null;
  justifyBelow?: number | null;
  justifyAbove?: number | null;
  rubricLevels?: Array<z.infer<typeof level>>;
}

const node: z.ZodType<FrameworkJsonNode> = z.lazy(() =>
  z.discriminatedUnion("kind", [
    z.strictObject({
      kind: z.literal("dimension"),
      code,
      name: text(200),
      description: optionalText,
      weight,
      children: z.array(node).max(500),
    }),
    z.strictObject({
      kind: z.literal("criterion"),
      code,
      name: text(200),
      description: optionalText,
      weight,
      scoring: z.enum(["evaluator", "kpi"]),
      kpiKey: z.enum(FRAMEWORK_KPI_KEYS).nullable().optional(),
      min: score.nullable().optional(),
      max: score.nullable().optional(),
      justifyBelow: score.nullable().optional(),
      justifyAbove: score.nullable().optional(),
      rubricLevels: z.array(level).max(20).optional(),
    }),
  ]),
);

const document = z.strictObject({
  format: z.literal(FRAMEWORK_JSON_FORMAT),
  code,
  version: z.number().int().min(1).optional(),
  name: text(200),
  description: optionalText,
  nodes: z.array(node).max(500),
});

export type FrameworkJson = z.infer<typeof document>;

/** One error of a JSON file: where (`nodes[0].children[1].weight`), the value there, why. */
export interface JsonError {
  path: string;
  value: string;
  message: string;
}

function pathText(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out || "(the whole file)";
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): string {
  let current: unknown = root;
  for (const key of path) {
    if (current === null || typeof current !== "object") return "(missing)";
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  if (current === undefined) return "(missing)";
  const shown = typeof current === "object" && current !== null ? "{…}" : JSON.stringify(current);
  return shown.length > 80 ? `${shown.slice(0, 80)}…` : shown;
}

/** The file's text as a framework document, or every error found (at most 50). */
export function parseFrameworkJson(
  source: string,
): { ok: true; framework: FrameworkJson } | { ok: false; errors: JsonError[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(source.replace(/^\uFEFF/, ""));
  } catch (error) {
    return {
      ok: false,
      errors: [
        {
          path: "(the whole file)",
          value: source.length > 40 ? `${source.slice(0, 40)}…` : source,
          message: `not valid JSON: ${(error as Error).message}`,
        },
      ],
    };
  }
  const parsed = document.safeParse(raw);
  if (parsed.success) return { ok: true, framework: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.slice(0, 50).map((issue) => ({
      path: pathText(issue.path),
      value: valueAt(raw, issue.path),
      message: issue.message,
    })),
  };
}

/** The document's nodes, flat, parents first (as the validation and the insert take them). */
export function flattenFrameworkJson(
  nodes: readonly FrameworkJsonNode[],
  parentCode: string | null = null,
): Array<FrameworkNodeDraft & { description: string | null; levelTexts: string[] }> {
  return nodes.flatMap((entry) => {
    const levels = entry.rubricLevels ?? [];
    const flat = {
      code: entry.code,
      parentCode,
      kind: entry.kind,
      name: entry.name,
      description: entry.description ?? null,
      weight: entry.weight,
      scoring: entry.kind === "criterion" ? (entry.scoring ?? "evaluator") : null,
      kpiKey: entry.scoring === "kpi" ? (entry.kpiKey ?? null) : null,
      min: entry.min ?? null,
      max: entry.max ?? null,
      justifyBelow: entry.justifyBelow ?? null,
      justifyAbove: entry.justifyAbove ?? null,
      levels: levels.map(({ label, min, max }) => ({ label, min, max })),
      levelTexts: levels.map((item) => item.description),
    };
    return [flat, ...flattenFrameworkJson(entry.children ?? [], entry.code)];
  });
}
