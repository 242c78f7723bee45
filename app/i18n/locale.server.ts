import { isHttps } from "~/utils/security-headers.server";
import { isLocale, type Locale } from "./i18n";
import { localeFromAcceptLanguage } from "./negotiate";

/** The cookie that remembers the visitor's language (not signed: any valid value is harmless). */
export const LOCALE_COOKIE = "mj_locale";
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

function cookieValue(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const pair of header.split(";")) {
    const [key, ...rest] = pair.split("=");
    if (key?.trim() === name) return rest.join("=").trim();
  }
  return undefined;
}

/** The visitor's locale: the mj_locale cookie when it names one, else from Accept-Language. */
export function localeOf(request: Request): Locale {
  const chosen = cookieValue(request.headers.get("Cookie"), LOCALE_COOKIE);
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage(request.headers.get("Accept-Language"));
}

/** Set-Cookie remembering a locale for a year, for the whole site. */
export function localeCookie(request: Request, locale: Locale): string {
  const attributes = [
    `${LOCALE_COOKIE}=${locale}`,
    `Max-Age=${ONE_YEAR_SECONDS}`,
    "Path=/",
    "SameSite=Lax",
  ];
  if (isHttps(request)) attributes.push("Secure");
  return attributes.join("; ");
}
