import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../../seeds/demo/framework";
import { axeViolations, screenshot, sharedBrowser } from "./browser";

const lang = (page: Page) => page.locator("html").getAttribute("lang");

async function waitForLang(page: Page, value: string): Promise<void> {
  await page.waitForFunction((expected) => document.documentElement.lang === expected, value);
}

describe("switching the interface language in Chromium", () => {
  const browser = sharedBrowser();
  const baseUrl = inject("baseUrl");

  it("switches to English on the sign-in page, keeps it after signing in, and switches back", async () => {
    const context = await browser().newContext({ bypassCSP: true, locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/login`);
    expect(await lang(page)).toBe("zh-CN");
    await page.getByRole("heading", { level: 1, name: "登录" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "English" }).click();
    await waitForLang(page, "en");
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    expect(await page.title()).toBe("Sign in · Mingjing");
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "login-en");

    await page.getByLabel("Username").fill("leader");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${baseUrl}/dashboard`);
    expect(await lang(page)).toBe("en");
    const sections = page.getByRole("navigation", { name: "Sections" });
    await sections.getByRole("link", { name: "Supervision", exact: true }).waitFor();
    await sections.getByRole("link", { name: "Evaluation" }).waitFor();
    const account = page.getByRole("navigation", { name: "Account" });
    await account.getByRole("link", { name: "Change password" }).waitFor();
    await account.getByRole("button", { name: "Sign out" }).waitFor();
    expect(await page.getByRole("link", { name: "Skip to content" }).count()).toBe(1);
    await screenshot(page, "dashboard-en");
    expect(await axeViolations(page)).toEqual([]);

    await account.getByRole("button", { name: "中文" }).click();
    await waitForLang(page, "zh-CN");
    expect(new URL(page.url()).pathname).toBe("/dashboard");
    const sectionsZh = page.getByRole("navigation", { name: "栏目" });
    await sectionsZh.getByRole("link", { name: "监督" }).waitFor();
    await page.getByRole("button", { name: "退出" }).waitFor();
    expect(await page.getByRole("button", { name: "English" }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("switches without JavaScript, and remembers the choice on the next visit", async () => {
    const context = await browser().newContext({
      bypassCSP: true,
      locale: "zh-CN",
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    expect(await lang(page)).toBe("zh-CN");
    await page.getByRole("button", { name: "English" }).click();
    await page.waitForURL(`${baseUrl}/`);
    await waitForLangNoJs(page, "en");
    await page.goto(`${baseUrl}/login`);
    expect(await lang(page)).toBe("en");
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    const cookie = (await context.cookies()).find((c) => c.name === "mj_locale");
    expect(cookie?.value).toBe("en");
    expect(cookie?.sameSite).toBe("Lax");
    expect(cookie?.expires ?? 0).toBeGreaterThan(Date.now() / 1000 + 360 * 24 * 3600);
    await context.close();
  });
});

/** Without JavaScript page functions cannot run: poll the attribute instead. */
async function waitForLangNoJs(page: Page, value: string): Promise<void> {
  await expect.poll(() => lang(page)).toBe(value);
}
