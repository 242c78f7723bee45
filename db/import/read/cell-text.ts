/**
 * Worksheet cell values as the text a person sees in Excel, so that a workbook and the
 * same data saved as CSV read the same: numbers as plain decimals, dates as ISO dates.
 */

/** Significant digits Excel shows of a number (it stores doubles, but displays 15). */
const EXCEL_DIGITS = 15;

/** Beyond this power of ten a number keeps its exponent: 10^30 is no amount or count. */
const MAX_PLAIN_EXPONENT = 30;

/**
 * A number as plain decimal text, to the 15 significant digits Excel shows:
 * 0.1 + 0.2 → "0.3", 1e21 → "1000000000000000000000", 5e-7 → "0.0000005", -0 → "0".
 * Magnitudes beyond 10^±30 keep their exponent.
 */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return "0";
  const shown = Number(value.toPrecision(EXCEL_DIGITS));
  const text = String(shown);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign = "", lead = "", fraction = "", exponentText = "0"] = match;
  const exponent = Number(exponentText);
  if (Math.abs(exponent) > MAX_PLAIN_EXPONENT) return text;
  const digits = lead + fraction;
  if (exponent >= 0) {
    // exponent ≥ 21 here, and digits has at most 15 characters: only zeros to add.
    return sign + digits + "0".repeat(exponent + 1 - digits.length);
  }
  return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/**
 * A worksheet date as text, from its UTC components (Excel dates carry no zone, and exceljs
 * returns them as UTC): "YYYY-MM-DD", or "YYYY-MM-DD HH:MM:SS" when it has a time of day
 * (rounded to the second, as Excel shows it). A time without a date (a serial below 1, which
 * exceljs puts on 1899-12-30) is "HH:MM:SS".
 */
export function dateText(date: Date): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return "";
  const rounded = new Date(Math.round(ms / 1000) * 1000);
  const day = `${pad(rounded.getUTCFullYear(), 4)}-${pad(rounded.getUTCMonth() + 1)}-${pad(rounded.getUTCDate())}`;
  const time = `${pad(rounded.getUTCHours())}:${pad(rounded.getUTCMinutes())}:${pad(rounded.getUTCSeconds())}`;
  if (day === "1899-12-30") return time;
  return time === "00:00:00" ? day : `${day} ${time}`;
}

/**
 * Whether a number format shows a date or time: after removing `[...]` (colours, locales,
 * elapsed time) and quoted literals, it holds y, m, d, h, s or b — exceljs's own test, which
 * decides when its reader turns a number into a Date.
 */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const stripped = numFmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(stripped);
}

const MS_PER_DAY = 24 * 60 * 60 * 1000;

/** An Excel serial day number as a UTC Date (1900 system: day 25569 is 1970-01-01; 1904: 24107). */
export function excelSerialInstant(serial: number, date1904 = false): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * MS_PER_DAY));
}

/** OOXML escapes a character it cannot write as `_xHHHH_` (e.g. `_x000D_` for a carriage return). */
function unescapeOoxml(text: string): string {
  if (text.indexOf("_x") === -1) return text;
  return text.replace(/_x([0-9A-F]{4})_/g, (_match, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

/** Shown when a formula's cached result is an error: exceljs's stream reader keeps only NaN. */
export const FORMULA_ERROR_TEXT = "#ERROR!";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

export interface CellFormat {
  /** The cell's number format, which says whether a number is a date. */
  numFmt?: string | undefined;
  /** Whether the workbook counts days from 1904 (old Mac Excel) rather than 1900. */
  date1904?: boolean | undefined;
}

/**
 * A cell value as exceljs gives it → the text a person sees: "" when empty, strings as
 * written, numbers as plain decimals, Dates as ISO dates, booleans "true"/"false", rich text
 * joined, a formula's cached result (a date when the cell is date-formatted), an error's code.
 */
export function cellText(value: unknown, format: CellFormat = {}): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return unescapeOoxml(value);
  if (typeof value === "number") {
    if (Number.isNaN(value)) return FORMULA_ERROR_TEXT;
    return isDateFormat(format.numFmt)
      ? dateText(excelSerialInstant(value, format.date1904))
      : numberText(value);
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return dateText(value);
  if (!isRecord(value)) return String(value);
  if (Array.isArray(value.richText)) {
    return value.richText
      .map((run: unknown) => (isRecord(run) && typeof run.text === "string" ? run.text : ""))
      .map(unescapeOoxml)
      .join("");
  }
  if ("formula" in value || "sharedFormula" in value || "result" in value) {
    return cellText(value.result, format);
  }
  if (typeof value.error === "string") return value.error;
  if ("text" in value) return cellText(value.text, format);
  return JSON.stringify(value);
}
