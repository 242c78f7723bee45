/**
 * The admin user forms (/admin/users/new and /admin/users/:id): the posted fields parsed
 * with zod under one set of rules, one error per field in the page's language and in
 * the fields' order, and the field each refusal of db/queries/users.server.ts belongs to.
 */
import { z } from "zod";
import { newUserSchema, passwordSchema, rolesWithDepartments } from "../../db/accounts/user-rules";
import type { AdminRefusal } from "../../db/queries/users.server";
import { ROLES, type Role } from "../../db/schema/enum-values";
import type { I18n, MessageKey } from "../i18n/i18n";
import { fieldErrors } from "./field-errors";

export type FormErrors = Partial<Record<string, string>>;

/** The forms' fields in their order on the page, and what an error in each says. */
const FIELD_MESSAGES = {
  username: "admin.error.username",
  displayName: "admin.error.displayName",
  role: "admin.error.role",
  departmentIds: "admin.error.departmentIds",
  password: "admin.error.password",
  confirmPassword: "admin.error.confirmPassword",
} as const satisfies Record<string, MessageKey>;

type Field = keyof typeof FIELD_MESSAGES;
const FIELDS = Object.keys(FIELD_MESSAGES) as Field[];

/** Where each refusal shows ("form": above the forms), and what it says. */
const REFUSALS: Record<AdminRefusal, { field: Field | "form"; message: MessageKey }> = {
  not_found: { field: "form", message: "admin.refusal.not_found" },
  username_taken: { field: "username", message: "admin.refusal.username_taken" },
  department_required: { field: "departmentIds", message: "admin.refusal.department_required" },
  unknown_department: { field: "departmentIds", message: "admin.refusal.unknown_department" },
  self_disable: { field: "form", message: "admin.refusal.self_disable" },
  self_demote: { field: "role", message: "admin.refusal.self_demote" },
  self_password_reset: { field: "form", message: "admin.refusal.self_password_reset" },
  last_admin: { field: "form", message: "admin.refusal.last_admin" },
};

/** A refusal as the error of its field. */
export function refusalErrors(i18n: I18n, reason: AdminRefusal): FormErrors {
  const { field, message } = REFUSALS[reason];
  return { [field]: i18n.t(message) };
}

const formDepartmentIds = z.array(
  z
    .string()
    .regex(/^[1-9]\d{0,8}$/)
    .transform(Number),
);

const accessFields = {
  role: z.enum(ROLES),
  departmentIds: formDepartmentIds,
};

function stewardNeedsDepartment(
  value: { role: Role; departmentIds: number[] },
  context: z.RefinementCtx,
): void {
  if (rolesWithDepartments(value.role) && value.departmentIds.length === 0) {
    context.addIssue({ code: "custom", path: ["departmentIds"], message: "" });
  }
}

function passwordsMatch(
  value: { password: string; confirmPassword: string },
  context: z.RefinementCtx,
): void {
  if (value.password !== value.confirmPassword) {
    context.addIssue({ code: "custom", path: ["confirmPassword"], message: "" });
  }
}

const newUserForm = z
  .object({
    username: newUserSchema.shape.username,
    displayName: newUserSchema.shape.displayName,
    ...accessFields,
    password: passwordSchema,
    confirmPassword: z.string(),
  })
  .superRefine(stewardNeedsDepartment)
  .superRefine(passwordsMatch);

const accessForm = z.object(accessFields).superRefine(stewardNeedsDepartment);

const passwordForm = z
  .object({ password: passwordSchema, confirmPassword: z.string() })
  .superRefine(passwordsMatch);

type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FormErrors };

/** The posted fields, the department checkboxes as a list. */
function formObject(form: FormData): Record<string, unknown> {
  // A field left out counts as empty, so every rule still runs and reports.
  const fields: Record<string, unknown> = Object.fromEntries(FIELDS.map((key) => [key, ""]));
  for (const [key, value] of form) {
    if (typeof value === "string" && key !== "departmentIds") fields[key] = value;
  }
  fields.departmentIds = form
    .getAll("departmentIds")
    .filter((value): value is string => typeof value === "string");
  return fields;
}

function parseWith<T>(schema: z.ZodType<T>, form: FormData, i18n: I18n): Parsed<T> {
  const result = schema.safeParse(formObject(form));
  if (result.success) return { ok: true, data: result.data };
  const found = fieldErrors(result.error);
  // In the order of the form's fields, as the error summary lists them.
  const errors: FormErrors = {};
  for (const field of FIELDS) if (field in found) errors[field] = i18n.t(FIELD_MESSAGES[field]);
  for (const [field, message] of Object.entries(found)) errors[field] ??= message;
  return { ok: false, errors };
}

/** The new-user form: username, display name, role, departments, password twice. */
export function parseNewUserForm(form: FormData, i18n: I18n): Parsed<z.infer<typeof newUserForm>> {
  return parseWith(newUserForm, form, i18n);
}

/** The role-and-departments form. */
export function parseAccessForm(form: FormData, i18n: I18n): Parsed<z.infer<typeof accessForm>> {
  return parseWith(accessForm, form, i18n);
}

/** The password-reset form: the new password twice. */
export function parsePasswordForm(
  form: FormData,
  i18n: I18n,
): Parsed<z.infer<typeof passwordForm>> {
  return parseWith(passwordForm, form, i18n);
}
