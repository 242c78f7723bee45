import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImportFileError, type FileRecord, type ReadProgress } from "./file-record";
import { openXlsx, readXlsxRecords, type XlsxReadOptions } from "./xlsx-records";

let dir = "";
let workbookPath = "";

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "mingjing-xlsx-"));
  workbookPath = path.join(dir, "projects.xlsx");

  const workbook = new ExcelJS.Workbook();
  const projects = workbook.addWorksheet("项目");
  // Row 1 is empty: the header is the first non-empty row.
  projects.getRow(2).values = [
    "项目编码",
    "名称",
    "批复金额",
    "计划开始日期",
    "受理时间",
    "已验收",
  ];
  projects.getRow(3).values = [
    "P-001",
    { richText: [{ text: "北京" }, { text: "政务", font: { bold: true } }] },
    1234567.5,
    new Date(Date.UTC(2021, 6, 1)),
    new Date(Date.UTC(2021, 6, 1, 9, 30, 5)),
    true,
  ];
  // Row 4 is empty, row 5 only formatted: both skipped, row numbers kept.
  projects.getCell("A5").numFmt = "0.00";
  projects.getRow(6).values = [
    "P-002",
    " 空格 ",
    { formula: "C3-C3", result: 0 },
    { formula: "D3+1", result: new Date(Date.UTC(2021, 6, 2)) },
    null,
    false,
  ];
  projects.getRow(7).values = ["P-003", "", 0.1 + 0.2, null, null, { error: "#N/A" }];
  projects.getCell("D3").numFmt = "yyyy-mm-dd";
  projects.getCell("E3").numFmt = "yyyy-mm-dd hh:mm:ss";
  projects.getCell("D6").numFmt = "yyyy/m/d";

  const budget = workbook.addWorksheet("Budget");
  budget.addRow(["project_code", "period", "planned"]);
  budget.addRow(["P-001", "2021-07", 5e-7]);
  budget.addRow(["P-002", "2021年7月", 1e21]);

  workbook.addWorksheet("Empty");
  await writeFile(workbookPath, Buffer.from(await workbook.xlsx.writeBuffer())); // exceljs's writeFile can resolve before the file is complete
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readAll(file: string, options: XlsxReadOptions = {}): Promise<FileRecord[]> {
  const records: FileRecord[] = [];
  for await (const record of readXlsxRecords(file, options)) records.push(record);
  return records;
}

describe("readXlsxRecords", () => {
  it("reads the first sheet by default: header first, empty rows skipped, row numbers kept", async () => {
    expect(await readAll(workbookPath)).toEqual([
      { line: 2, values: ["项目编码", "名称", "批复金额", "计划开始日期", "受理时间", "已验收"] },
      {
        line: 3,
        values: ["P-001", "北京政务", "1234567.5", "2021-07-01", "2021-07-01 09:30:05", "true"],
      },
      { line: 6, values: ["P-002", " 空格 ", "0", "2021-07-02", "", "false"] },
      { line: 7, values: ["P-003", "", "0.3", "", "", "#N/A"] },
    ]);
  });

  it("reads a named sheet, its name matched regardless of case", async () => {
    const source = await openXlsx(workbookPath, { sheet: "budget" });
    expect(source).toMatchObject({
      format: "xlsx",
      sheet: "Budget",
      sheets: ["项目", "Budget", "Empty"],
      header: { line: 1, values: ["project_code", "period", "planned"] },
    });
    const records: FileRecord[] = [];
    for await (const record of source.records) records.push(record);
    expect(records).toEqual([
      { line: 2, values: ["P-001", "2021-07", "0.0000005"] },
      { line: 3, values: ["P-002", "2021年7月", "1000000000000000000000"] },
    ]);
  });

  it("names the sheets there are when the one asked for is missing", async () => {
    const error = await openXlsx(workbookPath, { sheet: "预算" }).catch(
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(ImportFileError);
    expect(String(error)).toMatch(
      /no worksheet "预算"; the workbook has "项目", "Budget", "Empty"/,
    );
  });

  it("refuses an empty sheet and a file that is not a workbook", async () => {
    await expect(openXlsx(workbookPath, { sheet: "Empty" })).rejects.toThrow(
      /worksheet "Empty" is empty/,
    );
    const csv = path.join(dir, "renamed.xlsx");
    await writeFile(csv, "a,b\n1,2\n");
    await expect(openXlsx(csv)).rejects.toThrow(/cannot read the workbook .* Is it an \.xlsx file/);
    await expect(openXlsx(path.join(dir, "missing.xlsx"))).rejects.toThrow(/ENOENT/);
  });

  it("skips a hidden first sheet by default", async () => {
    const file = path.join(dir, "hidden.xlsx");
    const workbook = new ExcelJS.Workbook();
    const lists = workbook.addWorksheet("Lists");
    lists.state = "hidden";
    lists.addRow(["stage"]);
    workbook.addWorksheet("Data").addRow(["code"]);
    await writeFile(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    // Each source is closed after use, letting go of the file.
    const data = await openXlsx(file);
    await data.records.return(undefined);
    expect(data).toMatchObject({ sheet: "Data", header: { values: ["code"] } });
    const listed = await openXlsx(file, { sheet: "Lists" });
    await listed.records.return(undefined);
    expect(listed).toMatchObject({ header: { values: ["stage"] } });
  });

  it("reads any sheet of a many-sheet workbook that stores its workbook part last, every time", async () => {
    // exceljs writes xl/workbook.xml after every sheet; its own single-pass stream reader
    // lost that part on most reads of this file and spooled each sheet to a temporary file,
    // whose removal raced the stream opening it.
    const file = path.join(dir, "many-sheets.xlsx");
    const workbook = new ExcelJS.Workbook();
    for (let i = 1; i <= 12; i++) workbook.addWorksheet(`S${i}`).addRow([`sheet ${i}`]);
    await writeFile(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    const escaped: unknown[] = [];
    const listener = (error: unknown): void => void escaped.push(error);
    process.on("uncaughtException", listener);
    try {
      for (let round = 1; round <= 12; round++) {
        const source = await openXlsx(file, { sheet: `S${round}` });
        await source.records.return(undefined);
        expect(source.header.values).toEqual([`sheet ${round}`]);
        expect(source.sheets).toHaveLength(12);
      }
      expect((await readAll(file)).map((record) => record.values)).toEqual([["sheet 1"]]);
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off("uncaughtException", listener);
    }
    expect(escaped).toEqual([]);
  });

  it("refuses a workbook whose sheet fails to inflate, rather than waiting for rows forever", async () => {
    const file = path.join(dir, "damaged.xlsx");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Data");
    sheet.addRow(["code", "value"]);
    for (let i = 0; i < 5_000; i++) sheet.addRow([`C-${i}`, Math.sin(i)]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    // The central directory's record of the sheet (its name 46 bytes in, after the local
    // header's copy) claims fewer bytes than the sheet inflates to: its stream fails midway.
    const name = Buffer.from("xl/worksheets/sheet1.xml");
    const record = bytes.lastIndexOf(name) - 46;
    expect(bytes.readUInt32LE(record)).toBe(0x02014b50);
    bytes.writeUInt32LE(bytes.readUInt32LE(record + 24) - 1_000, record + 24);
    await writeFile(file, bytes);
    await expect(readAll(file)).rejects.toThrow(/cannot read the workbook/);
  });

  it("reports progress in bytes of the workbook and records", async () => {
    let last: ReadProgress = { bytes: 0, records: 0 };
    const records = await readAll(workbookPath, { onProgress: (progress) => (last = progress) });
    expect(records).toHaveLength(4);
    expect(last).toEqual({ bytes: (await stat(workbookPath)).size, records: 3 });
  });

  it("streams a large sheet row by row", async () => {
    const file = path.join(dir, "large.xlsx");
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
    const sheet = writer.addWorksheet("Stats");
    sheet.addRow(["item_code", "period", "transactions"]).commit();
    for (let i = 1; i <= 20_000; i++) sheet.addRow([`S-${i}`, "2021-07", i]).commit();
    sheet.commit();
    await writer.commit();
    let count = 0;
    let lastRecord: FileRecord | undefined;
    for await (const record of readXlsxRecords(file)) {
      count++;
      lastRecord = record;
    }
    expect(count).toBe(20_001);
    expect(lastRecord).toEqual({ line: 20_001, values: ["S-20000", "2021-07", "20000"] });
  });
});
