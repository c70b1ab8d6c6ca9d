import { describe, expect, it } from 'vitest';
import { evaluateRule, type RuleContext } from '../interpreter';

const zh: RuleContext = {
  now: new Date('2026-03-01T08:00:00.000Z'),
  locale: 'zh-CN',
  picklistLabels: { industry: { it: '信息技术', finance: '金融' } },
};
const run = (rule: unknown, record: Record<string, unknown> = {}, context: RuleContext = zh) => evaluateRule(rule, record, context);

describe('label_of', () => {
  it('reads the label in the caller’s locale from the context', () => {
    expect(run({ label_of: [{ var: 'industry' }, 'industry'] }, { industry: 'it' })).toBe('信息技术');
    expect(run({ label_of: ['finance', 'industry'] })).toBe('金融');
    expect(run({ label_of: ['it', 'industry'] }, {}, { ...zh, locale: 'en', picklistLabels: { industry: { it: 'IT' } } })).toBe('IT');
  });

  it('gives the value itself when the value, the field or the labels are unknown', () => {
    expect(run({ label_of: ['retail', 'industry'] })).toBe('retail');
    expect(run({ label_of: ['it', 'region'] })).toBe('it');
    expect(run({ label_of: ['it', 'industry'] }, {}, { now: zh.now })).toBe('it');
    expect(run({ label_of: ['constructor', 'industry'] })).toBe('constructor');
    expect(run({ label_of: ['it', 'constructor'] })).toBe('it');
  });

  it('gives null for null', () => {
    expect(run({ label_of: [null, 'industry'] })).toBe(null);
    expect(run({ label_of: [{ var: 'industry' }, 'industry'] }, {})).toBe(null);
  });

  it('feeds cat', () => {
    expect(run({ cat: ['行业：', { label_of: [{ var: 'industry' }, 'industry'] }] }, { industry: 'it' })).toBe('行业：信息技术');
  });
});

describe('in_set', () => {
  it.each([
    [['vip', 'new'], 'vip', true],
    [['vip', 'new'], 'old', false],
    [['vip'], 'VIP', false],
    [[], 'vip', false],
    [null, 'vip', false],
    [['vip'], null, false],
  ])('in_set(%j, %j) → %j', (list, value, expected) => {
    expect(run({ in_set: [{ var: 'tags' }, value] }, { tags: list })).toBe(expected);
  });

  it('is false for a missing field', () => {
    expect(run({ in_set: [{ var: 'tags' }, 'vip'] })).toBe(false);
  });
});
