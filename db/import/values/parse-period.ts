import { parseDate } from "./parse-date";
import { validateDate } from "./date-text";
import { toHalfWidth } from "./half-width";
import { failure, parsed, type ParseResult } from "./parse-result";

export const EXPECTED_PERIOD = "expected a month such as 2021-07, 2021/7, 2021年7月 or 202107";

const MONTH_FORMS = [
  /^(\d{4})[-/.](\d{1,2})$/,
  /^(\d{4})\s*年\s*(\d{1,2})\s*月份?$/,
  /^(\d{4})(\d{2})$/,
] as const;

/**
 * A period cell (a month) → its first day, "YYYY-MM-01". Accepted (white space around
 * ignored, full-width digits folded):
 *
 *   2021-07   2021-7   2021/7   2021.07   2021年7月   2021年7月份   202107
 *   2021-07-15, 2021年7月15日, 44393 …   any date of parseDate: its month
 *
 * `2021.1` is refused as ambiguous: a sheet showing the number 2021.10 as text drops the
 * trailing zero, so it may mean January or October. A bare year (`2021`) is refused.
 */
export function parsePeriod(text: string): ParseResult<string> {
  const folded = toHalfWidth(text).trim();
  if (/^\d{4}\.1$/.test(folded)) {
    return failure(
      `${EXPECTED_PERIOD}; a month written 2021.1 is ambiguous (January, or October with its 0 dropped): write 2021-01 or 2021-10`,
    );
  }
  for (const form of MONTH_FORMS) {
    const match = form.exec(folded);
    if (match === null) continue;
    const year = Number(match[1]);
    const month = Number(match[2]);
    const valid = validateDate(year, month, 1);
    if (!valid.ok) return valid;
    return parsed(`${match[1]}-${String(month).padStart(2, "0")}-01`);
  }
  if (/^\d{4}$/.test(folded)) {
    return failure(`${EXPECTED_PERIOD}; a year alone is not a month`);
  }
  const date = parseDate(folded);
  if (date.ok) return parsed(`${date.value.slice(0, 7)}-01`);
  return failure(date.reason.startsWith("expected a date such as") ? EXPECTED_PERIOD : date.reason);
}
