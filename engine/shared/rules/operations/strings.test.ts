import { describe, expect, it } from 'vitest';
import { evaluateRule } from '../interpreter';

const run = (rule: unknown, record: Record<string, unknown> = {}) => evaluateRule(rule, record, { now: new Date('2026-03-01T08:00:00.000Z') });

describe('cat / concat', () => {
  it.each([
    [['a', 'b', 'c'], 'abc'],
    [['a', null, 'c'], 'ac'],
    [[null], ''],
    [[null, null], ''],
    [[''], ''],
    [['n=', 1.5], 'n=1.5'],
    [['n=', 2], 'n=2'],
    [['n=', -0.25], 'n=-0.25'],
    [['n=', 1e21], 'n=1000000000000000000000'],
    [['n=', 1e-7], 'n=0.0000001'],
    [['n=', 0.1], 'n=0.1'],
    [[true, '/', false], 'true/false'],
    [['due ', '2026-03-01'], 'due 2026-03-01'],
    [['客户', '：', '张三'], '客户：张三'],
  ])('cat(%j) → %j', (args, expected) => {
    expect(run({ cat: args })).toBe(expected);
    expect(run({ concat: args })).toBe(expected);
  });

  it('never gives null for null fields', () => {
    expect(run({ cat: [{ var: 'first_name' }, ' ', { var: 'last_name' }] }, { last_name: '王' })).toBe(' 王');
  });

  it('writes computed numbers in their decimal form', () => {
    expect(run({ cat: [{ '+': [0.1, 0.2] }] })).toBe('0.3');
  });
});

describe('lower, upper, length, trim', () => {
  it.each([
    ['lower', 'HeLLo', 'hello'],
    ['lower', '客户ABC', '客户abc'],
    ['lower', '', ''],
    ['upper', 'hello', 'HELLO'],
    ['upper', 'ä客', 'Ä客'],
    ['length', 'hello', 5],
    ['length', '客户', 2],
    ['length', '😀', 1],
    ['length', 'a😀b', 3],
    ['length', '👍🏽', 2],
    ['length', '', 0],
    ['length', ' ', 1],
    ['trim', '  a b  ', 'a b'],
    ['trim', '\ta\n', '\ta\n'],
    ['trim', '   ', ''],
    ['trim', '　客户　', '　客户　'],
    ['trim', '', ''],
  ])('%s(%j) → %j', (op, s, expected) => {
    expect(run({ [op]: [s] })).toBe(expected);
  });

  it.each(['lower', 'upper', 'length', 'trim'])('%s(null) → null', (op) => {
    expect(run({ [op]: [null] })).toBe(null);
    expect(run({ [op]: { var: 'missing' } })).toBe(null);
  });
});

describe('contains, starts_with, ends_with', () => {
  it.each([
    ['contains', 'hello@163.com', '@163.', true],
    ['contains', 'hello', 'L', false],
    ['contains', 'hello', '', true],
    ['contains', '上海永安', '永安', true],
    ['contains', null, 'a', false],
    ['contains', 'a', null, false],
    ['starts_with', '上海永安', '上海', true],
    ['starts_with', 'Shanghai', 'shang', false],
    ['starts_with', 'abc', '', true],
    ['starts_with', '', 'a', false],
    ['starts_with', null, 'a', false],
    ['ends_with', 'a@b.cn', '.cn', true],
    ['ends_with', 'a@b.CN', '.cn', false],
    ['ends_with', null, '.cn', false],
    ['ends_with', '.cn', null, false],
  ])('%s(%j, %j) → %j', (op, s, t, expected) => {
    expect(run({ [op]: [s, t] })).toBe(expected);
  });

  it('contains tests membership on a multi-select list', () => {
    expect(run({ contains: [{ var: 'tags' }, 'vip'] }, { tags: ['vip', 'new'] })).toBe(true);
    expect(run({ contains: [{ var: 'tags' }, 'vi'] }, { tags: ['vip', 'new'] })).toBe(false);
    expect(run({ contains: [{ var: 'tags' }, 'vip'] }, { tags: [] })).toBe(false);
    expect(run({ contains: [{ var: 'tags' }, 'vip'] }, { tags: null })).toBe(false);
  });
});

describe('regex_match', () => {
  it.each([
    ['13812345678', '^1[3-9]\\d{9}$', true],
    ['12345', '^1[3-9]\\d{9}$', false],
    ['ABC', 'abc', false],
    ['客户A', '^客户', true],
    ['', '^$', true],
    [null, '.*', false],
    ['abc', null, false],
    ['abc', '(', false],
    ['abc', '[', false],
  ])('regex_match(%j, %j) → %j', (s, pattern, expected) => {
    expect(run({ regex_match: [s, pattern] })).toBe(expected);
  });

  it('is false for a pattern over 200 characters', () => {
    const within = 'x*'.repeat(99) + 'a'; // 199 characters
    expect(run({ regex_match: ['a', within] })).toBe(true);
    expect(run({ regex_match: ['a', `${within}?`] })).toBe(true); // 200
    expect(run({ regex_match: ['a', `x*${within}`] })).toBe(false); // 201
  });

  it('is false for input over 10,000 characters (counted in code points)', () => {
    expect(run({ regex_match: ['a'.repeat(10_000), '^a+$'] })).toBe(true);
    expect(run({ regex_match: ['a'.repeat(10_001), '^a+$'] })).toBe(false);
    expect(run({ regex_match: ['😀'.repeat(10_000), '^(?:😀)+$'] })).toBe(true);
    expect(run({ regex_match: ['😀'.repeat(10_001), '^(?:😀)+$'] })).toBe(false);
  });

  it('reuses an invalid pattern’s answer', () => {
    expect(run({ regex_match: ['abc', '(?'] })).toBe(false);
    expect(run({ regex_match: ['abc', '(?'] })).toBe(false);
  });
});
