import type { CaseActor } from "../../db/queries/rectification.server";
import { getSettings } from "../../db/settings.server";
import { localDateOf } from "../../metrics/time-zone";
import { departmentScope, type SessionUser } from "~/utils/permissions.server";

/** Who may open the rectification pages: leaders and admins all, stewards their departments. */
export const SUPERVISION_ROLES = ["admin", "leader", "steward"] as const;

/** The signed-in user as the case queries check it: role, departments in scope, address. */
export function caseActorOf(user: SessionUser, ip: string | null): CaseActor {
  return {
    id: user.id,
    name: user.username,
    role: user.role,
    departments: departmentScope(user),
    ip,
  };
}

/** Today in the deployment's time zone: deadlines and overdue are local dates. */
export function localToday(): string {
  return localDateOf(new Date(), getSettings().timeZone);
}
