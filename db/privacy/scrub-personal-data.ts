/**
 * Citizens write phone numbers, ID card numbers and e-mail addresses into free text (a
 * rating's comment: "请回电 138 1234 5678"). Such text is scrubbed before it is stored or
 * shown to anyone: each of them is replaced by a marker that says what was there. Pure and
 * shared: the import and a public rating form use the same rules.
 *
 * Only shapes that are personal data are matched, so ordinary numbers stay: amounts
 * (12,345.67 元), dates (2024-05-01, 20240501), item codes (SJJ-001, PJ0000123), short
 * numbers such as the 12345 hotline. A run of digits is never cut in the middle: a match
 * must not touch further digits (or, before it, a Latin letter, as in a code like AB0571…).
 */

export const SCRUB_MARKERS = {
  phone: "〔已隐去电话〕",
  idNumber: "〔已隐去证件号〕",
  email: "〔已隐去邮箱〕",
} as const;

export type PersonalDataKind = keyof typeof SCRUB_MARKERS;

/** One separator people put inside a number: a space (also the full-width one) or a dash. */
const SEP = "[ \\-\\u3000]?";
const BEFORE = "(?<![0-9A-Za-z])";
const AFTER = "(?![0-9])";
const MONTH = "(?:0[1-9]|1[0-2])";
const DAY = "(?:0[1-9]|[12][0-9]|3[01])";

/** In the order applied: an e-mail may hold a mobile number, an ID number holds long digit runs. */
const RULES: ReadonlyArray<{ kind: PersonalDataKind; pattern: RegExp }> = [
  {
    kind: "email",
    pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
  },
  {
    // 居民身份证: 18 characters (6 region, 8 birth date 19xx/20xx, 3 sequence, a check digit or X).
    kind: "idNumber",
    pattern: new RegExp(
      `${BEFORE}[1-9][0-9]{5}${SEP}(?:19|20)[0-9]{2}${MONTH}${DAY}${SEP}[0-9]{3}[0-9Xx](?![0-9A-Za-z])`,
      "g",
    ),
  },
  {
    // The first generation's 15 digits (6 region, 6 birth date yymmdd, 3 sequence).
    kind: "idNumber",
    pattern: new RegExp(`${BEFORE}[1-9][0-9]{5}[0-9]{2}${MONTH}${DAY}[0-9]{3}${AFTER}`, "g"),
  },
  {
    // Mainland mobile: 1[3-9]x xxxx xxxx, grouped 3-4-4 or not, optionally with +86 / 0086 / 86.
    kind: "phone",
    pattern: new RegExp(
      `${BEFORE}(?:(?:\\+|00)?86${SEP})?1[3-9][0-9]${SEP}[0-9]{4}${SEP}[0-9]{4}${AFTER}`,
      "g",
    ),
  },
  {
    // Landline with its area code: 0571-8888 6666, (010) 12345678, 020 8765432, an extension.
    kind: "phone",
    pattern: new RegExp(
      `${BEFORE}(?:(?:\\+|00)?86${SEP})?(?:[(（]0[0-9]{2,3}[)）]|0[0-9]{2,3})${SEP}[2-9][0-9]{2,3}${SEP}[0-9]{4}(?:(?:-|转|ext\\.?)[0-9]{1,6})?${AFTER}`,
      "g",
    ),
  },
];

/** The text with every phone number, ID card number and e-mail address replaced by its marker. */
export function scrubPersonalData(text: string): string {
  let scrubbed = text;
  for (const { kind, pattern } of RULES) scrubbed = scrubbed.replace(pattern, SCRUB_MARKERS[kind]);
  return scrubbed;
}
