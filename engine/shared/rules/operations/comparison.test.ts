import { describe, expect, it } from 'vitest';
import { evaluateRule } from '../interpreter';
import { compareCodePoints } from './values';

const run = (rule: unknown, record: Record<string, unknown> = {}) => evaluateRule(rule, record, { now: new Date('2026-03-01T08:00:00.000Z') });

describe('== and === (same meaning)', () => {
  it.each([
    [1, 1, true], [1, 2, false], [1.5, 1.5, true], [0, -0, true],
    ['a', 'a', true], ['a', 'A', false], ['', '', true],
    [true, true, true], [true, false, false],
    [null, null, true], [null, 0, false], [0, null, false], [null, '', false], [null, false, false],
    [1, '1', false], [0, false, false], ['', false, false],
    ['2026-03-01', '2026-03-01', true], ['2026-03-01', '2026-03-02', false],
    ['2026-03-01T08:00:00.000Z', '2026-03-01T16:00:00+08:00', true],
    ['2026-03-01T08:00:00.000Z', '2026-03-01T08:00:00Z', true],
    ['2026-03-01T08:00:00.000Z', '2026-03-01T08:00:00.001Z', false],
  ])('%j == %j → %j', (a, b, expected) => {
    expect(run({ '==': [a, b] })).toBe(expected);
    expect(run({ '===': [a, b] })).toBe(expected);
    expect(run({ '!=': [a, b] })).toBe(!expected);
    expect(run({ '!==': [a, b] })).toBe(!expected);
  });

  it('reads fields, a missing field being null', () => {
    expect(run({ '==': [{ var: 'status' }, 'won'] }, { status: 'won' })).toBe(true);
    expect(run({ '==': [{ var: 'status' }, null] }, {})).toBe(true);
    expect(run({ '!=': [{ var: 'status' }, 'won'] }, { status: null })).toBe(true);
    expect(run({ '!=': [{ var: 'a' }, { var: 'b' }] }, { a: null, b: null })).toBe(false);
  });
});

describe('<, <=, >, >=', () => {
  it.each([
    ['<', 1, 2, true], ['<', 2, 2, false], ['<', 3, 2, false],
    ['<=', 2, 2, true], ['<=', 3, 2, false],
    ['>', 3, 2, true], ['>', 2, 2, false],
    ['>=', 2, 2, true], ['>=', 1, 2, false],
    ['<', -1.5, -1.25, true],
    ['<', 'a', 'b', true], ['<', 'B', 'a', true], ['<', 'a', 'ab', true], ['<', '', 'a', true],
    ['<', '2026-02-28', '2026-03-01', true], ['>', '2026-12-31', '2026-03-01', true],
    ['<', '2026-03-01T09:00:00+08:00', '2026-03-01T08:00:00.000Z', true],
    ['>', '2026-03-01T08:00:00.001Z', '2026-03-01T08:00:00.000Z', true],
    ['<', false, true, true], ['>', false, true, false],
  ])('%s(%j, %j) → %j', (op, a, b, expected) => {
    expect(run({ [op]: [a, b] })).toBe(expected);
  });

  it.each(['<', '<=', '>', '>='])('%s is false with a null on either side', (op) => {
    expect(run({ [op]: [null, 1] })).toBe(false);
    expect(run({ [op]: [1, null] })).toBe(false);
    expect(run({ [op]: [null, null] })).toBe(false);
    expect(run({ [op]: [{ var: 'missing' }, 0] })).toBe(false);
  });

  it('is false across types (no coercion)', () => {
    expect(run({ '<': [1, '2'] })).toBe(false);
    expect(run({ '>=': ['2', 1] })).toBe(false);
  });

  it('orders strings by code point, not UTF-16 unit', () => {
    // U+FF21 (Ａ) is below U+1F600 (😀) by code point, above it by UTF-16 unit.
    expect(run({ '<': ['Ａ', '😀'] })).toBe(true);
    expect(run({ '<': ['😀', 'Ａ'] })).toBe(false);
    expect(run({ '<': ['客户', '客户A'] })).toBe(true);
    expect(compareCodePoints('😀', '😁')).toBe(-1);
    expect(compareCodePoints('abc', 'abc')).toBe(0);
  });

  it('supports the 3-argument between for < and <=', () => {
    expect(run({ '<': [1, 2, 3] })).toBe(true);
    expect(run({ '<': [1, 1, 3] })).toBe(false);
    expect(run({ '<': [1, 3, 3] })).toBe(false);
    expect(run({ '<=': [1, 1, 3] })).toBe(true);
    expect(run({ '<=': [1, 3, 3] })).toBe(true);
    expect(run({ '<=': [1, 4, 3] })).toBe(false);
    expect(run({ '<=': [1, null, 3] })).toBe(false);
    expect(run({ '<=': [null, 2, 3] })).toBe(false);
    expect(run({ '<=': ['2026-01-01', { var: 'd' }, '2026-12-31'] }, { d: '2026-06-30' })).toBe(true);
  });
});

describe('in', () => {
  it.each([
    ['a', ['a', 'b'], true],
    ['c', ['a', 'b'], false],
    [2, [1, 2, 3], true],
    [2, ['2'], false],
    [null, ['a'], false],
    [null, [], false],
    ['a', [], false],
    ['ll', 'hello', true],
    ['L', 'hello', false],
    ['', 'hello', true],
    ['客户', '重点客户名单', true],
    ['x', null, false],
    [null, 'hello', false],
  ])('%j in %j → %j', (x, container, expected) => {
    expect(run({ in: [x, container] })).toBe(expected);
  });

  it('reads a field on either side', () => {
    expect(run({ in: [{ var: 'province' }, ['shanghai', 'beijing']] }, { province: 'beijing' })).toBe(true);
    expect(run({ in: ['永安', { var: 'name' }] }, { name: '上海永安' })).toBe(true);
    expect(run({ in: ['永安', { var: 'name' }] }, {})).toBe(false);
  });
});
