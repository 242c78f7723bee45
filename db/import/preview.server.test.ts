import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { previewImportFile } from "./preview.server";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mingjing-preview-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const target = path.join(dir, name);
  fs.writeFileSync(target, content);
  return target;
}

describe("previewing an import file", () => {
  it("maps each header to its column, drops personal data, ignores the rest, and shows the first rows", async () => {
    const lines = [
      "工单编号;承办部门;诉求类型;受理时间;来电人;备注",
      ...Array.from({ length: 25 }, (_, i) => `A${i};D1;complaint;2025-03-01 09:00;张三;x`),
    ];
    const preview = await previewImportFile(file("a.csv", `\uFEFF${lines.join("\r\n")}`), {
      kind: "appeals",
    });
    expect(preview).toMatchObject({
      format: "csv",
      encoding: "utf-8",
      encodingDetected: true,
      delimiter: ";",
      headerLine: 1,
      missing: [],
    });
    expect(preview.columns.map((column) => [column.header, column.status])).toEqual([
      ["工单编号", "matched"],
      ["承办部门", "matched"],
      ["诉求类型", "matched"],
      ["受理时间", "matched"],
      ["来电人", "personal"],
      ["备注", "ignored"],
    ]);
    expect(preview.columns[0]).toMatchObject({ name: "external_id", required: true });
    expect(preview.rows).toHaveLength(10);
    expect(preview.rows[0]).toEqual({
      line: 2,
      values: ["A0", "D1", "complaint", "2025-03-01 09:00", "张三", "x"],
    });
  });

  it("names the required columns a header lacks, and reads GB18030 when told", async () => {
    const bytes = Buffer.from(new TextEncoder().encode("code,name\nR1,x\n"));
    const preview = await previewImportFile(file("b.csv", bytes), {
      kind: "regions",
      encoding: "gb18030",
    });
    expect(preview.encoding).toBe("gb18030");
    expect(preview.encodingDetected).toBe(false);
    expect(preview.missing.map((column) => column.name)).toEqual(["level"]);
  });

  it("reads a workbook's chosen sheet and lists the others", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("说明").addRow(["read me"]);
    const sheet = workbook.addWorksheet("数据");
    sheet.addRow(["date", "working", "name"]);
    sheet.addRow(["2025-10-01", "否", "国庆节"]);
    const target = path.join(dir, "c.xlsx");
    fs.writeFileSync(target, Buffer.from(await workbook.xlsx.writeBuffer())); // exceljs's writeFile can resolve before the file is complete
    const preview = await previewImportFile(target, { kind: "calendar", sheet: "数据" });
    expect(preview).toMatchObject({ format: "xlsx", sheet: "数据", sheets: ["说明", "数据"] });
    expect(preview.rows).toEqual([{ line: 2, values: ["2025-10-01", "否", "国庆节"] }]);
  });

  it("shows a record whose field count is not the header's as invalid, with its line", async () => {
    const tsv = ["date\tworking\tname", "2025-10-01\t否\t国庆节\t多余", "2025-10-02\t否"];
    const preview = await previewImportFile(file("d.tsv", tsv.join("\n")), { kind: "calendar" });
    expect(preview.rows.map((row) => [row.line, row.error?.reason])).toEqual([
      [2, expect.stringMatching(/^has 4 fields, the header has 3/)],
      [3, expect.stringMatching(/^has 2 fields, the header has 3/)],
    ]);
  });

  it("names the file by its name, not the path it is stored at", async () => {
    const stored = file("random-name.xlsx", "PK not really");
    const error = await previewImportFile(stored, { kind: "calendar", fileName: "日历.xlsx" }).then(
      () => undefined,
      (reason: unknown) => reason as Error,
    );
    expect(error?.message).toMatch(/^日历\.xlsx: cannot read the workbook/);
    expect(error?.message).not.toContain(dir);
  });
});
