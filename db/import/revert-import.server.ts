import { and, eq, sql } from "drizzle-orm";
import { getTableConfig } from "drizzle-orm/pg-core";
import type { Database } from "../client.server";
import { recordAudit } from "../queries/audit.server";
import { importBatches, importReplacedRows } from "../schema/imports";
import { KIND_DEFINITIONS } from "./kinds/index";
import type { ImportRow, KindDefinition } from "./kinds/kind";
import { refreshRollupsAfterImport } from "./refresh-rollups.server";
import { rowsOf } from "../queries/rows-of.server";

export type RevertResult =
  | { ok: true; restored: number; removed: number }
  | { ok: false; reason: "not_found" | "not_committed" | "changed_later"; laterBatchId?: number };

/**
 * Reverts a committed import: rows it added are deleted, rows it replaced get their
 * previous version back, the roll-ups follow, all in one transaction. Refused when a later
 * import changed the same rows (revert that one first), so nothing newer is lost.
 */
export async function revertImport(
  db: Database,
  batchId: number,
  actor: { id: number | null; name: string; ip: string | null },
  timeZone: string,
): Promise<RevertResult> {
  return db.transaction(async (tx) => {
    const [batch] = await tx
      .select()
      .from(importBatches)
      .where(eq(importBatches.id, batchId))
      .for("update");
    if (!batch) return { ok: false, reason: "not_found" } as const;
    if (batch.state !== "committed") return { ok: false, reason: "not_committed" } as const;
    const definition = KIND_DEFINITIONS[batch.kind];
    const { name: table } = getTableConfig(definition.table);
    const keyNames = definition.keyColumns.map((column) => column.name);
    // A row's natural key as import_replaced_rows stores it (a JSON array of texts), as jsonb:
    // an equality the database can hash, where comparing element by element made every
    // statement compare every row of the batch with every record.
    const keyMatch = sql.raw(
      `r.natural_key::jsonb = jsonb_build_array(${keyNames.map((name) => `t."${name}"::text`).join(", ")})`,
    );
    const tableName = sql.raw(`"${table}"`);

    // A later committed batch that changed rows this batch wrote must go first: it
    // recorded this batch's version as what it replaced.
    const laterRows = await rowsOf<{ batchId: number }>(
      tx,
      sql`
      select r.batch_id as "batchId" from import_replaced_rows r
      join import_batches b on b.id = r.batch_id and b.state = 'committed'
      where r.batch_id > ${batchId} and b.kind = ${batch.kind}
        and (r.before->>'batch_id')::bigint = ${batchId}
      limit 1`,
    );
    if (laterRows[0])
      return {
        ok: false,
        reason: "changed_later",
        laterBatchId: Number(laterRows[0].batchId),
      } as const;

    const currentRows = await rowsOf<{ row: Record<string, unknown> }>(
      tx,
      sql`select to_jsonb(t.*) as row from ${tableName} t where t.batch_id = ${batchId}`,
    );
    // A row of this batch with no record of what it replaced was added by it.
    const removed = await tx.execute(sql`
      delete from ${tableName} t
      where t.batch_id = ${batchId} and not exists (
        select 1 from import_replaced_rows r
        where r.batch_id = ${batchId} and ${keyMatch})`);
    const restored = await tx.execute(sql`
      update ${tableName} t set (${sql.raw(
        restoreColumns(definition)
          .map((c) => `"${c}"`)
          .join(", "),
      )}) =
        (select ${sql.raw(
          restoreColumns(definition)
            .map((c) => `p."${c}"`)
            .join(", "),
        )}
         from jsonb_populate_record(null::${tableName}, r.before) p)
      from import_replaced_rows r
      where r.batch_id = ${batchId} and r.before is not null and ${keyMatch} and t.batch_id = ${batchId}`);

    const replaced = await tx
      .select({ before: importReplacedRows.before })
      .from(importReplacedRows)
      .where(
        and(eq(importReplacedRows.batchId, batchId), sql`${importReplacedRows.before} is not null`),
      );
    await refreshRollupsAfterImport(
      tx,
      batch.kind,
      {
        rows: [],
        replaced: [
          ...currentRows.map((entry) => entry.row),
          ...replaced.map((entry) => entry.before as Record<string, unknown>),
        ],
      },
      timeZone,
    );
    await tx
      .update(importBatches)
      .set({ state: "reverted", revertedAt: sql`now()` })
      .where(eq(importBatches.id, batchId));
    await recordAudit(tx, {
      actorId: actor.id,
      actorName: actor.name,
      action: "import.revert",
      objectKind: "import_batch",
      objectId: batchId,
      before: { state: "committed" },
      after: { state: "reverted" },
      ip: actor.ip,
    });
    const count = (result: unknown) =>
      Number(
        (result as { affectedRows?: number; count?: number }).affectedRows ??
          (result as { count?: number }).count ??
          0,
      );
    return { ok: true, restored: count(restored), removed: count(removed) } as const;
  });
}

/** The columns a revert puts back: all but the surrogate id (kept) and the natural key (equal). */
function restoreColumns(definition: KindDefinition<ImportRow>): string[] {
  const keys = new Set(definition.keyColumns.map((column) => column.name));
  return getTableConfig(definition.table)
    .columns.filter((column) => !column.primary && !keys.has(column.name))
    .map((column) => column.name);
}
