import fs from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { parseSettings } from "../settings.server";
import { runImport, type ImportReport } from "../import/run-import.server";
import { openMigratedDatabase } from "../open-migrated.server";
import { IMPORT_KINDS } from "../schema/enums";

/**
 * npm run import -- --kind KIND FILE [--dry-run] [--skip-invalid] [--encoding ENC]
 * [--delimiter D] [--sheet NAME]: imports one file; progress on stderr, the summary on
 * stdout; exits 1 with the error report when the file is refused (nothing is stored).
 */
const USAGE = `Usage: npm run import -- --kind KIND FILE [--dry-run] [--skip-invalid] [--encoding ENC] [--delimiter D] [--sheet NAME]
KIND: ${IMPORT_KINDS.join(", ")}`;

const argsSchema = z.object({
  kind: z.enum(IMPORT_KINDS),
  file: z.string().min(1),
  dryRun: z.boolean(),
  skipInvalid: z.boolean(),
  encoding: z.string().optional(),
  delimiter: z.string().optional(),
  sheet: z.string().optional(),
});

function progressBar(total: number): (progress: { bytes: number; records: number }) => void {
  let last = 0;
  return ({ bytes, records }) => {
    const now = Date.now();
    if (now - last < 200 && bytes < total) return;
    last = now;
    const share = total > 0 ? Math.min(1, bytes / total) : 1;
    const width = 30;
    const filled = Math.round(share * width);
    process.stderr.write(
      `\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%  ${records.toLocaleString("en")} rows`,
    );
  };
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function printReport(report: ImportReport): void {
  const counts = `${report.rowsTotal} rows read, ${report.rowsAccepted} valid, ${report.rowsRejected} invalid`;
  const summary: Record<ImportReport["outcome"], string> = {
    committed: `Imported ${report.file} as ${report.kind} (batch ${report.batchId}): ${counts}.`,
    unchanged: `${report.file} has the same content as batch ${report.batchId}, already imported: nothing changed.`,
    validated: `${report.file} is valid (dry run, nothing stored): ${counts}.`,
    rejected: `${report.file} was refused, nothing stored: ${counts}, ${report.errorCount} error${report.errorCount === 1 ? "" : "s"}.`,
  };
  console.log(summary[report.outcome]);
  if (report.encoding)
    console.log(`Encoding ${report.encoding}, delimiter ${JSON.stringify(report.delimiter)}.`);
  if (report.ignoredColumns.length)
    console.log(`Ignored columns: ${report.ignoredColumns.join(", ")}.`);
  if (report.personalDataColumns.length) {
    console.log(
      `Personal data columns, never stored in clear: ${report.personalDataColumns.join(", ")}.`,
    );
  }
  if (report.errors.length === 0) return;
  const stream = report.outcome === "rejected" ? process.stderr : process.stdout;
  stream.write("file,line,column,value,reason\n");
  for (const error of report.errors) {
    stream.write(
      `${[error.file, String(error.line), error.column, error.value, error.reason].map(csvCell).join(",")}\n`,
    );
  }
  if (report.errorCount > report.errors.length)
    stream.write(`… and ${report.errorCount - report.errors.length} more\n`);
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      kind: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      "skip-invalid": { type: "boolean", default: false },
      encoding: { type: "string" },
      delimiter: { type: "string" },
      sheet: { type: "string" },
    },
  });
  const parsed = argsSchema.safeParse({
    kind: values.kind,
    file: positionals[0],
    dryRun: values["dry-run"],
    skipInvalid: values["skip-invalid"],
    encoding: values.encoding,
    delimiter: values.delimiter,
    sheet: values.sheet,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    console.error(`${USAGE}\n${issue?.path.join(".") || "arguments"}: ${issue?.message}`);
    return 2;
  }
  const args = parsed.data;
  if (!fs.existsSync(args.file)) {
    console.error(`No such file: ${args.file}`);
    return 2;
  }
  const settings = parseSettings();
  const handle = await openMigratedDatabase(settings, "npm run import");
  try {
    const report = await runImport(handle.db, {
      kind: args.kind,
      filePath: args.file,
      encoding: args.encoding,
      delimiter: args.delimiter,
      sheet: args.sheet,
      dryRun: args.dryRun,
      skipInvalid: args.skipInvalid,
      actor: { id: null, name: "command line", ip: null },
      scope: null,
      timeZone: settings.timeZone,
      piiKey: settings.piiKey,
      onProgress: progressBar(fs.statSync(args.file).size),
    });
    process.stderr.write("\n");
    printReport(report);
    return report.outcome === "rejected" ? 1 : 0;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`\nimport failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
