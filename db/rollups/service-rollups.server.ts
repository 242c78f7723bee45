import { sql } from "drizzle-orm";
import type { Database } from "../client.server";
import { arrayLiteral } from "./array-literal";

type Executor = Pick<Database, "execute">;

/**
 * Rewrites service_month_rollups from service_stats, for the given departments (all when
 * omitted). Sums follow metrics' definitions: take-up over the rows that report online,
 * on-time completion over the rows that report both completion figures.
 */
export async function refreshServiceRollups(
  db: Executor,
  departmentIds?: readonly number[],
): Promise<void> {
  const scope = departmentIds
    ? sql`where i.department_id = any(${arrayLiteral(departmentIds)}::int[])`
    : sql``;
  const deleteScope = departmentIds
    ? sql`where department_id = any(${arrayLiteral(departmentIds)}::int[])`
    : sql``;
  await db.execute(sql`delete from service_month_rollups ${deleteScope}`);
  await db.execute(sql`
    insert into service_month_rollups
      (department_id, period, transactions, transactions_reporting_online, online, completed_reporting_on_time, completed_on_time)
    select i.department_id, s.period,
      coalesce(sum(s.transactions), 0),
      coalesce(sum(s.transactions) filter (where s.online is not null), 0),
      coalesce(sum(s.online), 0),
      coalesce(sum(s.completed) filter (where s.completed is not null and s.completed_on_time is not null), 0),
      coalesce(sum(s.completed_on_time) filter (where s.completed is not null and s.completed_on_time is not null), 0)
    from service_stats s join service_items i on i.id = s.item_id
    ${scope}
    group by i.department_id, s.period`);
}

/** Rewrites project_month_spend_rollups from budget_lines, for the given projects (all when omitted). */
export async function refreshProjectSpendRollups(
  db: Executor,
  projectIds?: readonly number[],
): Promise<void> {
  const scope = projectIds
    ? sql`where project_id = any(${arrayLiteral(projectIds)}::int[])`
    : sql``;
  await db.execute(sql`delete from project_month_spend_rollups ${scope}`);
  await db.execute(sql`
    insert into project_month_spend_rollups (project_id, period, planned_yuan, actual_yuan)
    select project_id, period, sum(planned_yuan), sum(actual_yuan)
    from budget_lines ${scope}
    group by project_id, period`);
}
