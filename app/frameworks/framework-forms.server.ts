/**
 * The framework editor's posted forms, parsed with zod: each error is keyed by the id of
 * the field at fault (so the error summary links to it) and names the field and value in
 * the page's language. Field names carry the form's prefix ("new-", "edit-", "level-"),
 * as the add and edit forms share a page.
 */
import { z } from "zod";
import type { NodeInput } from "../../db/queries/frameworks.server";
import { parseCode } from "../../db/import/values/parse-code";
import type { I18n, MessageKey } from "~/i18n/i18n";
import { parseIdParam } from "~/utils/id-param.server";

export type FormErrors = Partial<Record<string, string>>;
export type FormValues = Record<string, string>;

export type Parsed<T> =
  { ok: true; data: T; values: FormValues } | { ok: false; errors: FormErrors; values: FormValues };

const NAME_MAX = 200;
const DESCRIPTION_MAX = 4000;
const DECIMAL = /^-?\d{1,9}(\.\d{1,6})?$/;
const WEIGHT = /^(0(\.\d{1,6})?|1(\.0{1,6})?|\.\d{1,6})$/;
const VISIBLE = /[^\s\u00a0\u2000-\u200b\u3000]/;

/** Reads the prefixed fields of one form, collecting errors by field id. */
class FormReader {
  readonly errors: FormErrors = {};
  readonly values: FormValues = {};

  constructor(
    private readonly form: FormData,
    private readonly prefix: string,
    private readonly i18n: I18n,
  ) {}

  id(name: string): string {
    return `${this.prefix}${name}`;
  }

  raw(name: string): string {
    const value = this.form.get(this.id(name));
    const text = typeof value === "string" ? value.trim() : "";
    this.values[this.id(name)] = text;
    return text;
  }

  fail(name: string, key: MessageKey, vars: Record<string, string | number> = {}): null {
    this.errors[this.id(name)] ??= this.i18n.t(key, vars);
    return null;
  }

  /** A field's label as a message names it: "Weight (0–1 …)" → "weight". */
  label(key: MessageKey): string {
    const label = this.i18n
      .t(key)
      .replace(/[（(].*$/, "")
      .trim();
    return this.i18n.locale === "en" ? label.charAt(0).toLowerCase() + label.slice(1) : label;
  }

  text(name: string, labelKey: MessageKey, max: number): string | null {
    const value = this.raw(name);
    if (!VISIBLE.test(value))
      return this.fail(name, "frameworks.error.required", { field: this.label(labelKey) });
    if (value.length > max)
      return this.fail(name, "frameworks.error.tooLong", { field: this.label(labelKey), max });
    return value;
  }

  optionalText(name: string, labelKey: MessageKey, max: number): string | null {
    const value = this.raw(name);
    if (value.length > max)
      return this.fail(name, "frameworks.error.tooLong", { field: this.label(labelKey), max });
    return VISIBLE.test(value) ? value : null;
  }

  code(name: string): string | null {
    const value = this.raw(name);
    if (value === "")
      return this.fail(name, "frameworks.error.required", {
        field: this.label("frameworks.field.code"),
      });
    return parseCode(value).ok ? value : this.fail(name, "frameworks.error.code", { value });
  }

  /** A decimal as text (as numeric columns take it), or null when left empty and optional. */
  decimal(name: string, labelKey: MessageKey, required: boolean, pattern = DECIMAL) {
    const value = this.raw(name);
    if (value === "")
      return required
        ? this.fail(name, "frameworks.error.required", { field: this.label(labelKey) })
        : null;
    return pattern.test(value)
      ? value
      : this.fail(name, "frameworks.error.decimal", { field: this.label(labelKey), value });
  }

  choice<T extends string>(name: string, options: readonly T[], labelKey: MessageKey): T | null {
    const value = this.raw(name);
    return (options as readonly string[]).includes(value)
      ? (value as T)
      : this.fail(name, "frameworks.error.choice", { field: this.label(labelKey) });
  }

  result<T>(data: T): Parsed<T> {
    return Object.keys(this.errors).length > 0
      ? { ok: false, errors: this.errors, values: this.values }
      : { ok: true, data, values: this.values };
  }
}

/** A new framework's code, name and description. */
export function parseCreateForm(form: FormData, i18n: I18n) {
  const read = new FormReader(form, "", i18n);
  const code = read.code("code");
  const name = read.text("name", "frameworks.field.name", NAME_MAX);
  const description = read.optionalText(
    "description",
    "frameworks.field.description",
    DESCRIPTION_MAX,
  );
  return read.result({ code: code ?? "", name: name ?? "", description });
}

/** A draft's name and description. */
export function parseHeaderForm(form: FormData, i18n: I18n) {
  const read = new FormReader(form, "header-", i18n);
  const name = read.text("name", "frameworks.field.name", NAME_MAX);
  const description = read.optionalText(
    "description",
    "frameworks.field.description",
    DESCRIPTION_MAX,
  );
  return read.result({ name: name ?? "", description });
}

/**
 * A node's fields, from the add form (prefix "new-", with its kind and parent) or the
 * edit form (prefix "edit-"). Whether the values agree with each other (min < max,
 * thresholds inside the range, a known KPI) is the validation's to say, when storing.
 */
export function parseNodeForm(
  form: FormData,
  prefix: "new-" | "edit-",
  i18n: I18n,
): Parsed<NodeInput & { kind: "dimension" | "criterion" | null; parentId: number | null }> {
  const read = new FormReader(form, prefix, i18n);
  const kind =
    prefix === "new-"
      ? read.choice("kind", ["dimension", "criterion"] as const, "frameworks.node.kind")
      : null;
  const parentText = prefix === "new-" ? read.raw("parentId") : "";
  const parentId = parentText === "" ? null : (parseIdParam(parentText) ?? null);
  if (parentText !== "" && parentId === null)
    read.fail("parentId", "frameworks.error.choice", {
      field: read.label("frameworks.node.parent"),
    });
  const code = read.code("code");
  const name = read.text("name", "frameworks.field.name", NAME_MAX);
  const description = read.optionalText(
    "description",
    "frameworks.field.description",
    DESCRIPTION_MAX,
  );
  const weight = read.decimal("weight", "frameworks.node.weight", true, WEIGHT);
  const scoringText = read.raw("scoring");
  const scoring = scoringText === "kpi" ? "kpi" : "evaluator";
  const kpiKey = read.raw("kpiKey") || null;
  const criterion = kind !== "dimension";
  const minScore = criterion ? read.decimal("minScore", "frameworks.node.min", false) : null;
  const maxScore = criterion ? read.decimal("maxScore", "frameworks.node.max", false) : null;
  const justifyBelow = criterion
    ? read.decimal("justifyBelow", "frameworks.node.justifyBelow", false)
    : null;
  const justifyAbove = criterion
    ? read.decimal("justifyAbove", "frameworks.node.justifyAbove", false)
    : null;
  return read.result({
    kind,
    parentId,
    code: code ?? "",
    name: name ?? "",
    description,
    weight: weight ?? "0",
    scoring,
    kpiKey,
    minScore,
    maxScore,
    justifyBelow,
    justifyAbove,
  });
}

/** A rubric level to add to a criterion. */
export function parseLevelForm(form: FormData, i18n: I18n) {
  const read = new FormReader(form, "level-", i18n);
  const label = read.text("label", "frameworks.level.label", NAME_MAX);
  const minScore = read.decimal("minScore", "frameworks.level.min", true);
  const maxScore = read.decimal("maxScore", "frameworks.level.max", true);
  const description = read.text("description", "frameworks.level.description", DESCRIPTION_MAX);
  return read.result({
    label: label ?? "",
    minScore: minScore ?? "0",
    maxScore: maxScore ?? "0",
    description: description ?? "",
  });
}

/** An id the page's buttons post (node, level); undefined when it names nothing. */
export function postedId(form: FormData, name: string): number | undefined {
  const value = form.get(name);
  return typeof value === "string" ? parseIdParam(value) : undefined;
}

export const moveDirection = z.enum(["up", "down"]);
