import { MS_PER_DAY } from "../../../metrics/iso-date";
import { utcOffsetMs } from "../../../metrics/time-zone";

/**
 * The UTC instant of a local wall-clock time in an IANA time zone: the instant u with
 *
 *   u + offset(u) = dayNumber · 24 h + msOfDay
 *
 * When clocks go back, a wall time happens twice: the earlier instant is taken. When
 * clocks go forward, a wall time in the gap never happens: it is moved forward by the
 * length of the gap (02:30 on a spring-forward night in New York is 03:30 EDT), as
 * JavaScript and Temporal ("compatible") do. An unknown zone throws a RangeError.
 */
export function instantOfLocalTime(dayNumber: number, msOfDay: number, timeZone: string): number {
  const localMs = dayNumber * MS_PER_DAY + msOfDay;
  // Offsets lie within [−12 h, +14 h], so u lies within [local − 14 h, local + 12 h]:
  // sample the offsets in force across that window.
  const before = utcOffsetMs(localMs - 14 * 3_600_000, timeZone);
  const at = utcOffsetMs(localMs, timeZone);
  const after = utcOffsetMs(localMs + 12 * 3_600_000, timeZone);
  // One offset across the window (no change of offset near): the instant is local − offset.
  if (before === at && at === after) return localMs - at;
  const offsets = new Set([before, at, after]);
  let earliest: number | null = null;
  let latest = Number.NEGATIVE_INFINITY;
  for (const offset of offsets) {
    const candidate = localMs - offset;
    if (
      utcOffsetMs(candidate, timeZone) === offset &&
      (earliest === null || candidate < earliest)
    ) {
      earliest = candidate;
    }
    latest = Math.max(latest, candidate);
  }
  // In a gap no candidate holds; the latest one uses the offset from before the jump.
  return earliest ?? latest;
}
