import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, eq, type SQL } from "drizzle-orm";
import type { AnyPgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client.server";
import { runImport, type ImportReport } from "../../db/import/run-import.server";
import * as schema from "../../db/schema/index";
import type { ImportKind } from "../../db/schema/enums";
import { IMPORT_KINDS } from "../../db/schema/enums";
import { defaultDemo } from "../../seeds/demo/seed-demo.server";
import { writeDemoCsv } from "../../seeds/demo/write-csv.server";
import { createTestDatabase } from "../setup/test-database";

const TZ = "Asia/Shanghai";
const ACTOR = { id: null, name: "test", ip: null };

/** The table each kind writes, and which of its rows an import of that kind counts. */
const TABLES: Record<ImportKind, { table: AnyPgTable; where?: SQL }> = {
  regions: { table: schema.regions },
  departments: { table: schema.departments },
  projects: { table: schema.projects },
  "budget-lines": { table: schema.budgetLines },
  milestones: { table: schema.milestones },
  "outcome-indicators": { table: schema.outcomeIndicators },
  "outcome-values": { table: schema.outcomeValues },
  "service-items": { table: schema.serviceItems },
  "service-stats": { table: schema.serviceStats },
  appeals: { table: schema.appeals },
  ratings: { table: schema.ratings },
  // The template database holds the packaged official calendar: count the imported days.
  calendar: { table: schema.calendarDays, where: eq(schema.calendarDays.source, "import") },
};

function tempDirectory(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "mingjing-import-kinds-"));
}

async function countRows(handle: DbHandle, kind: ImportKind): Promise<number> {
  const { table, where } = TABLES[kind];
  const query = handle.db.select({ n: count() }).from(table);
  const [row] = await (where ? query.where(where) : query);
  return row?.n ?? 0;
}

describe("importing the demo data set, every kind in dependency order", () => {
  let handle: DbHandle;
  let directory: string;

  beforeAll(async () => {
    handle = await createTestDatabase();
    directory = tempDirectory();
  });
  afterAll(async () => {
    await handle.close();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it("commits every file with no error, storing one row per CSV row", async () => {
    const counts = writeDemoCsv(defaultDemo(), directory);
    expect(Object.keys(counts).sort()).toEqual([...IMPORT_KINDS].sort());
    const durations: Record<string, number> = {};
    for (const kind of IMPORT_KINDS) {
      const started = performance.now();
      const report = await runImport(handle.db, {
        kind,
        filePath: path.join(directory, `${kind}.csv`),
        actor: ACTOR,
        scope: null,
        timeZone: TZ,
      });
      durations[kind] = Math.round(performance.now() - started);
      expect({ kind, outcome: report.outcome, errors: report.errors.slice(0, 5) }).toEqual({
        kind,
        outcome: "committed",
        errors: [],
      });
      expect(report.errorCount).toBe(0);
      expect(report.rowsAccepted).toBe(counts[kind]);
      expect(await countRows(handle, kind)).toBe(counts[kind]);
    }
    console.info("demo import durations (ms):", durations);

    // Parents given by code in the file are linked.
    const [county] = await handle.db
      .select({ parentId: schema.regions.parentId })
      .from(schema.regions)
      .where(eq(schema.regions.code, "990121"));
    const [city] = await handle.db
      .select({ id: schema.regions.id })
      .from(schema.regions)
      .where(eq(schema.regions.code, "990100"));
    expect(county?.parentId).toBe(city?.id);
  }, 300_000);
});

describe("one small file per kind, with Chinese headers", () => {
  let handle: DbHandle;
  let directory: string;
  let fileNumber = 0;

  beforeAll(async () => {
    handle = await createTestDatabase();
    directory = tempDirectory();
  });
  afterAll(async () => {
    await handle.close();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  /** Imports CSV text (lines joined with newlines) as a file of the kind. */
  async function importCsv(
    kind: ImportKind,
    lines: string[],
    scope: readonly number[] | null = null,
  ): Promise<ImportReport> {
    fileNumber += 1;
    const filePath = path.join(directory, `${fileNumber}-${kind}.csv`);
    fs.writeFileSync(filePath, `${lines.join("\n")}\n`, "utf8");
    return runImport(handle.db, { kind, filePath, actor: ACTOR, scope, timeZone: TZ });
  }

  async function expectCommitted(kind: ImportKind, lines: string[]): Promise<ImportReport> {
    const report = await importCsv(kind, lines);
    expect(report.errors).toEqual([]);
    expect(report.outcome).toBe("committed");
    return report;
  }

  /**
   * Imports a file holding a bad row and expects exactly these errors (line, column,
   * value, and the reason's start), and nothing stored: the good rows neither.
   */
  async function expectRejected(
    kind: ImportKind,
    lines: string[],
    expected: Array<[line: number, column: string, value: string, reason: string]>,
  ): Promise<void> {
    const before = await countRows(handle, kind);
    const report = await importCsv(kind, lines);
    expect(report.outcome).toBe("rejected");
    expect(report.batchId).toBeNull();
    const actual = report.errors.map((error) => [
      error.line,
      error.column,
      error.value,
      error.reason,
    ]);
    expect(actual).toHaveLength(expected.length);
    for (const [index, [line, column, value, reason]] of expected.entries()) {
      expect(actual[index]).toEqual([line, column, value, expect.stringContaining(reason)]);
      // Reasons say first what was expected (the fragments given here start the reasons).
      if (reason.startsWith("expected")) expect(actual[index]?.[3]).toMatch(/^expected /);
    }
    for (const error of report.errors) expect(error.file).toBe(`${fileNumber}-${kind}.csv`);
    expect(await countRows(handle, kind)).toBe(before);
  }

  const idOf = async (table: typeof schema.projects | typeof schema.serviceItems, code: string) => {
    const [row] = await handle.db.select({ id: table.id }).from(table).where(eq(table.code, code));
    if (!row) throw new Error(`no row with code ${code}`);
    return row.id;
  };

  it("regions: levels in Chinese, parents above in the file linked by code", async () => {
    await expectCommitted("regions", [
      "区划编码,区划名称,层级,上级区划编码",
      "330000,浙江省,省,",
      "330100,杭州市,市级,330000",
      "330102,上城区,county,330100",
    ]);
    const rows = await handle.db.select().from(schema.regions).orderBy(schema.regions.code);
    expect(rows.map((row) => [row.code, row.name, row.level])).toEqual([
      ["330000", "浙江省", "province"],
      ["330100", "杭州市", "city"],
      ["330102", "上城区", "county"],
    ]);
    expect(rows[1]?.parentId).toBe(rows[0]?.id);
    expect(rows[2]?.parentId).toBe(rows[1]?.id);
    expect(rows[0]?.parentId).toBeNull();

    await expectRejected(
      "regions",
      [
        "区划编码,区划名称,层级,上级区划编码",
        "340000,安徽省,省,",
        "340100,合肥市,镇,349999",
        "340200,芜湖市,市,340300",
        "340300,蚌埠市,市,340300",
        "34 01,,市,",
      ],
      [
        [3, "level", "镇", "expected a region level: province (省, 省级), city"],
        [3, "parent_code", "349999", "expected the code of a known region or of one defined above"],
        [4, "parent_code", "340300", "expected the code of a known region or of one defined above"],
        [
          5,
          "parent_code",
          "340300",
          "expected the code of another region: a region cannot be its own parent",
        ],
        [6, "code", "34 01", "expected a code of 1–64 letters"],
        [6, "name", "", "expected a value: this column is required"],
      ],
    );
  });

  it("regions: a parent that would make a cycle is refused", async () => {
    // Within the file: 350000 would sit under 350100, which sits under 350000.
    await expectRejected(
      "regions",
      [
        "区划编码,区划名称,层级,上级区划编码",
        "350000,福建省,省,",
        "350100,福州市,市,350000",
        "350000,福建省,省,350100",
      ],
      [
        [
          4,
          "parent_code",
          "350100",
          "expected a parent that is not under this region: 350000 → 350100 → 350000",
        ],
      ],
    );
    // Through stored rows (330102 is under 330100, under 330000): found once written, the
    // file is refused whole and the report names the row's line, column and value.
    await expectRejected(
      "regions",
      ["区划编码,区划名称,层级,上级区划编码", "330000,浙江省,省,330102"],
      [
        [
          2,
          "parent_code",
          "330102",
          "expected a parent that is not under this region: with the regions stored already, 330000 would be its own ancestor",
        ],
      ],
    );
    const [province] = await handle.db
      .select({ parentId: schema.regions.parentId })
      .from(schema.regions)
      .where(eq(schema.regions.code, "330000"));
    expect(province?.parentId).toBeNull();
  });

  it("departments: region and parent by code, names unique", async () => {
    await expectCommitted("departments", [
      "部门编码,部门名称,区划编码,上级部门编码",
      "HZ-ZF,杭州市人民政府,330100,",
      "HZ-SJJ,杭州市数据资源管理局,330100,HZ-ZF",
      "SC-ZF,上城区人民政府,330102,—",
    ]);
    const rows = await handle.db.select().from(schema.departments).orderBy(schema.departments.code);
    const hangzhou = await handle.db
      .select()
      .from(schema.regions)
      .where(eq(schema.regions.code, "330100"));
    const [zf, sjj] = [
      rows.find((row) => row.code === "HZ-ZF"),
      rows.find((row) => row.code === "HZ-SJJ"),
    ];
    expect(sjj?.name).toBe("杭州市数据资源管理局");
    expect(sjj?.regionId).toBe(hangzhou[0]?.id);
    expect(sjj?.parentId).toBe(zf?.id);
    expect(zf?.parentId).toBeNull();

    await expectRejected(
      "departments",
      [
        "部门编码,部门名称,区划编码,上级部门编码",
        "HZ-NEW,杭州市新部门,330100,",
        "HZ-X,杭州市数据资源管理局,330100,",
        "HZ-Y,杭州市新部门,339999,HZ-Z",
        "HZ-Z,某局,,HZ-Z",
      ],
      [
        [3, "name", "杭州市数据资源管理局", "expected a name no other department has"],
        [4, "name", "杭州市新部门", "expected a name no other department has: HZ-NEW above"],
        [4, "region_code", "339999", "expected the code of a known region"],
        [
          4,
          "parent_code",
          "HZ-Z",
          "expected the code of a known department or of one defined above",
        ],
        [5, "parent_code", "HZ-Z", "expected the code of another department"],
      ],
    );
  });

  it("projects: 万元 header, Chinese dates and enums, department by name, stage defaults", async () => {
    await expectCommitted("projects", [
      "项目编码,项目名称,建设单位,项目类别,资金来源,项目阶段,批复金额(万元),计划开始日期,计划完成日期,目标用户数",
      'XM-1,城市大脑二期,HZ-SJJ,=SUM(A1),财政资金,建设实施,12.5,2021年7月1日,2022/6/30,"1,200"',
      'XM-2,一网通办,杭州市数据资源管理局,,,,"1,000",2021-07-01,,',
      "XM-3,上城区平台,SC-ZF,,专项资金,试运行,80万元,,,0",
    ]);
    const rows = await handle.db.select().from(schema.projects).orderBy(schema.projects.code);
    const sjj = await handle.db
      .select()
      .from(schema.departments)
      .where(eq(schema.departments.code, "HZ-SJJ"));
    expect(
      rows.map((row) => [
        row.code,
        row.departmentId === sjj[0]?.id,
        row.category,
        row.fundingSource,
        row.stage,
        row.budgetYuan,
        row.plannedStart,
        row.plannedEnd,
        row.targetUsers,
      ]),
    ).toEqual([
      [
        "XM-1",
        true,
        "=SUM(A1)",
        "fiscal",
        "construction",
        "125000.00",
        "2021-07-01",
        "2022-06-30",
        1200,
      ],
      ["XM-2", true, null, null, "proposal", "10000000.00", "2021-07-01", null, null],
      ["XM-3", false, null, "special_fund", "trial_operation", "800000.00", null, null, 0],
    ]);

    await expectRejected(
      "projects",
      [
        "项目编码,项目名称,建设单位,项目类别,资金来源,项目阶段,批复金额,计划开始日期,计划完成日期,目标用户数",
        "XM-4,好项目,HZ-SJJ,,,,100,,,",
        "XM-5,坏项目,HZ-NONE,,政府,,-5,2022-01-01,2021年12月31日,-5",
      ],
      [
        [
          3,
          "department_code",
          "HZ-NONE",
          "is not the code or the exact name of a known department",
        ],
        [3, "funding_source", "政府", "expected a funding source"],
        [3, "budget", "-5", "expected an amount that is not negative"],
        [
          3,
          "planned_end",
          "2021年12月31日",
          "expected a date on or after the planned start (2022-01-01)",
        ],
        [3, "target_users", "-5", "expected a number of target users of 0 or more"],
      ],
    );
  });

  it("budget-lines: amounts in 元 and 万, periods in Chinese, a line without category is one key", async () => {
    await expectCommitted("budget-lines", [
      "项目编码,期间,支出类别,计划金额,实际支出",
      'XM-1,2021年7月,硬件,"12,500.50",12.5万',
      "XM-1,2021-07,,100,0",
      "XM-1,2021/8,软件,200,¥150",
    ]);
    await expectCommitted("budget-lines", [
      "项目编码,期间,支出类别,计划金额,实际支出",
      "XM-1,2021-07,,300,50",
    ]);
    const xm1 = await idOf(schema.projects, "XM-1");
    const rows = await handle.db
      .select()
      .from(schema.budgetLines)
      .where(eq(schema.budgetLines.projectId, xm1))
      .orderBy(schema.budgetLines.period, schema.budgetLines.category);
    expect(rows.map((row) => [row.period, row.category, row.plannedYuan, row.actualYuan])).toEqual([
      ["2021-07-01", "hardware", "12500.50", "125000.00"],
      ["2021-07-01", null, "300.00", "50.00"],
      ["2021-08-01", "software", "200.00", "150.00"],
    ]);

    // A steward of 上城区人民政府 may not import XM-1's lines (XM-1 belongs to HZ-SJJ).
    const [scZf] = await handle.db
      .select({ id: schema.departments.id })
      .from(schema.departments)
      .where(eq(schema.departments.code, "SC-ZF"));
    const scoped = await importCsv(
      "budget-lines",
      [
        "项目编码,期间,支出类别,计划金额,实际支出",
        "XM-3,2021-07,培训,1,1",
        "XM-1,2021-09,培训,1,1",
      ],
      [scZf?.id ?? -1],
    );
    expect(scoped.outcome).toBe("rejected");
    expect(scoped.errors.map((error) => [error.line, error.column, error.reason])).toEqual([
      [3, "row", "belongs to a department you do not look after"],
    ]);

    await expectRejected(
      "budget-lines",
      [
        "项目编码,期间,支出类别,计划金额,实际支出",
        "XM-2,2021-09,培训,10,10",
        "XM-1,2021-13,运维,-5,abc",
        "XM-9,2021-07,家具,1,1",
      ],
      [
        [3, "period", "2021-13", "expected"],
        [3, "planned", "-5", "expected an amount that is not negative"],
        [3, "actual", "abc", "expected an amount such as"],
        [4, "project_code", "XM-9", "expected the code of a known project"],
        [4, "category", "家具", "expected a cost category"],
      ],
    );
  });

  it("milestones: a weight as a percentage, dates in any accepted form", async () => {
    await expectCommitted("milestones", [
      "项目编码,里程碑名称,项目阶段,权重,计划日期,实际日期,预计日期",
      "XM-1,需求调研,可行性研究,20%,2021年7月1日,2021/7/3,",
      "XM-1,上线试运行,试运行,0.35,2022-03-01,,2022-04-01",
    ]);
    const rows = await handle.db
      .select()
      .from(schema.milestones)
      .orderBy(schema.milestones.plannedDate);
    expect(
      rows.map((row) => [
        row.name,
        row.stage,
        row.weight,
        row.plannedDate,
        row.actualDate,
        row.forecastDate,
      ]),
    ).toEqual([
      ["需求调研", "feasibility", "0.200000", "2021-07-01", "2021-07-03", null],
      ["上线试运行", "trial_operation", "0.350000", "2022-03-01", null, "2022-04-01"],
    ]);

    await expectRejected(
      "milestones",
      [
        "项目编码,里程碑名称,项目阶段,权重,计划日期,实际日期,预计日期",
        "XM-2,验收,竣工验收,0.5,2022-01-01,,",
        "XM-1,,,-0.1,2021-02-29,,",
        "XM-1,部署,部署阶段,2000000,,7/1,",
      ],
      [
        [3, "name", "", "expected a value: this column is required"],
        [3, "weight", "-0.1", "expected a weight of 0 or more"],
        [3, "planned_date", "2021-02-29", "expected"],
        [4, "stage", "部署阶段", "expected a lifecycle stage"],
        [4, "weight", "2000000", "expected a weight below 1,000,000"],
        [4, "planned_date", "", "expected a value: this column is required"],
        [4, "actual_date", "7/1", "expected a date such as"],
      ],
    );
  });

  it("outcome-indicators: directions in Chinese, a target must point the indicator's way", async () => {
    await expectCommitted("outcome-indicators", [
      "项目编码,指标编码,指标名称,计量单位,指标方向,基期值,目标值,权重",
      "XM-1,SAT,用户满意度,%,正向,80.5,95,0.4",
      "XM-1,TIME,办理时长,工作日,反向,10,4.5,",
      "XM-2,SAT,用户满意度,%,higher,90%,90%,40%",
    ]);
    const rows = await handle.db
      .select()
      .from(schema.outcomeIndicators)
      .orderBy(schema.outcomeIndicators.projectId, schema.outcomeIndicators.code);
    expect(
      rows.map((row) => [row.code, row.unit, row.direction, row.baseline, row.target, row.weight]),
    ).toEqual([
      ["SAT", "%", "higher", "80.5", "95", "0.400000"],
      ["TIME", "工作日", "lower", "10", "4.5", null],
      ["SAT", "%", "higher", "0.9", "0.9", "0.400000"],
    ]);

    await expectRejected(
      "outcome-indicators",
      [
        "项目编码,指标编码,指标名称,计量单位,指标方向,基期值,目标值,权重",
        "XM-1,OK,好指标,,正向,1,2,",
        "XM-1,BAD,坏指标,,反向,10,12,",
        "XM-1,BAD2,坏指标二,,up,1,x,",
      ],
      [
        [
          3,
          "target",
          "12",
          "expected a target of at most the baseline (10), since lower is better",
        ],
        [4, "direction", "up", "expected an indicator direction: higher (正向) or lower (反向)"],
        [4, "target", "x", "expected a number such as"],
      ],
    );
  });

  it("outcome-values: the indicator of the project, exact decimals", async () => {
    await expectCommitted("outcome-values", [
      "项目编码,指标编码,期间,实际值",
      "XM-1,SAT,2021年8月,85.25",
      'XM-1,TIME,2021-08,"1,234.5"',
      "XM-2,SAT,2021/8,91.5%",
    ]);
    const rows = await handle.db
      .select({
        code: schema.outcomeIndicators.code,
        projectId: schema.outcomeIndicators.projectId,
        period: schema.outcomeValues.period,
        actual: schema.outcomeValues.actual,
      })
      .from(schema.outcomeValues)
      .innerJoin(
        schema.outcomeIndicators,
        eq(schema.outcomeIndicators.id, schema.outcomeValues.indicatorId),
      )
      .orderBy(schema.outcomeIndicators.projectId, schema.outcomeIndicators.code);
    const xm1 = await idOf(schema.projects, "XM-1");
    expect(rows.map((row) => [row.projectId === xm1, row.code, row.period, row.actual])).toEqual([
      [true, "SAT", "2021-08-01", "85.25"],
      [true, "TIME", "2021-08-01", "1234.5"],
      [false, "SAT", "2021-08-01", "0.915"],
    ]);

    await expectRejected(
      "outcome-values",
      [
        "项目编码,指标编码,期间,实际值",
        "XM-1,SAT,2021-09,86",
        "XM-1,NOPE,2021-08,1",
        "XM-3,SAT,2021,abc",
      ],
      [
        [3, "indicator_code", "NOPE", "expected the code of a known indicator of this project"],
        [4, "indicator_code", "SAT", "expected the code of a known indicator of this project"],
        [4, "period", "2021", "expected a month such as"],
        [4, "actual", "abc", "expected a number such as"],
      ],
    );
  });

  it("service-items: maturity, yes/no in Chinese with defaults, department by name", async () => {
    await expectCommitted("service-items", [
      "事项编码,事项名称,实施部门,成熟度,最多跑一次,高频事项,承诺时限",
      "SX-1,户籍迁移,HZ-SJJ,3,是,否,5",
      "SX-2,+86 服务热线,杭州市数据资源管理局,0,,,",
    ]);
    const rows = await handle.db
      .select()
      .from(schema.serviceItems)
      .orderBy(schema.serviceItems.code);
    expect(
      rows.map((row) => [
        row.code,
        row.name,
        row.maturity,
        row.oneVisit,
        row.highFrequency,
        row.timeLimitDays,
      ]),
    ).toEqual([
      ["SX-1", "户籍迁移", 3, true, false, 5],
      ["SX-2", "+86 服务热线", 0, false, false, null],
    ]);

    await expectRejected(
      "service-items",
      [
        "事项编码,事项名称,实施部门,成熟度,最多跑一次,高频事项,承诺时限",
        "SX-3,好事项,HZ-SJJ,1,Y,N,1",
        "SX-4,坏事项,HZ-SJJ,5,也许,N,-1",
        "SX-5,另一个,HZ-SJJ,2.5,,,3000000000",
      ],
      [
        [3, "maturity", "5", "expected a maturity level from 0 to 4"],
        [3, "one_visit", "也许", "expected yes or no"],
        [3, "time_limit_days", "-1", "expected a time limit of 0 or more working days"],
        [4, "maturity", "2.5", "expected a whole number"],
        [
          4,
          "time_limit_days",
          "3000000000",
          "expected a time limit of 0 or more working days, at most 2,147,483,647",
        ],
      ],
    );
  });

  it("service-stats: counts with separators, online and on-time within their totals", async () => {
    await expectCommitted("service-stats", [
      "事项编码,期间,办件量,网办量,办结量,按时办结量",
      'SX-1,2021年7月,"1,000",800,990,980',
      "SX-2,2021-07,0,,,",
    ]);
    const rows = await handle.db
      .select()
      .from(schema.serviceStats)
      .orderBy(schema.serviceStats.itemId);
    expect(
      rows.map((row) => [
        row.period,
        row.transactions,
        row.online,
        row.completed,
        row.completedOnTime,
      ]),
    ).toEqual([
      ["2021-07-01", 1000, 800, 990, 980],
      ["2021-07-01", 0, null, null, null],
    ]);

    await expectRejected(
      "service-stats",
      [
        "事项编码,期间,办件量,网办量,办结量,按时办结量",
        "SX-2,2021-08,5,5,5,5",
        "SX-1,2021-08,100,101,50,51",
        "SX-9,2021-08,,,-1,",
      ],
      [
        [3, "online", "101", "expected at most the number of transactions (100)"],
        [
          3,
          "completed_on_time",
          "51",
          "expected at most the number of completed transactions (50)",
        ],
        [4, "item_code", "SX-9", "expected the code of a known service item"],
        [4, "transactions", "", "expected a value: this column is required"],
        [4, "completed", "-1", "expected a number of completed transactions of 0 or more"],
      ],
    );
  });

  it("appeals: the existing kind under the complete table of kinds", async () => {
    await expectCommitted("appeals", [
      "工单编号,渠道,承办部门,诉求类型,诉求分类,受理时间,答复时间,满意度",
      "GD-1,12345热线,杭州市数据资源管理局,投诉,-噪音,2021年7月1日 9:05,2021-07-02 10:00,5",
    ]);
    const [row] = await handle.db.select().from(schema.appeals);
    expect([row?.externalId, row?.category, row?.type, row?.receivedAt.toISOString()]).toEqual([
      "GD-1",
      "-噪音",
      "complaint",
      "2021-07-01T01:05:00.000Z",
    ]);
    await expectRejected(
      "appeals",
      [
        "工单编号,渠道,承办部门,诉求类型,诉求分类,受理时间,答复时间,满意度",
        "GD-2,12345热线,HZ-SJJ,咨询,,2021-07-01 09:00,,",
        "GD-3,12345热线,HZ-SJJ,咨询,,2021-07-01 09:00,2021-06-30 09:00,6",
      ],
      [
        [3, "satisfaction", "6", "expected a satisfaction score from 1 to 5"],
        [3, "replied_at", "2021-06-30 09:00", "is before the time the appeal was received"],
      ],
    );
  });

  it("ratings: a service item or a project by code, comments wait for moderation", async () => {
    await expectCommitted("ratings", [
      "评价编号,评价对象,对象编码,评分,渠道,评价时间,评价内容",
      "PJ-1,事项,SX-1,5,窗口,2021年7月1日 9:05,@所有人 很好",
      "PJ-2,项目,XM-1,3,,2021-07-02 10:00:00,",
    ]);
    const [sx1, xm1] = [
      await idOf(schema.serviceItems, "SX-1"),
      await idOf(schema.projects, "XM-1"),
    ];
    const read = () => handle.db.select().from(schema.ratings).orderBy(schema.ratings.externalId);
    expect(
      (await read()).map((row) => [
        row.externalId,
        row.target,
        row.serviceItemId,
        row.projectId,
        row.score,
        row.channel,
        row.ratedAt.toISOString(),
        row.comment,
        row.commentState,
      ]),
    ).toEqual([
      [
        "PJ-1",
        "service",
        sx1,
        null,
        5,
        "窗口",
        "2021-07-01T01:05:00.000Z",
        "@所有人 很好",
        "pending",
      ],
      ["PJ-2", "project", null, xm1, 3, null, "2021-07-02T02:00:00.000Z", null, null],
    ]);

    // A moderator approves PJ-1's comment; importing it again with the same comment keeps
    // the decision, a new comment waits for moderation again.
    await handle.db
      .update(schema.ratings)
      .set({ commentState: "approved" })
      .where(eq(schema.ratings.externalId, "PJ-1"));
    await expectCommitted("ratings", [
      "评价编号,评价对象,对象编码,评分,渠道,评价时间,评价内容",
      "PJ-1,事项,SX-1,4,窗口,2021年7月1日 9:05,@所有人 很好",
      "PJ-2,项目,XM-1,3,,2021-07-02 10:00:00,还行",
    ]);
    expect((await read()).map((row) => [row.score, row.comment, row.commentState])).toEqual([
      [4, "@所有人 很好", "approved"],
      [3, "还行", "pending"],
    ]);
    await expectCommitted("ratings", [
      "评价编号,评价对象,对象编码,评分,渠道,评价时间,评价内容",
      "PJ-1,事项,SX-1,4,窗口,2021年7月1日 9:05,改了主意",
    ]);
    expect((await read()).map((row) => [row.comment, row.commentState])[0]).toEqual([
      "改了主意",
      "pending",
    ]);

    await expectRejected(
      "ratings",
      [
        "评价编号,评价对象,对象编码,评分,渠道,评价时间,评价内容",
        "PJ-3,事项,SX-2,4,,2021-07-03,",
        "PJ-4,事项,XM-1,6,,2021-07-02,",
        "PJ-5,评论,SX-1,3,,yesterday,",
      ],
      [
        [
          3,
          "target_code",
          "XM-1",
          "expected the code of a known service item, as the target is a service",
        ],
        [3, "score", "6", "expected a score from 1 to 5"],
        [4, "target", "评论", "expected a rating target: service (事项) or project (项目)"],
        [4, "rated_at", "yesterday", "expected a date and time such as"],
      ],
    );
  });

  it("calendar: days in Chinese dates, yes/no in Chinese, marked as imported", async () => {
    await expectCommitted("calendar", [
      "日期,是否工作日,名称",
      "2021年10月9日,是,国庆节调休",
      "2021/10/1,否,国庆节",
      "2031-01-01,否,",
    ]);
    const rows = await handle.db
      .select()
      .from(schema.calendarDays)
      .where(eq(schema.calendarDays.source, "import"))
      .orderBy(schema.calendarDays.date);
    expect(rows.map((row) => [row.date, row.isWorking, row.name])).toEqual([
      ["2021-10-01", false, "国庆节"],
      ["2021-10-09", true, "国庆节调休"],
      ["2031-01-01", false, null],
    ]);

    await expectRejected(
      "calendar",
      ["日期,是否工作日,名称", "2032-01-01,否,元旦", "2021-10-32,maybe,"],
      [
        [3, "date", "2021-10-32", "expected"],
        [3, "working", "maybe", "expected yes or no"],
      ],
    );
  });
});
