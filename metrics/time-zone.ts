import { MS_PER_DAY, dayNumberFromParts, dayNumberOf, isoDateOf } from "./iso-date";

/**
 * Local dates and day boundaries in an IANA time zone (e.g. "Asia/Shanghai"), from the
 * runtime's Intl time zone data. The UTC offset is looked up once per UTC day and cached
 * per zone; on a day whose two ends disagree (a clock change) it is looked up once per
 * quarter hour instead (every offset in use today is a whole number of quarter hours),
 * and a quarter hour whose two ends disagree is resolved exactly, uncached. So calling
 * these for millions of appeals stays cheap.
 */

const QUARTER_HOUR_MS = 900_000;
const MAX_CACHED = 500_000;

interface ZoneCache {
  readonly format: Intl.DateTimeFormat;
  /** UTC day → offset, or null when the offset changes during that day. */
  readonly offsetByDay: Map<number, number | null>;
  readonly offsetByQuarterHour: Map<number, number>;
  readonly endOfDayByDayNumber: Map<number, number>;
}

const zones = new Map<string, ZoneCache>();

function zone(timeZone: string): ZoneCache {
  let cache = zones.get(timeZone);
  if (cache === undefined) {
    cache = {
      format: new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        era: "short",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      }),
      offsetByDay: new Map(),
      offsetByQuarterHour: new Map(),
      endOfDayByDayNumber: new Map(),
    };
    zones.set(timeZone, cache);
  }
  return cache;
}

/** Offset (local − UTC, ms) at an instant, straight from Intl. */
function exactOffsetMs(cache: ZoneCache, instantMs: number): number {
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let beforeCommonEra = false;
  for (const part of cache.format.formatToParts(instantMs)) {
    switch (part.type) {
      case "year":
        year = Number(part.value);
        break;
      case "month":
        month = Number(part.value);
        break;
      case "day":
        day = Number(part.value);
        break;
      case "hour":
        hour = Number(part.value);
        break;
      case "minute":
        minute = Number(part.value);
        break;
      case "second":
        second = Number(part.value);
        break;
      case "era":
        beforeCommonEra = part.value.startsWith("B");
        break;
      default:
        break;
    }
  }
  if (beforeCommonEra) year = 1 - year;
  const localMs =
    dayNumberFromParts(year, month, day) * MS_PER_DAY +
    hour * 3_600_000 +
    minute * 60_000 +
    second * 1000;
  return localMs - Math.floor(instantMs / 1000) * 1000;
}

/** Offset (local − UTC, ms) of the zone at an instant. */
export function utcOffsetMs(instant: Date | number, timeZone: string): number {
  const instantMs = typeof instant === "number" ? instant : instant.getTime();
  const cache = zone(timeZone);
  const day = Math.floor(instantMs / MS_PER_DAY);
  let daily = cache.offsetByDay.get(day);
  if (daily === undefined) {
    const atStart = exactOffsetMs(cache, day * MS_PER_DAY);
    const atEnd = exactOffsetMs(cache, (day + 1) * MS_PER_DAY - 1);
    daily = atStart === atEnd ? atStart : null;
    if (cache.offsetByDay.size >= MAX_CACHED) cache.offsetByDay.clear();
    cache.offsetByDay.set(day, daily);
  }
  if (daily !== null) return daily;
  const bucket = Math.floor(instantMs / QUARTER_HOUR_MS);
  const cached = cache.offsetByQuarterHour.get(bucket);
  if (cached !== undefined) return cached;
  const atStart = exactOffsetMs(cache, bucket * QUARTER_HOUR_MS);
  const atEnd = exactOffsetMs(cache, (bucket + 1) * QUARTER_HOUR_MS - 1);
  if (atStart !== atEnd) return exactOffsetMs(cache, instantMs);
  if (cache.offsetByQuarterHour.size >= MAX_CACHED) cache.offsetByQuarterHour.clear();
  cache.offsetByQuarterHour.set(bucket, atStart);
  return atStart;
}

/** Day number (see iso-date.ts) of the local date of a UTC instant in a time zone. */
export function localDayNumberOf(instant: Date | number, timeZone: string): number {
  const instantMs = typeof instant === "number" ? instant : instant.getTime();
  return Math.floor((instantMs + utcOffsetMs(instantMs, timeZone)) / MS_PER_DAY);
}

/**
 * The local date "YYYY-MM-DD" of a UTC instant in an IANA time zone:
 * localDateOf(2024-09-30T16:30Z, "Asia/Shanghai") = "2024-10-01".
 */
export function localDateOf(instant: Date | number, timeZone: string): string {
  return isoDateOf(localDayNumberOf(instant, timeZone));
}

/**
 * The first instant (UTC ms) whose local time is at or after local midnight starting
 * the given day: the smallest u with u + offset(u) ≥ day · 24 h. Where midnight occurs
 * twice (clocks going back) it is the first; where it does not occur (clocks going
 * forward over it, or a skipped day) it is the moment of the jump.
 */
function startOfLocalDayMs(dayNumber: number, timeZone: string): number {
  const localMidnight = dayNumber * MS_PER_DAY;
  const reachesMidnight = (u: number): boolean => u + utcOffsetMs(u, timeZone) >= localMidnight;
  // Offsets lie within [−12 h, +14 h]: sample the offsets in force around the day.
  const offsets = new Set([
    utcOffsetMs(localMidnight - 14 * 3_600_000, timeZone),
    utcOffsetMs(localMidnight, timeZone),
    utcOffsetMs(localMidnight + 12 * 3_600_000, timeZone),
  ]);
  let best: number | null = null;
  for (const offset of offsets) {
    const candidate = localMidnight - offset;
    if (utcOffsetMs(candidate, timeZone) === offset && (best === null || candidate < best)) {
      best = candidate;
    }
  }
  if (best !== null) return best;
  // Midnight falls into a gap: find the jump by bisection.
  const candidates = [...offsets].map((offset) => localMidnight - offset);
  let low = Math.min(...candidates) - 1; // does not reach midnight
  let high = Math.max(...candidates); // reaches midnight
  while (reachesMidnight(low)) low -= MS_PER_DAY;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (reachesMidnight(middle)) high = middle;
    else low = middle;
  }
  return high;
}

/**
 * UTC instant (ms) of the end of a local day, 23:59:59.999 local: one millisecond before
 * the next local day starts. Cached per zone and day.
 */
export function endOfLocalDayMs(dayNumber: number, timeZone: string): number {
  const cache = zone(timeZone);
  const cached = cache.endOfDayByDayNumber.get(dayNumber);
  if (cached !== undefined) return cached;
  const end = startOfLocalDayMs(dayNumber + 1, timeZone) - 1;
  if (cache.endOfDayByDayNumber.size >= MAX_CACHED) cache.endOfDayByDayNumber.clear();
  cache.endOfDayByDayNumber.set(dayNumber, end);
  return end;
}

/**
 * The UTC instant of the end (23:59:59.999 local) of a local date in a time zone:
 * endOfLocalDay("2024-10-12", "Asia/Shanghai") = 2024-10-12T15:59:59.999Z.
 */
export function endOfLocalDay(date: string, timeZone: string): Date {
  return new Date(endOfLocalDayMs(dayNumberOf(date), timeZone));
}
