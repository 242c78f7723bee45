/**
 * The admin's settings (/admin/settings): KPI targets and their band edges, reply time
 * limits per appeal type, rectification limits and the data-quality page's stale-data
 * period. Each change locks what it reads, writes, leaves an audit event with before and
 * after and rebuilds the roll-ups it affects, all in one transaction. Nothing here is
 * cached in the process: every page reads these tables per request, so a change shows at
 * once.
 */
import { eq, sql } from "drizzle-orm";
import type { Database } from "../client.server";
import { lockAppealRollups, rebuildAppealRollups } from "../rollups/appeal-rollups.server";
import { loadAppealClock } from "../rollups/clock.server";
import {
  APPEAL_TYPES,
  RECTIFICATION_SOURCES,
  type AppealType,
  type RectificationSource,
  type TargetDirection,
} from "../schema/enum-values";
import { rectificationLimits } from "../schema/rectification";
import { appMeta, kpiTargets, replyTimeLimits } from "../schema/reference";
import { recordAudit } from "./audit.server";
import {
  DEFAULT_STALE_AFTER_DAYS,
  loadStaleAfterDays,
  STALE_AFTER_DAYS_KEY,
} from "./data-quality.server";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

export interface SettingsActor {
  id: number;
  name: string;
  ip: string | null;
}

/** A KPI's target and band edges as the form edits them. */
export interface TargetEdges {
  direction: TargetDirection;
  target: number;
  targetMax: number | null;
  amberFrom: number | null;
  amberTo: number | null;
}

export interface TargetSetting extends TargetEdges {
  kpi: string;
  basis: string;
}

/** A type without a row gets 5 working days (DESIGN.md "Domain"). */
export const DEFAULT_REPLY_LIMIT_WORKING_DAYS = 5;
/** The defaults, for a deployment that deleted a row. */
export const DEFAULT_RECTIFICATION_LIMITS: Record<RectificationSource, number> = {
  rating: 5,
  red_flag: 15,
};

export interface AdminSettings {
  targets: TargetSetting[];
  replyLimits: Record<AppealType, number>;
  rectificationLimits: Record<RectificationSource, number>;
  staleAfterDays: number;
}

const numberOrNull = (value: string | null) => (value === null ? null : Number(value));

function edgesOf(row: typeof kpiTargets.$inferSelect): TargetEdges {
  return {
    direction: row.direction,
    target: Number(row.target),
    targetMax: numberOrNull(row.targetMax),
    amberFrom: numberOrNull(row.amberFrom),
    amberTo: numberOrNull(row.amberTo),
  };
}

/** Everything the settings page shows, as stored now. */
export async function loadAdminSettings(db: Database): Promise<AdminSettings> {
  const [targets, replies, rectifications, staleAfterDays] = await Promise.all([
    db.select().from(kpiTargets).orderBy(kpiTargets.kpi),
    db.select().from(replyTimeLimits),
    db.select().from(rectificationLimits),
    loadStaleAfterDays(db),
  ]);
  const replyLimits = Object.fromEntries(
    APPEAL_TYPES.map((type) => [
      type,
      replies.find((row) => row.appealType === type)?.workingDays ??
        DEFAULT_REPLY_LIMIT_WORKING_DAYS,
    ]),
  ) as Record<AppealType, number>;
  const rectification = Object.fromEntries(
    RECTIFICATION_SOURCES.map((source) => [
      source,
      rectifications.find((row) => row.source === source)?.workingDays ??
        DEFAULT_RECTIFICATION_LIMITS[source],
    ]),
  ) as Record<RectificationSource, number>;
  return {
    targets: targets.map((row) => ({ kpi: row.kpi, basis: row.basis, ...edgesOf(row) })),
    replyLimits,
    rectificationLimits: rectification,
    staleAfterDays,
  };
}

export type SaveResult = { ok: true; changed: boolean } | { ok: false; reason: "not_found" };

async function audit(
  tx: Tx,
  actor: SettingsActor,
  action: string,
  objectId: string,
  before: unknown,
  after: unknown,
): Promise<void> {
  await recordAudit(tx, {
    actorId: actor.id,
    actorName: actor.name,
    action,
    objectKind: "setting",
    objectId,
    before,
    after,
    ip: actor.ip,
  });
}

const sameEdges = (a: TargetEdges, b: TargetEdges) =>
  a.direction === b.direction &&
  a.target === b.target &&
  a.targetMax === b.targetMax &&
  a.amberFrom === b.amberFrom &&
  a.amberTo === b.amberTo;

/**
 * Sets one KPI's target and band edges (validated by the caller's form). The row is
 * locked first, so two admins saving the same KPI record each other's version as
 * "before" rather than both the same one. Tiles and flags read kpi_targets per request.
 */
export async function saveTarget(
  db: Database,
  actor: SettingsActor,
  kpi: string,
  edges: TargetEdges,
): Promise<SaveResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(kpiTargets).where(eq(kpiTargets.kpi, kpi)).for("update");
    if (!row) return { ok: false, reason: "not_found" } as const;
    const before = edgesOf(row);
    if (sameEdges(before, edges)) return { ok: true, changed: false } as const;
    const text = (value: number | null) => (value === null ? null : String(value));
    await tx
      .update(kpiTargets)
      .set({
        direction: edges.direction,
        target: String(edges.target),
        targetMax: text(edges.targetMax),
        amberFrom: text(edges.amberFrom),
        amberTo: text(edges.amberTo),
        updatedAt: sql`now()`,
      })
      .where(eq(kpiTargets.kpi, kpi));
    await audit(tx, actor, "settings.target_update", kpi, before, edges);
    return { ok: true, changed: true } as const;
  });
}

/**
 * Sets the reply time limits per appeal type and rebuilds the appeal roll-ups of exactly
 * the types whose limit changed (their due times move; other types' cells keep their
 * counts). Holds the appeal roll-up writers' lock from the start, so an import or another
 * change of limits waits and never counts with a limit that is being replaced.
 */
export async function saveReplyLimits(
  db: Database,
  actor: SettingsActor,
  limits: Record<AppealType, number>,
  timeZone: string,
): Promise<{ ok: true; changed: AppealType[] }> {
  return db.transaction(async (tx) => {
    await lockAppealRollups(tx);
    const rows = await tx.select().from(replyTimeLimits).for("update");
    const current = (type: AppealType) =>
      rows.find((row) => row.appealType === type)?.workingDays ?? DEFAULT_REPLY_LIMIT_WORKING_DAYS;
    const changed = APPEAL_TYPES.filter((type) => current(type) !== limits[type]);
    if (changed.length === 0) return { ok: true, changed } as const;
    for (const type of changed) {
      await tx
        .insert(replyTimeLimits)
        .values({ appealType: type, workingDays: limits[type] })
        .onConflictDoUpdate({
          target: replyTimeLimits.appealType,
          set: { workingDays: limits[type], updatedAt: sql`now()` },
        });
    }
    await audit(
      tx,
      actor,
      "settings.reply_limits_update",
      "reply_time_limits",
      Object.fromEntries(changed.map((type) => [type, current(type)])),
      Object.fromEntries(changed.map((type) => [type, limits[type]])),
    );
    const clock = await loadAppealClock(tx, timeZone);
    for (const type of changed) await rebuildAppealRollups(tx, clock, type);
    return { ok: true, changed } as const;
  });
}

/**
 * Sets the working days a department has to rectify, per source. Open cases keep the
 * limit and deadline they were opened with (rectification_cases.limit_working_days), so
 * this affects only cases opened from now on, and no roll-up.
 */
export async function saveRectificationLimits(
  db: Database,
  actor: SettingsActor,
  limits: Record<RectificationSource, number>,
): Promise<{ ok: true; changed: boolean }> {
  return db.transaction(async (tx) => {
    const rows = await tx.select().from(rectificationLimits).for("update");
    const current = (source: RectificationSource) =>
      rows.find((row) => row.source === source)?.workingDays ??
      DEFAULT_RECTIFICATION_LIMITS[source];
    const changed = RECTIFICATION_SOURCES.filter((source) => current(source) !== limits[source]);
    if (changed.length === 0) return { ok: true, changed: false } as const;
    for (const source of changed) {
      await tx
        .insert(rectificationLimits)
        .values({ source, workingDays: limits[source] })
        .onConflictDoUpdate({
          target: rectificationLimits.source,
          set: { workingDays: limits[source], updatedAt: sql`now()` },
        });
    }
    await audit(
      tx,
      actor,
      "settings.rectification_limits_update",
      "rectification_limits",
      Object.fromEntries(changed.map((source) => [source, current(source)])),
      Object.fromEntries(changed.map((source) => [source, limits[source]])),
    );
    return { ok: true, changed: true } as const;
  });
}

/**
 * Sets the data-quality page's stale-data period, kept in app_meta. The row is made if
 * missing and then locked, so concurrent saves queue on it and each records the other's
 * value as "before".
 */
export async function saveStaleAfterDays(
  db: Database,
  actor: SettingsActor,
  days: number,
): Promise<{ ok: true; changed: boolean }> {
  return db.transaction(async (tx) => {
    // The default as a row first (if none), so there is always a row to lock.
    await tx
      .insert(appMeta)
      .values({ key: STALE_AFTER_DAYS_KEY, value: String(DEFAULT_STALE_AFTER_DAYS) })
      .onConflictDoNothing();
    await tx.select().from(appMeta).where(eq(appMeta.key, STALE_AFTER_DAYS_KEY)).for("update");
    const before = await loadStaleAfterDays(tx);
    if (before === days) return { ok: true, changed: false } as const;
    await tx
      .update(appMeta)
      .set({ value: String(days), updatedAt: sql`now()` })
      .where(eq(appMeta.key, STALE_AFTER_DAYS_KEY));
    await audit(
      tx,
      actor,
      "settings.stale_period_update",
      STALE_AFTER_DAYS_KEY,
      { days: before },
      { days },
    );
    return { ok: true, changed: true } as const;
  });
}
