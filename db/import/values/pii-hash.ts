import { createHmac } from "node:crypto";
import { toHalfWidth } from "./half-width";
import type { PiiKind } from "./pii-columns";

const PHONE_LIKE = /^\+?[\d\-\u2010-\u2015().]+$/;

/**
 * Personal data (caller name, phone, ID number) is never stored in clear: with
 * MINGJING_PII_KEY set, the importer keeps a keyed hash instead, so the same caller
 * can be counted again without being named:
 *
 *   hashPii(value, key) = hex(HMAC-SHA-256(key, normalisePii(value)))
 *
 * Normalising first makes the ways one value is written hash alike: full-width forms
 * fold to ASCII and white space (U+3000 included) goes; for a phone, dashes, dots and
 * brackets go too (`138-0013 8000`, `(010) 6512-3456`); for an ID number, letters are
 * upper-cased (the check character `x` is `X`). Without a kind, a value made only of
 * digits, `+` and phone punctuation is taken for a phone.
 */
export function normalisePii(value: string, kind?: PiiKind): string {
  const compact = toHalfWidth(value).replace(/\s+/gu, "");
  switch (kind ?? (PHONE_LIKE.test(compact) ? "phone" : undefined)) {
    case "phone":
      return compact.replace(/[-\u2010-\u2015().]/g, "");
    case "id_number":
      return compact.toUpperCase();
    default:
      return compact;
  }
}

/** HMAC-SHA-256 of the normalised value under `key`, as 64 lower-case hex digits. */
export function hashPii(value: string, key: string, kind?: PiiKind): string {
  if (key === "") throw new RangeError("hashPii needs a non-empty key (MINGJING_PII_KEY)");
  return createHmac("sha256", key).update(normalisePii(value, kind), "utf8").digest("hex");
}
