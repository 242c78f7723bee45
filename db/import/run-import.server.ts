import fs from "node:fs";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import type postgres from "postgres";
import type { Database } from "../client.server";
import { recordAudit } from "../queries/audit.server";
import type { ImportKind } from "../schema/enums";
import { importBatches } from "../schema/imports";
import { KIND_DEFINITIONS } from "./kinds/index";
import { RowRefusal, type ImportContext, type ImportRow, type Tx } from "./kinds/kind";
import { References } from "./kinds/references.server";
import { RowReader } from "./kinds/row-reader";
import type { ReadProgress } from "./read/file-record";
import { readRecords } from "./read/read-records";
import { matchHeaders } from "./values/header-match";
import { CopyWriter, postgresClientOf, postgresPoolOf } from "./copy/copy-writer.server";
import { copyFailureOf } from "./copy/copy-stream.server";
import { refreshTouchedRollups } from "./refresh-rollups.server";
import { openCasesForBadReviews } from "../queries/rectification.server";
import { TouchedCells } from "./touched-cells";
import { lastPerKey, writeChunk } from "./write-chunk.server";
import { hashFileOffThread } from "./file-hash.server";
import { AppealRollupDeltas } from "./appeal-deltas.server";
import { askInTransaction, askOutside, StoredOwnerCheck } from "./stored-owners.server";
import { loadAppealClock } from "../rollups/clock.server";
import { lockAppealRollups } from "../rollups/appeal-rollups.server";

export interface ImportOptions {
  kind: ImportKind;
  filePath: string;
  /** The name the user knows the file by (an upload's original name). */
  fileName?: string;
  encoding?: string;
  delimiter?: string;
  sheet?: string;
  /** Validate everything, store nothing. */
  dryRun?: boolean;
  /** Store the valid rows, report the invalid ones (otherwise all-or-nothing). */
  skipInvalid?: boolean;
  actor: { id: number | null; name: string; ip: string | null };
  /** A steward's departments; null for someone who may import for every department. */
  scope: readonly number[] | null;
  timeZone: string;
  piiKey?: string;
  onProgress?: (progress: ReadProgress) => void;
  /** Tests: fail after writing this many rows, as a crash in mid-commit would. */
  failAfterRows?: number;
  /** Tests: appeal roll-up cells counted before they are written (AppealRollupDeltas). */
  rollupCellsPerWrite?: number;
}

/** One rejected value, as the error report lists it. */
export interface ImportError {
  file: string;
  /** The physical line where the record starts; the header is line 1. */
  line: number;
  column: string;
  value: string;
  reason: string;
}

export interface ImportReport {
  /** committed; rejected (nothing stored); validated (dry run); unchanged (same content as an earlier import). */
  outcome: "committed" | "rejected" | "validated" | "unchanged";
  batchId: number | null;
  file: string;
  kind: ImportKind;
  encoding: string | null;
  delimiter: string | null;
  rowsTotal: number;
  rowsAccepted: number;
  rowsRejected: number;
  /** The first MAX_REPORTED_ERRORS errors; errorCount counts them all. */
  errors: ImportError[];
  errorCount: number;
  ignoredColumns: string[];
  personalDataColumns: string[];
}

export const MAX_REPORTED_ERRORS = 10_000;
/** Rows per batched INSERT (PGlite, and rows COPY cannot take). */
const CHUNK_ROWS = 2_000;
/**
 * Rows per COPY (PostgreSQL). A chunk's row objects live until it is sent, long enough for
 * V8 to move them to the old generation, which it only collects once it has grown to a
 * multiple of what survives: the smaller the chunk, the less the heap grows between
 * collections. bench:import, 1 M appeals: 10,000 rows peaked at 330 MB RSS, 2,500 at
 * 290 MB for 3 % fewer rows/s. Since chunks of new keys go on into one open COPY, a chunk
 * costs no wait on the transaction's connection: 300k appeals, 2,500 rows peaked at
 * 253–306 MB, 1,000 at 249–253 MB.
 */
const COPY_CHUNK_ROWS = 1_000;

class Rollback extends Error {}

const OUT_OF_SCOPE = "belongs to a department you do not look after";

/** What a batch's content hash holds until the file's hash is known (at commit). */
const HASH_NOT_YET_KNOWN = "0".repeat(64);

/**
 * Imports one file of one kind: reads it as a stream, validates every record, and in one
 * transaction writes the rows (with the batch as lineage and what they replace, for a
 * revert) and brings the roll-ups up to date. A file with any invalid value stores
 * nothing unless skipInvalid; a refused file leaves no batch behind, only an audit event.
 */
export async function runImport(db: Database, options: ImportOptions): Promise<ImportReport> {
  const definition = KIND_DEFINITIONS[options.kind];
  const file = options.fileName ?? path.basename(options.filePath);
  const { size: bytes } = await fs.promises.stat(options.filePath);
  // Hashed on another thread while the file is read: the hash is stored at commit, and
  // waited for first only when a committed file of the same size may hold the same content.
  // A dry run stores nothing and needs no hash.
  const hashing = options.dryRun ? undefined : hashFileOffThread(options.filePath);
  hashing?.catch(() => {});
  const report: ImportReport = {
    outcome: "rejected",
    batchId: null,
    file,
    kind: options.kind,
    encoding: null,
    delimiter: null,
    rowsTotal: 0,
    rowsAccepted: 0,
    rowsRejected: 0,
    errors: [],
    errorCount: 0,
    ignoredColumns: [],
    personalDataColumns: [],
  };
  const addError = (error: Omit<ImportError, "file">) => {
    report.errorCount += 1;
    if (report.errors.length < MAX_REPORTED_ERRORS) report.errors.push({ file, ...error });
  };

  if (hashing) {
    const sameSize = await db
      .select({ id: importBatches.id, hash: importBatches.contentHash })
      .from(importBatches)
      .where(
        and(
          eq(importBatches.kind, options.kind),
          eq(importBatches.byteSize, bytes),
          eq(importBatches.state, "committed"),
        ),
      );
    if (sameSize.length > 0) {
      const { hash } = await hashing;
      const same = sameSize.find((batch) => batch.hash === hash);
      if (same) return { ...report, outcome: "unchanged", batchId: same.id };
    }
  }

  const source = await readRecords(options.filePath, {
    fileName: file,
    encoding: options.encoding,
    delimiter: options.delimiter,
    sheet: options.sheet,
    onProgress: options.onProgress,
  });
  report.encoding = "encoding" in source ? source.encoding : null;
  report.delimiter = "delimiter" in source ? source.delimiter : null;
  const match = matchHeaders(options.kind, source.header.values);
  report.ignoredColumns = match.ignored.map((column) => column.header);
  report.personalDataColumns = match.pii.map((column) => column.header);
  for (const problem of [...match.missing, ...match.duplicates]) {
    addError({
      line: source.header.line,
      column: "header" in problem ? String(problem.header) : problem.name,
      value: "",
      reason: problem.reason,
    });
  }
  if (options.scope && !definition.departmentOf) {
    addError({
      line: 1,
      column: "file",
      value: "",
      reason: `only an administrator may import ${options.kind}: they belong to no department`,
    });
  }
  if (!match.ok || report.errorCount > 0) return await refused(db, options, report);

  const refs = await References.load(db);
  const context: ImportContext = { refs, timeZone: options.timeZone, piiKey: options.piiKey };
  const touched = new TouchedCells(options.kind, options.timeZone);
  let written = 0;
  /** PostgreSQL: the transaction's connection, whose COPYs may have failed. */
  let connection: postgres.Sql | undefined;

  try {
    await db.transaction(async (tx: Tx) => {
      const [batch] = await tx
        .insert(importBatches)
        .values({
          kind: options.kind,
          fileName: file,
          contentHash: HASH_NOT_YET_KNOWN,
          byteSize: bytes,
          encoding: report.encoding,
          delimiter: report.delimiter,
          userId: options.actor.id,
          departmentId: options.scope?.length === 1 ? options.scope[0] : null,
          state: "previewed",
        })
        .returning({ id: importBatches.id });
      const batchId = batch!.id;
      // PostgreSQL: COPY, straight into the table while chunks hold new keys, staged and
      // merged for a chunk some of whose keys are stored. PGlite: batched INSERT … ON CONFLICT.
      // Appeals add their counts to the roll-ups as they are written; other kinds' cells
      // are recomputed at the end.
      const deltas =
        options.kind === "appeals"
          ? new AppealRollupDeltas(
              await loadAppealClock(tx, options.timeZone),
              options.rollupCellsPerWrite,
            )
          : undefined;
      // Taken first, so that two imports of appeals wait for each other instead of
      // deadlocking on the rows and roll-up cells they both write.
      if (deltas) await lockAppealRollups(tx);
      const client = postgresClientOf(tx);
      connection = client;
      const outside = postgresPoolOf(db);
      const copier = client
        ? new CopyWriter(
            tx,
            client,
            definition,
            batchId,
            touched,
            { failAfterRows: options.failAfterRows, outside },
            deltas,
          )
        : undefined;
      const chunkRows = copier ? COPY_CHUNK_ROWS : CHUNK_ROWS;
      let chunk: ImportRow[] = [];
      // A steward's rows are checked against who owns the rows stored under their keys; an
      // administrator's import (scope null) asks nothing.
      const owners =
        options.scope && definition.storedOwner
          ? new StoredOwnerCheck(
              definition,
              options.scope,
              outside ? askOutside(outside) : askInTransaction(tx),
              copier && (() => copier.storedSpanBefore()),
            )
          : undefined;
      /** Where each row of the chunk came from, while there is a scope to check. */
      let places: Array<{ line: number; key: string }> = [];
      let refusedByOwner = false;
      /** A row stored for another department is invalid, as a bad value is: reported, not written. */
      const refuseRowsOwnedElsewhere = async (check: StoredOwnerCheck) => {
        const foreign = await check.rowsOutside(chunk);
        for (const index of foreign) {
          const { line, key } = places[index]!;
          report.rowsAccepted -= 1;
          report.rowsRejected += 1;
          addError({ line, column: check.keyColumns.join(", "), value: key, reason: OUT_OF_SCOPE });
        }
        if (foreign.size > 0) {
          chunk = chunk.filter((_, index) => !foreign.has(index));
          refusedByOwner = true;
        }
        places = [];
      };
      const flush = async () => {
        if (owners && chunk.length > 0) await refuseRowsOwnedElsewhere(owners);
        if (chunk.length === 0) return;
        // Once a file is known to be refused, nothing more is written: the rollback undoes it.
        if (report.errorCount === 0 || options.skipInvalid) {
          if (!deltas) touched.addRows(chunk);
          if (!copier || !(await copier.write(chunk))) {
            await copier?.settle();
            for (let start = 0; start < chunk.length; start += CHUNK_ROWS) {
              const part = chunk.slice(start, start + CHUNK_ROWS);
              for (const before of await writeChunk(tx, definition, part, batchId)) {
                touched.addReplaced(before);
              }
              await deltas?.add(tx, deltas.count(lastPerKey(definition, part)));
            }
          }
          written += chunk.length;
          if (options.failAfterRows !== undefined && written >= options.failAfterRows) {
            throw new Error(`Injected failure after ${written} rows`);
          }
        }
        chunk = [];
      };

      try {
        for await (const record of source.records) {
          report.rowsTotal += 1;
          if (record.error) {
            // Its values cannot be told apart from their neighbours': nothing else to check.
            report.rowsRejected += 1;
            addError({ line: record.line, ...record.error });
            continue;
          }
          const reader = new RowReader(record, match);
          const row = definition.parse(reader, context);
          const department = row ? definition.departmentOf?.(row) : undefined;
          if (
            row &&
            options.scope &&
            department !== undefined &&
            !options.scope.includes(department)
          ) {
            reader.fail("row", OUT_OF_SCOPE, "");
          }
          if (!row || !reader.valid) {
            report.rowsRejected += 1;
            for (const error of reader.errors) addError({ line: record.line, ...error });
            continue;
          }
          report.rowsAccepted += 1;
          chunk.push(row);
          if (owners) places.push({ line: record.line, key: keyText(reader, owners.keyColumns) });
          if (chunk.length >= chunkRows) await flush();
        }
        await flush();
        // Refused by owner only once their chunk was read: put the report back in line order.
        if (refusedByOwner) report.errors.sort((a, b) => a.line - b.line);
        await copier?.settle();
        await deltas?.finish(tx, client);
      } catch (error) {
        // Nothing may still run on the connection when the transaction rolls back.
        await copier?.abandon();
        throw error;
      }

      if (
        options.dryRun ||
        (report.errorCount > 0 && !options.skipInvalid) ||
        report.rowsAccepted === 0
      ) {
        throw new Rollback();
      }
      await refreshTouchedRollups(tx, touched, deltas);
      // 好差评 rules: every bad review is rectified; its case opens with the import.
      if (options.kind === "ratings") {
        await openCasesForBadReviews(tx, { timeZone: options.timeZone, batchId });
      }
      await tx
        .update(importBatches)
        .set({
          state: "committed",
          committedAt: sql`now()`,
          // Not a dry run: that rolled back above.
          contentHash: (await hashing!).hash,
          rowsTotal: report.rowsTotal,
          rowsAccepted: report.rowsAccepted,
          rowsRejected: report.rowsRejected,
          errorReport: report.errors.length > 0 ? report.errors.slice(0, 1_000) : null,
        })
        .where(eq(importBatches.id, batchId));
      await recordAudit(tx, {
        actorId: options.actor.id,
        actorName: options.actor.name,
        action: "import.commit",
        objectKind: "import_batch",
        objectId: batchId,
        after: {
          kind: options.kind,
          file,
          rowsAccepted: report.rowsAccepted,
          rowsRejected: report.rowsRejected,
        },
        ip: options.actor.ip,
      });
      report.batchId = batchId;
      report.outcome = "committed";
    });
  } catch (error) {
    if (error instanceof RowRefusal) {
      // Refused only once written: the whole file is rolled back, even with skipInvalid,
      // since the rows written beside it may depend on it.
      report.rowsAccepted -= 1;
      report.rowsRejected += 1;
      const { line, column, value, reason } = error;
      addError({ line, column, value, reason });
    } else if (!(error instanceof Rollback)) {
      // A COPY the server refused fails the statements after it: report its own error.
      throw (connection && copyFailureOf(connection)) ?? error;
    }
  }
  if (report.outcome === "committed") return report;
  if (options.dryRun && report.errorCount === 0) return { ...report, outcome: "validated" };
  if (report.rowsAccepted === 0 && report.errorCount === 0) {
    addError({
      line: 1,
      column: "file",
      value: "",
      reason: "the file holds no rows below its header",
    });
  }
  return options.dryRun ? { ...report, outcome: "rejected" } : await refused(db, options, report);
}

/** A row's key as the file gives it, its columns' values joined. */
function keyText(reader: RowReader, columns: readonly string[]): string {
  return columns.map((column) => reader.text(column) ?? "").join(", ");
}

/** A refused file stores nothing but the audit event that says so. */
async function refused(
  db: Database,
  options: ImportOptions,
  report: ImportReport,
): Promise<ImportReport> {
  await recordAudit(db, {
    actorId: options.actor.id,
    actorName: options.actor.name,
    action: "import.refuse",
    objectKind: "import_file",
    objectId: report.file,
    after: { kind: options.kind, errorCount: report.errorCount, rowsTotal: report.rowsTotal },
    ip: options.actor.ip,
  });
  return { ...report, outcome: "rejected" };
}
