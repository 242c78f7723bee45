import type { ExportCell } from "../../utils/csv-export";
import { TableScroll } from "../table-scroll";

/**
 * One cell of a chart's data table: plain text or a number, or an object with the text to
 * show, the raw value for the CSV download, and an optional link.
 */
export type ChartTableCell =
  string | number | null | { text: string; value?: ExportCell; href?: string };

/** The data behind a chart, shown as a table; the first column heads each row. */
export interface ChartTable {
  caption: string;
  columns: readonly string[];
  rows: readonly (readonly ChartTableCell[])[];
}

function cellText(cell: ChartTableCell, empty: string): string {
  if (cell === null) return empty;
  if (typeof cell === "object") return cell.text;
  return String(cell);
}

function CellContent({ cell, empty }: { cell: ChartTableCell; empty: string }) {
  if (cell !== null && typeof cell === "object" && cell.href) {
    return <a href={cell.href}>{cell.text}</a>;
  }
  return <>{cellText(cell, empty)}</>;
}

/** The accessible table of a chart: caption, column headers and row headers with scope. */
export function ChartDataTable({ table, empty = "—" }: { table: ChartTable; empty?: string }) {
  return (
    <TableScroll className="chart-table-scroll" label={table.caption}>
      <table className="chart-table">
        <caption>{table.caption}</caption>
        <thead>
          <tr>
            {table.columns.map((column, index) => (
              <th key={index} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {row.map((cell, index) =>
                index === 0 ? (
                  <th key={index} scope="row">
                    <CellContent cell={cell} empty={empty} />
                  </th>
                ) : (
                  <td key={index} className={typeof cell === "number" ? "num" : undefined}>
                    <CellContent cell={cell} empty={empty} />
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The data table folded in <details>, under a chart or a sparkline. */
export function ChartDetails({
  summary,
  table,
  open,
}: {
  summary: string;
  table: ChartTable;
  open?: boolean;
}) {
  return (
    <details className="chart-details" open={open}>
      <summary>{summary}</summary>
      <ChartDataTable table={table} />
    </details>
  );
}
