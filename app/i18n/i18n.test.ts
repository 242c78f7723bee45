import { describe, expect, it } from "vitest";
import { createI18n, isLocale, LOCALES } from "./i18n";
import { messages, type MessageKey } from "./messages";
import { localeFromAcceptLanguage } from "./negotiate";

const zh = createI18n("zh");
const en = createI18n("en");

describe("createI18n", () => {
  it("knows its locale and says 'no data' in it", () => {
    expect(zh.locale).toBe("zh");
    expect(en.locale).toBe("en");
    expect(zh.noData).toBe("无数据");
    expect(en.noData).toBe("no data");
  });

  it("translates a key into one language only", () => {
    expect(zh.t("common.signIn")).toBe("登录");
    expect(en.t("common.signIn")).toBe("Sign in");
  });

  it("fills {name} placeholders, formatting numbers in the locale", () => {
    expect(en.t("admin.audit.caption", { page: 2, timeZone: "Asia/Shanghai" })).toBe(
      "Audit events, page 2 (times in Asia/Shanghai)",
    );
    expect(zh.t("admin.users.caption", { count: 12345 })).toBe("全部用户（12,345）");
    expect(en.t("account.login.error.locked", { minutes: 15 })).toBe(
      "Too many failed sign-ins: try again in 15 minutes.",
    );
    // A placeholder without a value stays visible rather than vanishing.
    expect(en.t("admin.audit.caption", { page: 1 })).toBe(
      "Audit events, page 1 (times in {timeZone})",
    );
  });

  it("formats numbers", () => {
    expect(zh.number(1234567.5)).toBe("1,234,567.5");
    expect(en.number(1234567.5)).toBe("1,234,567.5");
    expect(en.number(0.5, { maximumFractionDigits: 0 })).toBe("1");
    expect(zh.number(2, { minimumFractionDigits: 2 })).toBe("2.00");
  });

  it("formats fractions as percentages, one digit by default", () => {
    expect(zh.percent(0.1234)).toBe("12.3%");
    expect(en.percent(0.1234)).toBe("12.3%");
    expect(en.percent(-0.05, 0)).toBe("-5%");
    expect(zh.percent(1, 2)).toBe("100.00%");
    expect(en.percent(0)).toBe("0.0%");
  });

  it("formats local dates without shifting the day", () => {
    expect(zh.date("2026-11-23")).toBe("2026年11月23日");
    expect(en.date("2026-11-23")).toBe("23 Nov 2026");
    expect(zh.date("2026-01-01")).toBe("2026年1月1日");
    expect(en.date("2025-12-31")).toBe("31 Dec 2025");
  });

  it("formats months from a month or a date", () => {
    expect(zh.month("2026-11")).toBe("2026年11月");
    expect(en.month("2026-11")).toBe("Nov 2026");
    expect(zh.month("2026-03-31")).toBe("2026年3月");
    expect(en.month("2026-03-31")).toBe("Mar 2026");
  });

  it("shows yuan in 万元 in Chinese and in readable units in English", () => {
    expect(zh.yuan(1_234_000)).toBe("123.4 万元");
    expect(zh.yuan(0)).toBe("0 万元");
    expect(en.yuan(1_234_000)).toBe("¥1.23 m");
    expect(en.yuan(2_500_000_000)).toBe("¥2.5 bn");
    expect(en.yuan(12_345.678)).toBe("¥12,345.68");
    expect(en.yuan(-3_000_000)).toBe("-¥3 m");
  });

  it("shows null, and non-finite numbers, as the locale's 'no data'", () => {
    for (const i18n of [zh, en]) {
      expect(i18n.number(null)).toBe(i18n.noData);
      expect(i18n.number(Number.NaN)).toBe(i18n.noData);
      expect(i18n.percent(null)).toBe(i18n.noData);
      expect(i18n.percent(Number.POSITIVE_INFINITY)).toBe(i18n.noData);
      expect(i18n.date(null)).toBe(i18n.noData);
      expect(i18n.month(null)).toBe(i18n.noData);
      expect(i18n.yuan(null)).toBe(i18n.noData);
    }
  });

  it("returns the same instance for a locale", () => {
    expect(createI18n("en")).toBe(en);
  });
});

describe("messages", () => {
  const entries = Object.entries(messages) as Array<[MessageKey, { zh: string; en: string }]>;

  it("has both languages, non-empty, for every key", () => {
    expect(entries.length).toBeGreaterThan(50);
    for (const [key, text] of entries) {
      for (const locale of LOCALES) {
        expect(text[locale].trim(), `${key} (${locale})`).not.toBe("");
      }
    }
  });

  it("uses the same placeholders in both languages", () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of entries) {
      expect(placeholders(text.en), key).toEqual(placeholders(text.zh));
    }
  });

  it("names each key after its area", () => {
    // `*` stands for any index in the labels of a published figure's path (figure.kpis.*.kpi).
    for (const [key] of entries) expect(key).toMatch(/^[a-z]+\.[\w.*-]+$/);
  });
});

describe("locale choice", () => {
  it("accepts only the known locales", () => {
    expect(isLocale("zh")).toBe(true);
    expect(isLocale("en")).toBe(true);
    expect(isLocale("fr")).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });

  it("takes English when the first acceptable language is English, else Chinese", () => {
    expect(localeFromAcceptLanguage(null)).toBe("zh");
    expect(localeFromAcceptLanguage("")).toBe("zh");
    expect(localeFromAcceptLanguage("en-US,en;q=0.9")).toBe("en");
    expect(localeFromAcceptLanguage("EN")).toBe("en");
    expect(localeFromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh");
    expect(localeFromAcceptLanguage("fr-FR,en;q=0.8")).toBe("zh");
    expect(localeFromAcceptLanguage("zh;q=0.5, en-GB;q=0.9")).toBe("en");
    expect(localeFromAcceptLanguage("en;q=0, zh")).toBe("zh");
    expect(localeFromAcceptLanguage("*")).toBe("zh");
    expect(localeFromAcceptLanguage("english")).toBe("zh");
  });
});
