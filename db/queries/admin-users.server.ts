/**
 * User administration (用户管理): the admin's list of accounts, creating one with its
 * departments, changing a role, disabling and enabling, resetting a password. Every
 * change and its audit event commit in one transaction; an admin can never lock
 * themself out (disable their own account or give up their own admin role), and no
 * change may leave the deployment without an active admin.
 */
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { hashPassword } from "../accounts/password.server";
import type { Database } from "../client.server";
import { userDepartments, users } from "../schema/accounts";
import { ROLES, type Role } from "../schema/enums";
import { departments } from "../schema/organisation";
import { recordAudit } from "./audit.server";
import { revokeUserSessions } from "./sessions.server";
import { newUserSchema, passwordSchema } from "./users.server";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** Who makes the change, as the audit log records it. */
export interface AdminActor {
  /** null for the command line (the first admin of a deployment). */
  id: number | null;
  name: string;
  ip: string | null;
}

export interface DepartmentRef {
  id: number;
  code: string;
  name: string;
}

export interface AdminUserSummary {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  departments: DepartmentRef[];
  disabledAt: Date | null;
  createdAt: Date;
}

/** How each role is named on the admin pages. */
export const ROLE_LABELS: Record<Role, string> = {
  admin: "系统管理员 Administrator",
  leader: "领导 Leader",
  steward: "数据专员 Data steward",
  evaluator: "评估人员 Evaluator",
};

/** Only a steward looks after departments; for the other roles the list stays empty. */
export function rolesWithDepartments(role: Role): boolean {
  return role === "steward";
}

/** Why a change was refused. Anything else (a bug, a lost connection) throws. */
export type AdminRefusal =
  | "not_found"
  | "username_taken"
  | "department_required"
  | "unknown_department"
  | "self_disable"
  | "self_demote"
  | "self_password_reset"
  | "last_admin";

export type AdminResult<T = Record<never, never>> =
  ({ ok: true } & T) | { ok: false; reason: AdminRefusal };

function refused(reason: AdminRefusal): { ok: false; reason: AdminRefusal } {
  return { ok: false, reason };
}

const departmentIdsSchema = z.array(z.number().int().positive());

/** Every department, for the checkboxes of the user forms. */
export async function listDepartmentOptions(db: Database): Promise<DepartmentRef[]> {
  return db
    .select({ id: departments.id, code: departments.code, name: departments.name })
    .from(departments)
    .orderBy(asc(departments.code));
}

async function departmentsOf(
  db: Database | Tx,
  userIds: number[],
): Promise<Map<number, DepartmentRef[]>> {
  const byUser = new Map<number, DepartmentRef[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .select({
      userId: userDepartments.userId,
      id: departments.id,
      code: departments.code,
      name: departments.name,
    })
    .from(userDepartments)
    .innerJoin(departments, eq(departments.id, userDepartments.departmentId))
    .where(inArray(userDepartments.userId, userIds))
    .orderBy(asc(departments.code));
  for (const { userId, ...department } of rows) {
    const list = byUser.get(userId) ?? [];
    list.push(department);
    byUser.set(userId, list);
  }
  return byUser;
}

const summaryColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  disabledAt: users.disabledAt,
  createdAt: users.createdAt,
};

/** Every account, by username, with its departments. Password hashes never leave here. */
export async function listUsers(db: Database): Promise<AdminUserSummary[]> {
  const rows = await db
    .select(summaryColumns)
    .from(users)
    .orderBy(asc(sql`lower(${users.username})`));
  const scope = await departmentsOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ ...row, departments: scope.get(row.id) ?? [] }));
}

/** One account with its departments, or undefined when there is none with this id. */
export async function getUserForAdmin(
  db: Database,
  userId: number,
): Promise<AdminUserSummary | undefined> {
  const [row] = await db.select(summaryColumns).from(users).where(eq(users.id, userId));
  if (!row) return undefined;
  const scope = await departmentsOf(db, [row.id]);
  return { ...row, departments: scope.get(row.id) ?? [] };
}

/**
 * The departments behind these ids, by code; undefined when any id names no
 * department (the form was tampered with, or the department was removed meanwhile).
 */
async function resolveDepartments(
  tx: Tx,
  ids: readonly number[],
): Promise<DepartmentRef[] | undefined> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const found = await tx
    .select({ id: departments.id, code: departments.code, name: departments.name })
    .from(departments)
    .where(inArray(departments.id, unique))
    .orderBy(asc(departments.code));
  return found.length === unique.length ? found : undefined;
}

/** Is this (possibly drizzle-wrapped) error a unique violation of the named index? */
function isUniqueViolation(error: unknown, constraint: string): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const fields = current as Record<string, unknown>;
    if (fields.code === "23505") {
      const name = fields.constraint ?? fields.constraint_name;
      const message = current instanceof Error ? current.message : "";
      return name === constraint || message.includes(`"${constraint}"`);
    }
    current = fields.cause;
  }
  return false;
}

async function usernameTaken(db: Database | Tx, username: string): Promise<boolean> {
  const [taken] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`);
  return taken !== undefined;
}

export const newUserWithDepartmentsSchema = newUserSchema.extend({
  departmentIds: departmentIdsSchema,
});
export type NewUserWithDepartments = z.infer<typeof newUserWithDepartmentsSchema>;

/**
 * Creates an account and, for a steward, its departments (at least one), recording
 * "user.create" with the departments in the same transaction. Usernames are unique
 * regardless of case. The departments of any other role are ignored.
 */
export async function createUserWithDepartments(
  db: Database,
  input: NewUserWithDepartments,
  actor: AdminActor,
): Promise<AdminResult<{ userId: number }>> {
  const user = newUserWithDepartmentsSchema.parse(input);
  const departmentIds = rolesWithDepartments(user.role) ? user.departmentIds : [];
  if (rolesWithDepartments(user.role) && departmentIds.length === 0) {
    return refused("department_required");
  }
  // Hashing takes a while and much memory: not for a name that is plainly taken, and
  // never inside the transaction (which checks again).
  if (await usernameTaken(db, user.username)) return refused("username_taken");
  const passwordHash = await hashPassword(user.password);
  try {
    return await db.transaction(async (tx) => {
      if (await usernameTaken(tx, user.username)) return refused("username_taken");
      const scope = await resolveDepartments(tx, departmentIds);
      if (!scope) return refused("unknown_department");
      const [created] = await tx
        .insert(users)
        .values({
          username: user.username,
          displayName: user.displayName,
          role: user.role,
          passwordHash,
        })
        .returning({ id: users.id });
      if (!created) throw new Error("user insert returned nothing");
      if (scope.length > 0) {
        await tx
          .insert(userDepartments)
          .values(scope.map((department) => ({ userId: created.id, departmentId: department.id })));
      }
      await recordAudit(tx, {
        actorId: actor.id,
        actorName: actor.name,
        action: "user.create",
        objectKind: "user",
        objectId: created.id,
        after: {
          username: user.username,
          displayName: user.displayName,
          role: user.role,
          departments: scope.map((department) => department.code),
        },
        ip: actor.ip,
      });
      return { ok: true as const, userId: created.id };
    });
  } catch (error) {
    // Two admins creating the same name at once: the unique index decides.
    if (isUniqueViolation(error, "users_username_key")) return refused("username_taken");
    throw error;
  }
}

/**
 * The active admins' ids, their rows locked until the transaction ends. Every change
 * that could take an admin away takes these locks first (before the user's own row,
 * always in id order), so two such changes run one after the other — two admins
 * demoting each other at once — and the second sees what the first did: a row the
 * first demoted or disabled no longer matches when its lock is granted.
 */
async function lockActiveAdmins(tx: Tx): Promise<number[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.disabledAt)))
    .orderBy(asc(users.id))
    .for("update");
  return rows.map((row) => row.id);
}

/** Whether taking this user's active admin role away would leave no active admin. */
function isLastActiveAdmin(activeAdminIds: number[], userId: number): boolean {
  return activeAdminIds.length === 1 && activeAdminIds[0] === userId;
}

/** The row, locked until the transaction ends, so before/after describe what happened. */
async function lockUser(tx: Tx, userId: number) {
  const [row] = await tx
    .select({
      id: users.id,
      username: users.username,
      role: users.role,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(eq(users.id, userId))
    .for("update");
  return row;
}

export interface UserAccessChange {
  userId: number;
  role: Role;
  /** Kept for a steward (at least one), dropped for every other role. */
  departmentIds: number[];
}

/**
 * Changes a user's role and departments, recording "user.role_change" with
 * before/after { role, departments (codes) }. Nothing is written when nothing changes
 * (`changed: false`). An admin cannot take away their own admin role.
 */
export async function changeUserAccess(
  db: Database,
  change: UserAccessChange,
  actor: AdminActor,
): Promise<AdminResult<{ changed: boolean }>> {
  const departmentIds = rolesWithDepartments(change.role)
    ? departmentIdsSchema.parse(change.departmentIds)
    : [];
  if (rolesWithDepartments(change.role) && departmentIds.length === 0) {
    return refused("department_required");
  }
  return db.transaction(async (tx) => {
    const activeAdminIds = await lockActiveAdmins(tx);
    const user = await lockUser(tx, change.userId);
    if (!user) return refused("not_found");
    if (user.id === actor.id && user.role === "admin" && change.role !== "admin") {
      return refused("self_demote");
    }
    if (change.role !== "admin" && isLastActiveAdmin(activeAdminIds, user.id)) {
      return refused("last_admin");
    }
    const scope = await resolveDepartments(tx, departmentIds);
    if (!scope) return refused("unknown_department");
    const current = (await departmentsOf(tx, [user.id])).get(user.id) ?? [];
    const before = { role: user.role, departments: current.map((department) => department.code) };
    const after = { role: change.role, departments: scope.map((department) => department.code) };
    if (
      before.role === after.role &&
      before.departments.join("\n") === after.departments.join("\n")
    ) {
      return { ok: true as const, changed: false };
    }
    await tx.update(users).set({ role: change.role }).where(eq(users.id, user.id));
    await tx.delete(userDepartments).where(eq(userDepartments.userId, user.id));
    if (scope.length > 0) {
      await tx
        .insert(userDepartments)
        .values(scope.map((department) => ({ userId: user.id, departmentId: department.id })));
    }
    await recordAudit(tx, {
      actorId: actor.id,
      actorName: actor.name,
      action: "user.role_change",
      objectKind: "user",
      objectId: user.id,
      before,
      after,
      ip: actor.ip,
    });
    return { ok: true as const, changed: true };
  });
}

/**
 * Disables an account (every session of it ends at once, "user.disable") or enables it
 * again ("user.enable"). An admin cannot disable their own account. Asking for the
 * state the account is already in writes nothing (`changed: false`).
 */
export async function setUserDisabled(
  db: Database,
  input: { userId: number; disabled: boolean },
  actor: AdminActor,
  now = new Date(),
): Promise<AdminResult<{ changed: boolean }>> {
  return db.transaction(async (tx) => {
    const activeAdminIds = await lockActiveAdmins(tx);
    const user = await lockUser(tx, input.userId);
    if (!user) return refused("not_found");
    if (input.disabled && user.id === actor.id) return refused("self_disable");
    if (input.disabled && isLastActiveAdmin(activeAdminIds, user.id)) return refused("last_admin");
    const wasDisabled = user.disabledAt !== null;
    if (wasDisabled === input.disabled) return { ok: true as const, changed: false };
    await tx
      .update(users)
      .set({ disabledAt: input.disabled ? now : null })
      .where(eq(users.id, user.id));
    if (input.disabled) await revokeUserSessions(tx, user.id, undefined, now);
    await recordAudit(tx, {
      actorId: actor.id,
      actorName: actor.name,
      action: input.disabled ? "user.disable" : "user.enable",
      objectKind: "user",
      objectId: user.id,
      before: { disabled: wasDisabled },
      after: { disabled: input.disabled },
      ip: actor.ip,
    });
    return { ok: true as const, changed: true };
  });
}

/**
 * Sets a new password chosen by the admin and ends every session of the user
 * ("user.password_reset"; the audit log never holds the password or its hash). Admins
 * change their own password on /account/password, which asks for the current one.
 */
export async function resetUserPassword(
  db: Database,
  input: { userId: number; password: string },
  actor: AdminActor,
  now = new Date(),
): Promise<AdminResult> {
  if (input.userId === actor.id) return refused("self_password_reset");
  const passwordHash = await hashPassword(passwordSchema.parse(input.password));
  return db.transaction(async (tx) => {
    const user = await lockUser(tx, input.userId);
    if (!user) return refused("not_found");
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    await revokeUserSessions(tx, user.id, undefined, now);
    await recordAudit(tx, {
      actorId: actor.id,
      actorName: actor.name,
      action: "user.password_reset",
      objectKind: "user",
      objectId: user.id,
      ip: actor.ip,
    });
    return { ok: true as const };
  });
}

/* ------------------------------------------------------------------------------------ */
/* Form input of the admin pages: parsed here so /admin/users/new and /admin/users/:id  */
/* share one set of rules and messages (Chinese, then English).                         */
/* ------------------------------------------------------------------------------------ */

export type FormErrors = Partial<Record<string, string>>;

const FIELD_MESSAGES: Record<string, string> = {
  username: "用户名须为 2–64 个字母、数字或 . _ - Username: 2–64 letters, digits, '.', '_' or '-'",
  displayName: "请输入显示名称（最多 200 个字符）Enter a display name (at most 200 characters)",
  role: "请选择角色 Choose a role",
  departmentIds: "数据专员至少负责一个部门 Choose at least one department for a data steward",
  password: "密码须为 12–256 个字符 The password must be 12–256 characters",
  confirmPassword: "两次输入的密码不一致 The passwords differ",
};

/** What to tell the admin for each refusal, and which field it belongs to. */
export const REFUSAL_MESSAGES: Record<AdminRefusal, { field: string; message: string }> = {
  not_found: { field: "form", message: "用户不存在 The user does not exist" },
  username_taken: {
    field: "username",
    message: "该用户名已被使用（不区分大小写）This username is taken (regardless of case)",
  },
  department_required: { field: "departmentIds", message: FIELD_MESSAGES.departmentIds ?? "" },
  unknown_department: {
    field: "departmentIds",
    message:
      "所选部门不存在，请刷新页面后重选 A chosen department no longer exists: reload and choose again",
  },
  self_disable: {
    field: "form",
    message: "不能停用自己的账户 You cannot disable your own account",
  },
  self_demote: {
    field: "role",
    message: "不能取消自己的系统管理员角色 You cannot remove your own administrator role",
  },
  self_password_reset: {
    field: "form",
    message:
      "请在“修改密码”页面修改自己的密码 Change your own password on the Change password page",
  },
  last_admin: {
    field: "form",
    message:
      "这是最后一位在用的系统管理员，不能停用或取消其角色 This is the last active administrator: they cannot be disabled or lose the role",
  },
};

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
  const fields: Record<string, unknown> = Object.fromEntries(
    Object.keys(FIELD_MESSAGES).map((key) => [key, ""]),
  );
  for (const [key, value] of form) {
    if (typeof value === "string" && key !== "departmentIds") fields[key] = value;
  }
  fields.departmentIds = form
    .getAll("departmentIds")
    .filter((value): value is string => typeof value === "string");
  return fields;
}

function parseWith<T>(schema: z.ZodType<T>, form: FormData): Parsed<T> {
  const result = schema.safeParse(formObject(form));
  if (result.success) return { ok: true, data: result.data };
  const found: FormErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    found[field] ??= FIELD_MESSAGES[field] ?? issue.message;
  }
  // In the order of the form's fields, as the error summary lists them.
  const order = Object.keys(FIELD_MESSAGES);
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  const errors = Object.fromEntries(
    Object.entries(found).sort(([a], [b]) => rank(a) - rank(b)),
  ) as FormErrors;
  return { ok: false, errors };
}

/** The new-user form: username, display name, role, departments, password twice. */
export function parseNewUserForm(form: FormData): Parsed<z.infer<typeof newUserForm>> {
  return parseWith(newUserForm, form);
}

/** The role-and-departments form. */
export function parseAccessForm(form: FormData): Parsed<z.infer<typeof accessForm>> {
  return parseWith(accessForm, form);
}

/** The password-reset form: the new password twice. */
export function parsePasswordForm(form: FormData): Parsed<z.infer<typeof passwordForm>> {
  return parseWith(passwordForm, form);
}
