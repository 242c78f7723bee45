/** Local-date arithmetic on "YYYY-MM-DD" strings, through UTC day numbers (no DST surprises). */
const DAY_MS = 86_400_000;

export function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

export function addMonths(month: string, months: number): string {
  const [year, monthIndex] = [Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + months];
  const shifted = new Date(Date.UTC(year, monthIndex, 1));
  return shifted.toISOString().slice(0, 10);
}

export function firstOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/** The demo county is in China (UTC+8 all year): a local time as an ISO string with offset. */
export function chinaTime(date: string, secondsOfDay: number): string {
  const hours = Math.floor(secondsOfDay / 3600);
  const minutes = Math.floor((secondsOfDay % 3600) / 60);
  const seconds = Math.floor(secondsOfDay % 60);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date}T${pad(hours)}:${pad(minutes)}:${pad(seconds)}+08:00`;
}
