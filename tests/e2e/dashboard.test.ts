import { readFile } from "node:fs/promises";
import { describe, expect, inject, it } from "vitest";
import { RED_FLAG_RULES } from "../../metrics/red-flags";
import { DEMO_PASSWORD } from "../../seeds/demo/framework";
import { axeViolations, screenshot, sharedBrowser } from "./browser";

describe("the leadership dashboard in Chromium", () => {
  const browser = sharedBrowser();
  const baseUrl = inject("baseUrl");

  it("a leader opens the overview, filters it, drills down to a department and a project", async () => {
    const context = await browser().newContext({ bypassCSP: true, locale: "en-GB" });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(String(error)));
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel(/^(用户名|Username)$/).fill("leader");
    await page.getByLabel(/^(密码|Password)$/).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: /^(登录|Sign in)$/ }).click();
    await page.waitForURL(`${baseUrl}/dashboard`);
    await page.getByRole("heading", { level: 1, name: "Supervision overview" }).waitFor();
    // Nine KPI tiles (the eighth issue's and on-time rectification), each naming its band in words.
    expect(await page.locator(".kpi-tile").count()).toBe(9);
    await page.locator(".kpi-tile", { hasText: "On-time rectification" }).waitFor();
    expect(await page.locator(".kpi-tile .kpi-band").first().textContent()).toMatch(
      /On target|Watch|Off target|No data/,
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "dashboard-overview");

    // A filter is part of the URL: the view is a permalink.
    await page.locator("input[name=from]").fill("2026-04-01");
    await page.locator("input[name=to]").fill("2026-06-30");
    await page.locator("select[name=stage]").selectOption("construction");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/from=2026-04-01&to=2026-06-30.*stage=construction/);
    await page.getByText("from 1 Apr 2026 to 30 Jun 2026").waitFor();
    const stages = await page.locator("#projects-table tbody tr").allTextContents();
    expect(stages.length).toBeGreaterThan(0);
    for (const row of stages) expect(row).toContain("Construction");

    // Drill down: a department from the heatmap, then one of its projects.
    await page.locator("a[href^='/dashboard/departments/']").first().click();
    await page.waitForURL(/\/dashboard\/departments\/[^?]+\?from=2026-04-01&to=2026-06-30/);
    await page.getByRole("heading", { level: 2, name: "Appeals" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "dashboard-department");
    // The reply-time distribution's table names what its rows are: reply times, not counts.
    const replyTimes = page.locator("table", { hasText: "Replies" }).first();
    expect(await replyTimes.locator("thead th").allTextContents()).toEqual([
      "Reply time",
      "Replies",
    ]);
    expect(await replyTimes.locator("tbody th, tbody td").first().textContent()).toMatch(
      /working days$/,
    );

    // Every figure leads to its rows: the department's appeals, a page at a time.
    await page.getByRole("link", { name: "The appeals behind these figures" }).click();
    await page.waitForURL(/\/appeals\?from=2026-04-01/);
    await page.getByRole("heading", { level: 1, name: /Appeals$/ }).waitFor();
    expect(await page.locator("tbody tr").count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${baseUrl}/dashboard/rankings`);
    await page.getByRole("heading", { level: 1, name: "Department rankings" }).waitFor();
    expect(await page.locator("tbody tr").count()).toBe(18);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "dashboard-rankings");
    // Every table downloads as CSV once the page has loaded.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download CSV" }).click(),
    ]);
    const csv = await readFile((await download.path())!, "utf8");
    expect(csv.startsWith("\uFEFFRank,Department,Score")).toBe(true);
    expect(csv.trim().split("\r\n")).toHaveLength(19);

    await page.goto(`${baseUrl}/dashboard/red-flags`);
    await page.getByRole("heading", { level: 1, name: "Red flag rules" }).waitFor();
    // Every rule of metrics/red-flags.ts is listed.
    expect(await page.locator("tr[id^='rule-']").count()).toBe(RED_FLAG_RULES.length);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${baseUrl}/dashboard/data-quality`);
    await page.getByRole("heading", { level: 1, name: "Data quality" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "dashboard-data-quality");

    await page.goto(`${baseUrl}/dashboard`);
    await page.locator("#projects-table a[href^='/dashboard/projects/']").first().click();
    await page.waitForURL(/\/dashboard\/projects\//);
    await page.getByRole("heading", { level: 2, name: "Spend curves PV, EV, AC" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "dashboard-project");
    expect(errors).toEqual([]);
    await context.close();
  });
});
