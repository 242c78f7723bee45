import { useI18n } from "~/i18n/i18n";

/** The departments a steward looks after, as checkboxes (field `departmentIds`). */
export function DepartmentCheckboxes({
  departments,
  isChecked,
  error,
  hidden,
}: {
  departments: ReadonlyArray<{ id: number; code: string; name: string }>;
  isChecked: (departmentId: number) => boolean;
  error: string | undefined;
  /** Hidden once JavaScript knows the chosen role is not a steward's. */
  hidden: boolean;
}) {
  const { t } = useI18n();
  return (
    <fieldset
      className={error ? "field-error checkboxes" : "checkboxes"}
      aria-describedby={error ? "departmentIds-hint departmentIds-error" : "departmentIds-hint"}
      hidden={hidden}
    >
      <legend>{t("common.departments.legend")}</legend>
      <p className="hint" id="departmentIds-hint">
        {t("common.departments.hint")}
      </p>
      {error ? (
        <p className="error-message" id="departmentIds-error">
          {error}
        </p>
      ) : null}
      {departments.length === 0 ? (
        <p>{t("common.departments.none")}</p>
      ) : (
        departments.map((department, index) => {
          // The first box carries the field's id, so the error summary's link lands on it.
          const id = index === 0 ? "departmentIds" : `departmentIds-${department.id}`;
          return (
            <div key={department.id}>
              <input
                type="checkbox"
                id={id}
                name="departmentIds"
                value={department.id}
                defaultChecked={isChecked(department.id)}
              />{" "}
              <label htmlFor={id}>
                {department.name} ({department.code})
              </label>
            </div>
          );
        })
      )}
    </fieldset>
  );
}
