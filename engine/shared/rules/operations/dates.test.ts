import { describe, expect, it } from 'vitest';
import { evaluateRule, type RuleContext } from '../interpreter';
import { datetimeLiteral } from './temporal';

const context: RuleContext = { now: new Date('2026-03-01T23:30:00.000Z') };
const run = (rule: unknown, record: Record<string, unknown> = {}, ctx: RuleContext = context) => evaluateRule(rule, record, ctx);

describe('today, now', () => {
  it('reads the evaluation instant in UTC', () => {
    expect(run({ today: [] })).toBe('2026-03-01');
    expect(run({ now: [] })).toBe('2026-03-01T23:30:00.000Z');
    expect(run({ today: [] }, {}, { now: new Date('2026-03-01T16:00:00+08:00') })).toBe('2026-03-01');
    expect(run({ today: [] }, {}, { now: new Date('2026-03-02T07:59:59.999+08:00') })).toBe('2026-03-01');
  });

  it('combines with date arithmetic', () => {
    expect(run({ diff_days: [{ var: 'due_date' }, { today: [] }] }, { due_date: '2026-03-15' })).toBe(14);
    expect(run({ '<': [{ var: 'due_date' }, { today: [] }] }, { due_date: '2026-02-28' })).toBe(true);
  });
});

describe('add_days', () => {
  it.each([
    ['2026-03-01', 1, '2026-03-02'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2026-03-01', 0, '2026-03-01'],
    ['2026-01-01', 365, '2027-01-01'],
    ['2026-03-01T08:00:00.000Z', 1, '2026-03-02T08:00:00.000Z'],
    ['2026-03-31T23:59:59.999Z', 1, '2026-04-01T23:59:59.999Z'],
    ['2026-03-01T08:00:00+08:00', 1, '2026-03-02T00:00:00.000Z'],
    ['2026-03-01T08:00:00Z', -31, '2026-01-29T08:00:00.000Z'],
  ])('add_days(%j, %j) → %j', (d, n, expected) => {
    expect(run({ add_days: [d, n] })).toBe(expected);
  });
});

describe('add_months / add_years', () => {
  it.each([
    ['add_months', '2026-01-31', 1, '2026-02-28'],
    ['add_months', '2024-01-31', 1, '2024-02-29'],
    ['add_months', '2026-03-31', -1, '2026-02-28'],
    ['add_months', '2026-01-15', 1, '2026-02-15'],
    ['add_months', '2026-05-31', 1, '2026-06-30'],
    ['add_months', '2026-11-30', 3, '2027-02-28'],
    ['add_months', '2026-01-31', -2, '2025-11-30'],
    ['add_months', '2026-03-15', -15, '2024-12-15'],
    ['add_months', '2026-03-15', 0, '2026-03-15'],
    ['add_months', '2026-01-31T10:20:30.400Z', 1, '2026-02-28T10:20:30.400Z'],
    ['add_years', '2024-02-29', 1, '2025-02-28'],
    ['add_years', '2024-02-29', 4, '2028-02-29'],
    ['add_years', '2026-06-30', -1, '2025-06-30'],
    ['add_years', '2024-02-29T12:00:00.000Z', -100, '1924-02-29T12:00:00.000Z'],
    ['add_years', '2000-02-29', 100, '2100-02-28'],
  ])('%s(%j, %j) → %j', (op, d, n, expected) => {
    expect(run({ [op]: [d, n] })).toBe(expected);
  });
});

describe('shifts give null for a fault', () => {
  it.each([
    ['add_days', null, 1],
    ['add_days', '2026-03-01', null],
    ['add_days', '2026-03-01', 1.5],
    ['add_days', '2026-02-30', 1],
    ['add_days', 'not a date', 1],
    ['add_days', '2026-03-01T08:00:00', 1],
    ['add_months', null, 1],
    ['add_months', '2026-03-01', null],
    ['add_years', '9999-06-01', 1],
    ['add_days', '0001-01-01', -1],
    ['add_days', '2026-03-01', 1e20],
  ])('%s(%j, %j) → null', (op, d, n) => {
    expect(run({ [op]: [d, n] })).toBe(null);
  });
});

describe('diff_days, diff_months, diff_years', () => {
  it.each([
    ['diff_days', '2026-03-15', '2026-03-01', 14],
    ['diff_days', '2026-03-01', '2026-03-15', -14],
    ['diff_days', '2026-03-01', '2026-02-28', 1],
    ['diff_days', '2024-03-01', '2024-02-28', 2],
    ['diff_days', '2027-01-01', '2026-01-01', 365],
    ['diff_days', '2026-03-01', '2026-03-01', 0],
    ['diff_days', '2026-03-02T07:59:59.999Z', '2026-03-01T08:00:00.000Z', 0],
    ['diff_days', '2026-03-02T08:00:00.000Z', '2026-03-01T08:00:00.000Z', 1],
    ['diff_days', '2026-03-01T08:00:00.000Z', '2026-03-02T07:00:00.000Z', -1],
    ['diff_days', '2026-03-02T00:00:00+08:00', '2026-03-01T00:00:00.000Z', 0],
    ['diff_months', '2026-03-01', '2026-01-31', 2],
    ['diff_months', '2026-01-31', '2026-03-01', -2],
    ['diff_months', '2027-01-01', '2026-12-31', 1],
    ['diff_months', '2026-03-31', '2026-03-01', 0],
    ['diff_months', '2026-03-01T00:00:00.000Z', '2025-03-31T23:59:59.999Z', 12],
    ['diff_years', '2027-01-01', '2026-12-31', 1],
    ['diff_years', '2026-12-31', '2026-01-01', 0],
    ['diff_years', '2020-02-29', '2026-03-01', -6],
  ])('%s(%j, %j) → %j', (op, a, b, expected) => {
    expect(run({ [op]: [a, b] })).toBe(expected);
  });

  it.each(['diff_days', 'diff_months', 'diff_years'])('%s with a null → null', (op) => {
    expect(run({ [op]: [null, '2026-03-01'] })).toBe(null);
    expect(run({ [op]: ['2026-03-01', null] })).toBe(null);
    expect(run({ [op]: [{ var: 'closed_on' }, '2026-03-01'] })).toBe(null);
  });
});

describe('year, month, day, weekday', () => {
  it.each([
    ['2026-03-01', 2026, 3, 1, 7], // a Sunday
    ['2026-03-02', 2026, 3, 2, 1], // a Monday
    ['2024-02-29', 2024, 2, 29, 4], // a Thursday
    ['2026-12-31', 2026, 12, 31, 4],
    ['2026-03-01T23:30:00.000Z', 2026, 3, 1, 7],
    ['2026-03-02T06:00:00+08:00', 2026, 3, 1, 7], // still Sunday in UTC
  ])('%j → %j-%j-%j, weekday %j', (d, y, m, dd, wd) => {
    expect(run({ year: [d] })).toBe(y);
    expect(run({ month: [d] })).toBe(m);
    expect(run({ day: [d] })).toBe(dd);
    expect(run({ weekday: [d] })).toBe(wd);
  });

  it.each(['year', 'month', 'day', 'weekday'])('%s(null) → null', (op) => {
    expect(run({ [op]: [null] })).toBe(null);
    expect(run({ [op]: ['2026-13-01'] })).toBe(null);
  });
});

describe('start_of_week, start_of_month, start_of_quarter', () => {
  it.each([
    ['start_of_week', '2026-03-04', '2026-03-02'],
    ['start_of_week', '2026-03-02', '2026-03-02'],
    ['start_of_week', '2026-03-01', '2026-02-23'],
    ['start_of_week', '2026-01-01', '2025-12-29'],
    ['start_of_week', '2026-03-01T23:30:00.000Z', '2026-02-23'],
    ['start_of_month', '2026-03-31', '2026-03-01'],
    ['start_of_month', '2026-03-01', '2026-03-01'],
    ['start_of_month', '2024-02-29T12:00:00.000Z', '2024-02-01'],
    ['start_of_quarter', '2026-01-01', '2026-01-01'],
    ['start_of_quarter', '2026-03-31', '2026-01-01'],
    ['start_of_quarter', '2026-04-01', '2026-04-01'],
    ['start_of_quarter', '2026-08-15', '2026-07-01'],
    ['start_of_quarter', '2026-12-31T23:59:59.999Z', '2026-10-01'],
    ['start_of_week', null, null],
    ['start_of_month', null, null],
    ['start_of_quarter', null, null],
  ])('%s(%j) → %j', (op, d, expected) => {
    expect(run({ [op]: [d] })).toBe(expected);
  });
});

describe('datetime literals', () => {
  it('read as the instant they stand for, in ISO UTC with milliseconds, wherever they run', () => {
    expect(datetimeLiteral('2026-03-01T16:00:00+08:00')).toBe('2026-03-01T08:00:00.000Z');
    expect(datetimeLiteral('2026-03-01T08:00:00.123456Z')).toBe('2026-03-01T08:00:00.123Z');
    expect(datetimeLiteral('2026-03-01')).toBe('2026-03-01');
    expect(datetimeLiteral('2026-02-30T08:00:00Z')).toBe('2026-02-30T08:00:00Z');
    expect(evaluateRule({ '==': [{ var: 'at' }, '2026-03-01T16:00:00+08:00'] }, { at: '2026-03-01T08:00:00.000Z' }, { now: new Date() })).toBe(true);
  });
});
