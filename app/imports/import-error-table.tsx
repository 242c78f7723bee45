import { useI18n } from "~/i18n/i18n";
import { TableScroll } from "~/components/table-scroll";

/** The rejected values of an import (file, line, column, value, reason), as its report lists them. */
export function ImportErrorTable({
  errors,
  labelledBy,
}: {
  errors: ReadonlyArray<{ line: number; column: string; value: string; reason: string }>;
  labelledBy: string;
}) {
  const { t } = useI18n();
  return (
    <TableScroll labelledBy={labelledBy}>
      <table className="import-errors">
        <thead>
          <tr>
            <th scope="col">{t("imports.errors.line")}</th>
            <th scope="col">{t("imports.errors.column")}</th>
            <th scope="col">{t("imports.errors.value")}</th>
            <th scope="col">{t("imports.errors.reason")}</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((error, index) => (
            <tr key={index}>
              <td>{error.line}</td>
              <td>{error.column}</td>
              <td>
                <code>{error.value}</code>
              </td>
              <td>{error.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
