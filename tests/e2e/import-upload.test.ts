import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../../seeds/demo/framework";
import { axeViolations, screenshot, sharedBrowser } from "./browser";

/** A small appeals file of the demo steward's own department (MJ-SJJ). */
function stewardFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mingjing-e2e-upload-"));
  const file = path.join(dir, "e2e-appeals.csv");
  const rows = Array.from(
    { length: 25 },
    (_, i) =>
      `E2E-${i},12345热线,MJ-SJJ,consultation,其他,2025-03-${String(1 + (i % 28)).padStart(2, "0")} 09:00,,`,
  );
  fs.writeFileSync(
    file,
    [
      "external_id,channel,department_code,type,category,received_at,replied_at,来电人",
      ...rows,
    ].join("\n"),
  );
  return file;
}

/**
 * The same kind of rows in an .xlsx of nine sheets, the data on the last one: exceljs writes
 * the workbook part after every sheet, which its own stream reader often lost.
 */
async function stewardWorkbook(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mingjing-e2e-upload-"));
  const file = path.join(dir, "e2e-appeals.xlsx");
  const workbook = new ExcelJS.Workbook();
  for (let i = 1; i <= 8; i++) workbook.addWorksheet(`附表${i}`).addRow(["备注", `第${i}页`]);
  const sheet = workbook.addWorksheet("诉求");
  sheet.addRow(["external_id", "channel", "department_code", "type", "received_at"]);
  for (let i = 0; i < 12; i++) {
    sheet.addRow([`E2EX-${i}`, "网站", "MJ-SJJ", "suggestion", `2025-04-${10 + i} 10:30`]);
  }
  fs.writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
  return file;
}

describe("importing a file in Chromium", () => {
  const browser = sharedBrowser();
  const baseUrl = inject("baseUrl");

  /** The demo steward, signed in, in English: each page speaks the visitor's one language. */
  async function stewardSignedIn() {
    const context = await browser().newContext({ bypassCSP: true, locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/login`);
    // By id: the sign-in page's words follow the chosen language.
    await page.locator("#username").fill("steward");
    await page.locator("#password").fill(DEMO_PASSWORD);
    await page.locator("main button[type=submit]").click();
    await page.waitForURL(`${baseUrl}/dashboard`);
    return { context, page };
  }

  it("steward uploads a CSV, sees the preview, commits it; both pages pass axe", async () => {
    const { context, page } = await stewardSignedIn();

    await page.goto(`${baseUrl}/imports/new`);
    await page.getByRole("heading", { level: 1, name: /Upload a file/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("Kind of data", { exact: true }).selectOption("appeals");
    await page.getByLabel("File", { exact: true }).setInputFiles(stewardFile());
    await page.getByRole("button", { name: /Upload and preview/ }).click();

    await page.waitForURL(/\/imports\/uploads\//);
    await page.getByRole("heading", { level: 1, name: /Preview/ }).waitFor();
    await page.getByText("The file is valid", { exact: true }).waitFor();
    expect(await page.locator(".import-mapping").textContent()).toContain("Personal data");
    await screenshot(page, "import-preview");
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: /Commit the import/ }).click();
    await page.waitForURL(/\/imports\/\d+$/);
    await page.getByRole("heading", { level: 1, name: "e2e-appeals.csv" }).waitFor();
    expect(await page.locator(".facts").textContent()).toContain("25 accepted");
    await page.goto(`${baseUrl}/imports`);
    expect(await page.getByRole("link", { name: "e2e-appeals.csv" }).count()).toBe(1);
    await context.close();
  });

  it("steward uploads a nine-sheet workbook, names the sheet, and commits its rows", async () => {
    const { context, page } = await stewardSignedIn();

    await page.goto(`${baseUrl}/imports/new`);
    await page.getByLabel("Kind of data", { exact: true }).selectOption("appeals");
    await page.getByLabel("File", { exact: true }).setInputFiles(await stewardWorkbook());
    await page.locator("#sheet").fill("诉求");
    await page.getByRole("button", { name: /Upload and preview/ }).click();

    await page.waitForURL(/\/imports\/uploads\//);
    await page.getByText("The file is valid", { exact: true }).waitFor();
    const facts = (await page.locator("main").textContent()) ?? "";
    expect(facts).toContain("诉求");
    expect(facts).toContain("附表8");
    await screenshot(page, "import-preview-xlsx");
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: /Commit the import/ }).click();
    await page.waitForURL(/\/imports\/\d+$/);
    expect(await page.locator(".facts").textContent()).toContain("12 accepted");
    await context.close();
  });
});
