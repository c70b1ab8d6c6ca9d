import { describe, expect, it } from 'vitest';
import { evaluateRule } from '../interpreter';

const run = (rule: unknown, record: Record<string, unknown> = {}) => evaluateRule(rule, record, { now: new Date('2026-03-01T08:00:00.000Z') });

describe('if_null', () => {
  it.each([
    [['a', 'b'], 'a'],
    [[null, 'b'], 'b'],
    [[null, null], null],
    [['', 'b'], ''],
    [[0, 5], 0],
    [[false, true], false],
  ])('if_null(%j) → %j', (args, expected) => {
    expect(run({ if_null: args })).toBe(expected);
  });

  it('reads fields', () => {
    expect(run({ if_null: [{ var: 'nickname' }, { var: 'name' }] }, { name: '张三' })).toBe('张三');
    expect(run({ '+': [{ if_null: [{ var: 'discount' }, 0] }, 1] }, { discount: null })).toBe(1);
  });
});

describe('is_empty / not_empty', () => {
  it.each([
    [null, true], ['', true], [[], true],
    [' ', false], ['a', false], [0, false], [false, false], [['a'], false], ['2026-03-01', false],
  ])('is_empty(%j) → %j', (x, expected) => {
    expect(run({ is_empty: [x] })).toBe(expected);
    expect(run({ not_empty: [x] })).toBe(!expected);
  });

  it('treats a missing field as empty', () => {
    expect(run({ is_empty: { var: 'website' } })).toBe(true);
    expect(run({ not_empty: { var: 'website' } }, { website: 'https://example.cn' })).toBe(true);
    expect(run({ is_empty: { var: 'tags' } }, { tags: [] })).toBe(true);
  });
});
