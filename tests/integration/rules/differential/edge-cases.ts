/**
 * Hand-picked rules at the edges the generator keeps away from (sizes beyond
 * 15 digits, counts beyond the calendar, quotients as text) or that once
 * disagreed. Each runs like a generated rule, over every row.
 */
import type { Json } from './generators';

const v = (name: string): Json => ({ var: name });

export interface EdgeCase {
  rule: Json;
  /** Numbers may differ by a relative 1e-12 (results of more than 15 significant digits). */
  tolerant?: boolean;
}

export const EDGE_CASES: EdgeCase[] = [
  // Integer columns and extract(…)::int neither divide as integers nor overflow.
  { rule: { '/': [v('qty'), 2] } },
  { rule: { '/': [{ year: [v('d')] }, 8] } },
  { rule: { '/': [{ length: [v('txt')] }, { length: [v('txt2')] }] } },
  { rule: { '*': [v('qty'), v('qty'), v('qty')] }, tolerant: true },
  { rule: { '*': [{ year: [v('d')] }, { year: [v('d')] }, { year: [v('d')] }] } },
  { rule: { '+': [{ diff_days: [v('d'), v('d2')] }, 2147483647] } },
  { rule: { '-': [{ length: [v('txt')] }, 2147483648] } },
  // floor/ceil of an integer column stay decimal (not double precision).
  { rule: { '+': [{ floor: [v('qty')] }, 0.1, 0.2] } },
  { rule: { '%': [{ ceil: [v('ratio')] }, 3] } },
  { rule: { '*': [{ floor: [v('ratio')] }, 0.1] } },
  // Quotients: the same double, and the same text in cat.
  { rule: { '/': [v('amount'), v('qty')] } },
  { rule: { cat: [{ '/': [1, 3] }, ' ', { '/': [2, 3] }, ' ', { '/': [7, 3] }, ' ', { '/': [v('amount'), 7] }] } },
  { rule: { cat: ['unit price: ', { '/': [v('amount'), v('qty')] }] } },
  { rule: { cat: [{ '*': [v('qty'), v('qty')] }, '|', { '*': [v('amount'), 1000000] }, '|', 1e21, '|', 0.0000001, '|', -0.5] } },
  // Counts beyond the calendar give null, never an error; results stay within years 1–9999.
  { rule: { add_days: [v('d'), v('qty')] } },
  { rule: { add_days: [v('ts'), v('qty')] } },
  { rule: { add_months: [v('ts'), { '*': [v('qty'), 100] }] } },
  { rule: { add_years: [v('d'), { '*': [v('qty'), v('qty')] }] }, tolerant: true },
  { rule: { add_years: ['2024-02-29', 7975] } },
  { rule: { add_years: ['2024-02-29', 7976] } },
  { rule: { add_days: ['0001-01-01', -1] } },
  { rule: { add_days: ['9999-12-31T23:59:59.999Z', 1] } },
  { rule: { add_months: ['0001-01-31', 1] } },
  { rule: { add_days: [v('d'), 1.5] } },
  // round: any number of places (clamped), half away from zero, decimal-exact.
  { rule: { round: [v('ratio'), v('qty')] } },
  { rule: { round: [v('amount'), { '*': [v('qty'), -1] }] } },
  { rule: { round: [v('ratio'), 2] } },
  { rule: { round: [{ '*': [v('amount'), -1] }, 1] } },
  { rule: { round: [-2.5] } },
  { rule: { round: [v('ratio'), 0.5] } },
  // % takes the dividend's sign.
  { rule: { '%': [v('qty'), -3] } },
  { rule: { '%': [v('ratio'), 0.7] } },
  { rule: { '%': [-7, 3] } },
  // min / max ignore nulls.
  { rule: { min: [null, v('qty'), v('ratio')] } },
  { rule: { max: [v('amount'), null] } },
  { rule: { max: [null, null] } },
  // Datetime literals are instants: written in UTC with milliseconds wherever they are used.
  { rule: { cat: ['2026-03-31T16:00:00+08:00', ' ', '2026-04-01T07:30+0800', ' ', '2026-03-31T23:29:59.9999Z'] } },
  { rule: { length: ['2026-03-31T16:00:00+08:00'] } },
  { rule: { if: [v('flag'), '2026-03-31T16:00:00+08:00', v('ts')] } },
  { rule: { cat: [{ if: [v('flag'), '2026-03-31T16:00:00+08:00', v('ts')] }] } },
  { rule: { '==': [v('ts'), '2026-04-01T07:29:59.9999+08:00'] } },
  { rule: { in: [v('ts'), ['2026-03-31T23:30:00.0009Z', '2026-04-01T07:59:59.9999+08:00']] } },
  { rule: { '<': ['2026-03-31T23:29:59.9999Z', v('ts'), '2026-04-01T08:00:00+08:00'] } },
  // NOT and IS NULL: "!" and not_empty inside is_empty.
  { rule: { is_empty: [{ '!': [v('txt')] }] } },
  { rule: { not_empty: [{ not_empty: [v('tags')] }] } },
  { rule: { '!': [{ if_null: [v('flag'), null] }] } },
  { rule: { and: [{ if: [v('qty'), v('flag')] }, true] } },
  { rule: { or: [{ if_null: [null, v('flag')] }, false] } },
  // Nulls of every type where PostgreSQL needs a type.
  { rule: { start_of_month: [null] } },
  { rule: { year: [{ if: [v('flag'), null] }] } },
  { rule: { '-': [null] } },
  { rule: { add_days: [null, 1] } },
  { rule: { diff_days: [null, null] } },
  { rule: { if: [v('flag'), { add_months: [null, 1] }, { if_null: [null, null] }] } },
  { rule: { '!!': [{ if: [v('flag'), null] }] } },
  // Text: code point order, LIKE wildcards taken literally, Chinese, spaces.
  { rule: { '<': [v('txt'), v('txt2')] } },
  { rule: { '<': ['Z', 'a', '客'] } },
  { rule: { contains: [v('txt'), '%'] } },
  { rule: { contains: [v('txt'), '_'] } },
  { rule: { starts_with: [v('txt'), 'a_'] } },
  { rule: { ends_with: [v('txt'), '\\y'] } },
  { rule: { contains: [v('txt'), v('txt2')] } },
  { rule: { starts_with: [v('txt'), v('txt2')] } },
  { rule: { ends_with: [v('name'), v('txt')] } },
  { rule: { in: ['华东', v('txt')] } },
  { rule: { trim: [v('txt')] } },
  { rule: { upper: [v('txt')] } },
  { rule: { length: [v('txt')] } },
  { rule: { cat: [v('txt'), null, v('flag'), v('d'), v('ts'), v('qty'), v('ratio'), v('amount')] } },
  { rule: { '==': [v('txt'), '2026-02-30'] } },
  // Dates: month ends, leap days, UTC dates of datetimes.
  { rule: { add_months: [v('d'), 1] } },
  { rule: { add_years: [v('d'), 1] } },
  { rule: { add_months: [v('ts'), -1] } },
  { rule: { diff_days: [v('ts'), v('ts2')] } },
  { rule: { diff_days: [v('$now'), '2026-03-31T23:30:00.001Z'] } },
  { rule: { diff_months: [v('d'), v('d2')] } },
  { rule: { diff_years: [v('ts'), v('ts2')] } },
  { rule: { weekday: [v('ts')] } },
  { rule: { day: [v('ts')] } },
  { rule: { start_of_week: [v('ts')] } },
  { rule: { start_of_quarter: [v('d')] } },
  { rule: { '==': [v('d'), { today: [] }] } },
  { rule: { '==': [v('d'), '2026-03-31'] } },
  { rule: { '>=': [v('ts'), '2026-04-01T00:00:00+08:00'] } },
  // Multi-selects.
  { rule: { '==': [v('tags'), null] } },
  { rule: { '!=': [null, v('tags')] } },
  { rule: { in: [v('tags'), ['vip', 'x']] } },
  { rule: { in: [v('tags'), []] } },
  { rule: { in_set: [v('tags'), 'a_b'] } },
  { rule: { contains: [v('tags'), v('stage')] } },
  { rule: { is_empty: [v('tags')] } },
  { rule: { '!!': [v('$user.roles')] } },
  { rule: { in: [v('flag'), [true]] } },
  // Picklist labels (both locales run).
  { rule: { label_of: [v('stage'), 'stage'] } },
  { rule: { cat: [{ label_of: [v('stage'), 'stage'] }, '/', { label_of: [v('txt'), 'stage'] }] } },
];
