import { dayNumberFromParts, isoDateOf } from "../../metrics/iso-date";

/** Month arithmetic and local times for the demo, on "YYYY-MM-DD" strings. */
export {
  addCalendarDays as addDays,
  dayNumberOf as dayNumber,
  isoDateOf as fromDayNumber,
} from "../../metrics/iso-date";

/** The first day of the month `months` after the month of `month` (may be negative). */
export function addMonths(month: string, months: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + months;
  return isoDateOf(dayNumberFromParts(Math.floor(index / 12), (index % 12) + 1, 1));
}

export function firstOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/** The demo county is in China (UTC+8 all year): a local time as an ISO string with offset. */
export function chinaTime(date: string, secondsOfDay: number): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  const [hours, minutes, seconds] = [
    secondsOfDay / 3600,
    (secondsOfDay % 3600) / 60,
    secondsOfDay % 60,
  ].map(Math.floor);
  return `${date}T${pad(hours ?? 0)}:${pad(minutes ?? 0)}:${pad(seconds ?? 0)}+08:00`;
}
