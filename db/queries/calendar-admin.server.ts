/**
 * The working-day calendar as an admin sees and edits it (/admin/settings#calendar): the
 * packaged official days (chinese-days) and this deployment's own days, which win over
 * them. An override entered here is stored like a calendar import's row (source
 * 'import') without a batch, so no import revert takes it away; removing it brings
 * back the official day, or the weekend rule where the package has none.
 */
import { and, asc, between, eq } from "drizzle-orm";
import { yearsWithoutOfficialData } from "../../metrics/calendar-coverage";
import { dayNumberOf } from "../../metrics/iso-date";
import { isWeekday } from "../../metrics/working-days";
import { officialDays, officialYears, type OfficialDay } from "../calendar/official-days";
import type { Database } from "../client.server";
import { refreshTouchedRollups } from "../import/refresh-rollups.server";
import { TouchedCells } from "../import/touched-cells";
import { calendarDays } from "../schema/reference";
import { recordAudit } from "./audit.server";
import type { SettingsActor } from "./settings-admin.server";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

export interface CalendarDayView {
  date: string;
  isWorking: boolean;
  name: string | null;
  /** "official": the package's day; "override": this deployment's (entered here or imported). */
  source: "official" | "override";
  /** An override that came with a calendar import (it has a batch). */
  imported: boolean;
  /** For an override, the official day it replaces, if the package has one. */
  official: { isWorking: boolean; name: string } | null;
  /** What the weekend rule alone would say. */
  weekday: boolean;
}

export interface CalendarYear {
  year: number;
  /** Days of the year that differ from, or name, the default rule; in date order. */
  days: CalendarDayView[];
  /** Years the package has official days for, ascending. */
  officialYears: number[];
  /** Whether the package carries the State Council's notice for this year. */
  hasOfficialData: boolean;
}

let officialByDate: Map<string, OfficialDay> | undefined;
/** The package's days by date (read from the installed package once). */
function officialDay(date: string): OfficialDay | undefined {
  officialByDate ??= new Map(officialDays().map((day) => [day.date, day]));
  return officialByDate.get(date);
}

/** The year's non-default days, official and overridden, and whether the package covers it. */
export async function loadCalendarYear(db: Database, year: number): Promise<CalendarYear> {
  const rows = await db
    .select()
    .from(calendarDays)
    .where(between(calendarDays.date, `${year}-01-01`, `${year}-12-31`))
    .orderBy(asc(calendarDays.date));
  const years = officialYears();
  return {
    year,
    days: rows.map((row) => {
      const official = row.source === "import" ? officialDay(row.date) : undefined;
      return {
        date: row.date,
        isWorking: row.isWorking,
        name: row.name,
        source: row.source === "package" ? "official" : "override",
        imported: row.batchId !== null,
        official: official ? { isWorking: official.isWorking, name: official.name } : null,
        weekday: isWeekday(dayNumberOf(row.date)),
      };
    }),
    officialYears: years,
    hasOfficialData: yearsWithoutOfficialData([year], years).length === 0,
  };
}

export interface CalendarOverride {
  date: string;
  isWorking: boolean;
  name: string | null;
}

export type CalendarResult = { ok: true; changed: boolean } | { ok: false; reason: "not_found" };

type DayRow = typeof calendarDays.$inferSelect;
const auditView = (row: Pick<DayRow, "isWorking" | "name" | "source"> | null | undefined) =>
  row ? { isWorking: row.isWorking, name: row.name, source: row.source } : null;

/**
 * Whether a day works, before or after a change: its row, else the weekend rule.
 */
const working = (date: string, row: Pick<DayRow, "isWorking"> | null | undefined) =>
  row ? row.isWorking : isWeekday(dayNumberOf(date));

/**
 * After a day's working status changed: the appeal roll-ups of the cells it affects are
 * rebuilt, by the same code a calendar import runs (which takes the roll-up writers' lock).
 */
async function refreshAfterCalendarChange(tx: Tx, date: string, timeZone: string) {
  const touched = new TouchedCells("calendar", timeZone);
  touched.add(date);
  await refreshTouchedRollups(tx, touched);
}

/**
 * Adds or changes this deployment's override of one day. The day's row is locked before
 * it is read (a calendar import locks the rows it writes before the roll-ups, in the same
 * order, so the two never deadlock); the roll-ups follow only when the day's working
 * status changed.
 */
export async function setCalendarOverride(
  db: Database,
  actor: SettingsActor,
  override: CalendarOverride,
  timeZone: string,
): Promise<CalendarResult> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(calendarDays)
      .where(eq(calendarDays.date, override.date))
      .for("update");
    if (
      before?.source === "import" &&
      before.batchId === null &&
      before.isWorking === override.isWorking &&
      before.name === override.name
    ) {
      return { ok: true, changed: false } as const;
    }
    const values = { ...override, source: "import" as const, batchId: null };
    await tx
      .insert(calendarDays)
      .values(values)
      .onConflictDoUpdate({ target: calendarDays.date, set: values });
    await recordAudit(tx, {
      actorId: actor.id,
      actorName: actor.name,
      action: "calendar.override_set",
      objectKind: "calendar_day",
      objectId: override.date,
      before: auditView(before),
      after: auditView(values),
      ip: actor.ip,
    });
    if (working(override.date, before) !== override.isWorking) {
      await refreshAfterCalendarChange(tx, override.date, timeZone);
    }
    return { ok: true, changed: true } as const;
  });
}

/**
 * Removes this deployment's override of a day (entered here or imported): the package's
 * official day comes back if there is one, else the weekend rule applies.
 */
export async function removeCalendarOverride(
  db: Database,
  actor: SettingsActor,
  date: string,
  timeZone: string,
): Promise<CalendarResult> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(calendarDays)
      .where(and(eq(calendarDays.date, date), eq(calendarDays.source, "import")))
      .for("update");
    if (!before) return { ok: false, reason: "not_found" } as const;
    await tx.delete(calendarDays).where(eq(calendarDays.date, date));
    const official = officialDay(date);
    const after = official ? { ...official, source: "package" as const } : null;
    if (after) await tx.insert(calendarDays).values(after);
    await recordAudit(tx, {
      actorId: actor.id,
      actorName: actor.name,
      action: "calendar.override_remove",
      objectKind: "calendar_day",
      objectId: date,
      before: { ...auditView(before), batchId: before.batchId },
      after: auditView(after),
      ip: actor.ip,
    });
    if (working(date, before) !== working(date, after)) {
      await refreshAfterCalendarChange(tx, date, timeZone);
    }
    return { ok: true, changed: true } as const;
  });
}
