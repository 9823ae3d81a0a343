/**
 * Calendar dates in the user's time zone, kept as 'YYYY-MM-DD' strings. A plan stores only these, and
 * "today" is computed from the local clock each time: a flight across time zones moves today by at most
 * the calendar day the person actually lives in, and no stored instant can make a day be skipped or run twice.
 * Arithmetic on the strings goes through UTC dates, where every day has 24 hours (no DST gaps).
 */
export type LocalDate = string;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A real calendar date written as YYYY-MM-DD (2026-02-30 is not one). */
export function isLocalDate(v: unknown): v is LocalDate {
  if (typeof v !== 'string') return false;
  const m = DATE.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/**
 * The calendar date at `epochMs` for someone whose clock is `offsetMinutes` ahead of UTC (east positive).
 * Default: this machine's zone at that instant (Date#getTimezoneOffset is west positive, hence the minus).
 */
export function localDateAt(epochMs: number, offsetMinutes = -new Date(epochMs).getTimezoneOffset()): LocalDate {
  const d = new Date(epochMs + offsetMinutes * 60_000);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Noon UTC of the date: a stand-in instant for libraries that count days between Date objects. */
export function noonUtc(date: LocalDate): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, 12));
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return localDateAt(noonUtc(date).getTime() + days * DAY_MS, 0);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((noonUtc(to).getTime() - noonUtc(from).getTime()) / DAY_MS);
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function weekdayOf(date: LocalDate): string {
  return WEEKDAYS[noonUtc(date).getUTCDay()]!;
}

/** "on Tuesday" within the last week, else "on 2026-11-28". */
export function describePastDay(date: LocalDate, today: LocalDate): string {
  const ago = daysBetween(date, today);
  if (ago === 0) return 'today';
  if (ago === 1) return 'yesterday';
  return ago > 0 && ago < 7 ? `on ${weekdayOf(date)}` : `on ${date}`;
}

/** "due today", "overdue by 2 days", "due tomorrow", "due in 3 days". */
export function describeDue(due: LocalDate, today: LocalDate): string {
  const days = daysBetween(today, due);
  if (days === 0) return 'due today';
  if (days < 0) return `overdue by ${-days} ${-days === 1 ? 'day' : 'days'}`;
  return days === 1 ? 'due tomorrow' : `due in ${days} days`;
}
