import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { OPERATIONS, type OperationName } from './catalogue';
import { compileRule, evaluateRule, implementedOperations, registerOperations, type RuleContext } from './interpreter';

const context: RuleContext = {
  now: new Date('2026-03-01T08:00:00.000Z'),
  user: { id: 'u-1', roles: ['sales', 'manager'], department: 'east' },
  locale: 'zh-CN',
  picklistLabels: { industry: { it: '信息技术' } },
};
const run = (rule: unknown, record: Record<string, unknown> = {}, ctx: RuleContext = context) => evaluateRule(rule, record, ctx);

/** One call per catalogue operation, with a result json-logic-js alone would not give. */
const SAMPLES: Record<OperationName, [unknown, unknown]> = {
  and: [{ and: [true, null] }, false],
  or: [{ or: [false, 0] }, false],
  '!': [{ '!': [[]] }, true],
  '!!': [{ '!!': ['0'] }, true],
  if: [{ if: [[], 'a', 'b'] }, 'b'],
  '==': [{ '==': [1, '1'] }, false],
  '===': [{ '===': [null, null] }, true],
  '!=': [{ '!=': [0, ''] }, true],
  '!==': [{ '!==': [null, null] }, false],
  '<': [{ '<': [null, 1] }, false],
  '<=': [{ '<=': [null, 0] }, false],
  '>': [{ '>': [0, null] }, false],
  '>=': [{ '>=': [0, null] }, false],
  in: [{ in: [1, ['1']] }, false],
  '+': [{ '+': [0.1, 0.2] }, 0.3],
  '-': [{ '-': [null] }, null],
  '*': [{ '*': [1.1, 1.1] }, 1.21],
  '/': [{ '/': [1, 0] }, null],
  '%': [{ '%': [1, 0] }, null],
  min: [{ min: [null, 3, 2] }, 2],
  max: [{ max: [null, -3, -2] }, -2],
  round: [{ round: [-2.5] }, -3],
  floor: [{ floor: [-2.5] }, -3],
  ceil: [{ ceil: [-2.5] }, -2],
  abs: [{ abs: [-2.5] }, 2.5],
  cat: [{ cat: ['a', null, 1.5] }, 'a1.5'],
  concat: [{ concat: [null, true] }, 'true'],
  lower: [{ lower: ['ABC'] }, 'abc'],
  upper: [{ upper: ['abc'] }, 'ABC'],
  length: [{ length: ['客户😀'] }, 3],
  trim: [{ trim: ['  a  '] }, 'a'],
  contains: [{ contains: ['hello', 'ell'] }, true],
  starts_with: [{ starts_with: ['hello', 'he'] }, true],
  ends_with: [{ ends_with: ['hello', 'lo'] }, true],
  regex_match: [{ regex_match: ['a1', '^[a-z]\\d$'] }, true],
  if_null: [{ if_null: [null, 'b'] }, 'b'],
  is_empty: [{ is_empty: [''] }, true],
  not_empty: [{ not_empty: [[]] }, false],
  label_of: [{ label_of: ['it', 'industry'] }, '信息技术'],
  in_set: [{ in_set: [['vip'], 'vip'] }, true],
  today: [{ today: [] }, '2026-03-01'],
  now: [{ now: [] }, '2026-03-01T08:00:00.000Z'],
  add_days: [{ add_days: ['2026-02-28', 1] }, '2026-03-01'],
  add_months: [{ add_months: ['2026-01-31', 1] }, '2026-02-28'],
  add_years: [{ add_years: ['2024-02-29', 1] }, '2025-02-28'],
  diff_days: [{ diff_days: ['2026-03-01', '2026-02-01'] }, 28],
  diff_months: [{ diff_months: ['2026-03-01', '2025-12-31'] }, 3],
  diff_years: [{ diff_years: ['2026-01-01', '2025-12-31'] }, 1],
  year: [{ year: ['2026-03-01'] }, 2026],
  month: [{ month: ['2026-03-01'] }, 3],
  day: [{ day: ['2026-03-01'] }, 1],
  weekday: [{ weekday: ['2026-03-01'] }, 7],
  start_of_week: [{ start_of_week: ['2026-03-01'] }, '2026-02-23'],
  start_of_month: [{ start_of_month: ['2026-03-31'] }, '2026-03-01'],
  start_of_quarter: [{ start_of_quarter: ['2026-05-20'] }, '2026-04-01'],
};

describe('the catalogue', () => {
  it('is implemented in full, and nothing more', () => {
    expect([...implementedOperations()].sort()).toEqual(Object.keys(OPERATIONS).sort());
  });

  it.each(Object.keys(OPERATIONS) as OperationName[])('%s evaluates per spec', (op) => {
    const sample = SAMPLES[op];
    expect(sample, `no sample for ${op}`).toBeDefined();
    const [rule, expected] = sample;
    expect(Object.keys(rule as object)).toEqual([op]);
    expect(run(rule)).toStrictEqual(expected);
  });
});

describe('registration', () => {
  it('overrides json-logic-js’s own operations, once', () => {
    registerOperations();
    registerOperations();
    expect(jsonLogic.apply({ '==': [1, '1'] })).toBe(false);
    expect(jsonLogic.apply({ '+': ['1', 2] })).toBe(null);
    expect(jsonLogic.apply({ cat: ['a', null] })).toBe('a');
  });

  it('reads plain data through var when called outside evaluateRule', () => {
    registerOperations();
    expect(jsonLogic.apply({ var: 'a' }, { a: 1 })).toBe(1);
    expect(jsonLogic.apply({ today: [] }, {})).toBe(null);
  });
});

describe('var', () => {
  it('reads fields; a missing field is null', () => {
    expect(run({ var: 'name' }, { name: '张三' })).toBe('张三');
    expect(run({ var: ['name'] }, { name: '张三' })).toBe('张三');
    expect(run({ var: 'name' }, {})).toBe(null);
    expect(run({ var: 'name' }, { name: undefined })).toBe(null);
    expect(run({ var: 'amount' }, { amount: 0 })).toBe(0);
    expect(run({ var: 'tags' }, { tags: ['a'] })).toStrictEqual(['a']);
  });

  it('ignores a default value (not supported)', () => {
    expect(run({ var: ['name', 'fallback'] }, {})).toBe(null);
  });

  it('reads through a lookup when the related record is a nested object', () => {
    const record = { account: { id: 'acc-1', industry: 'it', owner: { id: 'u-9', department: 'east' } } };
    expect(run({ var: 'account.industry' }, record)).toBe('it');
    expect(run({ var: 'account.owner.department' }, record)).toBe('east');
    expect(run({ var: 'account.missing' }, record)).toBe(null);
    expect(run({ var: 'account.industry' }, { account: null })).toBe(null);
    expect(run({ var: 'account.industry' }, { account: 'acc-1' })).toBe(null);
    expect(run({ var: 'account.industry' }, {})).toBe(null);
  });

  it('reads a nested related record as its id (the lookup column’s value)', () => {
    expect(run({ var: 'account' }, { account: { id: 'acc-1', industry: 'it' } })).toBe('acc-1');
    expect(run({ var: 'account' }, { account: { industry: 'it' } })).toBe(null);
  });

  it('reads own fields only', () => {
    expect(run({ var: 'constructor' }, {})).toBe(null);
    expect(run({ var: 'name.length' }, { name: 'abc' })).toBe(null);
    expect(run({ var: 'tags.0' }, { tags: ['a'] })).toBe(null);
    expect(run({ var: '' }, { a: 1 })).toBe(null);
    expect(run({ var: [] }, { a: 1 })).toBe(null);
  });

  it('reads a Date (as node-pg returns timestamptz) as its ISO string', () => {
    expect(run({ var: 'closed_at' }, { closed_at: new Date('2026-03-01T16:00:00+08:00') })).toBe('2026-03-01T08:00:00.000Z');
  });

  it('reads $now and $user from the context', () => {
    expect(run({ var: '$now' })).toBe('2026-03-01T08:00:00.000Z');
    expect(run({ var: '$user.id' })).toBe('u-1');
    expect(run({ var: '$user.roles' })).toStrictEqual(['sales', 'manager']);
    expect(run({ var: '$user.department' })).toBe('east');
    expect(run({ in: ['manager', { var: '$user.roles' }] })).toBe(true);
    expect(run({ '==': [{ var: 'owner_id' }, { var: '$user.id' }] }, { owner_id: 'u-1' })).toBe(true);
  });

  it('gives null for an absent user or an unknown context variable', () => {
    const anonymous = { now: context.now };
    expect(run({ var: '$user.id' }, {}, anonymous)).toBe(null);
    expect(run({ var: '$user.roles' }, {}, anonymous)).toBe(null);
    expect(run({ var: '$user.department' }, {}, { now: context.now, user: { id: 'u', roles: [] } })).toBe(null);
    expect(run({ var: '$user' })).toBe(null);
    expect(run({ var: '$today' })).toBe(null);
    expect(run({ var: '$now' }, { $now: 'forged' }, anonymous)).toBe('2026-03-01T08:00:00.000Z');
  });
});

describe('faults give null, never an exception', () => {
  it('an unknown operation', () => {
    expect(run({ substr: ['abc', 1] })).toBe(null);
    expect(run({ map: [[1, 2], { var: '' }] })).toBe(null);
    expect(run({ cat: ['a', { nonsense: [] }] })).toBe('a');
    expect(run({ toString: [] })).toBe(null);
  });

  it('an exception inside an operation', () => {
    expect(run({ cat: ['a', ['b']] })).toBe(null);
    expect(run({ upper: [{ var: 'x' }] }, { x: 5 })).toBe(null);
  });

  it('an invalid clock', () => {
    expect(run({ today: [] }, {}, { now: new Date('nope') })).toBe(null);
    expect(run({ var: '$now' }, {}, { now: new Date('nope') })).toBe(null);
  });

  it('a rule nested far beyond any limit', () => {
    let rule: unknown = 1;
    for (let i = 0; i < 200_000; i++) rule = { '+': [rule, 1] };
    expect(run(rule)).toBe(null);
  });

  it('null flows on', () => {
    expect(run({ '>': [{ '/': [{ var: 'a' }, 0] }, 1] }, { a: 5 })).toBe(false);
    expect(run({ cat: ['x', { '/': [1, 0] }] })).toBe('x');
    expect(run({ if_null: [{ '/': [1, 0] }, -1] })).toBe(-1);
  });
});

describe('literals and compiled rules', () => {
  it('evaluates literals to themselves', () => {
    expect(run(true)).toBe(true);
    expect(run(null)).toBe(null);
    expect(run('abc')).toBe('abc');
    expect(run(['a', { var: 'x' }], { x: 1 })).toStrictEqual(['a', 1]);
  });

  it('prepares a rule once for many records', () => {
    const overdue = compileRule({ and: [{ '<': [{ var: 'due' }, { today: [] }] }, { '!': { var: 'done' } }] });
    expect(overdue({ due: '2026-02-01', done: false }, context)).toBe(true);
    expect(overdue({ due: '2026-02-01', done: true }, context)).toBe(false);
    expect(overdue({ due: null, done: false }, context)).toBe(false);
  });
});

describe('the module', () => {
  it('imports nothing server-side (it is bundled for the browser)', () => {
    const dir = dirname(fileURLToPath(import.meta.url));
    const files = ['interpreter.ts', 'catalogue.ts', ...readdirSync(join(dir, 'operations')).map((f) => `operations/${f}`)].filter((f) => !f.endsWith('.test.ts'));
    for (const f of files) {
      const imports = [...readFileSync(join(dir, f), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
      expect(imports.filter((i) => !i.startsWith('.') && i !== 'json-logic-js'), f).toEqual([]);
    }
  });
});
