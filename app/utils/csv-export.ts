import Papa from "papaparse";

/**
 * A cell that a spreadsheet would read as a formula (OWASP "CSV injection"): = + - @ and
 * tab or carriage return first. Exports prefix such text with an apostrophe, which
 * spreadsheets show as text; numbers stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export type ExportCell = string | number | boolean | null | undefined;

/** The value to put in an exported cell: text that could run as a formula is made inert. */
export function escapeFormulaCell(value: ExportCell): ExportCell {
  return typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * A CSV document (UTF-8 with a byte-order mark, so Excel reads Chinese correctly; CRLF as
 * RFC 4180 has it) with formula-like text escaped in every cell, headers included.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly ExportCell[])[]): string {
  const data = rows.map((row) => row.map((cell) => (cell === undefined ? null : cell)));
  return `\uFEFF${Papa.unparse(
    { fields: [...header], data },
    { escapeFormulae: FORMULA_START, newline: "\r\n" },
  )}`;
}

/** A Response that downloads `csv` as `fileName`. */
export function csvResponse(csv: string, fileName: string): Response {
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "no-store",
    },
  });
}
