import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, inArray, sql } from "drizzle-orm";
import type { AnyPgTable } from "drizzle-orm/pg-core";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "../../db/client.server";
import { CopyWriter } from "../../db/import/copy/copy-writer.server";
import { KIND_DEFINITIONS } from "../../db/import/kinds/index";
import { References } from "../../db/import/kinds/references.server";
import {
  runImport,
  type ImportOptions,
  type ImportReport,
} from "../../db/import/run-import.server";
import { rowsStoredOutside } from "../../db/import/stored-owners.server";
import type { ImportKind } from "../../db/schema/enums";
import * as schema from "../../db/schema/index";
import { createTestDatabase, onPostgres } from "../setup/test-database";

/**
 * Issue 18: a steward's import is checked against who owns the rows it would overwrite,
 * not only against the department the file names. 财政局 (MJ-CZJ) owns rows; the steward
 * looks after 人社局 (MJ-RSJ) and 数据局 (MJ-SJJ).
 */
const TZ = "Asia/Shanghai";
const ACTOR = { id: null, name: "test", ip: null };
/** CopyWriter's private steps, watched to see which way PostgreSQL wrote a chunk. */
const writerMethods = CopyWriter.prototype as unknown as Record<
  "mergeQuery" | "openDirect",
  (...args: unknown[]) => unknown
>;
const REASON = "belongs to a department you do not look after";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mingjing-import-scope-"));

/** What the administrator stores first: one row of each kind under MJ-CZJ, some under MJ-RSJ. */
const STORED: Array<[ImportKind, string[]]> = [
  ["departments", ["code,name", "MJ-CZJ,财政局", "MJ-RSJ,人社局", "MJ-SJJ,数据局"]],
  [
    "projects",
    [
      "code,name,department_code,budget",
      "XM-2023-027,财政一体化,MJ-CZJ,1000000",
      "XM-RSJ-1,社保卡,MJ-RSJ,500000",
    ],
  ],
  [
    "service-items",
    [
      "code,name,department_code,maturity",
      "SX-CZJ-1,非税缴款,MJ-CZJ,3",
      "SX-RSJ-1,社保查询,MJ-RSJ,4",
    ],
  ],
  [
    "appeals",
    [
      "external_id,department_code,type,received_at",
      "GD-CZJ-1,MJ-CZJ,complaint,2024-03-01 09:00",
      "GD-RSJ-1,MJ-RSJ,consultation,2024-03-01 09:00",
    ],
  ],
  ["budget-lines", ["project_code,period,category,planned,actual", "XM-2023-027,2024-01,,100,50"]],
  ["milestones", ["project_code,name,weight,planned_date", "XM-2023-027,上线,1,2024-06-30"]],
  [
    "outcome-indicators",
    [
      "project_code,code,name,direction,baseline,target",
      "XM-2023-027,ZB-1,网办率,higher,0,100",
      "XM-RSJ-1,ZB-1,网办率,higher,0,100",
    ],
  ],
  ["outcome-values", ["project_code,indicator_code,period,actual", "XM-2023-027,ZB-1,2024-01,10"]],
  ["service-stats", ["item_code,period,transactions", "SX-CZJ-1,2024-01,100"]],
  [
    "ratings",
    [
      "external_id,target,target_code,score,rated_at",
      "PJ-CZJ-1,project,XM-2023-027,2,2024-03-01 10:00",
      "PJ-CZJ-2,service,SX-CZJ-1,2,2024-03-01 10:00",
    ],
  ],
];

/** The table of each kind a steward may import. */
const TABLES: Partial<Record<ImportKind, AnyPgTable>> = {
  projects: schema.projects,
  "budget-lines": schema.budgetLines,
  milestones: schema.milestones,
  "outcome-indicators": schema.outcomeIndicators,
  "outcome-values": schema.outcomeValues,
  "service-items": schema.serviceItems,
  "service-stats": schema.serviceStats,
  appeals: schema.appeals,
  ratings: schema.ratings,
};

/**
 * A file for each kind that touches a row stored under MJ-CZJ: a new row in scope, then
 * the foreign one (naming the steward's department where the kind has a department
 * column, or a target of the steward's for a rating), and the error it must get.
 */
const FOREIGN: Array<{
  kind: ImportKind;
  lines: string[];
  errors: Array<[line: number, column: string, value: string]>;
}> = [
  {
    kind: "projects",
    lines: [
      "code,name,department_code,budget",
      "XM-RSJ-2,就业平台,MJ-RSJ,100",
      "XM-2023-027,财政一体化,MJ-RSJ,100",
    ],
    errors: [[3, "code", "XM-2023-027"]],
  },
  {
    kind: "service-items",
    lines: [
      "code,name,department_code,maturity",
      "SX-SJJ-1,数据开放,MJ-SJJ,2",
      "SX-CZJ-1,非税缴款,MJ-RSJ,3",
    ],
    errors: [[3, "code", "SX-CZJ-1"]],
  },
  {
    kind: "appeals",
    lines: [
      "external_id,department_code,type,received_at",
      "GD-RSJ-2,MJ-RSJ,complaint,2024-03-02 09:00",
      "GD-CZJ-1,MJ-SJJ,complaint,2024-03-01 09:00",
      // The same foreign row twice: each line is reported.
      "GD-CZJ-1,MJ-RSJ,praise,2024-03-01 09:00",
    ],
    errors: [
      [3, "external_id", "GD-CZJ-1"],
      [4, "external_id", "GD-CZJ-1"],
    ],
  },
  {
    kind: "ratings",
    lines: [
      "external_id,target,target_code,score,rated_at",
      "PJ-RSJ-1,project,XM-RSJ-1,5,2024-03-02 10:00",
      "PJ-CZJ-1,project,XM-RSJ-1,5,2024-03-01 10:00",
      "PJ-CZJ-2,service,SX-RSJ-1,5,2024-03-01 10:00",
    ],
    errors: [
      [3, "external_id", "PJ-CZJ-1"],
      [4, "external_id", "PJ-CZJ-2"],
    ],
  },
  // A child row is keyed by its parent: the parent's department is checked as stored.
  {
    kind: "budget-lines",
    lines: [
      "project_code,period,category,planned,actual",
      "XM-RSJ-1,2024-01,,1,1",
      "XM-2023-027,2024-01,,1,1",
    ],
    errors: [[3, "row", ""]],
  },
  {
    kind: "milestones",
    lines: [
      "project_code,name,weight,planned_date",
      "XM-RSJ-1,上线,1,2024-06-30",
      "XM-2023-027,上线,1,2024-12-31",
    ],
    errors: [[3, "row", ""]],
  },
  {
    kind: "outcome-indicators",
    lines: [
      "project_code,code,name,direction,baseline,target",
      "XM-RSJ-1,ZB-2,满意度,higher,0,100",
      "XM-2023-027,ZB-1,网办率,higher,0,50",
    ],
    errors: [[3, "row", ""]],
  },
  {
    kind: "outcome-values",
    lines: [
      "project_code,indicator_code,period,actual",
      "XM-RSJ-1,ZB-1,2024-01,5",
      "XM-2023-027,ZB-1,2024-01,99",
    ],
    errors: [[3, "row", ""]],
  },
  {
    kind: "service-stats",
    lines: ["item_code,period,transactions", "SX-RSJ-1,2024-01,10", "SX-CZJ-1,2024-01,999"],
    errors: [[3, "row", ""]],
  },
];

describe("a steward's import cannot take over rows stored for another department", () => {
  let handle: DbHandle;
  let fileNumber = 0;
  /** MJ-RSJ and MJ-SJJ: the steward's departments. */
  let steward: number[];
  let czj: number;

  async function importCsv(
    kind: ImportKind,
    lines: string[],
    extra: Partial<ImportOptions> = {},
  ): Promise<ImportReport> {
    fileNumber += 1;
    const filePath = path.join(dir, `${fileNumber}-${kind}.csv`);
    fs.writeFileSync(filePath, `${lines.join("\n")}\n`, "utf8");
    return runImport(handle.db, {
      kind,
      filePath,
      actor: ACTOR,
      scope: steward,
      timeZone: TZ,
      ...extra,
    });
  }

  const tableRows = (kind: ImportKind) =>
    handle.rows(sql`select * from ${TABLES[kind]!} order by id`);

  /** The code of the department a project, service item or appeal is stored under. */
  async function departmentOf(table: "projects" | "service_items" | "appeals", key: string) {
    const column = table === "appeals" ? "external_id" : "code";
    const [row] = await handle.rows<{ code: string }>(
      sql`select d.code from ${sql.identifier(table)} t join departments d on d.id = t.department_id
          where t.${sql.identifier(column)} = ${key}`,
    );
    return row?.code;
  }

  async function moveProject(code: string, departmentId: number) {
    await handle.db
      .update(schema.projects)
      .set({ departmentId })
      .where(eq(schema.projects.code, code));
  }

  beforeAll(async () => {
    handle = await createTestDatabase();
    steward = [];
    for (const [kind, lines] of STORED) {
      const report = await importCsv(kind, lines, { scope: null });
      expect({ kind, errors: report.errors, outcome: report.outcome }).toEqual({
        kind,
        errors: [],
        outcome: "committed",
      });
    }
    const departments = await handle.db
      .select({ id: schema.departments.id, code: schema.departments.code })
      .from(schema.departments)
      .where(inArray(schema.departments.code, ["MJ-CZJ", "MJ-RSJ", "MJ-SJJ"]));
    const idOf = (code: string) => departments.find((row) => row.code === code)!.id;
    czj = idOf("MJ-CZJ");
    steward = [idOf("MJ-RSJ"), idOf("MJ-SJJ")];
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  afterAll(async () => {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each(FOREIGN)(
    "refuses a $kind file touching another department's row",
    async ({ kind, lines, errors }) => {
      const before = await tableRows(kind);
      for (const dryRun of [true, false]) {
        const report = await importCsv(kind, lines, { dryRun });
        expect(report.outcome).toBe("rejected");
        expect(
          report.errors.map((error) => [error.line, error.column, error.value, error.reason]),
        ).toEqual(errors.map((error) => [...error, REASON]));
        expect(report.rowsRejected).toBe(errors.length);
        expect(report.rowsAccepted).toBe(lines.length - 1 - errors.length);
      }
      // Nothing stored: neither the foreign row's new values nor the row in scope beside it.
      expect(await tableRows(kind)).toEqual(before);
    },
  );

  it("leaves the issue's project, and the other refused rows, with MJ-CZJ", async () => {
    await importCsv("projects", ["code,name,department_code,budget", "XM-2023-027,改名,MJ-RSJ,1"]);
    expect(await departmentOf("projects", "XM-2023-027")).toBe("MJ-CZJ");
    expect(await departmentOf("service_items", "SX-CZJ-1")).toBe("MJ-CZJ");
    expect(await departmentOf("appeals", "GD-CZJ-1")).toBe("MJ-CZJ");
  });

  it("finds every kind's stored department, a child's through its parent as stored", async () => {
    for (const [kind, table] of Object.entries(TABLES) as Array<[ImportKind, AnyPgTable]>) {
      const definition = KIND_DEFINITIONS[kind];
      expect(definition.storedOwner, kind).toBeDefined();
      // Every row stored so far, as the rows an import would write.
      const rows = (await handle.db.select().from(table)) as Array<Record<string, unknown>>;
      const ask = (query: ReturnType<typeof sql>) => handle.rows(query);
      const owners = await rowsStoredOutside(definition, rows, steward, ask);
      const ownersOutsideCzj = await rowsStoredOutside(definition, rows, [czj], ask);
      // Stored under MJ-CZJ: the rows the steward may not touch, and the only ones CZJ's may.
      const czjRows = new Set(owners);
      expect(czjRows.size, kind).toBeGreaterThan(0);
      for (let index = 0; index < rows.length; index += 1) {
        expect(ownersOutsideCzj.has(index), `${kind} ${index}`).toBe(!czjRows.has(index));
      }
    }
    for (const [kind, definition] of Object.entries(KIND_DEFINITIONS)) {
      expect(Boolean(definition.storedOwner), kind).toBe(Boolean(definition.departmentOf));
    }
  });

  it("judges a child row by its parent's department as stored when the rows are written", async () => {
    const line = ["project_code,period,category,planned,actual", "XM-RSJ-1,2024-02,,1,1"];
    expect((await importCsv("budget-lines", line, { scope: null })).outcome).toBe("committed");
    // The project moves to MJ-CZJ after the import has loaded what codes refer to.
    const load = References.load.bind(References);
    vi.spyOn(References, "load").mockImplementation(async (db) => {
      const refs = await load(db);
      await moveProject("XM-RSJ-1", czj);
      return refs;
    });
    try {
      const report = await importCsv("budget-lines", [line[0]!, "XM-RSJ-1,2024-02,,9,9"]);
      expect(report.outcome).toBe("rejected");
      expect(
        report.errors.map((error) => [error.line, error.column, error.value, error.reason]),
      ).toEqual([[2, "project_code, period, category", "XM-RSJ-1, 2024-02, ", REASON]]);
    } finally {
      await moveProject("XM-RSJ-1", steward[0]!);
    }
  });

  it("still takes new rows in scope, and rows stored in scope", async () => {
    const report = await importCsv("projects", [
      "code,name,department_code,budget",
      "XM-SJJ-1,数据中台,MJ-SJJ,100",
      // Stored under MJ-RSJ: the steward may hand it to MJ-SJJ, which it also looks after.
      "XM-RSJ-1,社保卡,MJ-SJJ,500000",
    ]);
    expect(report.errors).toEqual([]);
    expect(report.outcome).toBe("committed");
    expect(await departmentOf("projects", "XM-SJJ-1")).toBe("MJ-SJJ");
    expect(await departmentOf("projects", "XM-RSJ-1")).toBe("MJ-SJJ");
  });

  it("with skipInvalid stores the rows in scope and reports the foreign one (merged)", async () => {
    const merge = vi.spyOn(writerMethods, "mergeQuery");
    const report = await importCsv(
      "projects",
      [
        "code,name,department_code,budget",
        "XM-RSJ-3,新项目,MJ-RSJ,100",
        "XM-2023-027,财政一体化,MJ-RSJ,100",
        // Stored in scope: the chunk holds a stored key, so PostgreSQL stages and merges it.
        "XM-RSJ-1,社保卡,MJ-RSJ,600000",
      ],
      { skipInvalid: true },
    );
    expect(report.outcome).toBe("committed");
    expect(
      report.errors.map((error) => [error.line, error.column, error.value, error.reason]),
    ).toEqual([[3, "code", "XM-2023-027", REASON]]);
    expect([report.rowsAccepted, report.rowsRejected]).toEqual([2, 1]);
    expect(await departmentOf("projects", "XM-2023-027")).toBe("MJ-CZJ");
    expect(await departmentOf("projects", "XM-RSJ-3")).toBe("MJ-RSJ");
    const [project] = await handle.db
      .select()
      .from(schema.projects)
      .where(eq(schema.projects.code, "XM-RSJ-1"));
    expect([project?.departmentId, project?.budgetYuan]).toEqual([steward[0], "600000.00"]);
    if (onPostgres) expect(merge).toHaveBeenCalled();
  });

  it("with skipInvalid stores a large file in scope and reports each foreign line (copied)", async () => {
    const merge = vi.spyOn(writerMethods, "mergeQuery");
    const direct = vi.spyOn(writerMethods, "openDirect");
    const lines = ["external_id,department_code,type,received_at"];
    for (let index = 1; index <= 2_500; index += 1) {
      lines.push(`GD-XB-${String(index).padStart(5, "0")},MJ-RSJ,consultation,2024-04-01 09:00`);
      // The foreign appeal in the first chunk and again in a later one.
      if (index === 10 || index === 1_800) lines.push("GD-CZJ-1,MJ-RSJ,praise,2024-03-01 09:00");
    }
    const report = await importCsv("appeals", lines, { skipInvalid: true });
    expect(report.outcome).toBe("committed");
    expect(
      report.errors.map((error) => [error.line, error.column, error.value, error.reason]),
    ).toEqual([
      [12, "external_id", "GD-CZJ-1", REASON],
      [1_803, "external_id", "GD-CZJ-1", REASON],
    ]);
    expect([report.rowsAccepted, report.rowsRejected]).toEqual([2_500, 2]);
    const [stored] = await handle.db
      .select()
      .from(schema.appeals)
      .where(eq(schema.appeals.externalId, "GD-CZJ-1"));
    expect([stored?.departmentId, stored?.type]).toEqual([czj, "complaint"]);
    const [{ n } = { n: 0 }] = await handle.rows<{ n: number }>(
      sql`select count(*)::int as n from appeals where external_id like 'GD-XB-%'`,
    );
    expect(n).toBe(2_500);
    if (onPostgres) {
      expect(direct).toHaveBeenCalled();
      expect(merge).not.toHaveBeenCalled();
    }
  });
});
