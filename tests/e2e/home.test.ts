import { describe, expect, inject, it } from "vitest";
import { axeViolations, screenshot, sharedBrowser } from "./browser";

describe("public home page in Chromium", () => {
  const browser = sharedBrowser();
  const baseUrl = inject("baseUrl");

  it("shows what the instance holds, read from the seeded database", async () => {
    const context = await browser().newContext({ bypassCSP: true, locale: "zh-CN" });
    const page = await context.newPage();
    const response = await page.goto(`${baseUrl}/`);
    expect(response?.status()).toBe(200);
    await expect(page.title()).resolves.toContain("明镜");
    expect(await page.locator("[data-kind=departments]").textContent()).toBe("18");
    expect(await page.locator("[data-kind=serviceItems]").textContent()).toBe("130");
    const appeals = Number(
      (await page.locator("[data-kind=appeals]").textContent())?.replaceAll(",", ""),
    );
    expect(appeals).toBeGreaterThan(55_000);
    expect(await page.getByTestId("latest-data-date").textContent()).toMatch(
      /^\d{4}年\d{1,2}月\d{1,2}日$/,
    );
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    await screenshot(page, "home");
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("answers /healthz with 200 once migrated and seeded", async () => {
    const response = await fetch(`${baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok" });
  });
});
