import { resolveDashboardScope } from "../../db/queries/dashboard-scope.server";
import { getDb } from "../../db/runtime.server";
import { localDateOf } from "../../metrics/time-zone";
import { parseDashboardFilters } from "./dashboard-filters";
import { getSettings } from "./env.server";
import { departmentScope, requireUser } from "./permissions.server";

/** Who may open the supervision views: leaders and admins everything, stewards their own departments. */
export const DASHBOARD_ROLES = ["admin", "leader", "steward"] as const;

/**
 * What every dashboard loader starts with: the signed-in user (or a redirect / 403), the
 * filters from the URL (the period defaulting to this year up to today, local date), and
 * the departments in view within the user's scope.
 */
export async function dashboardContext(request: Request) {
  const user = await requireUser(request, { roles: [...DASHBOARD_ROLES] });
  const today = localDateOf(new Date(), getSettings().timeZone);
  const filters = parseDashboardFilters(new URL(request.url).searchParams, today);
  const scope = await resolveDashboardScope(getDb(), departmentScope(user), filters);
  return { user, filters, scope, db: getDb() };
}
