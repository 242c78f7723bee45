import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../../seeds/demo/framework";
import { screenshot, sharedBrowser } from "./browser";

const PHONE = { width: 375, height: 812 };

async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("main").getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
}

/** How far the page reaches past the viewport: a phone must never scroll the whole page sideways. */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe("the internal pages on a 375 px wide phone", () => {
  const browser = sharedBrowser();
  const baseUrl = inject("baseUrl");

  it("wraps the header's many sections instead of widening the page", async () => {
    for (const [username, paths] of [
      ["leader", ["/dashboard", "/supervision/cases", "/evaluation/rounds"]],
      ["admin", ["/admin", "/admin/settings"]],
    ] as const) {
      const context = await browser().newContext({ viewport: PHONE, locale: "en-US" });
      const page = await context.newPage();
      await signIn(page, baseUrl, username);
      for (const path of paths) {
        await page.goto(`${baseUrl}${path}`);
        const sections = page.getByRole("navigation", { name: "Sections" });
        await sections.waitFor();
        expect(await overflow(page), `${username} ${path}`).toBeLessThanOrEqual(0);
        await screenshot(page, `phone-${username}${path.replaceAll("/", "-")}`);
      }
      await context.close();
    }
  });
});
