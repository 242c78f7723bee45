/**
 * Evaluation frameworks (评价框架) for the admin's editor: versions of a code, one
 * version's tree, and the writes on a draft. A published version is never edited: every
 * write locks the framework row first and refuses once `published_at` is set, so an edit
 * and a publication sent together cannot both happen. Editing a published framework
 * means a new version (a draft copy). Every write leaves an audit event in its
 * transaction.
 */
import { and, asc, count, desc, eq, max } from "drizzle-orm";
import {
  frameworkIssues,
  nodeIssues,
  type FrameworkIssue,
  type FrameworkNodeDraft,
} from "../../metrics/framework-validation";
import type { Database } from "../client.server";
import { evaluationRounds, frameworkNodes, frameworks, rubricLevels } from "../schema/evaluation";
import type { Actor } from "./assessments.server";
import { recordAudit } from "./audit.server";
import {
  FRAMEWORK_JSON_FORMAT,
  flattenFrameworkJson,
  type FrameworkJson,
  type FrameworkJsonNode,
} from "./framework-json.server";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
type Reader = Pick<Database, "select">;

export type { Actor };

export interface FrameworkVersionSummary {
  id: number;
  code: string;
  version: number;
  name: string;
  publishedAt: Date | null;
  createdAt: Date;
  /** Evaluation rounds scored through this version. */
  rounds: number;
}

export interface FrameworkSummary {
  code: string;
  /** The latest version first. */
  versions: FrameworkVersionSummary[];
}

/** Every framework code with its versions (latest first), codes in order. */
export async function listFrameworks(db: Reader): Promise<FrameworkSummary[]> {
  const rows = await db
    .select({
      id: frameworks.id,
      code: frameworks.code,
      version: frameworks.version,
      name: frameworks.name,
      publishedAt: frameworks.publishedAt,
      createdAt: frameworks.createdAt,
      rounds: count(evaluationRounds.id),
    })
    .from(frameworks)
    .leftJoin(evaluationRounds, eq(evaluationRounds.frameworkId, frameworks.id))
    .groupBy(frameworks.id)
    .orderBy(asc(frameworks.code), desc(frameworks.version));
  const byCode = new Map<string, FrameworkVersionSummary[]>();
  for (const row of rows) {
    const list = byCode.get(row.code) ?? [];
    list.push({ ...row, rounds: Number(row.rounds) });
    byCode.set(row.code, list);
  }
  return [...byCode].map(([code, versions]) => ({ code, versions }));
}

export interface EditorLevel {
  id: number;
  label: string;
  minScore: number;
  maxScore: number;
  description: string;
}

export interface EditorNode {
  id: number;
  parentId: number | null;
  /** 0 at the top level. */
  depth: number;
  kind: "dimension" | "criterion";
  code: string;
  name: string;
  description: string | null;
  weight: number;
  position: number;
  scoring: "evaluator" | "kpi" | null;
  kpiKey: string | null;
  minScore: number | null;
  maxScore: number | null;
  justifyBelow: number | null;
  justifyAbove: number | null;
  levels: EditorLevel[];
}

export interface FrameworkVersion {
  id: number;
  code: string;
  version: number;
  name: string;
  description: string | null;
  publishedAt: Date | null;
  createdAt: Date;
  /** Depth first, siblings by position: the order of the page's table and of the file. */
  nodes: EditorNode[];
  /** Every version of this code, latest first. */
  versions: Array<{ id: number; version: number; published: boolean }>;
  rounds: number;
}

const numberOrNull = (value: string | null) => (value === null ? null : Number(value));

/** One framework version with its tree and rubric levels, or null. */
export async function loadFrameworkVersion(
  db: Reader,
  id: number,
): Promise<FrameworkVersion | null> {
  const [framework] = await db.select().from(frameworks).where(eq(frameworks.id, id));
  if (!framework) return null;
  const [rows, levels, versions, [used]] = await Promise.all([
    db
      .select()
      .from(frameworkNodes)
      .where(eq(frameworkNodes.frameworkId, id))
      .orderBy(asc(frameworkNodes.position), asc(frameworkNodes.id)),
    db
      .select({
        id: rubricLevels.id,
        criterionId: rubricLevels.criterionId,
        label: rubricLevels.label,
        minScore: rubricLevels.minScore,
        maxScore: rubricLevels.maxScore,
        description: rubricLevels.description,
      })
      .from(rubricLevels)
      .innerJoin(frameworkNodes, eq(frameworkNodes.id, rubricLevels.criterionId))
      .where(eq(frameworkNodes.frameworkId, id))
      .orderBy(desc(rubricLevels.maxScore), asc(rubricLevels.id)),
    db
      .select({
        id: frameworks.id,
        version: frameworks.version,
        publishedAt: frameworks.publishedAt,
      })
      .from(frameworks)
      .where(eq(frameworks.code, framework.code))
      .orderBy(desc(frameworks.version)),
    db
      .select({ rounds: count() })
      .from(evaluationRounds)
      .where(eq(evaluationRounds.frameworkId, id)),
  ]);
  const childrenOf = new Map<number | null, typeof rows>();
  for (const row of rows) {
    const siblings = childrenOf.get(row.parentId) ?? [];
    siblings.push(row);
    childrenOf.set(row.parentId, siblings);
  }
  const nodes: EditorNode[] = [];
  const visit = (row: (typeof rows)[number], depth: number) => {
    nodes.push({
      id: row.id,
      parentId: row.parentId,
      depth,
      kind: row.kind,
      code: row.code,
      name: row.name,
      description: row.description,
      weight: Number(row.weight),
      position: row.position,
      scoring: row.scoring,
      kpiKey: row.kpiKey,
      minScore: numberOrNull(row.minScore),
      maxScore: numberOrNull(row.maxScore),
      justifyBelow: numberOrNull(row.justifyBelow),
      justifyAbove: numberOrNull(row.justifyAbove),
      levels: levels
        .filter((item) => item.criterionId === row.id)
        .map((item) => ({
          id: item.id,
          label: item.label,
          minScore: Number(item.minScore),
          maxScore: Number(item.maxScore),
          description: item.description,
        })),
    });
    for (const child of childrenOf.get(row.id) ?? []) visit(child, depth + 1);
  };
  for (const row of childrenOf.get(null) ?? []) visit(row, 0);
  return {
    id: framework.id,
    code: framework.code,
    version: framework.version,
    name: framework.name,
    description: framework.description,
    publishedAt: framework.publishedAt,
    createdAt: framework.createdAt,
    nodes,
    versions: versions.map((row) => ({
      id: row.id,
      version: row.version,
      published: row.publishedAt !== null,
    })),
    rounds: Number(used?.rounds ?? 0),
  };
}

/** The editor's nodes as the validation (metrics/framework-validation.ts) reads them. */
export function nodeDrafts(nodes: readonly EditorNode[]): FrameworkNodeDraft[] {
  const codeOf = new Map(nodes.map((node) => [node.id, node.code]));
  return nodes.map((node) => ({
    code: node.code,
    parentCode: node.parentId === null ? null : (codeOf.get(node.parentId) ?? null),
    kind: node.kind,
    name: node.name,
    weight: node.weight,
    scoring: node.scoring,
    kpiKey: node.kpiKey,
    min: node.minScore,
    max: node.maxScore,
    justifyBelow: node.justifyBelow,
    justifyAbove: node.justifyAbove,
    levels: node.levels.map((level) => ({
      label: level.label,
      min: level.minScore,
      max: level.maxScore,
    })),
  }));
}

/** Why a write was refused; the route turns each into a status and a message. */
export type FrameworkRefusal =
  | "not_found"
  | "published"
  | "code_taken"
  | "draft_exists"
  | "node_code_taken"
  | "bad_parent"
  | "label_taken"
  | "invalid";

export type FrameworkResult<T = object> =
  ({ ok: true } & T) | { ok: false; reason: FrameworkRefusal; issues?: FrameworkIssue[] };

const refuse = (reason: FrameworkRefusal, issues?: FrameworkIssue[]) =>
  ({ ok: false, reason, ...(issues ? { issues } : {}) }) as const;

/**
 * The framework row, locked for this transaction, if it is a draft. Taken before any
 * other read of the version, so a concurrent publication waits for this write (and
 * then validates what it wrote), or this write waits and sees the publication.
 */
async function lockDraft(tx: Tx, frameworkId: number) {
  const [row] = await tx
    .select()
    .from(frameworks)
    .where(eq(frameworks.id, frameworkId))
    .for("update");
  if (!row) return refuse("not_found");
  if (row.publishedAt !== null) return refuse("published");
  return { ok: true, framework: row } as const;
}

/** One write on a draft: in a transaction, after lockDraft, refused as it says. */
async function withDraft<R>(
  db: Database,
  frameworkId: number,
  write: (tx: Tx) => Promise<R>,
): Promise<R | ReturnType<typeof refuse>> {
  return db.transaction(async (tx) => {
    const locked = await lockDraft(tx, frameworkId);
    return locked.ok ? write(tx) : locked;
  });
}

async function audit(
  tx: Tx,
  actor: Actor,
  action: string,
  frameworkId: number,
  detail: { before?: unknown; after?: unknown },
) {
  await recordAudit(tx, {
    actorId: actor.id,
    actorName: actor.name,
    action,
    objectKind: "framework",
    objectId: frameworkId,
    ...detail,
    ip: actor.ip,
  });
}

/** A new framework: draft version 1 of a code no version has yet. */
export async function createFramework(
  db: Database,
  input: { code: string; name: string; description: string | null },
  actor: Actor,
): Promise<FrameworkResult<{ id: number }>> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(frameworks)
      .values({ code: input.code, version: 1, name: input.name, description: input.description })
      .onConflictDoNothing()
      .returning({ id: frameworks.id });
    if (!row) return refuse("code_taken");
    await audit(tx, actor, "framework.created", row.id, { after: { ...input, version: 1 } });
    return { ok: true, id: row.id } as const;
  });
}

/**
 * Every version of a code, locked (so two new versions of one code are made one after
 * the other), and the next version number; refused while the latest is a draft.
 */
async function lockCode(tx: Tx, code: string) {
  const rows = await tx
    .select({ id: frameworks.id, version: frameworks.version, publishedAt: frameworks.publishedAt })
    .from(frameworks)
    .where(eq(frameworks.code, code))
    .orderBy(desc(frameworks.version))
    .for("update");
  const draft = rows.find((row) => row.publishedAt === null);
  return { latest: rows[0], draft, next: (rows[0]?.version ?? 0) + 1 };
}

/**
 * The next version of a published framework's code: a draft copying the latest
 * version's header, nodes and rubric levels. Refused while the code has a draft.
 */
export async function createNextVersion(
  db: Database,
  frameworkId: number,
  actor: Actor,
): Promise<FrameworkResult<{ id: number }>> {
  return db.transaction(async (tx) => {
    const [from] = await tx.select().from(frameworks).where(eq(frameworks.id, frameworkId));
    if (!from) return refuse("not_found");
    const { latest, draft, next } = await lockCode(tx, from.code);
    if (draft || !latest) return refuse("draft_exists");
    const source = await loadFrameworkVersion(tx, latest.id);
    if (!source) return refuse("not_found");
    const [row] = await tx
      .insert(frameworks)
      .values({
        code: source.code,
        version: next,
        name: source.name,
        description: source.description,
      })
      .returning({ id: frameworks.id });
    if (!row) throw new Error("framework insert returned nothing");
    const ids = new Map<number, number>();
    const drafts = nodeDrafts(source.nodes);
    // Depth first: a parent is inserted before its children.
    for (const [i, node] of source.nodes.entries()) {
      const parentId = node.parentId === null ? null : (ids.get(node.parentId) ?? null);
      const draft = { ...drafts[i]!, description: node.description };
      const levelTexts = node.levels.map((level) => level.description);
      ids.set(
        node.id,
        await insertNodeWithLevels(tx, row.id, parentId, node.position, draft, levelTexts),
      );
    }
    await audit(tx, actor, "framework.version_created", row.id, {
      after: { code: source.code, version: next, copiedFrom: source.id },
    });
    return { ok: true, id: row.id } as const;
  });
}

const decimalOrNull = (value: number | null) => (value === null ? null : String(value));

/** Inserts one node (from a copied version or an imported file) with its rubric levels. */
async function insertNodeWithLevels(
  tx: Tx,
  frameworkId: number,
  parentId: number | null,
  position: number,
  node: FrameworkNodeDraft & { description: string | null },
  levelTexts: readonly string[],
): Promise<number> {
  const [row] = await tx
    .insert(frameworkNodes)
    .values({
      frameworkId,
      parentId,
      kind: node.kind,
      code: node.code,
      name: node.name,
      description: node.description,
      weight: String(node.weight),
      position,
      scoring: node.scoring,
      kpiKey: node.kpiKey,
      minScore: decimalOrNull(node.min),
      maxScore: decimalOrNull(node.max),
      justifyBelow: decimalOrNull(node.justifyBelow),
      justifyAbove: decimalOrNull(node.justifyAbove),
    })
    .returning({ id: frameworkNodes.id });
  if (!row) throw new Error("node insert returned nothing");
  if (node.levels.length > 0)
    await tx.insert(rubricLevels).values(
      node.levels.map((level, i) => ({
        criterionId: row.id,
        label: level.label,
        minScore: String(level.min),
        maxScore: String(level.max),
        description: levelTexts[i] ?? "",
      })),
    );
  return row.id;
}

/** A draft's name and description. */
export async function updateFrameworkHeader(
  db: Database,
  input: { frameworkId: number; name: string; description: string | null },
  actor: Actor,
): Promise<FrameworkResult> {
  return withDraft(db, input.frameworkId, async (tx) => {
    const [framework] = await tx
      .select({ name: frameworks.name, description: frameworks.description })
      .from(frameworks)
      .where(eq(frameworks.id, input.frameworkId));
    const before = framework ?? null;
    await tx
      .update(frameworks)
      .set({ name: input.name, description: input.description })
      .where(eq(frameworks.id, input.frameworkId));
    await audit(tx, actor, "framework.updated", input.frameworkId, {
      before,
      after: { name: input.name, description: input.description },
    });
    return { ok: true } as const;
  });
}

/** A dimension's or criterion's fields as the editor's form gives them (decimals as text). */
export interface NodeInput {
  code: string;
  name: string;
  description: string | null;
  weight: string;
  /** A criterion's; ignored for a dimension. */
  scoring: "evaluator" | "kpi" | null;
  kpiKey: string | null;
  minScore: string | null;
  maxScore: string | null;
  justifyBelow: string | null;
  justifyAbove: string | null;
}

/** The columns of a node from its input, consistent with the table's checks. */
function nodeColumns(kind: "dimension" | "criterion", input: NodeInput) {
  const criterion = kind === "criterion";
  const scoring = criterion ? (input.scoring ?? "evaluator") : null;
  return {
    code: input.code,
    name: input.name,
    description: input.description,
    weight: input.weight,
    scoring,
    kpiKey: scoring === "kpi" ? input.kpiKey : null,
    minScore: criterion ? input.minScore : null,
    maxScore: criterion ? input.maxScore : null,
    justifyBelow: scoring === "evaluator" ? input.justifyBelow : null,
    justifyAbove: scoring === "evaluator" ? input.justifyAbove : null,
  };
}

/**
 * The node's own issues (nodeIssues) but those of its rubric levels, which the page
 * lists against the tree: a node is stored only when it is consistent by itself.
 */
function ownIssues(
  kind: "dimension" | "criterion",
  columns: ReturnType<typeof nodeColumns>,
): FrameworkIssue[] {
  return nodeIssues({
    code: columns.code,
    parentCode: null,
    kind,
    name: columns.name,
    weight: Number(columns.weight),
    scoring: columns.scoring,
    kpiKey: columns.kpiKey,
    min: numberOrNull(columns.minScore),
    max: numberOrNull(columns.maxScore),
    justifyBelow: numberOrNull(columns.justifyBelow),
    justifyAbove: numberOrNull(columns.justifyAbove),
    levels: [],
  });
}

async function codeTaken(tx: Tx, frameworkId: number, code: string, except?: number) {
  const rows = await tx
    .select({ id: frameworkNodes.id })
    .from(frameworkNodes)
    .where(and(eq(frameworkNodes.frameworkId, frameworkId), eq(frameworkNodes.code, code)));
  return rows.some((row) => row.id !== except);
}

/** A node of the locked draft, or undefined. */
async function draftNode(tx: Tx, frameworkId: number, nodeId: number) {
  const [row] = await tx
    .select()
    .from(frameworkNodes)
    .where(and(eq(frameworkNodes.id, nodeId), eq(frameworkNodes.frameworkId, frameworkId)));
  return row;
}

/** Adds a dimension or criterion under a dimension of the draft (or at the top), last. */
export async function addNode(
  db: Database,
  input: {
    frameworkId: number;
    parentId: number | null;
    kind: "dimension" | "criterion";
    node: NodeInput;
  },
  actor: Actor,
): Promise<FrameworkResult<{ id: number }>> {
  return withDraft(db, input.frameworkId, async (tx) => {
    if (input.parentId !== null) {
      const parent = await draftNode(tx, input.frameworkId, input.parentId);
      if (!parent || parent.kind !== "dimension") return refuse("bad_parent");
    }
    const columns = nodeColumns(input.kind, input.node);
    const issues = ownIssues(input.kind, columns);
    if (issues.length > 0) return refuse("invalid", issues);
    if (await codeTaken(tx, input.frameworkId, columns.code)) return refuse("node_code_taken");
    const [last] = await tx
      .select({ position: max(frameworkNodes.position) })
      .from(frameworkNodes)
      .where(eq(frameworkNodes.frameworkId, input.frameworkId));
    const [row] = await tx
      .insert(frameworkNodes)
      .values({
        frameworkId: input.frameworkId,
        parentId: input.parentId,
        kind: input.kind,
        position: (last?.position ?? -1) + 1,
        ...columns,
      })
      .returning({ id: frameworkNodes.id });
    if (!row) throw new Error("node insert returned nothing");
    await audit(tx, actor, "framework.node_added", input.frameworkId, {
      after: { nodeId: row.id, parentId: input.parentId, kind: input.kind, ...columns },
    });
    return { ok: true, id: row.id } as const;
  });
}

/** Changes a node's fields (its kind and place stay). */
export async function updateNode(
  db: Database,
  input: { frameworkId: number; nodeId: number; node: NodeInput },
  actor: Actor,
): Promise<FrameworkResult> {
  return withDraft(db, input.frameworkId, async (tx) => {
    const row = await draftNode(tx, input.frameworkId, input.nodeId);
    if (!row) return refuse("not_found");
    const columns = nodeColumns(row.kind, input.node);
    const issues = ownIssues(row.kind, columns);
    if (issues.length > 0) return refuse("invalid", issues);
    if (await codeTaken(tx, input.frameworkId, columns.code, row.id))
      return refuse("node_code_taken");
    await tx.update(frameworkNodes).set(columns).where(eq(frameworkNodes.id, row.id));
    const before = Object.fromEntries(
      Object.keys(columns).map((key) => [key, row[key as keyof typeof columns]]),
    );
    await audit(tx, actor, "framework.node_updated", input.frameworkId, {
      before: { nodeId: row.id, ...before },
      after: { nodeId: row.id, ...columns },
    });
    return { ok: true } as const;
  });
}

/** Removes a node, with everything below it and their rubric levels. */
export async function removeNode(
  db: Database,
  input: { frameworkId: number; nodeId: number },
  actor: Actor,
): Promise<FrameworkResult> {
  return withDraft(db, input.frameworkId, async (tx) => {
    const row = await draftNode(tx, input.frameworkId, input.nodeId);
    if (!row) return refuse("not_found");
    await tx.delete(frameworkNodes).where(eq(frameworkNodes.id, row.id));
    await audit(tx, actor, "framework.node_removed", input.frameworkId, {
      before: { nodeId: row.id, code: row.code, kind: row.kind, parentId: row.parentId },
    });
    return { ok: true } as const;
  });
}

/** Moves a node one place up or down among its siblings (no-op at either end). */
export async function moveNode(
  db: Database,
  input: { frameworkId: number; nodeId: number; direction: "up" | "down" },
  actor: Actor,
): Promise<FrameworkResult<{ moved: boolean }>> {
  return withDraft(db, input.frameworkId, async (tx) => {
    const row = await draftNode(tx, input.frameworkId, input.nodeId);
    if (!row) return refuse("not_found");
    const all = await tx
      .select({ id: frameworkNodes.id, parentId: frameworkNodes.parentId })
      .from(frameworkNodes)
      .where(eq(frameworkNodes.frameworkId, input.frameworkId))
      .orderBy(asc(frameworkNodes.position), asc(frameworkNodes.id));
    const siblings = all.filter((node) => node.parentId === row.parentId);
    const index = siblings.findIndex((node) => node.id === row.id);
    const other = siblings[input.direction === "up" ? index - 1 : index + 1];
    if (!other) return { ok: true, moved: false } as const;
    // Swap the two in the whole version's order and renumber it: stored positions may tie.
    const order = all.map((node) => node.id);
    const a = order.indexOf(row.id);
    const b = order.indexOf(other.id);
    [order[a], order[b]] = [other.id, row.id];
    for (const [position, id] of order.entries())
      await tx.update(frameworkNodes).set({ position }).where(eq(frameworkNodes.id, id));
    await audit(tx, actor, "framework.node_moved", input.frameworkId, {
      after: { nodeId: row.id, code: row.code, direction: input.direction },
    });
    return { ok: true, moved: true } as const;
  });
}

/** Adds a rubric level to a criterion of the draft; refused if it breaks the rubric. */
export async function addRubricLevel(
  db: Database,
  input: {
    frameworkId: number;
    nodeId: number;
    label: string;
    minScore: string;
    maxScore: string;
    description: string;
  },
  actor: Actor,
): Promise<FrameworkResult> {
  return withDraft(db, input.frameworkId, async (tx) => {
    const version = await loadFrameworkVersion(tx, input.frameworkId);
    const node = version?.nodes.find((item) => item.id === input.nodeId);
    if (!node || node.kind !== "criterion") return refuse("not_found");
    if (node.levels.some((level) => level.label === input.label)) return refuse("label_taken");
    const [draft] = nodeDrafts([node]);
    const level = { label: input.label, min: Number(input.minScore), max: Number(input.maxScore) };
    const issues = nodeIssues({ ...draft!, levels: [...draft!.levels, level] }).filter(
      (issue) =>
        (issue.kind === "level_order" ||
          issue.kind === "level_outside" ||
          issue.kind === "level_overlap") &&
        (issue.label === input.label ||
          (issue.kind === "level_overlap" && issue.other === input.label)),
    );
    if (issues.length > 0) return refuse("invalid", issues);
    const [row] = await tx
      .insert(rubricLevels)
      .values({
        criterionId: node.id,
        label: input.label,
        minScore: input.minScore,
        maxScore: input.maxScore,
        description: input.description,
      })
      .returning({ id: rubricLevels.id });
    await audit(tx, actor, "framework.node_level_added", input.frameworkId, {
      after: { nodeId: node.id, code: node.code, levelId: row?.id, ...level },
    });
    return { ok: true } as const;
  });
}

/** Removes a rubric level of a criterion of the draft. */
export async function removeRubricLevel(
  db: Database,
  input: { frameworkId: number; levelId: number },
  actor: Actor,
): Promise<FrameworkResult> {
  return withDraft(db, input.frameworkId, async (tx) => {
    const [level] = await tx
      .select({ id: rubricLevels.id, label: rubricLevels.label, code: frameworkNodes.code })
      .from(rubricLevels)
      .innerJoin(frameworkNodes, eq(frameworkNodes.id, rubricLevels.criterionId))
      .where(
        and(eq(rubricLevels.id, input.levelId), eq(frameworkNodes.frameworkId, input.frameworkId)),
      );
    if (!level) return refuse("not_found");
    await tx.delete(rubricLevels).where(eq(rubricLevels.id, level.id));
    await audit(tx, actor, "framework.node_level_removed", input.frameworkId, {
      before: { levelId: level.id, code: level.code, label: level.label },
    });
    return { ok: true } as const;
  });
}

/** Publishes a draft that passes the validation; otherwise refused with its issues. */
export async function publishFramework(
  db: Database,
  input: { frameworkId: number },
  actor: Actor,
): Promise<FrameworkResult> {
  return withDraft(db, input.frameworkId, async (tx) => {
    const version = await loadFrameworkVersion(tx, input.frameworkId);
    if (!version) return refuse("not_found");
    const issues = frameworkIssues(nodeDrafts(version.nodes));
    if (issues.length > 0) return refuse("invalid", issues);
    const publishedAt = new Date();
    await tx.update(frameworks).set({ publishedAt }).where(eq(frameworks.id, input.frameworkId));
    await audit(tx, actor, "framework.published", input.frameworkId, {
      after: { code: version.code, version: version.version, publishedAt },
    });
    return { ok: true } as const;
  });
}

/** A framework version as the JSON file's document (framework-json.server.ts). */
export function frameworkToJson(version: FrameworkVersion): FrameworkJson {
  const build = (parentId: number | null): FrameworkJsonNode[] =>
    version.nodes
      .filter((node) => node.parentId === parentId)
      .map((node): FrameworkJsonNode => {
        const common = {
          kind: node.kind,
          code: node.code,
          name: node.name,
          description: node.description,
          weight: node.weight,
        };
        if (node.kind === "dimension") return { ...common, children: build(node.id) };
        return {
          ...common,
          scoring: node.scoring ?? "evaluator",
          kpiKey: node.kpiKey,
          min: node.minScore,
          max: node.maxScore,
          justifyBelow: node.justifyBelow,
          justifyAbove: node.justifyAbove,
          rubricLevels: node.levels.map((level) => ({
            label: level.label,
            min: level.minScore,
            max: level.maxScore,
            description: level.description,
          })),
        };
      });
  return {
    format: FRAMEWORK_JSON_FORMAT,
    code: version.code,
    version: version.version,
    name: version.name,
    description: version.description,
    nodes: build(null),
  };
}

/**
 * A draft from a JSON document: version 1 of a new code, or the next version of an
 * existing one (refused while that code has a draft). The document must pass the
 * validation (refused with its issues otherwise), so what is stored is publishable.
 */
export async function importFramework(
  db: Database,
  document: FrameworkJson,
  actor: Actor,
  fileName: string | null = null,
): Promise<FrameworkResult<{ id: number; version: number }>> {
  const flat = flattenFrameworkJson(document.nodes);
  const issues = frameworkIssues(flat);
  if (issues.length > 0) return refuse("invalid", issues);
  return db.transaction(async (tx) => {
    const { draft, next } = await lockCode(tx, document.code);
    if (draft) return refuse("draft_exists");
    const [row] = await tx
      .insert(frameworks)
      .values({
        code: document.code,
        version: next,
        name: document.name,
        description: document.description ?? null,
      })
      .onConflictDoNothing()
      .returning({ id: frameworks.id });
    // A first version imported twice at once: the loser finds the code taken.
    if (!row) return refuse("draft_exists");
    const ids = new Map<string, number>();
    for (const [position, node] of flat.entries()) {
      const parentId = node.parentCode === null ? null : (ids.get(node.parentCode) ?? null);
      ids.set(
        node.code,
        await insertNodeWithLevels(tx, row.id, parentId, position, node, node.levelTexts),
      );
    }
    await audit(tx, actor, "framework.imported", row.id, {
      after: { code: document.code, version: next, nodes: flat.length, fileName },
    });
    return { ok: true, id: row.id, version: next } as const;
  });
}
