import { z } from "zod";
import { LIFECYCLE_STAGES, type LifecycleStage } from "../../db/schema/enum-values";
import { isIsoDate } from "../../metrics/iso-date";

/** The dashboard's filters, all in the URL so that any view is a shareable permalink. */
export interface DashboardFilters {
  range: { from: string; to: string };
  region?: string | undefined;
  department?: string | undefined;
  category?: string | undefined;
  stage?: LifecycleStage | undefined;
}

const isoDate = z
  .string()
  .refine(isIsoDate, { message: "a date as YYYY-MM-DD" })
  .optional()
  .catch(undefined);
const text = z
  .string()
  .trim()
  .max(64)
  .transform((value) => value || undefined)
  .optional()
  .catch(undefined);

const schema = z.object({
  from: isoDate,
  to: isoDate,
  region: text,
  department: text,
  category: text,
  stage: z.enum(LIFECYCLE_STAGES).optional().catch(undefined),
});

/**
 * Reads the filters from a URL's query. The period defaults to the KPI command's: `to`
 * today (the deployment's local date), `from` the first day of `to`'s year; a `from`
 * after `to` is swapped. Unknown or malformed values are dropped, not errors: a
 * shared link with a stale filter still opens.
 */
export function parseDashboardFilters(params: URLSearchParams, today: string): DashboardFilters {
  const raw = schema.parse(Object.fromEntries(params));
  const to = raw.to ?? today;
  const from = raw.from ?? `${to.slice(0, 4)}-01-01`;
  const range = from <= to ? { from, to } : { from: to, to: from };
  return {
    range,
    region: raw.region,
    department: raw.department,
    category: raw.category,
    stage: raw.stage,
  };
}

/** The query string of filters (only the ones set), for links that keep the view. */
export function filtersQuery(
  filters: DashboardFilters,
  overrides: Partial<
    Record<"from" | "to" | "region" | "department" | "category" | "stage", string | undefined>
  > = {},
): string {
  const values: Record<string, string | undefined> = {
    from: filters.range.from,
    to: filters.range.to,
    region: filters.region,
    department: filters.department,
    category: filters.category,
    stage: filters.stage,
    ...overrides,
  };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}
