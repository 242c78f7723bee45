import { useHydrated } from "~/components/charts";
import { downloadBlob } from "~/components/charts/chart-download";
import { useI18n } from "~/i18n/i18n";
import { toCsv } from "~/utils/csv-export";

/**
 * The cells of an HTML table as text, header rows first: what its CSV holds. A column of
 * controls (a form per row) is marked `data-csv-omit` on its cells: its text is no data.
 */
export function tableCells(table: HTMLTableElement): { header: string[]; rows: string[][] } {
  const text = (row: Element) =>
    Array.from(
      row.querySelectorAll(":scope > th:not([data-csv-omit]), :scope > td:not([data-csv-omit])"),
    ).map((cell) => (cell.textContent ?? "").replace(/\s+/g, " ").trim());
  const headRows = Array.from(table.querySelectorAll(":scope > thead > tr"));
  const bodyRows = Array.from(table.querySelectorAll(":scope > tbody > tr"));
  const last = headRows.at(-1);
  return { header: last ? text(last) : [], rows: bodyRows.map(text) };
}

/**
 * "Download CSV" for the table with `tableId`, once the page has loaded (it needs
 * JavaScript): the cells as shown, formula-like text escaped (toCsv).
 */
export function TableCsvButton({ tableId, fileName }: { tableId: string; fileName: string }) {
  const hydrated = useHydrated();
  const i18n = useI18n();
  if (!hydrated) return null;
  return (
    <button
      type="button"
      className="link-button table-csv"
      onClick={() => {
        const table = document.getElementById(tableId);
        if (!(table instanceof HTMLTableElement)) return;
        const { header, rows } = tableCells(table);
        downloadBlob(
          new Blob([toCsv(header, rows)], { type: "text/csv;charset=utf-8" }),
          `${fileName}.csv`,
        );
      }}
    >
      {i18n.t("dashboard.chart.csv")}
    </button>
  );
}
