/**
 * The upload page through the real request handler: upload → preview → commit, the size
 * limit, a steward's scope, who may see a preview or a job, the error report CSV and the
 * templates. The upload limit is set low (50 KB) for this file.
 */
process.env.MINGJING_MAX_UPLOAD_MB = "0.05";

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { heldUploadCount } from "../../app/imports/uploads.server";
import type { DbHandle } from "../../db/client.server";
import { runImport } from "../../db/import/run-import.server";
import { IMPORT_KINDS } from "../../db/schema/enums";
import * as schema from "../../db/schema/index";
import { createAppHandler, TEST_ORIGIN, TestClient } from "../support/app-client";
import { FIXTURE_PASSWORD, loadFixture } from "../support/fixture";
import { createTestDatabase } from "../setup/test-database";

const HEADER =
  "external_id,channel,department_code,type,category,received_at,replied_at,satisfaction,来电人,备注";
const GOOD_ROWS = [
  "T1,12345热线,DEPT-A,complaint,交通,2025-03-01 09:00,2025-03-02 10:00,5,张三,x",
  'T2,"热线\n第二行",DEPT-A,consultation,其他,2025-03-01 09:00,,,李四,y',
];
const BAD_ROW = "T3,12345热线,DEPT-A,grumble,其他,2025-02-30 09:00,,7,,";
const csv = (...rows: string[]) => [HEADER, ...rows].join("\n");

interface JobAnswer {
  id: string;
  state: string;
  bytesRead: number;
  totalBytes: number;
  rows: number;
  redirectTo: string | null;
}

let handle: DbHandle;
let handler: (request: Request) => Promise<Response>;
const clients: Record<"steward" | "admin" | "anonymous", TestClient> = {} as never;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mingjing-upload-test-"));

beforeAll(async () => {
  handle = await createTestDatabase();
  await loadFixture(handle);
  handler = await createAppHandler(handle);
  for (const name of ["steward", "admin"] as const) {
    clients[name] = new TestClient(handler);
    expect((await clients[name].signIn(name, FIXTURE_PASSWORD)).status).toBe(302);
  }
  clients.anonymous = new TestClient(handler);
});
afterAll(async () => {
  await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function upload(
  client: TestClient,
  fields: Record<string, string>,
  file: { name: string; content: string } | null,
  options: { path?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const form = new FormData();
  form.set("csrf", await client.csrfToken());
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  if (file) form.set("file", new File([file.content], file.name));
  return client.request(options.path ?? "/imports/new", {
    method: "POST",
    body: form,
    headers: { Origin: TEST_ORIGIN, ...options.headers },
  });
}

/** Uploads without JavaScript: the answer is the redirect to the checked preview. */
async function uploadToPreview(
  client: TestClient,
  content: string,
  fields: Record<string, string> = {},
): Promise<string> {
  const response = await upload(
    client,
    { kind: "appeals", ...fields },
    {
      name: "appeals.csv",
      content,
    },
  );
  expect(response.status, await response.clone().text()).toBe(303);
  const location = response.headers.get("Location") ?? "";
  expect(location).toMatch(/^\/imports\/uploads\/[\w-]{20,}$/);
  return location;
}

async function pollJob(client: TestClient, id: string): Promise<JobAnswer> {
  for (let i = 0; i < 200; i++) {
    const response = await client.get(`/imports/jobs/${id}`);
    expect(response.status).toBe(200);
    const job = (await response.json()) as JobAnswer;
    if (job.state !== "running") return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the job did not end");
}

const appealCount = async () =>
  (await handle.db.select({ n: count() }).from(schema.appeals))[0]?.n ?? 0;
const auditOf = async (action: string) =>
  handle.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.action, action));

describe("upload → preview → commit", () => {
  it("previews the mapping, first rows and every error with its line and column", async () => {
    const location = await uploadToPreview(clients.steward, csv(...GOOD_ROWS, BAD_ROW));
    // React separates adjacent text with empty comments: drop them to read the text.
    const html = (await (await clients.steward.get(location)).text()).replaceAll("<!-- -->", "");
    expect(html).toContain("UTF-8（自动识别）");
    expect(html).toContain("逗号（,）");
    expect(html).toMatch(
      /<td>external_id<\/td><td><code>external_id<\/code> (<!-- -->)?工单编号<\/td>/,
    );
    expect(html).toMatch(/<td>来电人<\/td><td>—<\/td><td>个人信息/);
    expect(html).toMatch(/<td>备注<\/td><td>—<\/td><td>忽略：/);
    // The first rows as read: the quoted value spans lines 3–4, so the next row is line 5.
    expect(html).toContain("<td>3</td><td>T2</td>");
    expect(html).toContain("<td>5</td><td>T3</td>");
    // Personal data is not shown back.
    expect(html).not.toContain("张三");
    expect(html).toMatch(/<td>5<\/td><td>type<\/td><td><code>grumble<\/code><\/td>/);
    expect(html).toMatch(/<td>5<\/td><td>received_at<\/td><td><code>2025-02-30 09:00<\/code>/);
    expect(html).toMatch(/<td>5<\/td><td>satisfaction<\/td><td><code>7<\/code>/);
    expect(html).toContain("发现 3 个错误");
    expect(await appealCount()).toBe(0);
  });

  it("commits the checked file and ends at the stored batch", async () => {
    const location = await uploadToPreview(clients.steward, csv(...GOOD_ROWS));
    expect(await (await clients.steward.get(location)).text()).toContain("文件有效");
    const response = await clients.steward.post(location, { intent: "commit" });
    expect(response.status).toBe(303);
    const batchUrl = response.headers.get("Location") ?? "";
    expect(batchUrl).toMatch(/^\/imports\/\d+$/);
    expect(await appealCount()).toBe(2);
    const stored = await handle.db
      .select({ channel: schema.appeals.channel, callerHash: schema.appeals.callerHash })
      .from(schema.appeals)
      .where(eq(schema.appeals.externalId, "T2"));
    expect(stored).toEqual([{ channel: "热线\n第二行", callerHash: null }]);
    const page = await clients.steward.get(batchUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("撤销这次导入");
    // The upload is gone once committed.
    expect((await clients.steward.get(location)).status).toBe(404);
    expect((await auditOf("import.commit")).length).toBeGreaterThan(0);

    // Revert from the batch page: the rows go, and the revert is audited.
    const reverted = await clients.steward.post(batchUrl, { intent: "revert" });
    expect(reverted.status).toBe(303);
    expect(await appealCount()).toBe(0);
    expect((await auditOf("import.revert")).length).toBe(1);
  });

  it("with JavaScript: uploads to /imports/jobs, polls the job, commits through a job", async () => {
    const response = await upload(
      clients.steward,
      { kind: "appeals" },
      { name: "js.csv", content: csv(GOOD_ROWS[0]!) },
      { path: "/imports/jobs", headers: { Accept: "application/json" } },
    );
    expect(response.status).toBe(202);
    const { job } = (await response.json()) as { job: JobAnswer };
    const checked = await pollJob(clients.steward, job.id);
    expect(checked).toMatchObject({ state: "done", bytesRead: checked.totalBytes, rows: 1 });
    const preview = checked.redirectTo ?? "";
    expect(preview).toMatch(/^\/imports\/uploads\//);
    const uploadId = preview.split("/").pop() ?? "";

    // Nobody else reads this user's job or preview: not found.
    expect((await clients.admin.get(`/imports/jobs/${job.id}`)).status).toBe(404);
    expect((await clients.admin.get(preview)).status).toBe(404);
    expect((await clients.admin.get(`${preview}/errors.csv`)).status).toBe(404);
    expect((await clients.admin.post(preview, { intent: "commit" })).status).toBe(404);
    expect(
      (await clients.admin.post(`/imports/jobs?upload=${uploadId}`, { skipInvalid: "" })).status,
    ).toBe(404);
    expect((await clients.anonymous.get(`/imports/jobs/${job.id}`)).status).toBe(302);
    expect(await appealCount()).toBe(0);

    const form = new FormData();
    form.set("csrf", await clients.steward.csrfToken());
    const commit = await clients.steward.request(`/imports/jobs?upload=${uploadId}`, {
      method: "POST",
      body: form,
      headers: { Origin: TEST_ORIGIN, Accept: "application/json" },
    });
    expect(commit.status).toBe(202);
    const committed = await pollJob(
      clients.steward,
      ((await commit.json()) as { job: JobAnswer }).job.id,
    );
    expect(committed.state).toBe("done");
    expect(committed.redirectTo).toMatch(/^\/imports\/\d+$/);
    expect(await appealCount()).toBe(1);
  });

  it("cancelling discards the upload", async () => {
    const held = heldUploadCount();
    const location = await uploadToPreview(clients.steward, csv(GOOD_ROWS[0]!));
    expect(heldUploadCount()).toBe(held + 1);
    const response = await clients.steward.post(location, { intent: "cancel" });
    expect(response.headers.get("Location")).toBe("/imports?cancelled=1");
    expect(heldUploadCount()).toBe(held);
    expect((await clients.steward.get(location)).status).toBe(404);
  });
});

describe("refusals", () => {
  it("refuses a body over the limit by its Content-Length, before reading it", async () => {
    const held = heldUploadCount();
    const response = await upload(
      clients.steward,
      { kind: "appeals" },
      { name: "big.csv", content: csv(GOOD_ROWS[0]!) },
      { headers: { "Content-Length": String(10 * 1024 * 1024) } },
    );
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("文件太大：上限为 51.2 KB");
    expect(heldUploadCount()).toBe(held);
  });

  it("refuses a file that passes the limit while it streams, storing nothing", async () => {
    const before = await appealCount();
    const held = heldUploadCount();
    const rows = Array.from(
      { length: 1200 },
      (_, i) => `BIG${i},12345热线,DEPT-A,complaint,其他,2025-03-01 09:00,,,,`,
    );
    const content = csv(...rows);
    expect(content.length).toBeGreaterThan(55_000);
    for (const target of ["/imports/new", "/imports/jobs"]) {
      const response = await upload(
        clients.steward,
        { kind: "appeals" },
        { name: "big.csv", content },
        { path: target, headers: { Accept: "application/json", "Accept-Language": "en-GB" } },
      );
      expect(response.status).toBe(413);
      expect(await response.text()).toContain("The file is too large");
    }
    expect(heldUploadCount()).toBe(held);
    expect(await appealCount()).toBe(before);
    const refusals = await auditOf("import.upload_refuse");
    expect(
      refusals.filter((event) => (event.after as { reason: string }).reason === "too_large"),
    ).toHaveLength(3);
  });

  it("refuses an upload without the form's token before storing it", async () => {
    const held = heldUploadCount();
    const form = new FormData();
    form.set("kind", "appeals");
    form.set("file", new File([csv(GOOD_ROWS[0]!)], "a.csv"));
    const response = await clients.steward.request("/imports/new", {
      method: "POST",
      body: form,
      headers: { Origin: TEST_ORIGIN },
    });
    expect(response.status).toBe(403);
    expect(heldUploadCount()).toBe(held);
  });

  it("asks for a kind and a file it can read", async () => {
    const missing = await upload(clients.steward, {}, null);
    expect(missing.status).toBe(400);
    const html = await missing.text();
    expect(html).toContain("请选择文件中的数据类型");
    expect(html).toContain("请选择要上传的文件");
    const pdf = await upload(
      clients.steward,
      { kind: "appeals" },
      { name: "a.pdf", content: "%PDF" },
    );
    expect(pdf.status).toBe(400);
    expect(await pdf.text()).toContain("只能导入 .csv、.tsv、.txt 或 .xlsx 文件");
  });

  it("keeps a steward to its own departments", async () => {
    const regions = await upload(
      clients.steward,
      { kind: "regions" },
      { name: "regions.csv", content: "code,name,level\nR1,x,city\n" },
    );
    expect(regions.status).toBe(400);
    expect(await regions.text()).toContain("只有管理员可以导入“行政区划”");

    const before = await appealCount();
    const other = "T9,12345热线,DEPT-B,complaint,其他,2025-03-01 09:00,,,,";
    const location = await uploadToPreview(clients.steward, csv(other));
    const html = await (await clients.steward.get(location)).text();
    expect(html).toContain("belongs to a department you do not look after");
    const response = await clients.steward.post(location, { intent: "commit" });
    expect(response.headers.get("Location")).toBe(`${location}?commit=refused`);
    expect(await (await clients.steward.get(location)).text()).toContain(
      "导入被拒绝，没有保存任何数据",
    );
    expect(await appealCount()).toBe(before);
    const reasons = (await auditOf("import.upload_refuse")).map(
      (event) => (event.after as { reason: string }).reason,
    );
    expect(reasons).toEqual(expect.arrayContaining(["kind_out_of_scope", "out_of_scope"]));
    expect((await auditOf("import.refuse")).length).toBeGreaterThan(0);
  });
});

describe("what the person is told of a file", () => {
  it("names a corrupt workbook by the name it was uploaded under, never the server's path", async () => {
    const response = await upload(
      clients.admin,
      { kind: "appeals" },
      { name: "损坏的工单.xlsx", content: "PK\u0003\u0004 not a workbook at all" },
    );
    expect(response.status, await response.clone().text()).toBe(303);
    const location = response.headers.get("Location") ?? "";
    const html = (await (await clients.admin.get(location)).text()).replaceAll("<!-- -->", "");
    expect(html).toContain("损坏的工单.xlsx: cannot read the workbook");
    // The uploads' folder is mingjing-uploads-<uid> under the temp directory.
    expect(html).not.toContain("mingjing-uploads");
    expect(html).not.toContain(os.tmpdir());
    const refusals = await auditOf("import.upload_refuse");
    const audited = JSON.stringify(refusals.at(-1)?.after);
    expect(audited).toContain("损坏的工单.xlsx: cannot read the workbook");
    expect(audited).not.toContain("mingjing-uploads");
  });

  it("previews a record with a field more than the header as an error of its line", async () => {
    const location = await uploadToPreview(clients.steward, csv(GOOD_ROWS[0]!, `${BAD_ROW},extra`));
    const html = (await (await clients.steward.get(location)).text()).replaceAll("<!-- -->", "");
    expect(html).toMatch(
      /<td>3<\/td><td>field 11<\/td><td><code><\/code><\/td><td>has 11 fields, the header has 10: /,
    );
    expect(html).toContain("发现 1 个错误");
  });
});

describe("error reports", () => {
  const evil = "=cmd|' /C calc'!A0";

  it("serves a preview's errors as CSV, formula-like values made inert", async () => {
    const row = `E1,12345热线,"${evil.replaceAll('"', '""')}",complaint,其他,2025-03-01 09:00,,,,`;
    const location = await uploadToPreview(clients.steward, csv(row));
    const response = await clients.steward.get(`${location}/errors.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("text/csv");
    const parsed = Papa.parse<string[]>((await response.text()).replace(/^\uFEFF/, ""), {
      skipEmptyLines: true,
    });
    expect(parsed.data[0]).toEqual(["file", "line", "column", "value", "reason"]);
    const error = parsed.data.find((cells) => cells[2] === "department_code");
    expect(error?.slice(0, 4)).toEqual(["appeals.csv", "2", "department_code", `'${evil}`]);
  });

  it("serves a stored batch's skipped rows as CSV", async () => {
    const row = `E2,12345热线,"${evil.replaceAll('"', '""')}",complaint,其他,2025-03-01 09:00,,,,`;
    const location = await uploadToPreview(
      clients.steward,
      csv("OK1" + GOOD_ROWS[0]!.slice(2), row),
      {
        skipInvalid: "on",
      },
    );
    const response = await clients.steward.post(location, { intent: "commit", skipInvalid: "on" });
    const batchUrl = response.headers.get("Location") ?? "";
    expect(batchUrl).toMatch(/^\/imports\/\d+$/);
    expect(await (await clients.steward.get(batchUrl)).text()).toContain("跳过的行");
    const report = await (await clients.steward.get(`${batchUrl}/errors.csv`)).text();
    const parsed = Papa.parse<string[]>(report.replace(/^\uFEFF/, ""), { skipEmptyLines: true });
    expect(parsed.data[1]?.slice(1, 4)).toEqual(["3", "department_code", `'${evil}`]);
  });
});

describe("column reference and templates", () => {
  it("lists each kind's columns with Chinese names and links the templates", async () => {
    const html = await (await clients.steward.get("/imports/columns")).text();
    expect(html).toContain("工单编号");
    expect(html).toContain('href="/imports/templates/appeals.xlsx"');
    expect(html).toContain('href="/imports/examples/appeals.csv"');
  });

  it("every template's example row imports cleanly, CSV and .xlsx", async () => {
    for (const kind of IMPORT_KINDS) {
      for (const extension of ["csv", "xlsx"] as const) {
        const response = await clients.admin.get(`/imports/templates/${kind}.${extension}`);
        expect(response.status, `${kind}.${extension}`).toBe(200);
        const file = path.join(dir, `${kind}.${extension}`);
        fs.writeFileSync(file, Buffer.from(await response.arrayBuffer()));
        const options = {
          kind,
          filePath: file,
          actor: { id: null, name: "test", ip: null },
          scope: null,
          timeZone: "Asia/Shanghai",
        };
        const dryRun = await runImport(handle.db, { ...options, dryRun: true });
        expect(dryRun.errors, `${kind}.${extension}`).toEqual([]);
        expect(dryRun).toMatchObject({ outcome: "validated", rowsAccepted: 1 });
        // Stored, so the next kinds' codes refer to something.
        if (extension === "csv") {
          expect((await runImport(handle.db, options)).outcome).toBe("committed");
        }
      }
    }
  });

  it("serves the demo data of a kind as an example file", async () => {
    const response = await clients.steward.get("/imports/examples/departments.csv");
    expect(response.status).toBe(200);
    // UTF-8 with a byte order mark (Response.text() would drop it), CRLF, English headers.
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.startsWith("\uFEFFcode,name,region_code,parent_code\r\n")).toBe(true);
    expect(text.split("\r\n").length).toBeGreaterThan(5);
  });
});
