import { z } from "zod";
import {
  findDepartment,
  findDepartmentsByIds,
  listDepartmentOptions,
  type DepartmentRef,
} from "../../db/queries/departments.server";
import type { Actor, DepartmentScope } from "../../db/queries/rating-moderation.server";
import type { Database } from "../../db/client.server";
import { idParam, MAX_BIGSERIAL_ID } from "~/utils/id-param.server";
import { departmentScope, requireDepartment, type SessionUser } from "~/utils/permissions.server";
import { clientIp } from "~/utils/session.server";

/** Who may open the rating pages: stewards for their own departments' ratings. */
export const RATING_ROLES = ["admin", "leader", "steward"] as const;
/** Who decides appeals. */
export const APPEAL_DECIDERS = ["admin", "leader"] as const;

/** The longest reason (an appeal's, a decision's) a form takes. */
export const REASON_MAX = 2000;

export const ratingId = idParam(MAX_BIGSERIAL_ID);

/** A reason typed in a form: required, at most REASON_MAX characters, white space trimmed. */
export const reasonField = z.string().trim().min(1).max(REASON_MAX);

export function actorOf(user: SessionUser, request: Request): Actor {
  return { id: user.id, name: user.username, ip: clientIp(request) };
}

/** What a user's rating pages cover, and the departments to filter by. */
export async function ratingScope(
  db: Database,
  user: SessionUser,
): Promise<{ scope: DepartmentScope; departments: DepartmentRef[] }> {
  const scope = departmentScope(user);
  const departments =
    scope === null
      ? await listDepartmentOptions(db)
      : ((await findDepartmentsByIds(db, scope)) ?? []);
  return { scope, departments };
}

/**
 * The department a `?department=CODE` filter names, checked against the user's scope:
 * another department's code is "not found", as its page would be.
 */
export async function departmentFilter(
  db: Database,
  user: SessionUser,
  code: string | undefined,
): Promise<DepartmentRef | undefined> {
  if (code === undefined) return undefined;
  const department = await findDepartment(db, code);
  requireDepartment(user, department?.id);
  return department && { id: department.id, code: department.code, name: department.name };
}

/** Query values that are optional: empty means "not given". */
export const optionalParam = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());
