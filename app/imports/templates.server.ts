import path from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import { IMPORT_COLUMNS } from "../../db/import/columns";
import { IMPORT_KINDS, type ImportKind } from "../../db/schema/enums";
import type * as OfficialDays from "../../db/calendar/official-days";
import type * as Dates from "../../seeds/demo/dates";
import type * as DemoData from "../../seeds/demo/demo-data";
import type { DemoRow } from "../../seeds/demo/demo-data";
import type * as Generate from "../../seeds/demo/generate";
import type * as SeedDemo from "../../seeds/demo/seed-demo.server";
import { escapeFormulaCell, toCsv } from "../utils/csv-export";
import { EXAMPLE_ROWS, formatNote } from "./kinds";
import { mayImportKind } from "./uploads.server";
import type { SessionUser } from "../utils/permissions.server";

const headerOf = (kind: ImportKind) => IMPORT_COLUMNS[kind].map((column) => column.name);

function exampleRow(kind: ImportKind): string[] {
  return headerOf(kind).map((name) => EXAMPLE_ROWS[kind][name] ?? "");
}

/** A kind's CSV template: the English header row and one example row. */
export function templateCsv(kind: ImportKind): string {
  return toCsv(headerOf(kind), [exampleRow(kind)]);
}

/**
 * A kind's .xlsx template: the header row (bold, frozen) and one example row, every cell
 * text (so Excel keeps codes such as 001 and dates as written), formula-like text made
 * inert; a second sheet names each column in Chinese and says whether it is required.
 */
export async function templateXlsx(kind: ImportKind): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Mingjing";
  const sheet = workbook.addWorksheet(kind, { views: [{ state: "frozen", ySplit: 1 }] });
  const textRow = (values: readonly string[]) => {
    const row = sheet.addRow(values.map((value) => String(escapeFormulaCell(value) ?? "")));
    row.eachCell((cell) => {
      cell.numFmt = "@";
    });
    return row;
  };
  textRow(headerOf(kind)).font = { bold: true };
  textRow(exampleRow(kind));
  sheet.columns.forEach((column) => {
    column.width = 18;
  });
  const guide = workbook.addWorksheet("说明 Columns");
  guide.addRow(["column", "中文列名", "required 必填"]).font = { bold: true };
  for (const column of IMPORT_COLUMNS[kind]) {
    guide.addRow([column.name, column.chinese, column.required ? "yes 是" : "no 否"]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

type Modules = [
  typeof SeedDemo,
  typeof DemoData,
  typeof Generate,
  typeof Dates,
  typeof OfficialDays,
];

/**
 * The demo generator, loaded at run time rather than bundled: it reads the official
 * calendar's JSON with an import attribute, which the Remix compiler cannot bundle. The
 * server runs under tsx, which loads it as `npm run seed:csv` does.
 */
async function demoModules(): Promise<Modules> {
  const load = (file: string) => import(/* @vite-ignore */ pathToFileURL(path.resolve(file)).href);
  return (await Promise.all([
    load("seeds/demo/seed-demo.server.ts"),
    load("seeds/demo/demo-data.ts"),
    load("seeds/demo/generate.ts"),
    load("seeds/demo/dates.ts"),
    load("db/calendar/official-days.ts"),
  ])) as Modules;
}

let demoCsvCache: Promise<Map<ImportKind, string>> | undefined;

async function buildDemoCsv(): Promise<Map<ImportKind, string>> {
  const [seed, data, generate, dates, calendar] = await demoModules();
  const demo = seed.defaultDemo();
  // The demo's calendar days, as seeds/demo/write-csv.server.ts writes them.
  const first = dates.addMonths(
    dates.firstOfMonth(generate.DEFAULT_LAST_DAY),
    1 - generate.DEMO_MONTHS,
  );
  const [firstYear, lastYear] = [first.slice(0, 4), generate.DEFAULT_LAST_DAY.slice(0, 4)];
  const days: DemoRow[] = calendar
    .officialDays()
    .filter((day) => day.date.slice(0, 4) >= firstYear && day.date.slice(0, 4) <= lastYear)
    .map((day) => ({ date: day.date, working: day.isWorking, name: day.name }));
  const all: Array<[ImportKind, DemoRow[]]> = [
    ...data.DEMO_KINDS.map((each) => [each, demo[each]] as [ImportKind, DemoRow[]]),
    ["calendar", days],
  ];
  const cache = new Map<ImportKind, string>();
  for (const [kind, rows] of all) {
    const fields = headerOf(kind);
    cache.set(
      kind,
      toCsv(
        fields,
        rows.map((row) => fields.map((field) => row[field] ?? null)),
      ),
    );
  }
  return cache;
}

/**
 * The demo data of a kind, every row, as `npm run seed:csv` writes it (English headers in
 * the documented order), through toCsv. The demo is generated once per process, on the
 * first request, and each kind's CSV kept.
 */
export async function demoCsv(kind: ImportKind): Promise<string> {
  demoCsvCache ??= buildDemoCsv();
  demoCsvCache.catch(() => {
    demoCsvCache = undefined;
  });
  return (await demoCsvCache).get(kind) ?? toCsv(headerOf(kind), []);
}

/** `appeals.csv` → { kind: "appeals", extension: "csv" }; undefined for anything else. */
export function parseTemplateFile(
  file: string | undefined,
): { kind: ImportKind; extension: "csv" | "xlsx" } | undefined {
  const match = /^([a-z-]+)\.(csv|xlsx)$/.exec(file ?? "");
  const kind = IMPORT_KINDS.find((each) => each === match?.[1]);
  return kind && match ? { kind, extension: match[2] as "csv" | "xlsx" } : undefined;
}

/** Every kind's columns with their format notes (message keys), for the column reference page. */
export function columnReference(user: SessionUser) {
  return IMPORT_KINDS.map((kind) => ({
    kind,
    allowed: mayImportKind(user, kind),
    columns: IMPORT_COLUMNS[kind].map((column) => ({
      ...column,
      note: formatNote(kind, column.name),
    })),
  }));
}
