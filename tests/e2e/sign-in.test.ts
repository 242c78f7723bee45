import { describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD, DEMO_USERS } from "../../seeds/demo/framework";
import { axeViolations, screenshot, sharedBrowser } from "./browser";

/** Where each role lands after signing in, and a heading that proves it. */
const HOMES: Record<string, { path: string; heading: RegExp }> = {
  admin: { path: "/admin/users", heading: /用户管理|Users/ },
  leader: { path: "/dashboard", heading: /监督|Supervision/ },
  steward: { path: "/dashboard", heading: /监督|Supervision/ },
  evaluator: { path: "/evaluation", heading: /我的评价任务|My assignments/ },
};

describe("signing in as each demo user in Chromium", () => {
  const browser = sharedBrowser();
  const baseUrl = inject("baseUrl");

  for (const user of DEMO_USERS) {
    it(`${user.username} signs in, lands on the ${user.role} home page and signs out`, async () => {
      const context = await browser().newContext({ bypassCSP: true });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/login`);
      expect(await page.getByLabel(/^(用户名|Username)$/).getAttribute("autocomplete")).toBe(
        "username",
      );
      expect(await page.getByLabel(/^(密码|Password)$/).getAttribute("autocomplete")).toBe(
        "current-password",
      );
      await page.getByLabel(/^(用户名|Username)$/).fill(user.username);
      await page.getByLabel(/^(密码|Password)$/).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: /^(登录|Sign in)$/ }).click();
      const home = HOMES[user.role]!;
      await page.waitForURL(`${baseUrl}${home.path}`);
      // The URL changes first, the page follows: wait for the heading, not the address.
      await page.getByRole("heading", { level: 1, name: home.heading }).waitFor();
      await expect(page.getByRole("link", { name: user.displayName })).toBeTruthy();
      // The sections the role may open are in the header, readable on its blue.
      const sections = page
        .getByRole("navigation", { name: /^(栏目|Sections)$/ })
        .getByRole("link");
      expect(await sections.count()).toBeGreaterThan(0);
      const colour = await sections.first().evaluate((link) => getComputedStyle(link).color);
      expect(colour).toBe("rgb(255, 255, 255)");
      await screenshot(page, `home-${user.username}`);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole("button", { name: /^(退出|Sign out)$/ }).click();
      await page.waitForURL(`${baseUrl}/`);
      await page.goto(`${baseUrl}${home.path}`);
      expect(new URL(page.url()).pathname).toBe("/login");
      await context.close();
    });
  }

  it("shows the sign-in form without an error summary, and a generic one after a wrong password", async () => {
    const context = await browser().newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/login`);
    expect(await page.locator(".error-summary").count()).toBe(0);
    await page.getByLabel(/^(用户名|Username)$/).fill("leader");
    await page.getByLabel(/^(密码|Password)$/).fill("not-the-password");
    await page.getByRole("button", { name: /^(登录|Sign in)$/ }).click();
    await page.locator(".error-summary").waitFor();
    expect(await page.locator(".error-summary").textContent()).toMatch(
      /用户名或密码不正确|Username or password is incorrect/,
    );
    await screenshot(page, "login-error");
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
