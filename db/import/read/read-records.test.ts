import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FileRecord } from "./file-record";
import { formatOfFile, readRecords, type RecordSource } from "./read-records";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "mingjing-read-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function rest(source: RecordSource): Promise<FileRecord[]> {
  const records: FileRecord[] = [];
  for await (const record of source.records) records.push(record);
  return records;
}

describe("formatOfFile", () => {
  it.each([
    ["projects.csv", "csv"],
    ["PROJECTS.CSV", "csv"],
    ["stats.tsv", "csv"],
    ["export.txt", "csv"],
    ["budget.xlsx", "xlsx"],
    ["old.xls", undefined],
    ["noextension", undefined],
  ])("%s → %s", (file, format) => {
    expect(formatOfFile(file)).toBe(format);
  });
});

describe("readRecords", () => {
  it("reads the same data from CSV and .xlsx as the same records", async () => {
    const csv = path.join(dir, "appeals.csv");
    await writeFile(
      csv,
      "工单编号,受理时间,满意度,金额\r\n\r\nA-1,2021-07-01 09:30:05,5,12.5\r\nA-2,2021-07-02,4,0.3\r\n",
    );
    const xlsx = path.join(dir, "appeals.xlsx");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("appeals");
    sheet.addRow(["工单编号", "受理时间", "满意度", "金额"]);
    sheet.addRow([]);
    sheet.addRow(["A-1", new Date(Date.UTC(2021, 6, 1, 9, 30, 5)), 5, 12.5]);
    sheet.addRow(["A-2", new Date(Date.UTC(2021, 6, 2)), 4, 0.1 + 0.2]);
    sheet.getColumn(2).numFmt = "yyyy-mm-dd hh:mm:ss";
    await writeFile(xlsx, Buffer.from(await workbook.xlsx.writeBuffer())); // exceljs's writeFile can resolve before the file is complete

    const fromCsv = await readRecords(csv);
    const fromXlsx = await readRecords(xlsx);
    expect(fromCsv).toMatchObject({ format: "csv", encoding: "utf-8", delimiter: "," });
    expect(fromXlsx).toMatchObject({ format: "xlsx", sheet: "appeals" });
    expect(fromXlsx.header).toEqual(fromCsv.header);
    const csvRecords = await rest(fromCsv);
    expect(await rest(fromXlsx)).toEqual(csvRecords);
    expect(csvRecords.map((record) => record.line)).toEqual([3, 4]);
  });

  it("takes the format given over the extension", async () => {
    const file = path.join(dir, "upload.bin");
    await writeFile(file, "code;name\nA;B\n");
    await expect(readRecords(file)).rejects.toThrow(/cannot tell the file's format/);
    const source = await readRecords(file, { format: "csv", delimiter: ";" });
    expect(source.header.values).toEqual(["code", "name"]);
    expect(await rest(source)).toEqual([{ line: 2, values: ["A", "B"] }]);
  });

  it("refuses options that do not apply to the format", async () => {
    const csv = path.join(dir, "kinds.csv");
    await writeFile(csv, "a\n1\n");
    const xlsx = path.join(dir, "kinds.xlsx");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("appeals").addRow(["a"]);
    await writeFile(xlsx, Buffer.from(await workbook.xlsx.writeBuffer()));
    await expect(readRecords(csv, { sheet: "Sheet1" })).rejects.toThrow(/applies to .xlsx/);
    await expect(readRecords(xlsx, { encoding: "gbk" })).rejects.toThrow(/applies to CSV/);
    const named = await readRecords(xlsx, { sheet: "appeals" });
    await named.records.return(undefined);
    expect(named.header.line).toBe(1);
  });

  it("names the file by the name given, never by the path it is stored at", async () => {
    // An upload is stored under a random name in a server folder the person never sees.
    const stored = (name: string, content: string | Buffer) => {
      const file = path.join(dir, name);
      return writeFile(file, content).then(() => file);
    };
    const failures: Array<() => Promise<unknown>> = [
      async () =>
        rest(await readRecords(await stored("x1.csv", 'a,b\n1,"open\n'), { fileName: "报表.csv" })),
      async () =>
        rest(
          await readRecords(await stored("x2.csv", Buffer.from([0x61, 0x0a, 0xff, 0xff])), {
            fileName: "报表.csv",
            encoding: "utf-8",
          }),
        ),
      async () => readRecords(await stored("x3.csv", ""), { fileName: "报表.csv" }),
      async () => readRecords(await stored("x4.csv", "a\n"), { fileName: "报表.csv", sheet: "S" }),
      async () => readRecords(await stored("x5.xlsx", "not a workbook"), { fileName: "报表.xlsx" }),
      async () => readRecords(await stored("x6.bin", "a\n"), { fileName: "报表.bin" }),
    ];
    for (const failure of failures) {
      const error = await failure().then(
        () => new Error("read"),
        (reason: unknown) => reason as Error,
      );
      expect(error.message).toMatch(/^报表\.(csv|xlsx|bin): /);
      expect(error.message).not.toContain(dir);
    }
  });
});
