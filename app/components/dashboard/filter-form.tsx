import { Form } from "@remix-run/react";
import { LIFECYCLE_STAGES } from "../../../db/schema/enum-values";
import type { I18n } from "~/i18n/i18n";
import type { DashboardFilters } from "~/utils/dashboard-filters";
import { stageLabel } from "~/utils/format";

export interface FilterChoices {
  regions: Array<{ code: string; name: string }>;
  departments: Array<{ code: string; name: string }>;
  categories: string[];
}

/** The dashboard's filters as a GET form: the URL holds the view, so it is a permalink. */
export function FilterForm({
  i18n,
  filters,
  choices,
  action,
  projectFilters = true,
}: {
  i18n: I18n;
  filters: DashboardFilters;
  choices?: FilterChoices;
  action: string;
  projectFilters?: boolean;
}) {
  return (
    <Form
      method="get"
      action={action}
      className="filter-form"
      aria-label={i18n.t("dashboard.filters")}
    >
      <label>
        {i18n.t("dashboard.filter.from")}
        <input type="date" name="from" defaultValue={filters.range.from} required />
      </label>
      <label>
        {i18n.t("dashboard.filter.to")}
        <input type="date" name="to" defaultValue={filters.range.to} required />
      </label>
      {choices && choices.regions.length > 1 ? (
        <label>
          {i18n.t("dashboard.filter.region")}
          <select name="region" defaultValue={filters.region ?? ""}>
            <option value="">{i18n.t("dashboard.filter.all")}</option>
            {choices.regions.map((region) => (
              <option key={region.code} value={region.code}>
                {region.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {choices && choices.departments.length > 1 ? (
        <label>
          {i18n.t("dashboard.filter.department")}
          <select name="department" defaultValue={filters.department ?? ""}>
            <option value="">{i18n.t("dashboard.filter.all")}</option>
            {choices.departments.map((department) => (
              <option key={department.code} value={department.code}>
                {department.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {projectFilters && choices ? (
        <>
          <label>
            {i18n.t("dashboard.filter.category")}
            <select name="category" defaultValue={filters.category ?? ""}>
              <option value="">{i18n.t("dashboard.filter.all")}</option>
              {choices.categories.map((category) => (
                <option key={category} value={category}>
                  {category}
                </option>
              ))}
            </select>
          </label>
          <label>
            {i18n.t("dashboard.filter.stage")}
            <select name="stage" defaultValue={filters.stage ?? ""}>
              <option value="">{i18n.t("dashboard.filter.all")}</option>
              {LIFECYCLE_STAGES.map((stage) => (
                <option key={stage} value={stage}>
                  {stageLabel(i18n, stage)}
                </option>
              ))}
            </select>
          </label>
        </>
      ) : null}
      <div className="filter-actions">
        <button type="submit">{i18n.t("dashboard.filter.apply")}</button>
        <a href={action}>{i18n.t("dashboard.filter.reset")}</a>
      </div>
    </Form>
  );
}
