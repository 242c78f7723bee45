import type { Locale } from "./i18n";

/**
 * The locale an Accept-Language header asks for: English when the first acceptable
 * language (highest q, first listed among equals, q=0 left out) is English, else Chinese,
 * the deployment's own language, also when the header is absent or names nothing.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return "zh";
  const ranges = header
    .split(",")
    .map((part, index) => {
      const [range = "", ...params] = part.trim().split(";");
      const q = params
        .map((param) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(param)?.[1])
        .find((value) => value !== undefined);
      const quality = q === undefined ? 1 : Number(q);
      return { range: range.trim().toLowerCase(), quality, index };
    })
    .filter((entry) => entry.range !== "" && Number.isFinite(entry.quality) && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  const first = ranges[0]?.range;
  return first === "en" || first?.startsWith("en-") ? "en" : "zh";
}
