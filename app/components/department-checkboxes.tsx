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
  return (
    <fieldset
      className={error ? "field-error checkboxes" : "checkboxes"}
      aria-describedby={error ? "departmentIds-hint departmentIds-error" : "departmentIds-hint"}
      hidden={hidden}
    >
      <legend>负责部门 Departments</legend>
      <p className="hint" id="departmentIds-hint">
        仅用于数据专员，至少选择一个 For data stewards only: choose at least one
      </p>
      {error ? (
        <p className="error-message" id="departmentIds-error">
          {error}
        </p>
      ) : null}
      {departments.length === 0 ? (
        <p>还没有部门，请先导入部门数据。No departments yet: import them first.</p>
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
