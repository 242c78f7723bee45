import { asc, isNotNull } from "drizzle-orm";
import type { Database } from "../client.server";
import { departments, regions } from "../schema/organisation";
import { projects } from "../schema/projects";

export interface ScopedDepartment {
  id: number;
  code: string;
  name: string;
  regionCode: string | null;
}

export interface DashboardScope {
  /** The departments in view after the user's scope and the region/department filters. */
  departments: ScopedDepartment[];
  /** undefined: every department of the instance is in view (the all-department roll-ups apply). */
  departmentIds: number[] | undefined;
  /** Choices for the filter form, within the user's scope. */
  choices: {
    regions: Array<{ code: string; name: string }>;
    departments: Array<{ code: string; name: string }>;
    categories: string[];
  };
}

/**
 * Departments in view: the user's (null scope = every department), narrowed to a region
 * (and the regions below it) and to one department when the filters ask. Three queries.
 */
export async function resolveDashboardScope(
  db: Pick<Database, "select" | "selectDistinct">,
  userScope: readonly number[] | null,
  filter: { region?: string | undefined; department?: string | undefined },
): Promise<DashboardScope> {
  const [allDepartments, allRegions, categories] = await Promise.all([
    db
      .select({
        id: departments.id,
        code: departments.code,
        name: departments.name,
        regionId: departments.regionId,
      })
      .from(departments)
      .orderBy(asc(departments.code)),
    db
      .select({
        id: regions.id,
        code: regions.code,
        name: regions.name,
        parentId: regions.parentId,
      })
      .from(regions)
      .orderBy(asc(regions.code)),
    db
      .selectDistinct({ category: projects.category })
      .from(projects)
      .where(isNotNull(projects.category))
      .orderBy(asc(projects.category)),
  ]);
  const regionById = new Map(allRegions.map((region) => [region.id, region]));
  const within = (regionId: number | null, code: string): boolean => {
    // Walks up the (short) region tree: a department in a county counts for its city.
    for (let id = regionId, steps = 0; id !== null && steps < 10; steps++) {
      const region = regionById.get(id);
      if (!region) return false;
      if (region.code === code) return true;
      id = region.parentId;
    }
    return false;
  };
  const visible = allDepartments.filter((d) => !userScope || userScope.includes(d.id));
  const selected = visible.filter(
    (d) =>
      (!filter.region || within(d.regionId, filter.region)) &&
      (!filter.department || d.code === filter.department),
  );
  const everything = !userScope && !filter.region && !filter.department;
  const usedRegions = new Set(visible.map((d) => d.regionId));
  return {
    departments: selected.map((d) => ({
      id: d.id,
      code: d.code,
      name: d.name,
      regionCode: d.regionId === null ? null : (regionById.get(d.regionId)?.code ?? null),
    })),
    departmentIds: everything ? undefined : selected.map((d) => d.id),
    choices: {
      regions: allRegions
        .filter((region) => usedRegions.has(region.id) || !userScope)
        .map(({ code, name }) => ({ code, name })),
      departments: visible.map(({ code, name }) => ({ code, name })),
      categories: categories.flatMap((row) => (row.category ? [row.category] : [])),
    },
  };
}
