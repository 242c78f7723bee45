/**
 * The round forms' posted fields (/evaluation/rounds/new and …/:code/edit), parsed with
 * zod: one error per field in the page's language and in the fields' order, naming the
 * value at fault; and the field each refusal of db/queries/rounds.server.ts belongs to.
 */
import { data } from "@remix-run/node";
import { z } from "zod";
import { parseCode } from "../../db/import/values/parse-code";
import type { RoundRefusal, RoundSettings } from "../../db/queries/rounds.server";
import { isIsoDate } from "../../metrics/iso-date";
import type { I18n, MessageKey } from "../i18n/i18n";

export type RoundFormErrors = Partial<Record<string, string>>;
export type RoundFormValues = Record<string, string | string[]>;

export const ROUND_NAME_MAX_CHARS = 200;

/** The fields in their order on the page. */
const FIELDS = [
  "code",
  "name",
  "frameworkId",
  "periodStart",
  "periodEnd",
  "deadline",
  "disagreementThreshold",
  "projectIds",
] as const;

const id = z
  .string()
  .regex(/^[1-9]\d{0,8}$/)
  .transform(Number);
const threshold = z
  .string()
  .trim()
  .regex(/^\d{1,4}(\.\d{1,2})?$/)
  .refine((text) => Number(text) > 0);

/** The posted text of every field, to show again when the form is refused. */
function valuesOf(form: FormData): RoundFormValues {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  return {
    code: text("code").trim(),
    name: text("name").trim(),
    frameworkId: text("frameworkId"),
    periodStart: text("periodStart").trim(),
    periodEnd: text("periodEnd").trim(),
    deadline: text("deadline").trim(),
    disagreementThreshold: text("disagreementThreshold").trim(),
    projectIds: form
      .getAll("projectIds")
      .filter((value): value is string => typeof value === "string"),
  };
}

type Parsed<T> =
  | { ok: true; data: T; values: RoundFormValues }
  | { ok: false; errors: RoundFormErrors; values: RoundFormValues };

/** The settings shared by both forms. */
function parseSettings(
  values: RoundFormValues,
  i18n: I18n,
  errors: RoundFormErrors,
): RoundSettings | undefined {
  const text = (name: string) => String(values[name] ?? "");
  const name = text("name");
  if (name === "" || [...name].length > ROUND_NAME_MAX_CHARS)
    errors.name = i18n.t("rounds.error.name");
  const frameworkId = id.safeParse(text("frameworkId"));
  if (!frameworkId.success) errors.frameworkId = i18n.t("rounds.error.framework");
  const dates: Array<[keyof RoundSettings & string, MessageKey]> = [
    ["periodStart", "rounds.field.periodStart"],
    ["periodEnd", "rounds.field.periodEnd"],
    ["deadline", "rounds.field.deadline"],
  ];
  for (const [field, label] of dates) {
    if (!isIsoDate(text(field)))
      errors[field] = i18n.t("rounds.error.date", {
        field: i18n.t(label),
        value: text(field),
      });
  }
  if (!errors.periodStart && !errors.periodEnd && text("periodEnd") < text("periodStart"))
    errors.periodEnd = i18n.t("rounds.error.periodOrder", {
      start: text("periodStart"),
      end: text("periodEnd"),
    });
  const parsedThreshold = threshold.safeParse(text("disagreementThreshold"));
  if (!parsedThreshold.success)
    errors.disagreementThreshold = i18n.t("rounds.error.threshold", {
      value: text("disagreementThreshold"),
    });
  if (!frameworkId.success || !parsedThreshold.success) return undefined;
  return {
    name,
    frameworkId: frameworkId.data,
    periodStart: text("periodStart"),
    periodEnd: text("periodEnd"),
    deadline: text("deadline"),
    disagreementThreshold: parsedThreshold.data,
  };
}

/** In the order of the form's fields, as the error summary lists them. */
function ordered(errors: RoundFormErrors): RoundFormErrors {
  const sorted: RoundFormErrors = {};
  for (const field of FIELDS) if (errors[field]) sorted[field] = errors[field];
  return sorted;
}

/** The new-round form: code, settings, first projects. */
export function parseNewRoundForm(
  form: FormData,
  i18n: I18n,
): Parsed<RoundSettings & { code: string; projectIds: number[] }> {
  const values = valuesOf(form);
  const errors: RoundFormErrors = {};
  const code = parseCode(String(values.code));
  // "new" is the address of this form, so no round may have it.
  if (!code.ok || code.value === "new")
    errors.code = i18n.t("rounds.error.code", { value: String(values.code) });
  const settings = parseSettings(values, i18n, errors);
  const projectIds = z.array(id).safeParse(values.projectIds);
  if (!projectIds.success) errors.projectIds = i18n.t("rounds.error.projects");
  if (Object.keys(errors).length > 0 || !settings || !code.ok || !projectIds.success)
    return { ok: false, errors: ordered(errors), values };
  return { ok: true, data: { ...settings, code: code.value, projectIds: projectIds.data }, values };
}

/** The edit form: the settings of a planned round. */
export function parseRoundSettingsForm(form: FormData, i18n: I18n): Parsed<RoundSettings> {
  const values = valuesOf(form);
  const errors: RoundFormErrors = {};
  const settings = parseSettings(values, i18n, errors);
  if (Object.keys(errors).length > 0 || !settings)
    return { ok: false, errors: ordered(errors), values };
  return { ok: true, data: settings, values };
}

/** An id posted by one of the round page's small forms; undefined when it names no row. */
export function postedId(form: FormData, name: string): number | undefined {
  const parsed = id.safeParse(form.get(name));
  return parsed.success ? parsed.data : undefined;
}

/** Where each refusal shows ("form": above the forms), and what it says. */
export function roundRefusalErrors(
  i18n: I18n,
  reason: RoundRefusal,
  field = "form",
): RoundFormErrors {
  const fields: Partial<Record<RoundRefusal, string>> = {
    code_taken: "code",
    framework_not_published: "frameworkId",
    unknown_project: "projectIds",
  };
  return { [fields[reason] ?? field]: i18n.t(`rounds.refusal.${reason}`) };
}

/** The HTTP status of each refusal: bad input 400, the round's state 409, none 404. */
function refusalStatus(reason: RoundRefusal): number {
  if (reason === "not_found" || reason === "assignment_not_found") return 404;
  if (
    reason === "unknown_project" ||
    reason === "not_evaluator" ||
    reason === "framework_not_published"
  )
    return 400;
  return 409;
}

/** A refused change as the form's answer: its status, the error on its field, the values. */
export function refusedRound(
  i18n: I18n,
  reason: RoundRefusal,
  values?: RoundFormValues,
  field = "form",
) {
  return data(
    { errors: roundRefusalErrors(i18n, reason, field), values },
    { status: refusalStatus(reason) },
  );
}
