/**
 * Dates ("YYYY-MM-DD") and datetimes (ISO 8601 with a zone) as rule values:
 * strict parsing (an impossible date is not a date) and UTC formatting.
 * Years outside 1–9999 cannot be written as "YYYY-MM-DD" and count as faults.
 */

export const DAY_MS = 86_400_000;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// The same shape the rule checker types as a datetime literal.
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(?:Z|([+-])(\d{2}):?(\d{2}))$/;

/** A parsed temporal value: its kind and its instant (dates at 00:00 UTC). */
export interface Temporal {
  kind: 'date' | 'datetime';
  ms: number;
}

export const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** Midnight UTC of a calendar day (Date.UTC would read years 0–99 as 1900–1999). */
export function utcDay(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

const validDay = (y: number, m: number, d: number) => y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);

/** The instant of a "YYYY-MM-DD" string, or null. */
export function parseDate(s: string): number | null {
  const m = DATE.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return validDay(y, mo, d) ? utcDay(y, mo, d) : null;
}

/** The instant (milliseconds) of an ISO datetime with a zone, or null. */
export function parseDatetime(s: string): number | null {
  const m = DATETIME.exec(s);
  if (!m) return null;
  const [y, mo, d, h, mi, sec] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
  const [oh, om] = [Number(m[9] ?? 0), Number(m[10] ?? 0)];
  if (!validDay(y, mo, d) || h > 23 || mi > 59 || sec > 59 || oh > 23 || om > 59) return null;
  const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const offset = (m[8] === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
  return utcDay(y, mo, d) + ((h * 60 + mi) * 60 + sec) * 1000 + ms - offset;
}

/** A date or datetime value, or null for anything else (including impossible dates). */
export function parseTemporal(x: unknown): Temporal | null {
  if (typeof x !== 'string') return null;
  const date = parseDate(x);
  if (date !== null) return { kind: 'date', ms: date };
  const datetime = parseDatetime(x);
  return datetime === null ? null : { kind: 'datetime', ms: datetime };
}

const inRange = (ms: number) => {
  if (!Number.isFinite(ms)) return false;
  const y = new Date(ms).getUTCFullYear();
  return y >= 1 && y <= 9999;
};

/** "YYYY-MM-DD" of an instant's UTC date; null outside years 1–9999. */
export function formatDate(ms: number): string | null {
  return inRange(ms) ? new Date(ms).toISOString().slice(0, 10) : null;
}

/** ISO UTC with milliseconds; null outside years 1–9999. */
export function formatDatetime(ms: number): string | null {
  return inRange(ms) ? new Date(ms).toISOString() : null;
}

/**
 * A datetime literal as the instant it stands for: ISO UTC with milliseconds
 * (digits beyond are dropped), as SQL binds it, so "2026-03-01T16:00:00+08:00"
 * reads "2026-03-01T08:00:00.000Z" in the interpreter and in SQL alike. Any
 * other string stays as written.
 */
export function datetimeLiteral(s: string): string {
  const ms = parseDatetime(s);
  return ms === null ? s : (formatDatetime(ms) ?? s);
}

/** Writes an instant back in the kind it came in. */
export const formatAs = (kind: Temporal['kind'], ms: number) => (kind === 'date' ? formatDate(ms) : formatDatetime(ms));

/** The UTC calendar parts of an instant. */
export function calendarParts(ms: number): { year: number; month: number; day: number; timeOfDay: number } {
  const d = new Date(ms);
  const midnight = utcDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), timeOfDay: ms - midnight };
}
