const DAY_MS = 86_400_000;
/** Days whose date text is kept; an import's times fall on a few days at a time. */
const CACHED_DAYS = 4_096;
const dayTexts = new Map<number, string>();

/**
 * Writes `instant.toISOString()` as ASCII bytes at `at` and returns where it ends, for a COPY
 * of many times: the date part is kept per UTC day and the time of day written digit by
 * digit. toISOString was the import's costliest call for a row of appeals (five times
 * each), and the strings built in its place were most of what a row of COPY text allocated.
 */
export function writeInstant(instant: Date, bytes: Uint8Array, at: number): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) instant.toISOString(); // throws, as drizzle would
  const day = Math.floor(ms / DAY_MS);
  let dayText = dayTexts.get(day);
  if (dayText === undefined) {
    const iso = instant.toISOString();
    // Everything before "HH:MM:SS.mmmZ", the extended years of toISOString included.
    dayText = iso.slice(0, iso.length - 13);
    if (dayTexts.size >= CACHED_DAYS) dayTexts.clear();
    dayTexts.set(day, dayText);
  }
  for (let index = 0; index < dayText.length; index++) bytes[at++] = dayText.charCodeAt(index);
  let rest = ms - day * DAY_MS;
  const millis = rest % 1000;
  rest = (rest - millis) / 1000;
  const seconds = rest % 60;
  rest = (rest - seconds) / 60;
  const minutes = rest % 60;
  const hours = (rest - minutes) / 60;
  at = writeDigits(bytes, at, hours, 2);
  bytes[at++] = 0x3a; // :
  at = writeDigits(bytes, at, minutes, 2);
  bytes[at++] = 0x3a;
  at = writeDigits(bytes, at, seconds, 2);
  bytes[at++] = 0x2e; // .
  at = writeDigits(bytes, at, millis, 3);
  bytes[at++] = 0x5a; // Z
  return at;
}

/** A non-negative whole number in exactly `width` decimal digits (it has no more). */
function writeDigits(bytes: Uint8Array, at: number, value: number, width: number): number {
  for (let place = width - 1; place >= 0; place--) {
    bytes[at + place] = 0x30 + (value % 10);
    value = Math.floor(value / 10);
  }
  return at + width;
}
