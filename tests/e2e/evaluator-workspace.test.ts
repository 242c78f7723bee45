/**
 * The evaluator workspace in Chromium, on the demo's open round: the declaration first,
 * then the figures and the rubric form, which saves itself as the evaluator types (kept
 * over a reload) and answers a refused submission with an error summary that links to
 * the fields. axe checks each page for WCAG 2.1 AA.
 */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../../seeds/demo/framework";
import { axeViolations, screenshot, sharedBrowser } from "./browser";

const PENDING = /Declaration needed|待声明利益冲突/;

async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(/^(用户名|Username)$/).fill(username);
  await page.getByLabel(/^(密码|Password)$/).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: /^(登录|Sign in)$/ }).click();
  await page.waitForURL(`${baseUrl}/evaluation`);
}

describe("the evaluator workspace in Chromium", () => {
  const browser = sharedBrowser();
  const baseUrl = inject("baseUrl");

  it("declares no conflict, drafts as it types (kept over a reload), and shows errors on submit", async () => {
    const context = await browser().newContext({ bypassCSP: true });
    const page = await context.newPage();
    await signIn(page, baseUrl, "evaluator");
    await page.getByRole("heading", { level: 1, name: /我的评价任务|My assignments/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "evaluation-assignments");

    const row = page.locator("table tbody tr", { hasText: PENDING }).first();
    const projectName = (await row.getByRole("link").textContent()) ?? "";
    await row.getByRole("link").click();
    await page.getByRole("heading", { level: 1, name: projectName }).waitFor();
    // Before the declaration: no figures, no score field.
    expect(await page.locator('input[id^="score-"]').count()).toBe(0);
    expect(await page.locator("#figures-heading").count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "evaluation-declaration");

    await page.getByLabel(/No, I have no conflict of interest|不存在利益冲突/).check();
    await page.getByRole("button", { name: /^(Declare|提交声明)$/ }).click();
    await page.locator("#rubric-heading").waitFor();
    expect(await page.locator("#figures-heading").count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    const scores = page.locator('input[id^="score-"]');
    const first = await scores.first().getAttribute("id");
    await scores.first().fill("86");
    await page
      .locator(`#${first!.replace("score-", "justification-")}`)
      .fill("制度齐全，执行记录完整。");
    await page
      .getByRole("status")
      .filter({ hasText: /Saved at \d\d:\d\d|已于 \d\d:\d\d 保存/ })
      .waitFor({ timeout: 10_000 });

    await page.reload();
    await page.locator("#rubric-heading").waitFor();
    expect(await page.locator(`#${first}`).inputValue()).toBe("86");
    expect(await page.locator(`#${first!.replace("score-", "justification-")}`).inputValue()).toBe(
      "制度齐全，执行记录完整。",
    );

    await page.getByRole("button", { name: /^(Submit scores|提交评分)$/ }).click();
    const summary = page.locator(".error-summary");
    await summary.waitFor();
    // GOV.UK: the summary takes the focus, and each message leads to its field.
    await page.waitForFunction(() => document.activeElement?.classList.contains("error-summary"));
    const second = await scores.nth(1).getAttribute("id");
    await summary.locator(`a[href="#${second}"]`).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(second);
    expect(await page.locator(`#${first}`).inputValue()).toBe("86");
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "evaluation-rubric-errors");
    await context.close();
  });
});
