import { resolveDashboardScope } from "../../db/queries/dashboard-scope.server";
import { getDb } from "../../db/runtime.server";
import { localDateOf } from "../../metrics/time-zone";
import { parseDashboardFilters } from "./dashboard-filters";
import { getSettings } from "../../db/settings.server";
import { departmentScope, requireUser } from "./permissions.server";

/** Who may open the supervision views: leaders and admins everything, stewards their own departments. */
export const DASHBOARD_ROLES = ["admin", "leader", "steward"] as const;

/**
 * What every dashboard loader starts with: the signed-in user (or a redirect / 403) and
 * the filters from the URL (the period defaulting to this year up to today, local date).
 */
export async function dashboardRequest(request: Request) {
  const user = await requireUser(request, { roles: [...DASHBOARD_ROLES] });
  const today = localDateOf(new Date(), getSettings().timeZone);
  const filters = parseDashboardFilters(new URL(request.url).searchParams, today);
  return { user, filters, db: getDb() };
}

/** dashboardRequest and the departments in view within the user's scope (three queries more). */
export async function dashboardContext(request: Request) {
  const context = await dashboardRequest(request);
  const scope = await resolveDashboardScope(
    context.db,
    departmentScope(context.user),
    context.filters,
  );
  return { ...context, scope };
}
