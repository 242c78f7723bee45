import type { SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Database } from "../../client.server";
import type { ImportKind } from "../../schema/enums";
import type { References } from "./references.server";
import type { RowReader } from "./row-reader";

export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

export interface ImportContext {
  refs: References;
  /** The deployment's time zone: times without a zone are local to it. */
  timeZone: string;
  /** MINGJING_PII_KEY: personal data is hashed with it, or dropped without it. */
  piiKey: string | undefined;
}

/**
 * A row that parsed but that the database refuses once written beside what is stored (a
 * parent that makes a cycle through stored rows), thrown from afterChunk: the import
 * rolls back and reports it like any rejected value, with the row's line.
 */
export class RowRefusal extends Error {
  constructor(
    readonly line: number,
    readonly column: string,
    readonly value: string,
    readonly reason: string,
  ) {
    super(reason);
    this.name = "RowRefusal";
  }
}

/** A parsed row: the values to insert, column property names as in the drizzle table. */
export type ImportRow = Record<string, unknown>;

/**
 * One import kind of DESIGN.md "Import files": how a record becomes a row of its table,
 * and how rows are matched (the natural key) when a file is imported again.
 */
export interface KindDefinition<Row extends ImportRow = ImportRow> {
  kind: ImportKind;
  table: PgTable;
  /** The natural key's columns, the target of INSERT … ON CONFLICT. */
  keyColumns: readonly AnyPgColumn[];
  /** Parses one record; returns undefined when the reader collected errors. */
  parse(reader: RowReader, context: ImportContext): Row | undefined;
  /** The natural key's values, in the order of keyColumns. */
  keyValues(row: Row): ReadonlyArray<string | number | null>;
  /** The department a row belongs to, for a steward's scope; undefined for kinds without one. */
  departmentOf?(row: Row): number | undefined;
  /**
   * Who owns the row stored under a key, for a steward's scope (the file names only the
   * department it wants): set wherever departmentOf is (stored-owners.server.ts).
   */
  storedOwner?: StoredOwner;
  /** After a chunk is written (e.g. linking parents defined in the same file); may throw RowRefusal. */
  afterChunk?(tx: Tx, rows: readonly Row[]): Promise<void>;
}

/** How to find the department of a kind's stored row, and how the file names its key. */
export interface StoredOwner {
  /**
   * The department id of a stored row, as SQL over the kind's table by its name: its own
   * column, or a child's parent's as stored (a subquery correlated to the table).
   */
  department: SQL;
  /** The file's columns that give the natural key, to name a refused row by them. */
  keyColumns: readonly string[];
}
