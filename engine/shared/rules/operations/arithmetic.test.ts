import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateRule } from '../interpreter';

const run = (rule: unknown, record: Record<string, unknown> = {}) => evaluateRule(rule, record, { now: new Date('2026-03-01T08:00:00.000Z') });

describe('+ - * / %', () => {
  it.each([
    [{ '+': [1, 2] }, 3],
    [{ '+': [1, 2, 3.5] }, 6.5],
    [{ '+': [5] }, 5],
    [{ '+': [0.1, 0.2] }, 0.3],
    [{ '+': [123456.78, 0.01] }, 123456.79],
    [{ '+': [-1.5, 1.5] }, 0],
    [{ '-': [5, 8] }, -3],
    [{ '-': [0.3, 0.1] }, 0.2],
    [{ '-': [7] }, -7],
    [{ '-': [-2.5] }, 2.5],
    [{ '-': [0] }, 0],
    [{ '*': [2, 3, 4] }, 24],
    [{ '*': [1.1, 1.1] }, 1.21],
    [{ '*': [19.99, 3] }, 59.97],
    [{ '*': [-2, 0] }, 0],
    [{ '/': [7, 2] }, 3.5],
    [{ '/': [1, 3] }, 0.3333333333333333],
    [{ '/': [2, 3] }, 0.6666666666666666],
    [{ '/': [0.3, 0.1] }, 3],
    [{ '/': [-9, 3] }, -3],
    [{ '/': [0, 5] }, 0],
    [{ '%': [7, 3] }, 1],
    [{ '%': [-7, 3] }, -1],
    [{ '%': [7, -3] }, 1],
    [{ '%': [5.5, 2] }, 1.5],
    [{ '%': [0.3, 0.1] }, 0],
    [{ '%': [-6, 3] }, 0],
  ])('%j → %j', (rule, expected) => {
    expect(run(rule)).toBe(expected);
  });

  it.each([
    [{ '+': [1, null] }],
    [{ '+': [null] }],
    [{ '-': [null] }],
    [{ '-': [1, null] }],
    [{ '*': [null, 2] }],
    [{ '/': [null, 2] }],
    [{ '/': [2, null] }],
    [{ '%': [null, 2] }],
    [{ '+': [1, { var: 'missing' }] }],
  ])('%j → null (a null operand)', (rule) => {
    expect(run(rule)).toBe(null);
  });

  it('gives null when dividing by zero', () => {
    expect(run({ '/': [1, 0] })).toBe(null);
    expect(run({ '/': [0, 0] })).toBe(null);
    expect(run({ '%': [1, 0] })).toBe(null);
    expect(run({ '/': [{ var: 'a' }, { var: 'b' }] }, { a: 10, b: 0 })).toBe(null);
  });

  it('does not coerce strings (json-logic-js would parse them)', () => {
    expect(run({ '+': ['1', 2] })).toBe(null);
    expect(run({ '*': [2, '3'] })).toBe(null);
    expect(run({ '-': ['5'] })).toBe(null);
  });

  it('gives null on overflow', () => {
    expect(run({ '*': [1e308, 10] })).toBe(null);
  });

  it('works on record fields', () => {
    expect(run({ '*': [{ var: 'quantity' }, { var: 'unit_price' }] }, { quantity: 3, unit_price: 19.9 })).toBe(59.7);
  });
});

describe('min / max', () => {
  it.each([
    [{ min: [3, 1, 2] }, 1],
    [{ max: [3, 1, 2] }, 3],
    [{ min: [-1.5, 2] }, -1.5],
    [{ min: [5] }, 5],
    [{ min: [null, 4, 2] }, 2],
    [{ max: [null, 4, null] }, 4],
    [{ min: [null, null] }, null],
    [{ max: [null] }, null],
    [{ max: [1, '2'] }, null],
  ])('%j → %j', (rule, expected) => {
    expect(run(rule)).toBe(expected);
  });
});

describe('round', () => {
  it.each([
    [[2.5], 3],
    [[-2.5], -3],
    [[2.4], 2],
    [[-2.4], -2],
    [[-0.4], 0],
    [[0.5], 1],
    [[-0.5], -1],
    [[1.005, 2], 1.01],
    [[-1.005, 2], -1.01],
    [[2.675, 2], 2.68],
    [[1.45, 1], 1.5],
    [[-1.45, 1], -1.5],
    [[1.44999, 1], 1.4],
    [[1234.5678, 2], 1234.57],
    [[1234.5, -2], 1200],
    [[1250, -2], 1300],
    [[-1250, -2], -1300],
    [[7, 2], 7],
    [[0.1, 20], 0.1],
    [[1e-7, 6], 0],
    [[5e-7, 6], 0.000001],
    [[123.456, 0], 123],
  ])('round(%j) → %j', (args, expected) => {
    expect(run({ round: args })).toBe(expected);
  });

  it('gives null for null or a fractional number of digits', () => {
    expect(run({ round: [null] })).toBe(null);
    expect(run({ round: [null, 2] })).toBe(null);
    expect(run({ round: [1.5, null] })).toBe(null);
    expect(run({ round: [1.5, 0.5] })).toBe(null);
  });

  it('clamps extreme digit counts without changing the answer', () => {
    expect(run({ round: [123.456, 1000] })).toBe(123.456);
    expect(run({ round: [123.456, -1000] })).toBe(0);
  });
});

describe('floor, ceil, abs', () => {
  it.each([
    ['floor', 2.7, 2], ['floor', -2.2, -3], ['floor', 3, 3], ['floor', -0.5, -1], ['floor', 0.5, 0],
    ['ceil', 2.2, 3], ['ceil', -2.7, -2], ['ceil', 3, 3], ['ceil', -0.5, 0],
    ['abs', -3.5, 3.5], ['abs', 3.5, 3.5], ['abs', 0, 0],
    ['floor', null, null], ['ceil', null, null], ['abs', null, null],
  ])('%s(%j) → %j', (op, x, expected) => {
    expect(run({ [op]: [x] })).toBe(expected);
  });
});

describe('decimal exactness (as PostgreSQL numeric)', () => {
  const cents = fc.integer({ min: -1_000_000, max: 1_000_000 });

  it('adds, subtracts and multiplies 2-decimal values exactly', () => {
    fc.assert(
      fc.property(cents, cents, (i, j) => {
        expect(run({ '+': [i / 100, j / 100] })).toBe((i + j) / 100 + 0);
        expect(run({ '-': [i / 100, j / 100] })).toBe((i - j) / 100 + 0);
        expect(run({ '*': [i / 100, j / 100] })).toBe((i * j) / 10_000 + 0);
      }),
    );
  });

  it('rounds every 3-decimal value half away from zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (k) => {
        const expected = (Math.sign(k) * Math.floor((Math.abs(k) + 5) / 10)) / 100 + 0;
        expect(run({ round: [k / 1000, 2] })).toBe(expected);
      }),
    );
  });
});
