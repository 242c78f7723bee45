/**
 * Issue #22's loop in Chromium, through the pages only: the demo steward imports a bad
 * review (a rating of 1) of one of its department's service items, which opens a case; the
 * steward answers it, the leader returns it with a comment, the steward answers again, the
 * leader accepts. The leader's overview tile, the department page's panel and the case
 * list's figures move by exactly that case (opened +1, closed +1, the on-time rate
 * recomputed from the counts read before); a steward of another department, created by the
 * admin, gets 404 on the case. axe checks every page state for WCAG 2.1 AA; each step is
 * kept as a screenshot.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../../seeds/demo/framework";
import { axeViolations, screenshot, sharedBrowser } from "./browser";

/** The demo steward's department and its first service item (企业设立登记). */
const DEPARTMENT = "MJ-SJJ";
const SERVICE_ITEM = "SJJ-001";
/** A department the demo steward does not look after. */
const OTHER_DEPARTMENT = "MJ-YBJ";
const OTHER_STEWARD = "e2e-steward-ybj";
const OTHER_PASSWORD = "e2e-other-steward-password";
const TIME_ZONE = "Asia/Shanghai";

const FIRST_ANSWER = {
  found: "经核查，窗口高峰期排队超过 40 分钟，评价属实。",
  done: "已增开一个综合受理窗口。",
  evidence: "https://example.gov.cn/zhenggai/e2e-1",
};
const RETURN_COMMENT = "请补充回访评价人的情况，并附上新窗口的排班表。";
const SECOND_ANSWER = {
  found: "经核查，窗口高峰期排队超过 40 分钟，评价属实；已电话回访评价人。",
  done: "已增开一个综合受理窗口，并公布午间排班表。",
  evidence: "https://example.gov.cn/zhenggai/e2e-2",
};

/** Now in the deployment's time zone as "YYYY-MM-DD HH:mm" (the import's date-time format). */
function localNow(): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: TIME_ZONE,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(new Date())
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** A ratings file of one bad review (score 1) of the steward's service item, rated now. */
function badReviewFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mingjing-e2e-rating-"));
  const file = path.join(dir, "e2e-bad-review.csv");
  fs.writeFileSync(
    file,
    [
      "external_id,target,target_code,score,channel,rated_at",
      `E2E-BAD-1,service,${SERVICE_ITEM},1,窗口评价器,${localNow()}`,
    ].join("\n"),
  );
  return file;
}

async function signIn(
  context: BrowserContext,
  baseUrl: string,
  username: string,
  password = DEMO_PASSWORD,
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Username", { exact: true }).fill(username);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
  return page;
}

/** axe finds nothing, and the page is kept as a screenshot. */
async function check(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page), name).toEqual([]);
  await screenshot(page, `rectification-${name}`);
}

/** A definition list's dd by its dt's exact text, inside `scope`. */
function definition(scope: Locator, term: string): Locator {
  return scope
    .locator("dt", { hasText: new RegExp(`^${term.replace(/[()/]/g, "\\$&")}$`) })
    .locator("xpath=following-sibling::dd[1]");
}

/** A whole number as shown ("1,234"). */
function count(text: string | null): number {
  const match = /-?\d[\d,]*/.exec(text ?? "");
  if (!match) throw new Error(`no number in "${text}"`);
  return Number(match[0].replace(/,/g, ""));
}

/** A percentage as shown ("83.3%") as a fraction, or null for no data. */
function percent(text: string | null): number | null {
  const match = /(-?\d+(?:\.\d+)?)\s*%/.exec(text ?? "");
  return match ? Number(match[1]) / 100 : null;
}

interface PanelFigures {
  opened: number;
  closed: number;
  onTimeRate: number | null;
}

/** The department page's rectification panel (this year to today, the page's default period). */
async function departmentPanel(page: Page, baseUrl: string): Promise<PanelFigures> {
  await page.goto(`${baseUrl}/dashboard/departments/${DEPARTMENT}`);
  const panel = page.locator("section", {
    has: page.getByRole("heading", { level: 2, name: "Rectification", exact: true }),
  });
  await panel.waitFor();
  return {
    opened: count(await definition(panel, "Opened in the period").textContent()),
    closed: count(await definition(panel, "Closed in the period").textContent()),
    onTimeRate: percent(await definition(panel, "On-time rectification").textContent()),
  };
}

/** The case list's figures of the year, over every department (a leader's view). */
async function listFigures(page: Page, baseUrl: string): Promise<PanelFigures> {
  await page.goto(`${baseUrl}/supervision/cases`);
  const figures = page.locator("section", { has: page.locator("#figures-heading") });
  await figures.waitFor();
  return {
    opened: count(await definition(figures, "Cases opened").textContent()),
    closed: count(await definition(figures, "Cases closed").textContent()),
    onTimeRate: percent(
      await definition(figures, "On-time rate (closed by the deadline / closed)").textContent(),
    ),
  };
}

/** The overview tile's on-time rate, unrounded (its <data value>), or null for no data. */
async function overviewRate(page: Page, baseUrl: string): Promise<number | null> {
  await page.goto(`${baseUrl}/dashboard`);
  const tile = page.locator(".kpi-tile", {
    has: page.getByRole("heading", { name: "On-time rectification", exact: true }),
  });
  const value = await tile.locator(".kpi-value data").getAttribute("value");
  return value ? Number(value) : null;
}

/**
 * Cases closed on time among `closed`, from a rate shown to `step` (0.001 for "83.3%"):
 * the one whole number the rounded rate allows.
 */
function closedOnTime(rate: number | null, closed: number, step: number): number {
  if (closed === 0) return 0;
  const onTime = Math.round((rate ?? 0) * closed);
  expect(Math.abs((rate ?? 0) * closed - onTime)).toBeLessThanOrEqual((step / 2) * closed + 1e-9);
  return onTime;
}

/** The ids of the steward's open bad-review cases of the department, as the list links them. */
async function openCaseIds(page: Page, baseUrl: string): Promise<Set<string>> {
  await page.goto(`${baseUrl}/supervision/cases?state=open&source=rating&department=${DEPARTMENT}`);
  await page.getByRole("heading", { level: 1, name: "Supervision cases" }).waitFor();
  const hrefs = await page
    .locator("#cases-table tbody th a")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  return new Set(hrefs.map((href) => href.split("/").pop()!));
}

async function answer(page: Page, text: typeof FIRST_ANSWER): Promise<void> {
  await page.getByLabel("What was found", { exact: true }).fill(text.found);
  await page.getByLabel("What was done", { exact: true }).fill(text.done);
  await page.getByLabel(/^Evidence link \(optional\)/).fill(text.evidence);
  await page.getByRole("button", { name: "Send the answer", exact: true }).click();
  await page.waitForURL(/\?done=answered$/);
  await page.getByRole("status").filter({ hasText: "Answer sent" }).waitFor();
}

/** The case's state as its facts list says it. */
async function stateOf(page: Page): Promise<string> {
  const facts = page.locator("section", { has: page.locator("#facts-heading") });
  return ((await definition(facts, "State").textContent()) ?? "").trim();
}

describe("a bad review's rectification loop in Chromium", () => {
  const browser = sharedBrowser();
  const baseUrl = inject("baseUrl");

  it("opens a case, answers, returns, answers again, accepts; the figures follow", async () => {
    const leaderContext = await browser().newContext({ bypassCSP: true, locale: "en-GB" });
    const leader = await signIn(leaderContext, baseUrl, "leader");
    const stewardContext = await browser().newContext({ bypassCSP: true, locale: "en-GB" });
    const steward = await signIn(stewardContext, baseUrl, "steward");

    // 0. The figures before, and the steward's open bad-review cases.
    const panelBefore = await departmentPanel(leader, baseUrl);
    await check(leader, "department-before");
    const listBefore = await listFigures(leader, baseUrl);
    const rateBefore = await overviewRate(leader, baseUrl);
    await check(leader, "overview-before");
    const casesBefore = await openCaseIds(steward, baseUrl);

    // 1. The steward imports one bad review of its own service item: a case opens.
    await steward.goto(`${baseUrl}/imports/new`);
    await steward.getByRole("heading", { level: 1, name: /Upload a file/ }).waitFor();
    await steward.getByLabel("Kind of data", { exact: true }).selectOption("ratings");
    await steward.getByLabel("File", { exact: true }).setInputFiles(badReviewFile());
    await steward.getByRole("button", { name: /Upload and preview/ }).click();
    await steward.waitForURL(/\/imports\/uploads\//);
    await steward.getByText("The file is valid", { exact: true }).waitFor();
    await check(steward, "import-preview");
    await steward.getByRole("button", { name: /Commit the import/ }).click();
    await steward.waitForURL(/\/imports\/\d+$/);
    expect(await steward.locator(".facts").textContent()).toContain("1 accepted");
    await check(steward, "import-committed");

    const casesAfter = await openCaseIds(steward, baseUrl);
    const opened = [...casesAfter].filter((id) => !casesBefore.has(id));
    expect(opened).toHaveLength(1);
    const caseId = opened[0]!;
    const caseUrl = `${baseUrl}/supervision/cases/${caseId}`;
    const row = steward.locator("#cases-table tbody tr", {
      has: steward.getByRole("link", { name: `Case ${caseId}`, exact: true }),
    });
    expect(await row.textContent()).toContain("Bad review (score 1)");
    await check(steward, "list-new-case");

    // 2. The steward opens it from the list and answers.
    await row.getByRole("link", { name: `Case ${caseId}`, exact: true }).click();
    await steward.waitForURL(caseUrl);
    await steward.getByRole("heading", { level: 2, name: "Answer this case" }).waitFor();
    expect(await stateOf(steward)).toBe("Open");
    await check(steward, "case-open");
    await answer(steward, FIRST_ANSWER);
    expect(await stateOf(steward)).toBe("Answered, awaiting decision");
    expect(await steward.locator(".case-steps").textContent()).toContain(FIRST_ANSWER.done);
    await check(steward, "case-answered");

    // 3. The leader opens it and returns it with a comment.
    await leader.goto(caseUrl);
    await leader.getByRole("heading", { level: 2, name: "Accept or return" }).waitFor();
    await check(leader, "case-to-decide");
    await leader.getByLabel(/^Comment/).fill(RETURN_COMMENT);
    await leader.getByRole("button", { name: "Return to the department", exact: true }).click();
    await leader.waitForURL(`${caseUrl}?done=returned`);
    expect(await stateOf(leader)).toBe("Returned, to answer again");
    expect(await leader.locator(".case-steps").textContent()).toContain(RETURN_COMMENT);
    await check(leader, "case-returned");

    // 4. The steward sees the comment and answers again.
    await steward.goto(caseUrl);
    expect(await steward.locator(".case-steps").textContent()).toContain(RETURN_COMMENT);
    await steward.getByRole("heading", { level: 2, name: "Answer this case" }).waitFor();
    await check(steward, "case-returned-steward");
    await answer(steward, SECOND_ANSWER);
    await check(steward, "case-answered-again");

    // 5. The leader accepts: the case closes today, within its deadline.
    await leader.goto(caseUrl);
    await leader.getByRole("button", { name: "Accept and close", exact: true }).click();
    await leader.waitForURL(`${caseUrl}?done=accepted`);
    expect(await stateOf(leader)).toBe("Closed (accepted)");
    const steps = leader.locator(".case-steps > li h3");
    expect(await steps.allTextContents()).toEqual([
      "Department's answer",
      "Returned",
      "Department's answer",
      "Accepted",
    ]);
    expect(await leader.locator(".case-steps").textContent()).toContain(SECOND_ANSWER.evidence);
    const facts = leader.locator("section", { has: leader.locator("#facts-heading") });
    expect((await definition(facts, "Overdue").textContent())?.trim()).toBe("Not overdue");
    await check(leader, "case-closed");

    // 6. The figures: one case more opened and closed, closed on time.
    const panelAfter = await departmentPanel(leader, baseUrl);
    expect(panelAfter.opened).toBe(panelBefore.opened + 1);
    expect(panelAfter.closed).toBe(panelBefore.closed + 1);
    const deptOnTime = closedOnTime(panelBefore.onTimeRate, panelBefore.closed, 0.001);
    // Shown to 0.1 %: within half of that of the recomputed rate.
    expect(
      Math.abs(panelAfter.onTimeRate! - (deptOnTime + 1) / (panelBefore.closed + 1)),
    ).toBeLessThanOrEqual(0.0005 + 1e-9);
    await check(leader, "department-after");

    const listAfter = await listFigures(leader, baseUrl);
    expect(listAfter.opened).toBe(listBefore.opened + 1);
    expect(listAfter.closed).toBe(listBefore.closed + 1);
    await check(leader, "list-after");

    // The tile's rate is this year's to today; the case list's counts are the year's, the
    // same cases while no case closes after today.
    const rateAfter = await overviewRate(leader, baseUrl);
    const allOnTime = closedOnTime(rateBefore, listBefore.closed, 1e-12);
    expect(rateAfter).not.toBeNull();
    expect(rateAfter!).toBeCloseTo((allOnTime + 1) / (listBefore.closed + 1), 12);
    await check(leader, "overview-after");

    // 7. A steward of another department, created by the admin, gets 404 on the case.
    const adminContext = await browser().newContext({ bypassCSP: true, locale: "en-GB" });
    const admin = await signIn(adminContext, baseUrl, "admin");
    await admin.goto(`${baseUrl}/admin/users/new`);
    await admin.getByLabel("Username", { exact: true }).fill(OTHER_STEWARD);
    await admin.getByLabel("Display name", { exact: true }).fill("医保局数据专员 E2E");
    await admin.getByLabel("Role", { exact: true }).selectOption("steward");
    await admin.getByLabel(new RegExp(`\\(${OTHER_DEPARTMENT}\\)$`)).check();
    await admin.locator("#password").fill(OTHER_PASSWORD);
    await admin.locator("#confirmPassword").fill(OTHER_PASSWORD);
    await check(admin, "admin-new-steward");
    await admin.getByRole("button", { name: "Create user", exact: true }).click();
    await admin.waitForURL((url) => url.pathname !== "/admin/users/new");
    await adminContext.close();

    const otherContext = await browser().newContext({ bypassCSP: true, locale: "en-GB" });
    const other = await signIn(otherContext, baseUrl, OTHER_STEWARD, OTHER_PASSWORD);
    const refused = await other.goto(caseUrl);
    expect(refused?.status()).toBe(404);
    await check(other, "other-steward-404");
    // Nor does the list show it.
    await other.goto(`${baseUrl}/supervision/cases`);
    expect(await other.getByRole("link", { name: `Case ${caseId}`, exact: true }).count()).toBe(0);
    await otherContext.close();

    await stewardContext.close();
    await leaderContext.close();
  }, 240_000);
});
