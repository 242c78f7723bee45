import { normaliseHeader } from "./header-key";

/**
 * Columns holding personal data, recognised by header so the importer never stores them
 * in clear (DESIGN.md "Import files"): dropped, or replaced by a keyed hash (pii-hash.ts).
 * Headers are compared as header-key.ts normalises them, so `Caller Name`, `caller_name`
 * and `来电人 ` match. A header that names one of the kind's own columns (`name` in
 * projects) is that column, not personal data; header-match.ts checks those first.
 */
export type PiiKind = "name" | "phone" | "id_number";

export const PII_HEADERS: Readonly<Record<PiiKind, readonly string[]>> = {
  name: [
    "姓名",
    "联系人",
    "来电人",
    "来电人姓名",
    "联系人姓名",
    "诉求人",
    "诉求人姓名",
    "反映人",
    "name",
    "caller_name",
    "caller",
    "contact_name",
    "full_name",
  ],
  phone: [
    "电话",
    "手机",
    "联系电话",
    "电话号码",
    "手机号",
    "手机号码",
    "来电号码",
    "联系方式",
    "phone",
    "mobile",
    "telephone",
    "tel",
    "phone_number",
    "mobile_number",
    "contact_phone",
    "caller_phone",
  ],
  id_number: [
    "身份证号",
    "身份证",
    "身份证号码",
    "证件号码",
    "证件号",
    "id_number",
    "id_card",
    "id_card_number",
    "id_no",
    "identity_number",
  ],
};

const KIND_BY_KEY: ReadonlyMap<string, PiiKind> = new Map(
  (Object.entries(PII_HEADERS) as Array<[PiiKind, readonly string[]]>).flatMap(([kind, headers]) =>
    headers.map((header) => [normaliseHeader(header).key, kind] as const),
  ),
);

/** The kind of personal data a header names, or null. */
export function piiKindOfHeader(header: string): PiiKind | null {
  return KIND_BY_KEY.get(normaliseHeader(header).key) ?? null;
}
