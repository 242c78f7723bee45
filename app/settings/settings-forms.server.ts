/**
 * The settings page's forms (/admin/settings): each posted form parsed with zod, and on
 * failure one error per field in the page's language, keyed by the id of the input at
 * fault (so the error summary links to it), with the values as posted to show again.
 */
import { z } from "zod";
import {
  APPEAL_TYPES,
  RECTIFICATION_SOURCES,
  TARGET_DIRECTIONS,
  type AppealType,
  type RectificationSource,
} from "../../db/schema/enum-values";
import type { TargetEdges } from "../../db/queries/settings-admin.server";
import { isIsoDate } from "../../metrics/iso-date";
import { targetEdgeProblems } from "../../metrics/target-edges";
import type { I18n, MessageKey } from "../i18n/i18n";
import { messages } from "../i18n/messages";
import {
  CALENDAR_FIELD_IDS,
  rectificationFieldId,
  replyFieldId,
  STALE_FIELD_ID,
  TARGET_FIELDS,
  targetFieldId,
  type TargetField,
} from "./field-ids";

export type FormErrors = Record<string, string>;
export type Parsed<T> =
  { ok: true; data: T } | { ok: false; errors: FormErrors; values: Record<string, string> };

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/** A non-negative decimal as the numeric columns keep it: up to 7 digits, 6 decimals. */
const DECIMAL = /^\d{1,7}(\.\d{1,6})?$/;
const decimal = z
  .string()
  .trim()
  .regex(DECIMAL)
  .transform(Number)
  .refine((value) => value <= 1_000_000);
const optionalDecimal = z.union([
  z
    .string()
    .trim()
    .length(0)
    .transform(() => null),
  decimal,
]);
const wholeDays = (max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,4}$/)
    .transform(Number)
    .refine((value) => value >= 1 && value <= max);

const targetForm = z.object({
  kpi: z.string().regex(/^[a-z][a-z_]{0,63}$/),
  direction: z.enum(TARGET_DIRECTIONS),
  target: decimal,
  targetMax: optionalDecimal,
  amberFrom: optionalDecimal,
  amberTo: optionalDecimal,
});

/** Each error of a target's row led by the KPI's name: the error summary lists rows' errors apart from their rows. */
function namedFor(kpi: string, errors: FormErrors, i18n: I18n): FormErrors {
  const key = `settings.kpi.${kpi}`;
  if (!(key in messages)) return errors;
  const name = i18n.t(key as MessageKey);
  return Object.fromEntries(
    Object.entries(errors).map(([id, message]) => [
      id,
      id === "form"
        ? message
        : i18n.t("settings.targets.fieldLabel", { kpi: name, field: message }),
    ]),
  );
}

/** A KPI's target and band edges: numbers in range, then edges on the right side. */
export function parseTargetForm(
  form: FormData,
  i18n: I18n,
): Parsed<{ kpi: string; edges: TargetEdges }> {
  const raw: Record<"kpi" | "direction" | TargetField, string> = {
    kpi: text(form, "kpi"),
    direction: text(form, "direction"),
    target: text(form, "target"),
    targetMax: text(form, "targetMax"),
    amberFrom: text(form, "amberFrom"),
    amberTo: text(form, "amberTo"),
  };
  const kpi = /^[a-z][a-z_]{0,63}$/.test(raw.kpi) ? raw.kpi : "form";
  const values = Object.fromEntries(
    [...TARGET_FIELDS, "direction" as const].map((field) => [
      targetFieldId(kpi, field),
      raw[field],
    ]),
  );
  const label = (field: TargetField) => i18n.t(`settings.targets.${field}`);
  const parsed = targetForm.safeParse(raw);
  const errors: FormErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      if (field === "kpi") errors.form ??= i18n.t("settings.error.kpi");
      else if (field === "direction")
        errors[targetFieldId(kpi, "direction")] ??= i18n.t("settings.error.direction");
      else {
        const name = field as TargetField;
        const value = raw[name];
        errors[targetFieldId(kpi, name)] ??=
          value.trim() === ""
            ? i18n.t("settings.error.required", { field: label(name) })
            : i18n.t("settings.error.number", { field: label(name), value });
      }
    }
    return { ok: false, errors: namedFor(kpi, errors, i18n), values };
  }
  const { kpi: _, ...edges } = parsed.data;
  for (const { field, problem } of targetEdgeProblems(edges)) {
    errors[targetFieldId(kpi, field)] ??= i18n.t(
      `settings.error.${field}.${problem}` as MessageKey,
    );
  }
  if (Object.keys(errors).length > 0)
    return { ok: false, errors: namedFor(kpi, errors, i18n), values };
  return { ok: true, data: { kpi: parsed.data.kpi, edges } };
}

/** Working days per appeal type, 1–365 each (the table's check). */
export function parseReplyLimitsForm(
  form: FormData,
  i18n: I18n,
): Parsed<Record<AppealType, number>> {
  const values = Object.fromEntries(
    APPEAL_TYPES.map((type) => [replyFieldId(type), text(form, replyFieldId(type))]),
  );
  const errors: FormErrors = {};
  const data: Partial<Record<AppealType, number>> = {};
  for (const type of APPEAL_TYPES) {
    const id = replyFieldId(type);
    const parsed = wholeDays(365).safeParse(values[id]);
    if (parsed.success) data[type] = parsed.data;
    else
      errors[id] = i18n.t("settings.error.workingDays", {
        field: i18n.t(`settings.type.${type}`),
        value: values[id] ?? "",
      });
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  return { ok: true, data: data as Record<AppealType, number> };
}

/** Working days per rectification source, 1–365 each. */
export function parseRectificationLimitsForm(
  form: FormData,
  i18n: I18n,
): Parsed<Record<RectificationSource, number>> {
  const values = Object.fromEntries(
    RECTIFICATION_SOURCES.map((source) => [
      rectificationFieldId(source),
      text(form, rectificationFieldId(source)),
    ]),
  );
  const errors: FormErrors = {};
  const data: Partial<Record<RectificationSource, number>> = {};
  for (const source of RECTIFICATION_SOURCES) {
    const id = rectificationFieldId(source);
    const parsed = wholeDays(365).safeParse(values[id]);
    if (parsed.success) data[source] = parsed.data;
    else
      errors[id] = i18n.t("settings.error.workingDays", {
        field: i18n.t(`settings.rectification.${source}`),
        value: values[id] ?? "",
      });
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  return { ok: true, data: data as Record<RectificationSource, number> };
}

/** The stale-data period: 1–3650 days. */
export function parseStaleForm(form: FormData, i18n: I18n): Parsed<number> {
  const value = text(form, STALE_FIELD_ID);
  const parsed = wholeDays(3650).safeParse(value);
  if (parsed.success) return { ok: true, data: parsed.data };
  return {
    ok: false,
    errors: { [STALE_FIELD_ID]: i18n.t("settings.error.staleDays", { value }) },
    values: { [STALE_FIELD_ID]: value },
  };
}

const isoDate = z
  .string()
  .trim()
  .refine((value) => isIsoDate(value) && value >= "1900-01-01" && value <= "2199-12-31");

const calendarForm = z.object({
  date: isoDate,
  working: z.enum(["yes", "no"]),
  name: z
    .string()
    .trim()
    .max(100)
    .transform((value) => (value === "" ? null : value)),
});

/** A deployment's entry for one day: date, working or not, an optional name. */
export function parseCalendarForm(
  form: FormData,
  i18n: I18n,
): Parsed<{ date: string; isWorking: boolean; name: string | null }> {
  const raw = {
    date: text(form, "date"),
    working: text(form, "working"),
    name: text(form, "name"),
  };
  const values = {
    [CALENDAR_FIELD_IDS.date]: raw.date,
    [CALENDAR_FIELD_IDS.working]: raw.working,
    [CALENDAR_FIELD_IDS.name]: raw.name,
  };
  const parsed = calendarForm.safeParse(raw);
  if (parsed.success) {
    const { date, working, name } = parsed.data;
    return { ok: true, data: { date, isWorking: working === "yes", name } };
  }
  const errors: FormErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0]) as keyof typeof raw;
    const id = CALENDAR_FIELD_IDS[field];
    errors[id] ??=
      field === "date"
        ? i18n.t("settings.error.date", { value: raw.date })
        : field === "working"
          ? i18n.t("settings.error.working")
          : i18n.t("settings.error.name");
  }
  return { ok: false, errors, values };
}

/** The date of a removal: only a real date names a day. */
export function parseCalendarRemoval(form: FormData): string | null {
  const parsed = isoDate.safeParse(text(form, "date"));
  return parsed.success ? parsed.data : null;
}
