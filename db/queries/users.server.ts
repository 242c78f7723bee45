/**
 * User accounts (用户): who may sign in, with which role, looking after which
 * departments. The admin's list and the changes of user administration (creating an
 * account with its departments, changing a role, disabling and enabling, resetting a
 * password) and a user's own password change. Every change and its audit event commit
 * in one transaction; an admin can never lock themself out (disable their own account or
 * give up their own admin role), and no change may leave the deployment without an
 * active admin.
 */
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { hashPassword, verifyPassword } from "../accounts/password.server";
import { newUserSchema, passwordSchema, rolesWithDepartments } from "../accounts/user-rules";
import type { Database } from "../client.server";
import { userDepartments, users } from "../schema/accounts";
import type { Role } from "../schema/enums";
import { departments } from "../schema/organisation";
import { recordAudit } from "./audit.server";
import { findDepartmentsByIds, type DepartmentRef } from "./departments.server";
import { revokeUserSessions } from "./sessions.server";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** Who makes the change, as the audit log records it. */
export interface AdminActor {
  /** null for the command line (the first admin of a deployment). */
  id: number | null;
  name: string;
  ip: string | null;
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

/** The departments each of these users looks after, by code. */
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

const newUserWithDepartmentsSchema = newUserSchema.extend({
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
      const scope = await findDepartmentsByIds(tx, departmentIds);
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
    const scope = await findDepartmentsByIds(tx, departmentIds);
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

/**
 * Changes a password after checking the current one; every other session of the user
 * ends. Returns false when the current password is wrong.
 */
export async function changePassword(
  db: Database,
  input: {
    userId: number;
    currentPassword: string;
    newPassword: string;
    keepSession?: string;
    actor: { id: number; name: string; ip: string | null };
  },
): Promise<boolean> {
  const [user] = await db.select().from(users).where(eq(users.id, input.userId));
  if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash)).valid)
    return false;
  const passwordHash = await hashPassword(passwordSchema.parse(input.newPassword));
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    await revokeUserSessions(tx, user.id, input.keepSession);
    await recordAudit(tx, {
      actorId: input.actor.id,
      actorName: input.actor.name,
      action: "auth.password_change",
      objectKind: "user",
      objectId: user.id,
      ip: input.actor.ip,
    });
  });
  return true;
}
