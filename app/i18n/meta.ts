import { createI18n, isLocale, type I18n } from "./i18n";

/**
 * The i18n of a meta function, from the root route's data among its `matches`
 * (meta functions cannot call hooks): `metaI18n(matches).t("home.title")`.
 */
export function metaI18n(matches: ReadonlyArray<{ id: string; data?: unknown }>): I18n {
  const root = matches.find((match) => match.id === "root")?.data as
    { locale?: unknown } | undefined;
  const locale = root?.locale;
  return createI18n(isLocale(locale) ? locale : "zh");
}

/** "Sign in · Mingjing": a page's title with the product's name, in the page's language. */
export function pageTitle(i18n: I18n, page: string): string {
  return i18n.t("common.title", { page });
}
