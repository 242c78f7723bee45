/**
 * The i18n layer: one language per page, Chinese or English, chosen by the visitor and
 * remembered in a cookie (see locale.server.ts). Isomorphic: no server imports, so the
 * same functions format on the server and in the browser.
 */
import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { messages, type MessageKey } from "./messages";

export type { MessageKey };

export const LOCALES = ["zh", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export interface I18n {
  locale: Locale;
  /** The message in this locale, with `{name}` placeholders filled from `vars` (numbers formatted). */
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  number(value: number | null, options?: Intl.NumberFormatOptions): string;
  /** A fraction as a percentage: 0.1234 → "12.3%" (digits after the point, default 1). */
  percent(fraction: number | null, digits?: number): string;
  /** A local date "2026-11-23" → "2026年11月23日" / "23 Nov 2026". */
  date(iso: string | null): string;
  /** A month "2026-11" (or a date in it) → "2026年11月" / "Nov 2026". */
  month(iso: string | null): string;
  /** An amount in yuan: zh in 万元 ("123.4 万元"), en in millions ("¥1.23 m"). */
  yuan(amount: number | null): string;
  /** What a missing figure shows: 无数据 / no data. */
  noData: string;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The BCP 47 tag for `<html lang>` and Intl: zh-CN, or British English (23 Nov 2026). */
export function languageTag(locale: Locale): string {
  return locale === "zh" ? "zh-CN" : "en-GB";
}

const PLACEHOLDER = /\{(\w+)\}/g;
const LOCAL_DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?/;

/** Year, month and day of "2026-11-23" (or "2026-11", day 1); null when it is neither. */
function calendarParts(iso: string): Date | null {
  const match = LOCAL_DATE.exec(iso);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = match[3] === undefined ? 1 : Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  // Midnight UTC, formatted in UTC: the calendar day never shifts with a time zone.
  return new Date(Date.UTC(year, month - 1, day));
}

function build(locale: Locale): I18n {
  const tag = languageTag(locale);
  const noData = locale === "zh" ? "无数据" : "no data";
  const plain = new Intl.NumberFormat(tag);
  const upToTwo = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
  const dayFormat = new Intl.DateTimeFormat(tag, {
    year: "numeric",
    month: locale === "zh" ? "long" : "short",
    day: "numeric",
    timeZone: "UTC",
  });
  const monthFormat = new Intl.DateTimeFormat(tag, {
    year: "numeric",
    month: locale === "zh" ? "long" : "short",
    timeZone: "UTC",
  });
  const percentFormats = new Map<number, Intl.NumberFormat>();
  const numberFormats = new Map<string, Intl.NumberFormat>();

  const i18n: I18n = {
    locale,
    noData,
    t(key, vars) {
      const text: string = messages[key][locale];
      if (!vars) return text;
      return text.replace(PLACEHOLDER, (whole, name: string) => {
        const value = vars[name];
        if (value === undefined) return whole;
        return typeof value === "number" ? plain.format(value) : value;
      });
    },
    number(value, options) {
      if (value === null || !Number.isFinite(value)) return noData;
      if (!options) return plain.format(value);
      // Building a formatter costs far more than using one: keep one per set of options.
      const key = JSON.stringify(options);
      let format = numberFormats.get(key);
      if (!format) {
        format = new Intl.NumberFormat(tag, options);
        numberFormats.set(key, format);
      }
      return format.format(value);
    },
    percent(fraction, digits = 1) {
      if (fraction === null || !Number.isFinite(fraction)) return noData;
      let format = percentFormats.get(digits);
      if (!format) {
        format = new Intl.NumberFormat(tag, {
          style: "percent",
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
        });
        percentFormats.set(digits, format);
      }
      return format.format(fraction);
    },
    date(iso) {
      if (iso === null) return noData;
      const day = calendarParts(iso);
      return day ? dayFormat.format(day) : iso;
    },
    month(iso) {
      if (iso === null) return noData;
      const day = calendarParts(iso);
      return day ? monthFormat.format(day) : iso;
    },
    yuan(amount) {
      if (amount === null || !Number.isFinite(amount)) return noData;
      if (locale === "zh") return `${upToTwo.format(amount / 10_000)} 万元`;
      const sign = amount < 0 ? "-" : "";
      const size = Math.abs(amount);
      if (size >= 1e9) return `${sign}¥${upToTwo.format(size / 1e9)} bn`;
      if (size >= 1e6) return `${sign}¥${upToTwo.format(size / 1e6)} m`;
      return `${sign}¥${upToTwo.format(size)}`;
    },
  };
  return i18n;
}

const cache = new Map<Locale, I18n>();

/** The formatter and messages of one locale (built once per locale, then shared). */
export function createI18n(locale: Locale): I18n {
  let i18n = cache.get(locale);
  if (!i18n) {
    i18n = build(locale);
    cache.set(locale, i18n);
  }
  return i18n;
}

/** The page's i18n, from the locale the root loader chose (Chinese when it is not known). */
export function useI18n(): I18n {
  const root = useRouteLoaderData("root") as { locale?: unknown } | undefined;
  const chosen = root?.locale;
  const locale: Locale = isLocale(chosen) ? chosen : "zh";
  return useMemo(() => createI18n(locale), [locale]);
}
