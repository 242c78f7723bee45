import type { I18n, MessageKey } from "./i18n";

/**
 * The admin user forms' errors in the page's language. db/queries/admin-users.server.ts
 * parses the forms and reports one error per field (and its refusals by reason); the
 * pages say them with these keys, keeping the fields' order.
 */
const FIELD_KEYS: Record<string, MessageKey> = {
  username: "admin.error.username",
  displayName: "admin.error.displayName",
  role: "admin.error.role",
  departmentIds: "admin.error.departmentIds",
  password: "admin.error.password",
  confirmPassword: "admin.error.confirmPassword",
};

const REFUSAL_KEYS: Record<string, MessageKey> = {
  not_found: "admin.refusal.not_found",
  username_taken: "admin.refusal.username_taken",
  department_required: "admin.refusal.department_required",
  unknown_department: "admin.refusal.unknown_department",
  self_disable: "admin.refusal.self_disable",
  self_demote: "admin.refusal.self_demote",
  self_password_reset: "admin.refusal.self_password_reset",
  last_admin: "admin.refusal.last_admin",
};

export function translateFieldErrors(
  i18n: I18n,
  errors: Partial<Record<string, string>>,
): Partial<Record<string, string>> {
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => {
      const key = FIELD_KEYS[field];
      return [field, key ? i18n.t(key) : message];
    }),
  );
}

/** A refusal's message, or its reason when it has none here (a new reason shows up in tests). */
export function refusalMessage(i18n: I18n, reason: string): string {
  const key = REFUSAL_KEYS[reason];
  return key ? i18n.t(key) : reason;
}
