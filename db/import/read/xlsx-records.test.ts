import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImportFileError, type FileRecord, type ReadProgress } from "./file-record";
import { sharedStringsXml, sheetXml, xlsxBytes } from "./fixtures/xlsx-bytes";
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

describe("cells past the header", () => {
  it("marks a row holding a value past the header's last column; empty cells there are no error", async () => {
    const file = path.join(dir, "past-header.xlsx");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Data");
    sheet.addRow(["code", "name", "value"]);
    sheet.addRow(["A", "a", 1, "stray"]);
    sheet.addRow(["B", "b", 2]);
    // Formatted but empty: Excel keeps such cells, and they hold nothing.
    sheet.getCell("E3").numFmt = "0.00";
    sheet.getCell("F3").value = "";
    sheet.addRow(["C"]);
    await writeFile(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    const records = await readAll(file);
    expect(records.map((record) => [record.line, record.error])).toEqual([
      [1, undefined],
      [
        2,
        {
          column: "D",
          value: "",
          reason: expect.stringMatching(/^has 4 columns, the header has 3: cell D2 holds a value/),
        },
      ],
      [3, undefined],
      [4, undefined],
    ]);
  });

  it("counts to the header's last named column, whatever empty cells follow it", async () => {
    const file = path.join(dir, "header-trailing.xlsx");
    await writeFile(
      file,
      xlsxBytes({
        sheet: sheetXml([
          ["code", "name", ""],
          ["A", "a", "x"],
        ]),
      }),
    );
    const records = await readAll(file);
    expect(records[1]?.error?.reason).toMatch(/^has 3 columns, the header has 2: cell C2/);
  });
});

describe("workbooks built to exhaust the server", () => {
  const refusal = (file: string, options: XlsxReadOptions = {}): Promise<unknown> =>
    readAll(file, { fileName: "工单.xlsx", ...options }).then(
      () => undefined,
      (error: unknown) => error,
    );

  it("reads a hand-built workbook (the crafted ones below are built the same way)", async () => {
    const file = path.join(dir, "built.xlsx");
    await writeFile(
      file,
      xlsxBytes({
        sheet: sheetXml([
          [0, 1],
          ["x", 2],
        ]),
        sharedStrings: sharedStringsXml(["code", "name", "值"]),
      }),
    );
    expect((await readAll(file)).map((record) => record.values)).toEqual([
      ["code", "name"],
      ["x", "值"],
    ]);
  });

  it("refuses a 100 MB shared string in a workbook of a few hundred kB, naming the file and part", async () => {
    const file = path.join(dir, "bomb.xlsx");
    const huge = Buffer.concat([
      Buffer.from(sharedStringsXml(["code"]).replace("</sst>", "<si><t>")),
      Buffer.alloc(100 * 1024 * 1024, "a"),
      Buffer.from("</t></si></sst>"),
    ]);
    await writeFile(file, xlsxBytes({ sheet: sheetXml([[0], [1]]), sharedStrings: huge }));
    expect((await stat(file)).size).toBeLessThan(1024 * 1024);
    const error = await refusal(file);
    expect(error).toBeInstanceOf(ImportFileError);
    expect(String(error)).toMatch(/^ImportFileError: 工单\.xlsx: .*xl\/sharedStrings\.xml/);
    expect(String(error)).toContain("32,767 characters");
    expect(String(error)).not.toContain(dir);
  });

  it("refuses a shared string longer than Excel's 32,767 characters a cell", async () => {
    const file = path.join(dir, "long-string.xlsx");
    const texts = ["code", "长".repeat(32_767), "a".repeat(32_768)];
    await writeFile(
      file,
      xlsxBytes({ sheet: sheetXml([[0], [1]]), sharedStrings: sharedStringsXml(texts) }),
    );
    const error = await refusal(file);
    expect(String(error)).toMatch(/工单\.xlsx: .*xl\/sharedStrings\.xml.*32,768 characters/);
  });

  it("refuses a part that inflates past the size its headers declare", async () => {
    const file = path.join(dir, "lying.xlsx");
    await writeFile(
      file,
      xlsxBytes({
        sheet: sheetXml([[0], [1]]),
        sharedStrings: sharedStringsXml(["code", "b".repeat(30_000), ...Array(50).fill("c")]),
        sharedStringsDeclaredSize: 200,
      }),
    );
    const error = await refusal(file);
    expect(error).toBeInstanceOf(ImportFileError);
    expect(String(error)).toMatch(/工单\.xlsx: .*xl\/sharedStrings\.xml.* 200 bytes/);
  });

  it("refuses a workbook whose parts inflate past the cap, counting as they inflate", async () => {
    const file = path.join(dir, "large-sheet.xlsx");
    const rows = Array.from({ length: 20_000 }, (_, index) => [`row ${index}`, "x"]);
    await writeFile(file, xlsxBytes({ sheet: sheetXml([["code", "name"], ...rows]) }));
    const limits = { inflatedBytes: 256 * 1024 };
    const error = await refusal(file, { limits });
    expect(String(error)).toMatch(/工单\.xlsx: .*xl\/worksheets\/sheet1\.xml.*256 KiB/);
    // A part declaring more than the cap is refused before a byte of it is inflated.
    const declared = path.join(dir, "declared.xlsx");
    await writeFile(
      declared,
      xlsxBytes({ sheet: sheetXml([["code"], ["x"]]), sheetDeclaredSize: 300 * 1024 }),
    );
    expect(String(await refusal(declared, { limits }))).toMatch(
      /xl\/worksheets\/sheet1\.xml.*256 KiB/,
    );
  });

  it("refuses a worksheet row of more XML than any record we read, before parsing it", async () => {
    const file = path.join(dir, "long-row.xlsx");
    const sheet = sheetXml([["code"], ["x"]]).replace(
      "</sheetData>",
      `<row r="3"><c r="A3" t="inlineStr"><is><t>${"y".repeat(17 * 1024 * 1024)}</t></is></c></row></sheetData>`,
    );
    await writeFile(file, xlsxBytes({ sheet }));
    const error = await refusal(file);
    expect(String(error)).toMatch(
      /工单\.xlsx: .*xl\/worksheets\/sheet1\.xml holds a row of more than 16 MiB/,
    );
  });

  it("refuses more shared strings than the cap", async () => {
    const file = path.join(dir, "many-strings.xlsx");
    await writeFile(
      file,
      xlsxBytes({ sheet: sheetXml([[0], [1]]), sharedStrings: sharedStringsXml(["a", "b", "c"]) }),
    );
    const error = await refusal(file, { limits: { sharedStrings: 2 } });
    expect(String(error)).toMatch(/工单\.xlsx: .*xl\/sharedStrings\.xml.* more than 2 texts/);
  });
});

describe("text split across inflated chunks", () => {
  it("reads Chinese shared and inline strings whole, wherever the chunks end", async () => {
    const texts = Array.from({ length: 4_000 }, (_, i) => `诉求${i}：市民反映道路积水，请尽快处理`);
    const file = path.join(dir, "chinese.xlsx");
    const rows = texts.map((text, index) => [index + 1, text]);
    await writeFile(
      file,
      xlsxBytes({
        sheet: sheetXml([[0, "内容"], ...rows]),
        sharedStrings: sharedStringsXml(["编号", ...texts]),
      }),
    );
    const records = await readAll(file);
    expect(records.slice(1).map((record) => record.values)).toEqual(
      texts.map((text) => [text, text]),
    );
  });
});
