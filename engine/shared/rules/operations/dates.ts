/**
 * Dates and datetimes, all calendar arithmetic in UTC. A date in gives a
 * date out, a datetime in gives an ISO UTC datetime (with milliseconds) out.
 * null, a non-date, a fractional count or a result outside years 1–9999 → null.
 */
import { DAY_MS, calendarParts, daysInMonth, formatAs, formatDate, formatDatetime, parseTemporal, utcDay, type Temporal } from './temporal';
import type { OperationTable, RuleContext } from './values';

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);

const today = (_: unknown[], context: RuleContext | undefined) => (context ? formatDate(context.now.getTime()) : null);
const now = (_: unknown[], context: RuleContext | undefined) => (context ? formatDatetime(context.now.getTime()) : null);

/** A date shift: (temporal, whole number) → the same kind. */
const shift = (by: (t: Temporal, n: number) => number) => ([d, n]: unknown[]) => {
  const t = parseTemporal(d);
  return t && isCount(n) ? formatAs(t.kind, by(t, n)) : null;
};

/** n calendar months later, clamped to the target month's last day, keeping the time of day. */
function plusMonths(t: Temporal, n: number): number {
  const { year, month, day, timeOfDay } = calendarParts(t.ms);
  const index = year * 12 + (month - 1) + n;
  const [y, m] = [Math.floor(index / 12), (((index % 12) + 12) % 12) + 1];
  if (y < 1 || y > 9999) return NaN;
  return utcDay(y, m, Math.min(day, daysInMonth(y, m))) + timeOfDay;
}

/** A difference of two temporals. */
const difference = (f: (a: Temporal, b: Temporal) => number) => ([a, b]: unknown[]) => {
  const [x, y] = [parseTemporal(a), parseTemporal(b)];
  return x && y ? f(x, y) : null;
};

/** A number read from one temporal's UTC date. */
const part = (f: (t: Temporal) => number) => ([d]: unknown[]) => {
  const t = parseTemporal(d);
  return t ? f(t) : null;
};

/** A date computed from one temporal's UTC date. */
const startOf = (f: (p: ReturnType<typeof calendarParts>) => number) => ([d]: unknown[]) => {
  const t = parseTemporal(d);
  return t ? formatDate(f(calendarParts(t.ms))) : null;
};

/** ISO weekday: Monday 1 … Sunday 7. */
const isoWeekday = (ms: number) => ((new Date(ms).getUTCDay() + 6) % 7) + 1;
const monthIndex = (t: Temporal) => calendarParts(t.ms).year * 12 + calendarParts(t.ms).month;

export const dateOperations = {
  today,
  now,
  add_days: shift((t, n) => t.ms + n * DAY_MS),
  add_months: shift(plusMonths),
  add_years: shift((t, n) => plusMonths(t, n * 12)),
  diff_days: difference((a, b) => Math.floor((a.ms - b.ms) / DAY_MS)),
  diff_months: difference((a, b) => monthIndex(a) - monthIndex(b)),
  diff_years: difference((a, b) => calendarParts(a.ms).year - calendarParts(b.ms).year),
  year: part((t) => calendarParts(t.ms).year),
  month: part((t) => calendarParts(t.ms).month),
  day: part((t) => calendarParts(t.ms).day),
  weekday: part((t) => isoWeekday(t.ms)),
  start_of_week: startOf((p) => utcDay(p.year, p.month, p.day) - (isoWeekday(utcDay(p.year, p.month, p.day)) - 1) * DAY_MS),
  start_of_month: startOf((p) => utcDay(p.year, p.month, 1)),
  start_of_quarter: startOf((p) => utcDay(p.year, Math.floor((p.month - 1) / 3) * 3 + 1, 1)),
} satisfies OperationTable;
