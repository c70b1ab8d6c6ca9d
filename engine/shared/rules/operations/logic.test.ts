import { describe, expect, it } from 'vitest';
import { evaluateRule } from '../interpreter';

const run = (rule: unknown, record: Record<string, unknown> = {}) => evaluateRule(rule, record, { now: new Date('2026-03-01T08:00:00.000Z') });

describe('and / or', () => {
  it.each([
    [{ and: [true, true] }, true],
    [{ and: [true, false] }, false],
    [{ and: [true] }, true],
    [{ and: [true, null] }, false],
    [{ and: [null, true] }, false],
    [{ and: [true, 'x'] }, true],
    [{ and: [true, ''] }, false],
    [{ and: true }, true],
    [{ or: [false, true] }, true],
    [{ or: [false, false] }, false],
    [{ or: [null, false] }, false],
    [{ or: [null, true] }, true],
    [{ or: [false, 0] }, false],
    [{ or: [] }, false],
    [{ or: [false, [1]] }, true],
  ])('%j → %j', (rule, expected) => {
    expect(run(rule)).toBe(expected);
  });

  it('gives a boolean, never the deciding operand', () => {
    expect(run({ and: [{ var: 'a' }, { var: 'b' }] }, { a: 'x', b: 'y' })).toBe(true);
    expect(run({ or: [{ var: 'a' }, { var: 'b' }] }, { a: null, b: null })).toBe(false);
    expect(run({ or: [{ var: 'a' }, { var: 'b' }] }, { a: null, b: 5 })).toBe(true);
  });

  it('nests', () => {
    expect(run({ and: [{ or: [false, { '==': [{ var: 'x' }, 1] }] }, { '!': { var: 'frozen' } }] }, { x: 1, frozen: null })).toBe(true);
  });
});

describe('! and !!', () => {
  it.each([
    [true, true], [false, false], [null, false],
    [1, true], [0, false], [-0.5, true],
    ['a', true], ['', false], [' ', true], ['0', true],
  ])('!! %j → %j and ! the opposite', (value, expected) => {
    expect(run({ '!!': [value] })).toBe(expected);
    expect(run({ '!': [value] })).toBe(!expected);
  });

  it('treats lists by emptiness', () => {
    expect(run({ '!!': [[]] })).toBe(false);
    expect(run({ '!!': [['a']] })).toBe(true);
    expect(run({ '!': { var: 'tags' } }, { tags: [] })).toBe(true);
    expect(run({ '!': { var: 'tags' } }, { tags: ['vip'] })).toBe(false);
  });

  it('accepts the unary shorthand and missing fields', () => {
    expect(run({ '!': { var: 'missing' } })).toBe(true);
    expect(run({ '!!': { var: 'missing' } })).toBe(false);
  });
});

describe('if', () => {
  it.each([
    [{ if: [true, 'a', 'b'] }, 'a'],
    [{ if: [false, 'a', 'b'] }, 'b'],
    [{ if: [null, 'a', 'b'] }, 'b'],
    [{ if: [0, 'a', 'b'] }, 'b'],
    [{ if: ['', 'a', 'b'] }, 'b'],
    [{ if: [[], 'a', 'b'] }, 'b'],
    [{ if: ['x', 'a', 'b'] }, 'a'],
    [{ if: [false, 'a', true, 'b', 'c'] }, 'b'],
    [{ if: [false, 'a', false, 'b', 'c'] }, 'c'],
    [{ if: [false, 'a'] }, null],
    [{ if: [true, null, 'b'] }, null],
    [{ if: ['only'] }, 'only'],
    [{ if: [] }, null],
  ])('%j → %j', (rule, expected) => {
    expect(run(rule)).toBe(expected);
  });

  it('evaluates only the chosen branch value', () => {
    const rule = { if: [{ '>': [{ var: 'amount' }, 1000] }, 'large', { '<': [{ var: 'amount' }, 100] }, 'small', 'medium'] };
    expect(run(rule, { amount: 5000 })).toBe('large');
    expect(run(rule, { amount: 50 })).toBe('small');
    expect(run(rule, { amount: 500 })).toBe('medium');
    expect(run(rule, { amount: null })).toBe('medium');
  });
});
