import { sql } from "drizzle-orm";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { parseCode } from "../values/parse-code";
import { RowRefusal, type Tx } from "./kind";
import type { References } from "./references.server";
import type { RowReader } from "./row-reader";
import { rowsOf } from "../../queries/rows-of.server";

/**
 * The parent_code column of a tree kind (regions, departments). A parent is a row that
 * exists already or a valid row above in the same file; the engine inserts only table
 * columns, so the parent is remembered per row and linked by code once the chunk is
 * written (`link`, from the kind's afterChunk).
 */
export class ParentLinks<Row extends { code: string }> {
  /** Per import (its References): the codes defined so far in the file, with their parent codes. */
  private readonly files = new WeakMap<References, Map<string, string | null>>();
  /** A row's parent code and the line it was read from, until it is linked. */
  private readonly parents = new WeakMap<Row, { code: string; line: number }>();

  constructor(
    private readonly table: PgTable,
    /** "region", "department": for reasons. */
    private readonly what: string,
    private readonly existing: (refs: References) => ReadonlyMap<string, number>,
  ) {}

  private file(refs: References): Map<string, string | null> {
    let codes = this.files.get(refs);
    if (codes === undefined) {
      codes = new Map();
      this.files.set(refs, codes);
    }
    return codes;
  }

  /**
   * Reads and checks a row's parent_code: null when empty, undefined when it is an error
   * (the row itself, a code defined nowhere, a code below, or a cycle within the file).
   */
  read(reader: RowReader, refs: References, code: string | undefined): string | null | undefined {
    const parentCode = reader.optional("parent_code", parseCode);
    if (parentCode === null || parentCode === undefined || code === undefined) return parentCode;
    const what = this.what;
    if (parentCode === code) {
      return reader.fail(
        "parent_code",
        `expected the code of another ${what}: a ${what} cannot be its own parent`,
      );
    }
    const above = this.file(refs);
    if (!above.has(parentCode) && !this.existing(refs).has(parentCode)) {
      return reader.fail(
        "parent_code",
        `expected the code of a known ${what} or of one defined above this row: no ${what} has this code`,
      );
    }
    // Only the file's own links are known here; a cycle through stored rows is caught by link().
    const path = [code, parentCode];
    for (let at = above.get(parentCode) ?? null; at !== null; at = above.get(at) ?? null) {
      path.push(at);
      if (at === code) {
        return reader.fail(
          "parent_code",
          `expected a parent that is not under this ${what}: ${path.join(" → ")} would be a cycle`,
        );
      }
      if (path.length > above.size + 2) break;
    }
    return parentCode;
  }

  /** A valid row: its code is defined for the rows below, and its parent is linked after writing. */
  remember(refs: References, row: Row, parentCode: string | null, line: number): void {
    this.file(refs).set(row.code, parentCode);
    if (parentCode === null) this.parents.delete(row);
    else this.parents.set(row, { code: parentCode, line });
  }

  /** Links the written rows to their parents by code, then refuses any cycle of parents. */
  async link(tx: Tx, rows: readonly Row[]): Promise<void> {
    const linked = new Map<string, { code: string; line: number }>();
    for (const row of rows) {
      const parent = this.parents.get(row);
      if (parent) linked.set(row.code, parent);
    }
    const pairs = [...linked].map(([code, parent]) => [code, parent.code] as const);
    if (pairs.length === 0) return;
    const table = sql.identifier(getTableConfig(this.table).name);
    const values = sql.join(
      pairs.map(([code, parentCode]) => sql`(${code}::text, ${parentCode}::text)`),
      sql`, `,
    );
    await tx.execute(
      sql`update ${table} as t set parent_id = p.id
          from (values ${values}) as v(code, parent_code) join ${table} as p on p.code = v.parent_code
          where t.code = v.code`,
    );
    const codes = sql.join(
      pairs.map(([code]) => sql`${code}::text`),
      sql`, `,
    );
    const [cycle] = await rowsOf<{ code: string }>(
      tx,
      sql`with recursive walk(start_id, id, depth) as (
            select t.id, t.parent_id, 1 from ${table} as t where t.code in (${codes})
            union all
            select w.start_id, p.parent_id, w.depth + 1 from walk as w join ${table} as p on p.id = w.id
            where w.id <> w.start_id and w.depth < 10000
          )
          select t.code from walk as w join ${table} as t on t.id = w.start_id where w.id = w.start_id limit 1`,
    );
    if (!cycle) return;
    const reason = `expected a parent that is not under this ${this.what}: with the ${this.what}s stored already, ${cycle.code} would be its own ancestor`;
    // The walk starts from this chunk's rows, so the cycle's row is one of them.
    const parent = linked.get(cycle.code);
    if (!parent) throw new Error(`${cycle.code}: ${reason}`);
    throw new RowRefusal(parent.line, "parent_code", parent.code, reason);
  }
}
