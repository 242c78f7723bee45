/**
 * What the public methodology page reads: published framework versions (immutable once
 * published, so public by nature; drafts never appear) and the deployment's targets
 * (configuration, not figures). No performance figure is read here.
 */
import { and, asc, desc, eq, isNotNull } from "drizzle-orm";
import type { Database } from "../client.server";
import { frameworks } from "../schema/evaluation";
import { loadFrameworkVersion, type FrameworkVersion } from "./frameworks.server";

type Reader = Pick<Database, "select">;

export interface PublishedFrameworkEntry {
  code: string;
  version: number;
  name: string;
  publishedAt: string;
}

/** Every published framework version, codes in order, the latest version first. */
export async function listPublishedFrameworks(db: Reader): Promise<PublishedFrameworkEntry[]> {
  const rows = await db
    .select({
      code: frameworks.code,
      version: frameworks.version,
      name: frameworks.name,
      publishedAt: frameworks.publishedAt,
    })
    .from(frameworks)
    .where(isNotNull(frameworks.publishedAt))
    .orderBy(asc(frameworks.code), desc(frameworks.version));
  return rows.map((row) => ({ ...row, publishedAt: (row.publishedAt as Date).toISOString() }));
}

/**
 * A published framework version with its tree: the one asked for, the latest published
 * version of `code` without a version, or the most recently published of all without
 * either. null when there is none (or the one asked for is a draft).
 */
export async function findPublishedFramework(
  db: Reader,
  wanted: { code?: string; version?: number },
): Promise<FrameworkVersion | null> {
  const conditions = [isNotNull(frameworks.publishedAt)];
  if (wanted.code !== undefined) conditions.push(eq(frameworks.code, wanted.code));
  if (wanted.version !== undefined) conditions.push(eq(frameworks.version, wanted.version));
  const [row] = await db
    .select({ id: frameworks.id })
    .from(frameworks)
    .where(and(...conditions))
    .orderBy(
      ...(wanted.code === undefined ? [desc(frameworks.publishedAt)] : []),
      desc(frameworks.version),
      asc(frameworks.code),
    )
    .limit(1);
  return row ? loadFrameworkVersion(db, row.id) : null;
}
