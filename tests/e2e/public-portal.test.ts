/**
 * Issue #21's public portal in Chromium, anonymously, through the pages: the home page's
 * headline figures, a department's and a project's scorecard, three projects compared
 * (picked on /compare as a user would), the rankings of projects and departments, a CSV
 * download of each kind, the language switch, and a citizen's rating of a service that the
 * leader then finds pending moderation. Every page state passes axe (WCAG 2.1 AA) and is kept
 * as a screenshot at desktop width and at a 375 px phone viewport (with no sideways scroll of
 * the page), and the scorecard, comparison and rankings in print media too, where navigation,
 * forms and buttons are gone, charts may not be split across pages and fit an A4 page.
 */
import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../../seeds/demo/framework";
import { ARTIFACTS, axeViolations, screenshot, sharedBrowser } from "./browser";

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 812 };
/** A4 less the print stylesheet's margins (15 mm × 12 mm), in CSS pixels (96 per inch). */
const A4_CONTENT = {
  width: Math.floor(((210 - 24) / 25.4) * 96),
  height: Math.floor(((297 - 30) / 25.4) * 96),
};

interface Publication {
  subject: "project" | "department";
  code: string;
  version: number;
}

/** The latest version of every published scorecard, from the public change feed. */
async function publications(baseUrl: string): Promise<Publication[]> {
  const response = await fetch(`${baseUrl}/api/v1/publications?since=2000-01-01`);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { publications: Publication[] };
  const latest = new Map<string, Publication>();
  for (const entry of body.publications) {
    const key = `${entry.subject}:${entry.code}`;
    if ((latest.get(key)?.version ?? 0) < entry.version) latest.set(key, entry);
  }
  return [...latest.values()];
}

const codesOf = (all: Publication[], subject: Publication["subject"]) =>
  all.filter((entry) => entry.subject === subject).map((entry) => entry.code);

function anonymous(browser: Browser, viewport = DESKTOP): Promise<BrowserContext> {
  return browser.newContext({ bypassCSP: true, locale: "en-GB", viewport });
}

/** The page does not scroll sideways (tables scroll inside their own frame). */
async function expectNoSidewaysScroll(page: Page, name: string): Promise<void> {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll, `${name}: page wider than the viewport`).toBeLessThanOrEqual(widths.client);
}

/**
 * axe finds nothing on the page as it is, kept as a screenshot; then the same address at a
 * phone's width in its own context (axe again, no sideways scroll), and, with `print`, the
 * page in print media.
 */
async function check(
  page: Page,
  name: string,
  options: { print?: boolean; phone?: boolean } = {},
): Promise<void> {
  expect(await axeViolations(page), name).toEqual([]);
  await expectNoSidewaysScroll(page, name);
  await screenshot(page, `portal-${name}`);
  if (options.print) {
    await page.emulateMedia({ media: "print" });
    await screenshot(page, `portal-${name}-print`);
    await page.emulateMedia({ media: "screen" });
  }
  if (options.phone === false) return;
  const context = page.context();
  const browser = context.browser()!;
  const cookies = await context.cookies();
  const phoneContext = await anonymous(browser, PHONE);
  await phoneContext.addCookies(cookies);
  const phone = await phoneContext.newPage();
  const response = await phone.goto(page.url());
  expect(response?.status(), `${name} at 375 px`).toBe(200);
  expect(await axeViolations(phone), `${name} at 375 px`).toEqual([]);
  await expectNoSidewaysScroll(phone, `${name} at 375 px`);
  await screenshot(phone, `portal-${name}-375`);
  await phoneContext.close();
}

/**
 * In print media: no header, navigation, form or button shows; every chart and panel asks
 * not to be split across pages, and every chart fits an A4 page's content box (so the
 * request can be honoured). The page is printed to an A4 PDF, kept beside the screenshots.
 */
async function checkPrint(page: Page, name: string): Promise<number> {
  const viewport = page.viewportSize()!;
  await page.setViewportSize({ width: A4_CONTENT.width, height: A4_CONTENT.height });
  await page.emulateMedia({ media: "print" });
  const found = await page.evaluate(() => {
    const shown = (element: Element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== "hidden";
    };
    const hiddenExpected = [
      ...document.querySelectorAll("header, nav, form, button, .skip-link, .table-downloads"),
    ].filter(shown);
    const charts = [...document.querySelectorAll("figure.chart")];
    return {
      visible: hiddenExpected.map((element) => `${element.tagName}.${element.className}`),
      charts: charts.map((figure) => {
        const body = figure.querySelector(".chart-body") ?? figure;
        return {
          title: figure.querySelector(".chart-title")?.textContent ?? "",
          figureBreak: getComputedStyle(figure).breakInside,
          bodyBreak: getComputedStyle(body).breakInside,
          height:
            body.getBoundingClientRect().height +
            (figure.querySelector("figcaption")?.getBoundingClientRect().height ?? 0),
          width: body.getBoundingClientRect().width,
        };
      }),
      panels: [...document.querySelectorAll(".scorecard-panel")].map(
        (panel) => getComputedStyle(panel).breakInside,
      ),
    };
  });
  expect(found.visible, `${name}: shown in print`).toEqual([]);
  for (const chart of found.charts) {
    expect([chart.figureBreak, chart.bodyBreak], `${name}: ${chart.title}`).toContain("avoid");
    expect(chart.height, `${name}: ${chart.title} taller than an A4 page`).toBeLessThanOrEqual(
      A4_CONTENT.height,
    );
    expect(chart.width, `${name}: ${chart.title} wider than an A4 page`).toBeLessThanOrEqual(
      A4_CONTENT.width,
    );
  }
  expect(found.panels.every((value) => value === "avoid" || value === "auto")).toBe(true);
  await expectNoSidewaysScroll(page, `${name} (print, A4 width)`);
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.writeFileSync(path.join(ARTIFACTS, `portal-${name}.pdf`), pdf);
  // Each page object of the PDF ("/Type /Page", not "/Pages").
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize(viewport);
  return pages;
}

/** A definition list's dd by its dt's text, inside `scope`. */
function definition(scope: Locator, term: string): Locator {
  return scope.locator("dt", { hasText: term }).locator("xpath=following-sibling::dd[1]");
}

/** The KPI table of a scorecard: kpi key → the value shown. */
async function kpiValues(page: Page): Promise<Map<string, string>> {
  const panel = page.locator("section", {
    has: page.getByRole("heading", { level: 2, name: "Key figures against targets" }),
  });
  const rows = await panel
    .locator("tbody tr[data-kpi]")
    .evaluateAll((trs) =>
      trs.map((tr) => [tr.getAttribute("data-kpi")!, tr.querySelector("td")!.textContent!.trim()]),
    );
  return new Map(rows as Array<[string, string]>);
}

/** Downloads what clicking `link` saves, and returns its text (without a BOM). */
async function download(page: Page, link: Locator): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const saved = path.join(ARTIFACTS, `portal-${file.suggestedFilename()}`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await file.saveAs(saved);
  return {
    name: file.suggestedFilename(),
    text: fs.readFileSync(saved, "utf8").replace(/^\uFEFF/, ""),
  };
}

function parseCsv(text: string): Array<Record<string, string>> {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

/** A KPI's share as the scorecard shows it in English ("97.9%"). */
const percentText = (value: string) => `${(Number(value) * 100).toFixed(1)}%`;

describe("the public portal in Chromium, without signing in", () => {
  const browser = sharedBrowser();
  const baseUrl = inject("baseUrl");

  it("home: the headline figures count the published scorecards, and its links lead on", async () => {
    const published = await publications(baseUrl);
    const departments = codesOf(published, "department");
    const projects = codesOf(published, "project");
    expect(departments.length).toBeGreaterThan(0);
    expect(projects.length).toBeGreaterThanOrEqual(10);

    const context = await anonymous(browser());
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await page.getByRole("heading", { level: 2, name: "From the published scorecards" }).waitFor();
    const figure = (name: string) => page.locator(`[data-headline="${name}"]`).textContent();
    expect(Number(await figure("departments"))).toBe(departments.length);
    expect(Number(await figure("projects"))).toBe(projects.length);
    // Each index's row counts every published project once, in one band or as no data.
    for (const index of ["Cost performance (CPI)", "Schedule performance (SPI)"]) {
      const cells = await page
        .locator("tr", { has: page.getByRole("rowheader", { name: index }) })
        .locator("td")
        .allTextContents();
      expect(cells).toHaveLength(4);
      expect(cells.reduce((sum, cell) => sum + Number(cell), 0)).toBe(projects.length);
    }
    const explore = page.getByRole("navigation", { name: "Explore" });
    for (const [label, href] of [
      ["Rankings with rank bands", "/rankings"],
      ["Compare side by side", "/compare"],
      ["Methodology", "/methodology"],
      ["Wall screen for service halls", "/wall"],
    ]) {
      expect(await explore.getByRole("link", { name: label }).getAttribute("href")).toBe(href);
    }
    await check(page, "home");

    // A latest publication's link opens that scorecard.
    const latest = page.locator(".headline-latest li").first().getByRole("link");
    const name = (await latest.textContent())!.trim();
    await latest.click();
    await page.getByRole("heading", { level: 1, name: new RegExp(`: ${name}$`) }).waitFor();
    await context.close();
  });

  it("a department's scorecard: KPI table, CSV download of it, print on A4", async () => {
    const context = await anonymous(browser());
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const code = codesOf(await publications(baseUrl), "department").sort()[0]!;
    expect((await page.goto(`${baseUrl}/scorecards/departments/${code}`))?.status()).toBe(200);
    await page.getByRole("heading", { level: 1, name: /^Department scorecard: / }).waitFor();
    const shown = await kpiValues(page);
    expect(shown.size).toBeGreaterThan(0);

    // The KPI table's own CSV: every row is a row of the table, with the value shown.
    const { name, text } = await download(
      page,
      page.getByRole("link", { name: "Key figures CSV" }),
    );
    expect(name).toMatch(/\.csv$/);
    const rows = parseCsv(text);
    expect(rows.map((row) => row.kpi)).toEqual([...shown.keys()]);
    const first = rows[0]!;
    expect(first.suppressed).toBe("false");
    expect(shown.get(first.kpi!)).toBe(percentText(first.value!));

    await check(page, "department-scorecard", { print: true });
    const pages = await checkPrint(page, "department-scorecard");
    expect(pages).toBeGreaterThanOrEqual(2);
    await context.close();
  });

  it("compares three projects picked on /compare, with the values of their scorecards", async () => {
    const context = await anonymous(browser());
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const chosen = codesOf(await publications(baseUrl), "project")
      .sort()
      .slice(0, 3);

    await page.goto(`${baseUrl}/compare`);
    await page.getByRole("heading", { level: 1, name: "Compare scorecards" }).waitFor();
    await check(page, "compare-picker");
    const picker = page.locator('form[data-subject="project"]');
    for (const code of chosen)
      await picker.getByLabel(new RegExp(`\\(${code}, version \\d+\\)$`)).check();
    await picker.getByRole("button", { name: "Compare the chosen projects" }).click();
    await page.waitForURL((url) => url.searchParams.getAll("ids").length === 3);
    const table = page.locator("table.compare-table");
    await table.waitFor();
    const columns = await table
      .locator("thead th[data-code]")
      .evaluateAll((ths) => ths.map((th) => th.getAttribute("data-code")));
    expect(columns).toEqual(chosen);
    // The grouped chart has one series per project.
    expect(await page.locator("figure.chart").count()).toBe(1);
    await check(page, "compare-three", { print: true });
    await checkPrint(page, "compare-three");

    // Each column holds what that project's own scorecard shows.
    const scorecard = await context.newPage();
    for (const code of chosen) {
      await scorecard.goto(`${baseUrl}/scorecards/projects/${code}`);
      const shown = await kpiValues(scorecard);
      expect(shown.size).toBeGreaterThan(0);
      for (const [kpi, value] of shown) {
        const cell = table.locator(`tr[data-row="kpi.${kpi}"] td[data-code="${code}"]`);
        expect(
          ((await cell.locator("strong, .withheld").textContent()) ?? "").trim(),
          `${code} ${kpi}`,
        ).toBe(value);
      }
      const ratings = scorecard.locator("section", {
        has: scorecard.getByRole("heading", { level: 2, name: "Citizen ratings" }),
      });
      const rated = (await ratings.locator('dd[data-figure="rated"]').textContent())!.trim();
      expect(
        (await table
          .locator(`tr[data-row="ratings.rated"] td[data-code="${code}"]`)
          .textContent())!.trim(),
      ).toBe(rated);
      const stage = (await definition(
        scorecard.locator("section", { has: scorecard.locator("#facts-heading") }),
        "Stage",
      ).textContent())!.trim();
      expect(
        (await table
          .locator(`tr[data-row="facts.stage"] td[data-code="${code}"]`)
          .textContent())!.trim(),
      ).toBe(stage);
    }
    await scorecard.close();
    await context.close();
  });

  it("a project's scorecard prints on A4 without the rating form", async () => {
    const context = await anonymous(browser());
    const page = await context.newPage();
    const code = codesOf(await publications(baseUrl), "project").sort()[0]!;
    await page.goto(`${baseUrl}/scorecards/projects/${code}`);
    await page.getByRole("heading", { level: 2, name: "Rate this project" }).waitFor();
    expect(await page.locator("figure.chart").count()).toBeGreaterThanOrEqual(3);
    await check(page, "project-scorecard", { print: true });
    expect(await checkPrint(page, "project-scorecard")).toBeGreaterThanOrEqual(2);
    await context.close();
  });

  for (const subject of ["projects", "departments"] as const) {
    it(`ranks the published ${subject}, each with its band, and the CSV matches the table`, async () => {
      const context = await anonymous(browser());
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      const published = codesOf(
        await publications(baseUrl),
        subject === "projects" ? "project" : "department",
      );
      await page.goto(
        `${baseUrl}/rankings${subject === "departments" ? "?subject=departments" : ""}`,
      );
      await page.getByRole("heading", { level: 1, name: "Rankings" }).waitFor();
      const heading = subject === "projects" ? "Project ranking" : "Department ranking";
      await page.getByRole("heading", { level: 2, name: heading }).waitFor();
      expect(
        await page
          .getByRole("navigation", { name: "Rank" })
          .locator('[aria-current="page"]')
          .textContent(),
      ).toBe(subject === "projects" ? "Projects" : "Departments");

      const ranked = await page.locator(`#ranking-${subject} tbody tr`).evaluateAll((trs) =>
        trs.map((tr) => {
          const cells = [...tr.children].map(
            (cell) => cell.childNodes[0]?.textContent?.trim() ?? "",
          );
          return {
            code: tr.getAttribute("data-code")!,
            rank: Number(cells[0]),
            median: Number(cells[3]),
            band: cells[4]!,
            sentence: tr.querySelector(".ranking-sentence")?.textContent ?? "",
          };
        }),
      );
      const unranked = await page
        .locator(`#unranked-${subject} tbody tr`)
        .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-code")!));
      expect(ranked.length).toBeGreaterThanOrEqual(2);
      // Every published scorecard is on the page once: ranked, or listed with its reason.
      expect([...ranked.map((row) => row.code), ...unranked].sort()).toEqual([...published].sort());
      ranked.forEach((row, index) => {
        expect(row.rank).toBe(index + 1);
        const match = /^(\d+)(?:–(\d+))?$/.exec(row.band);
        expect(match, `${row.code} band "${row.band}"`).not.toBeNull();
        const low = Number(match![1]);
        const high = Number(match![2] ?? match![1]);
        expect(low).toBeLessThanOrEqual(row.median);
        expect(row.median).toBeLessThanOrEqual(high);
        expect(high).toBeLessThanOrEqual(ranked.length);
        expect(row.sentence).toMatch(
          low === high
            ? new RegExp(` ranked ${low}\\.$`)
            : new RegExp(` between ${low} and ${high} `),
        );
      });
      // The chart draws a band per ranked row.
      const chart = page.locator("figure.chart");
      expect(await chart.locator("tbody tr").count()).toBe(ranked.length);
      await check(page, `rankings-${subject}`, { print: true });
      await checkPrint(page, `rankings-${subject}`);

      const { text } = await download(
        page,
        page.getByRole("link", { name: `${heading} · CSV`, exact: true }),
      );
      const rows = parseCsv(text);
      expect(rows).toHaveLength(ranked.length + unranked.length);
      const first = rows[0]!;
      expect(first.code).toBe(ranked[0]!.code);
      expect(Number(first.rank)).toBe(1);
      expect(Number(first.median_rank)).toBe(ranked[0]!.median);
      expect(`${first.rank_p5}–${first.rank_p95}`.replace(/^(\d+)–\1$/, "$1")).toBe(
        ranked[0]!.band,
      );
      await context.close();
    });
  }

  it("switches a scorecard to Chinese and back with the header's language switch", async () => {
    const context = await anonymous(browser());
    const page = await context.newPage();
    const code = codesOf(await publications(baseUrl), "department").sort()[0]!;
    await page.goto(`${baseUrl}/scorecards/departments/${code}`);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    const title = page.getByRole("heading", { level: 1 });
    const name = ((await title.textContent()) ?? "").replace(/^Department scorecard: /, "");
    await page.getByRole("heading", { level: 2, name: "Key figures against targets" }).waitFor();

    await page.locator("header").getByRole("button", { name: "中文" }).click();
    await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
    expect(new URL(page.url()).pathname).toBe(`/scorecards/departments/${code}`);
    expect(await title.textContent()).toBe(`部门评分卡：${name}`);
    await page.getByRole("heading", { level: 2, name: "关键指标与目标" }).waitFor();
    expect(await page.locator("header").getByRole("link", { name: "登录" }).count()).toBe(1);
    await check(page, "department-scorecard-zh", { print: true });

    await page.locator("header").getByRole("button", { name: "English" }).click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
    expect(await title.textContent()).toBe(`Department scorecard: ${name}`);
    await context.close();
  });

  it("rates a service on a department's scorecard; the leader finds the comment to moderate", async () => {
    const context = await anonymous(browser());
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const code = codesOf(await publications(baseUrl), "department").sort()[0]!;
    await page.goto(`${baseUrl}/scorecards/departments/${code}`);
    const form = page.locator("section#rate");
    await form.getByRole("heading", { level: 2, name: "Rate a service" }).waitFor();

    // Sending nothing: the errors are said in a summary and beside the fields.
    await form.getByRole("button", { name: "Send rating" }).click();
    await form.getByText("Choose the service you rate").first().waitFor();
    await check(page, "rating-errors", { phone: false });

    const service = form.getByLabel("Service", { exact: true });
    const option = service.locator("option:not([value=''])").first();
    const itemCode = (await option.getAttribute("value"))!;
    await service.selectOption(itemCode);
    await form.getByLabel("2: dissatisfied").check();
    const comment = `端到端测试：${itemCode} 窗口排队较久 ${Date.now()}`;
    await form.getByLabel("Comment (optional)").fill(comment);
    await form.getByRole("button", { name: "Send rating" }).click();
    await page.waitForURL((url) => url.searchParams.get("rated") === "1");
    await form.getByRole("status").getByText("Thank you for your rating").waitFor();
    // The form is fresh for the next rating.
    expect(await form.getByLabel("Comment (optional)").inputValue()).toBe("");
    await check(page, "rating-thanks");
    await context.close();

    const leaderContext = await anonymous(browser());
    const leader = await leaderContext.newPage();
    await leader.goto(`${baseUrl}/login`);
    await leader.getByLabel("Username", { exact: true }).fill("leader");
    await leader.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await leader.getByRole("button", { name: "Sign in", exact: true }).click();
    await leader.waitForURL((url) => url.pathname !== "/login");
    await leader.goto(`${baseUrl}/dashboard/ratings?state=pending&department=${code}&score=2`);
    const row = leader.locator("#rating-queue tbody tr", { hasText: comment });
    await row.waitFor();
    expect(await row.textContent()).toContain(itemCode);
    await leaderContext.close();
  });

  it("the methodology defines every KPI a scorecard links to", async () => {
    const context = await anonymous(browser());
    const page = await context.newPage();
    const code = codesOf(await publications(baseUrl), "project").sort()[0]!;
    await page.goto(`${baseUrl}/scorecards/projects/${code}`);
    const hrefs = [
      ...new Set(
        await page
          .locator("a.kpi-link")
          .evaluateAll((links) => links.map((a) => a.getAttribute("href")!)),
      ),
    ];
    expect(hrefs.length).toBeGreaterThan(0);
    await page.goto(`${baseUrl}/methodology`);
    await page.getByRole("heading", { level: 1, name: "Methodology" }).waitFor();
    await check(page, "methodology");
    for (const href of hrefs) {
      const url = new URL(href, baseUrl);
      expect(url.pathname).toBe("/methodology");
      await page.goto(url.toString());
      expect(await page.locator(`[id="${url.hash.slice(1)}"]`).count(), href).toBe(1);
    }
    await context.close();
  });

  it("the wall screen moves on by itself and needs no interaction", async () => {
    const context = await anonymous(browser(), { width: 1920, height: 1080 });
    const page = await context.newPage();
    const response = await page.goto(`${baseUrl}/wall`);
    expect(response?.headers()["refresh"]).toMatch(/^\d+; url=\/wall\?panel=1$/);
    // Kept still for the checks: the browser would follow the Refresh header.
    await page.route("**/wall*", async (route) => {
      const fetched = await route.fetch();
      const headers = { ...fetched.headers() };
      delete headers.refresh;
      await route.fulfill({ response: fetched, headers });
    });
    for (const panel of [0, 1, 2]) {
      await page.goto(`${baseUrl}/wall?panel=${panel}`);
      expect(await page.locator("main a, main button, main input, main select").count()).toBe(0);
      expect(await page.locator(".wall-position").textContent()).toMatch(
        new RegExp(`^Screen ${panel + 1} of \\d+$`),
      );
      await check(page, `wall-${panel}`, { phone: false });
    }
    // At a phone's width (a small display or a zoomed-in reader) nothing spills sideways.
    const phoneContext = await anonymous(browser(), PHONE);
    const phone = await phoneContext.newPage();
    await phone.route("**/wall*", async (route) => {
      const fetched = await route.fetch();
      const headers = { ...fetched.headers() };
      delete headers.refresh;
      await route.fulfill({ response: fetched, headers });
    });
    for (const panel of [0, 1]) {
      await phone.goto(`${baseUrl}/wall?panel=${panel}`);
      expect(await axeViolations(phone), `wall ${panel} at 375 px`).toEqual([]);
      await expectNoSidewaysScroll(phone, `wall ${panel} at 375 px`);
      await screenshot(phone, `portal-wall-${panel}-375`);
    }
    await phoneContext.close();
    await context.close();
  });
});
