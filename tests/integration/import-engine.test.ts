import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.server";
import { revertImport } from "../../db/import/revert-import.server";
import { runImport, type ImportOptions } from "../../db/import/run-import.server";
import { rebuildAllRollups } from "../../db/rollups/rebuild.server";
import * as schema from "../../db/schema/index";
import { createTestDatabase } from "../setup/test-database";

const TZ = "Asia/Shanghai";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mingjing-import-"));
const HEADER =
  "external_id,channel,department_code,type,category,received_at,replied_at,satisfaction";

function file(name: string, content: string | Buffer): string {
  const target = path.join(dir, name);
  fs.writeFileSync(target, content);
  return target;
}

function appealLines(count: number, prefix = "A"): string[] {
  return Array.from({ length: count }, (_, index) => {
    const day = String(1 + (index % 28)).padStart(2, "0");
    return `${prefix}${index},12345热线,IMP-A,consultation,其他,2025-03-${day} 09:00,2025-03-${day} 15:30,${1 + (index % 5)}`;
  });
}

describe("importing a file: all-or-nothing, reported, reversible", () => {
  let handle: DbHandle;
  const options = (filePath: string, extra: Partial<ImportOptions> = {}): ImportOptions => ({
    kind: "appeals",
    filePath,
    actor: { id: null, name: "test", ip: null },
    scope: null,
    timeZone: TZ,
    ...extra,
  });
  const appealCount = async () =>
    (await handle.db.select({ n: count() }).from(schema.appeals))[0]?.n ?? 0;
  const batchCount = async () =>
    (await handle.db.select({ n: count() }).from(schema.importBatches))[0]?.n ?? 0;
  const rollups = async () =>
    handle.db
      .select()
      .from(schema.appealDayRollups)
      .orderBy(
        asc(schema.appealDayRollups.departmentId),
        asc(schema.appealDayRollups.day),
        asc(schema.appealDayRollups.type),
      );

  beforeAll(async () => {
    handle = await createTestDatabase();
    await handle.db.insert(schema.departments).values([
      { code: "IMP-A", name: "导入测试局" },
      { code: "IMP-B", name: "另一个局" },
    ]);
  });
  beforeEach(async () => {
    await handle.db.execute(sql`delete from appeals`);
    await handle.db.execute(sql`delete from import_replaced_rows`);
    await handle.db.execute(sql`delete from import_batches`);
    await rebuildAllRollups(handle.db, TZ);
  });
  afterAll(async () => {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a file with bad values, naming line, column, value and reason, and stores nothing", async () => {
    const content = [
      HEADER,
      "B1,12345热线,IMP-A,complaint,其他,2025-03-01 09:00,2025-03-02 10:00,5",
      "B2,12345热线,IMP-A,complaint,其他,2025-02-30 09:00,,",
      'B3,"热线\n第二行",IMP-A,complaint,其他,2025-03-01 09:00,,',
      "B4,12345热线,NO-SUCH,grumble,其他,2025-03-01 09:00,2025-02-28 09:00,7",
    ].join("\n");
    const report = await runImport(handle.db, options(file("bad.csv", content)));
    expect(report.outcome).toBe("rejected");
    expect(report.errors.map(({ line, column, value }) => ({ line, column, value }))).toEqual([
      { line: 3, column: "received_at", value: "2025-02-30 09:00" },
      { line: 6, column: "department_code", value: "NO-SUCH" },
      { line: 6, column: "type", value: "grumble" },
      { line: 6, column: "satisfaction", value: "7" },
      { line: 6, column: "replied_at", value: "2025-02-28 09:00" },
    ]);
    expect(
      report.errors.every((error) => error.file === "bad.csv" && error.reason.length > 5),
    ).toBe(true);
    expect(report.errors.find((error) => error.column === "replied_at")?.reason).toContain(
      "before the time the appeal was received",
    );
    expect(await appealCount()).toBe(0);
    expect(await batchCount()).toBe(0);
    const refusals = await handle.db
      .select()
      .from(schema.auditEvents)
      .where(eq(schema.auditEvents.action, "import.refuse"));
    expect(refusals.length).toBeGreaterThan(0);
  });

  it("refuses a file missing a required column, naming it in English and Chinese", async () => {
    const report = await runImport(
      handle.db,
      options(file("no-type.csv", "external_id,department_code,received_at\nX,IMP-A,2025-03-01\n")),
    );
    expect(report.outcome).toBe("rejected");
    expect(report.errors[0]).toMatchObject({ line: 1 });
    expect(report.errors[0]?.reason).toMatch(/type/);
    expect(report.errors[0]?.reason).toMatch(/诉求类型/);
  });

  it("reads a GBK file with Chinese headers, department names and Chinese dates", async () => {
    const text = [
      "工单编号,承办部门,诉求类型,受理时间,答复时间,满意度,来电人,联系电话",
      "G1,导入测试局,投诉,2021年7月1日 9:05,2021年7月2日 10:00,4,张三,138-0000-0000",
    ].join("\r\n");
    const gbk = new TextDecoder("gb18030"); // sanity: Node has the codec
    expect(gbk.encoding).toBe("gb18030");
    const report = await runImport(handle.db, options(file("gbk.csv", encodeGbk(text))));
    expect(report).toMatchObject({ outcome: "committed", encoding: "gb18030", rowsAccepted: 1 });
    expect(report.personalDataColumns).toEqual(["来电人", "联系电话"]);
    const [row] = await handle.db.select().from(schema.appeals);
    expect(row?.type).toBe("complaint");
    expect(row?.receivedAt.toISOString()).toBe("2021-07-01T01:05:00.000Z");
    // No key: personal data dropped, not even hashed.
    expect(row?.callerHash).toBeNull();
    const stored =
      JSON.stringify(await handle.db.select().from(schema.importReplacedRows)) +
      JSON.stringify(row);
    expect(stored).not.toContain("张三");
    expect(stored).not.toContain("138");
  });

  it("keeps a keyed hash of the caller when MINGJING_PII_KEY is set, so repeat callers link", async () => {
    const content = [
      `${HEADER},phone`,
      ...appealLines(2).map((line, index) => `${line},139 0000 000${index === 0 ? "1" : "1"}`),
    ].join("\n");
    const report = await runImport(
      handle.db,
      options(file("pii.csv", content), { piiKey: "a-test-key-of-32-characters-long" }),
    );
    expect(report.outcome).toBe("committed");
    const rows = await handle.db
      .select()
      .from(schema.appeals)
      .orderBy(asc(schema.appeals.externalId));
    const expected = crypto
      .createHmac("sha256", "a-test-key-of-32-characters-long")
      .update("13900000001")
      .digest("hex");
    expect(rows.map((row) => row.callerHash)).toEqual([expected, expected]);
  });

  it("leaves the database exactly as before when a commit dies half-way; a rerun completes it, a repeat changes nothing", async () => {
    const path5000 = file("five-thousand.csv", [HEADER, ...appealLines(5_000)].join("\n"));
    const before = await rollups();
    await expect(runImport(handle.db, options(path5000, { failAfterRows: 2_000 }))).rejects.toThrow(
      /Injected failure/,
    );
    expect(await appealCount()).toBe(0);
    expect(await batchCount()).toBe(0);
    expect(await rollups()).toEqual(before);

    const done = await runImport(handle.db, options(path5000));
    expect(done).toMatchObject({ outcome: "committed", rowsAccepted: 5_000 });
    expect(await appealCount()).toBe(5_000);
    const afterFirst = await rollups();
    expect(afterFirst.reduce((sum, row) => sum + row.received, 0)).toBe(5_000);

    const again = await runImport(handle.db, options(path5000));
    expect(again).toMatchObject({ outcome: "unchanged", batchId: done.batchId });
    expect(await batchCount()).toBe(1);
    expect(await rollups()).toEqual(afterFirst);
  });

  it("stores the file's hash with its batch, and tells a file of the same size but other content from it", async () => {
    const lines = appealLines(300, "H");
    const first = file("same-size-1.csv", [HEADER, ...lines].join("\n"));
    // One satisfaction digit changed: the same number of bytes, another content.
    const changed = [...lines];
    changed[7] = changed[7]!.replace(/,3$/, ",4");
    const second = file("same-size-2.csv", [HEADER, ...changed].join("\n"));
    expect(fs.statSync(second).size).toBe(fs.statSync(first).size);

    const done = await runImport(handle.db, options(first));
    expect(done.outcome).toBe("committed");
    const [stored] = await handle.db
      .select({ hash: schema.importBatches.contentHash })
      .from(schema.importBatches)
      .where(eq(schema.importBatches.id, done.batchId!));
    const sha256 = crypto.createHash("sha256").update(fs.readFileSync(first)).digest("hex");
    expect(stored?.hash).toBe(sha256);

    expect(await runImport(handle.db, options(second))).toMatchObject({
      outcome: "committed",
      rowsAccepted: 300,
    });
    // Two committed files of that size now: the one with the same hash is found.
    expect(await runImport(handle.db, options(first))).toMatchObject({
      outcome: "unchanged",
      batchId: done.batchId,
    });
  });

  it("brings the month and all-department roll-ups up to date as a full rebuild makes them", async () => {
    const derived = () =>
      Promise.all(
        [
          "appeal_month_rollups order by department_id, month, type",
          "appeal_reply_month_rollups order by department_id, month, working_days",
          "appeal_total_day_rollups order by day, type",
          "appeal_total_reply_day_rollups order by day, working_days",
        ].map((table) => handle.db.execute(sql.raw(`select * from ${table}`))),
      );
    // Enough rows for several refresh batches (a batch closes at 4,000 appeals).
    const lines = appealLines(9_000);
    await runImport(handle.db, options(file("nine-thousand.csv", [HEADER, ...lines].join("\n"))));
    // A second file replaces part of the first (other departments, other days) and adds rows.
    const changed = lines.slice(0, 1_000).map((line) => line.replace("IMP-A", "IMP-B"));
    await runImport(handle.db, options(file("changed.csv", [HEADER, ...changed].join("\n"))));
    const incremental = await derived();
    expect(JSON.stringify(incremental[0]).length).toBeGreaterThan(100);
    await rebuildAllRollups(handle.db, TZ);
    expect(await derived()).toEqual(incremental);
  });

  it("upserts a changed file by natural key, and a revert restores what it replaced", async () => {
    const v1 = await runImport(
      handle.db,
      options(file("v1.csv", [HEADER, ...appealLines(10)].join("\n"))),
    );
    const afterV1 = {
      appeals: await handle.db
        .select()
        .from(schema.appeals)
        .orderBy(asc(schema.appeals.externalId)),
      rollups: await rollups(),
    };
    const changed = appealLines(10);
    changed[3] = changed[3]!.replace("IMP-A", "IMP-B");
    changed.push("A99,网站,IMP-B,praise,其他,2025-03-05 10:00,,");
    const v2 = await runImport(handle.db, options(file("v2.csv", [HEADER, ...changed].join("\n"))));
    expect(v2).toMatchObject({ outcome: "committed", rowsAccepted: 11 });
    expect(await appealCount()).toBe(11);
    const [moved] = await handle.db
      .select()
      .from(schema.appeals)
      .where(eq(schema.appeals.externalId, "A3"));
    expect(moved?.batchId).toBe(v2.batchId);

    // v1 cannot go first: v2 changed its rows since.
    expect(
      await revertImport(handle.db, v1.batchId!, { id: null, name: "test", ip: null }, TZ),
    ).toEqual({
      ok: false,
      reason: "changed_later",
      laterBatchId: v2.batchId,
    });
    const reverted = await revertImport(
      handle.db,
      v2.batchId!,
      { id: null, name: "test", ip: null },
      TZ,
    );
    expect(reverted.ok).toBe(true);
    expect(
      await handle.db.select().from(schema.appeals).orderBy(asc(schema.appeals.externalId)),
    ).toEqual(afterV1.appeals);
    expect(await rollups()).toEqual(afterV1.rollups);
    const [state] = await handle.db
      .select()
      .from(schema.importBatches)
      .where(eq(schema.importBatches.id, v2.batchId!));
    expect(state?.state).toBe("reverted");

    expect(
      (await revertImport(handle.db, v1.batchId!, { id: null, name: "test", ip: null }, TZ)).ok,
    ).toBe(true);
    expect(await appealCount()).toBe(0);
    expect((await rollups()).length).toBe(0);
  });

  it("with skip-invalid stores the valid rows and reports the others", async () => {
    const lines = appealLines(4);
    lines[2] = lines[2]!.replace("consultation", "nonsense");
    const report = await runImport(
      handle.db,
      options(file("skip.csv", [HEADER, ...lines].join("\n")), { skipInvalid: true }),
    );
    expect(report).toMatchObject({ outcome: "committed", rowsAccepted: 3, rowsRejected: 1 });
    expect(report.errors).toEqual([
      expect.objectContaining({ line: 4, column: "type", value: "nonsense" }),
    ]);
    expect(await appealCount()).toBe(3);
  });

  it("refuses a record whose field count is not the header's, naming its line and both counts", async () => {
    // A tab-separated export with a 30th field on one line: the 29th was kept, the 30th
    // dropped, and nothing said.
    const tab = (line: string) => line.replaceAll(",", "\t");
    const lines = appealLines(4).map(tab);
    lines[1] = `${lines[1]}\tstray`;
    const tsv = file("extra.tsv", [tab(HEADER), ...lines].join("\r\n"));
    const refused = await runImport(handle.db, options(tsv));
    expect(refused).toMatchObject({ outcome: "rejected", rowsRejected: 1, rowsAccepted: 3 });
    expect(refused.errors).toEqual([
      {
        file: "extra.tsv",
        line: 3,
        column: "field 9",
        value: "",
        reason: expect.stringMatching(/^has 9 fields, the header has 8: /),
      },
    ]);
    expect(await appealCount()).toBe(0);

    // A CSV line three fields short: with skip-invalid it is reported, the rest stored.
    const short = appealLines(3);
    short[0] = short[0]!.split(",").slice(0, 5).join(",");
    const csv = file("short.csv", [HEADER, ...short].join("\n"));
    const skipped = await runImport(handle.db, options(csv, { skipInvalid: true }));
    expect(skipped).toMatchObject({ outcome: "committed", rowsAccepted: 2, rowsRejected: 1 });
    expect(skipped.errors).toEqual([
      expect.objectContaining({
        line: 2,
        column: "row",
        reason: expect.stringMatching(/^has 5 fields, the header has 8: /),
      }),
    ]);
    expect(await appealCount()).toBe(2);
  });

  it("a dry run validates without storing anything", async () => {
    const report = await runImport(
      handle.db,
      options(file("dry.csv", [HEADER, ...appealLines(3)].join("\n")), { dryRun: true }),
    );
    expect(report.outcome).toBe("validated");
    expect(await appealCount()).toBe(0);
    expect(await batchCount()).toBe(0);
  });

  it("stores values that start with = + - @, a tab or a carriage return as text, unchanged", async () => {
    const risky = ["=1+1", "+33 1", "-2", "@SUM(A1)", "\tindented", "\rreturn"];
    const content = [
      HEADER,
      ...risky.map(
        (value, index) => `R${index},"${value}",IMP-A,suggestion,"${value}",2025-03-01 09:00,,`,
      ),
    ].join("\n");
    const report = await runImport(handle.db, options(file("risky.csv", content)));
    expect(report.outcome).toBe("committed");
    const rows = await handle.db
      .select()
      .from(schema.appeals)
      .orderBy(asc(schema.appeals.externalId));
    expect(rows.map((row) => row.channel)).toEqual(risky);
    expect(rows.map((row) => row.category)).toEqual(risky);
  });

  it("lets only an administrator import a kind that belongs to no department", async () => {
    const report = await runImport(
      handle.db,
      options(file("calendar.csv", "date,working\n2025-10-11,true\n"), {
        kind: "calendar",
        scope: [1],
      }),
    );
    expect(report.outcome).toBe("rejected");
    expect(report.errors[0]?.reason).toContain("only an administrator may import calendar");
  });

  it("drops the white space around names, which identify things, but not around free text", async () => {
    const report = await runImport(
      handle.db,
      options(file("names.csv", 'code,name\nIMP-T,"  空格局 "\n'), { kind: "departments" }),
    );
    expect(report.outcome).toBe("committed");
    const [department] = await handle.db
      .select()
      .from(schema.departments)
      .where(eq(schema.departments.code, "IMP-T"));
    expect(department?.name).toBe("空格局");
  });

  it("refuses text holding a NUL character as a row error", async () => {
    const report = await runImport(
      handle.db,
      options(
        file("nul.csv", `${HEADER}\nN1,bad\u0000channel,IMP-A,praise,其他,2025-03-01 09:00,,\n`),
      ),
    );
    expect(report.outcome).toBe("rejected");
    expect(report.errors[0]).toMatchObject({ line: 2, column: "channel" });
  });

  it("keeps the other rows and stores a report naming the NUL when invalid rows are skipped", async () => {
    const report = await runImport(
      handle.db,
      options(
        file(
          "nul-skip.csv",
          `${HEADER}\n${appealLines(1, "NS")[0]}\nN2,bad\u0000channel,IMP-A,praise,其他,2025-03-01 09:00,,\n`,
        ),
        { skipInvalid: true },
      ),
    );
    expect(report.outcome).toBe("committed");
    expect(report.rowsAccepted).toBe(1);
    const [batch] = await handle.db
      .select({ errorReport: schema.importBatches.errorReport })
      .from(schema.importBatches)
      .where(eq(schema.importBatches.id, report.batchId!));
    // jsonb cannot hold U+0000: the report shows it escaped, so the reader still sees where it was.
    expect(batch!.errorReport).toEqual([
      expect.objectContaining({ line: 3, column: "channel", value: "bad\\u0000channel" }),
    ]);
  });

  it("keeps a steward to the departments it looks after", async () => {
    const [other] = await handle.db
      .select()
      .from(schema.departments)
      .where(eq(schema.departments.code, "IMP-B"));
    const report = await runImport(
      handle.db,
      options(file("scope.csv", [HEADER, ...appealLines(2)].join("\n")), { scope: [other!.id] }),
    );
    expect(report.outcome).toBe("rejected");
    expect(report.errors[0]?.reason).toContain("department you do not look after");
    expect(await appealCount()).toBe(0);
  });
});

/** GBK bytes of the test text, through a table of the characters it uses (Node can decode GBK, not encode it). */
function encodeGbk(text: string): Buffer {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const pair = GBK_PAIRS.get(char);
    if (!pair) throw new Error(`no GBK code for ${char} in the test table`);
    bytes.push(...pair);
  }
  return Buffer.from(bytes);
}

const GBK_PAIRS: Map<string, number[]> = (() => {
  // Decode every two-byte GBK code once and keep the characters this test needs.
  const wanted = new Set(
    "工单编号承办部门诉求类型受理时间答复满意度来电人联系话导入测试局投年月日张三",
  );
  const decoder = new TextDecoder("gb18030");
  const map = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (wanted.has(char) && !map.has(char)) map.set(char, [lead, trail]);
    }
  }
  return map;
})();
