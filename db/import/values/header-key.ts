import { toHalfWidth } from "./half-width";

/** A header's matching key and the unit it names. */
export interface HeaderKey {
  readonly key: string;
  readonly unitIsWan: boolean;
  readonly unit: string | null;
}

const TRAILING_BRACKETS = /\s*[([]([^()[\]]*)[)\]]\s*$/;
const SLASH_UNIT = /\s*\/\s*(万元|元)$/;
const WAN_UNITS = new Set(["万元", "万", "wan", "wanyuan", "万元人民币"]);

/**
 * The matching key of a header and the unit it names. Headers match case-insensitively,
 * ignoring white space (U+3000 included), `_`, `-`, a `*` marking a required column, and
 * a unit: in brackets at the end (ASCII, full-width, square or 【】: `批复金额(万元)`,
 * `budget（万元）`, `budget [wan]`, `金额（单位：万元）`), after a slash (`批复金额/万元`), or
 * as a suffix of an English name (`budget_wan`, `budgetWan`, `budget_yuan`).
 *
 *   unitIsWan: the unit is 万元 (`万元`, `万`, `wan`, `wan yuan`): amounts × 10,000
 *
 * `unit` is the unit as written (brackets removed), "wan" or "yuan" for a suffix, or
 * null; callers of non-amount columns may refuse a unit they cannot honour.
 */
export function normaliseHeader(header: string): HeaderKey {
  let text = toHalfWidth(header)
    .replace(/[【〔]/g, "[")
    .replace(/[】〕]/g, "]")
    .trim()
    .replace(/^\*+|\*+$/g, "")
    .trim();
  let unit: string | null = null;
  const bracketed = TRAILING_BRACKETS.exec(text) ?? SLASH_UNIT.exec(text);
  if (bracketed !== null && bracketed.index > 0) {
    unit = (bracketed[1] ?? "").trim();
    text = text.slice(0, bracketed.index);
  }
  let key = compact(text).replace(/^\*+|\*+$/g, "");
  let unitIsWan = unit !== null && WAN_UNITS.has(compact(unit).replace(/^(单位|unit):/, ""));
  const suffix = /^([a-z0-9]+?)(wanyuan|wan|yuan)$/.exec(key);
  if (suffix !== null) {
    key = suffix[1] ?? key;
    unit ??= suffix[2] === "yuan" ? "yuan" : "wan";
    unitIsWan ||= suffix[2] !== "yuan";
  }
  return { key, unitIsWan, unit };
}

function compact(text: string): string {
  return text.toLowerCase().replace(/[\s_-]+/gu, "");
}
