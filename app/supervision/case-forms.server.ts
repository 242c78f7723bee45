/**
 * The forms of the rectification loop, parsed with zod: the department's answer, the
 * leader's decision and the supervision notice. Errors name the field, in the user's
 * language, for the error summary.
 */
import { z } from "zod";
import { RED_FLAG_RULES } from "../../metrics/red-flags";
import type { I18n } from "~/i18n/i18n";
import { fieldErrors } from "~/utils/field-errors";

/** The longest text a step keeps: a page of prose, not a report (the evidence is linked). */
export const STEP_TEXT_MAX_CHARS = 4000;

type Values = Record<string, string>;
export type Parsed<T, V extends Values = Values> =
  { ok: true; data: T } | { ok: false; errors: Values; values: V };

const textOf = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

function parse<T, V extends Values>(schema: z.ZodType<T>, values: V): Parsed<T, V> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, errors: fieldErrors(parsed.error), values };
}

const required = (message: string) =>
  z.string().trim().min(1, message).max(STEP_TEXT_MAX_CHARS, message);

/** An evidence link: absolute, http or https only (no javascript: or file: in a page's href). */
function isWebAddress(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol, host } = new URL(value);
  return (protocol === "http:" || protocol === "https:") && host !== "";
}

export function parseAnswer(form: FormData, i18n: I18n) {
  const values = {
    found: textOf(form, "found"),
    done: textOf(form, "done"),
    evidence: textOf(form, "evidence"),
  };
  const schema = z.object({
    found: required(i18n.t("supervision.error.found")),
    done: required(i18n.t("supervision.error.done")),
    evidence: z
      .string()
      .trim()
      .superRefine((value, context) => {
        if (value !== "" && (value.length > 2000 || !isWebAddress(value)))
          context.addIssue({
            code: "custom",
            message: i18n.t("supervision.error.evidence", { value: value.slice(0, 80) }),
          });
      })
      .transform((value) => value || null),
  });
  return parse(schema, values);
}

export function parseDecision(form: FormData, i18n: I18n) {
  const values = { decision: textOf(form, "decision"), comment: textOf(form, "comment") };
  const schema = z
    .object({
      decision: z.enum(["accept", "return"], { error: i18n.t("supervision.error.decision") }),
      comment: z
        .string()
        .trim()
        .max(STEP_TEXT_MAX_CHARS, i18n.t("supervision.error.comment"))
        .transform((value) => value || null),
    })
    .superRefine((value, context) => {
      if (value.decision === "return" && value.comment === null)
        context.addIssue({
          code: "custom",
          path: ["comment"],
          message: i18n.t("supervision.error.commentRequired"),
        });
    });
  return parse(schema, values);
}

const RULE_IDS = RED_FLAG_RULES.map((rule) => rule.id) as [string, ...string[]];

/** A notice from the red-flags page: the flag (rule, kind and code of its object) and a note. */
export function parseNotice(form: FormData, i18n: I18n) {
  const values = {
    rule: textOf(form, "rule"),
    subject: textOf(form, "subject"),
    code: textOf(form, "code"),
    note: textOf(form, "note"),
  };
  const schema = z.object({
    rule: z.enum(RULE_IDS),
    subject: z.enum(["project", "department"]),
    code: z.string().min(1).max(64),
    note: required(i18n.t("supervision.error.note")),
  });
  return parse(schema, values);
}
