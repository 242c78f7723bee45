import fs from "node:fs";
import os from "node:os";
import path from "node:path";
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

describe("importing a file in Chromium", () => {
  const browser = sharedBrowser();
  const baseUrl = inject("baseUrl");

  it("steward uploads a CSV, sees the preview, commits it; both pages pass axe", async () => {
    // In English: each page speaks the visitor's one language.
    const context = await browser().newContext({ bypassCSP: true, locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/login`);
    // By id: the sign-in page's words follow the chosen language.
    await page.locator("#username").fill("steward");
    await page.locator("#password").fill(DEMO_PASSWORD);
    await page.locator("main button[type=submit]").click();
    await page.waitForURL(`${baseUrl}/dashboard`);

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
});
