import { describe, expect, it } from 'vitest';
import { FieldTypeRegistry } from '../field-types/registry';
import type { Field } from '../shared/metadata-types';
import { ruleTypeOf } from '../rules/rule-scope';
import { compileExpr } from '../rules/sql/compile-expr';
import { checkRule } from '../shared/rules/check/check-rule';
import { inlineParams, sqlLiteral } from './inline-params';

const registry = new FieldTypeRegistry();
const field = (name: string, type: string): Field => ({ name, type, label: { en: name, 'zh-CN': name }, required: false, unique: false, indexed: false, options: {}, system: false, audit: true });
const fields = new Map([field('stage', 'picklist'), field('amount', 'currency'), field('note', 'text'), field('won', 'boolean'), field('due', 'date'), field('tags', 'multipicklist'), field('account', 'lookup')].map((f) => [f.name, f]));
const inlined = (rule: unknown) => {
  const { expr } = checkRule(rule, { allowContext: false, resolve: (n) => (fields.has(n) ? ruleTypeOf(registry, fields.get(n)!) : undefined) });
  return inlineParams(compileExpr(expr!, { column: (n) => `r."${n}"`, castOf: (n) => (n === 'account' ? '::uuid' : undefined), now: 'sql' }, 'predicate'));
};

describe('sqlLiteral', () => {
  it('writes strings with quotes doubled, and as E-strings when they hold a backslash', () => {
    expect(sqlLiteral('won')).toBe("'won'");
    expect(sqlLiteral("it's")).toBe("'it''s'");
    expect(sqlLiteral("'); DROP TABLE x; --")).toBe("'''); DROP TABLE x; --'");
    expect(sqlLiteral('a\\b')).toBe("E'a\\\\b'");
    expect(sqlLiteral("\\'")).toBe("E'\\\\'''");
    // knex reads a ? as a placeholder (and backslashes before it as its escape), so text with a ? is an E-string carrying \x3f.
    expect(sqlLiteral('what? $body$')).toBe("E'what\\x3f $body$'");
    expect(sqlLiteral('a\\?')).toBe("E'a\\\\\\x3f'");
    expect(sqlLiteral('华信')).toBe("'华信'");
    expect(() => sqlLiteral('a\0b')).toThrow();
  });

  it('writes numbers plainly, negatives in parentheses, and refuses non-finite ones', () => {
    expect(sqlLiteral(5)).toBe('5');
    expect(sqlLiteral(1.25)).toBe('1.25');
    expect(sqlLiteral(-5)).toBe('(-5)');
    expect(sqlLiteral(-0)).toBe('0');
    expect(sqlLiteral(1e21)).toBe('1e+21');
    expect(() => sqlLiteral(Number.NaN)).toThrow();
    expect(() => sqlLiteral(Number.POSITIVE_INFINITY)).toThrow();
  });

  it('writes booleans, null and dates', () => {
    expect(sqlLiteral(true)).toBe('TRUE');
    expect(sqlLiteral(false)).toBe('FALSE');
    expect(sqlLiteral(null)).toBe('NULL');
    expect(sqlLiteral(undefined)).toBe('NULL');
    expect(sqlLiteral(new Date('2026-03-01T08:00:00+08:00'))).toBe("'2026-03-01T00:00:00.000Z'");
  });

  it('writes arrays as untyped array constants, elements quoted and escaped', () => {
    expect(sqlLiteral(['won', 'lost'])).toBe(`'{"won","lost"}'`);
    expect(sqlLiteral(['b"c', 'd\\e', "it's", 'x,y}'])).toBe(`E'{"b\\\\"c","d\\\\\\\\e","it''s","x,y}"}'`);
    expect(sqlLiteral([1, -2.5, true, null])).toBe(`'{1,-2.5,true,NULL}'`);
    expect(sqlLiteral([])).toBe(`'{}'`);
    expect(() => sqlLiteral([['nested']])).toThrow();
    expect(() => sqlLiteral({ a: 1 })).toThrow();
  });
});

describe('inlineParams', () => {
  it('replaces each placeholder of a compiled filter with its constant, keeping the casts', () => {
    expect(inlined({ and: [{ '==': [{ var: 'stage' }, "won't"] }, { '>': [{ var: 'amount' }, -1000] }] })).toBe(`(r."stage" = 'won''t'::text AND r."amount" > (-1000)::numeric)`);
    expect(inlined({ in: [{ var: 'stage' }, ['won', 'lost']] })).toBe(`r."stage" = ANY('{"won","lost"}'::text[])`);
    expect(inlined({ contains: [{ var: 'tags' }, 'vip'] })).toBe(`r."tags" @> ARRAY['vip'::text]::text[]`);
    expect(inlined({ contains: [{ var: 'note' }, '50%'] })).toBe(`r."note" LIKE E'%50\\\\%%'`);
    expect(inlined({ '>=': [{ var: 'due' }, '2026-01-31'] })).toBe(`r."due" >= '2026-01-31'::date`);
    expect(inlined({ '!=': [{ var: 'won' }, true] })).toBe('(r."won" IS DISTINCT FROM TRUE::boolean)');
    expect(inlined({ '==': [{ var: 'note' }, 'a ? b'] })).toBe(`r."note" = E'a \\x3f b'::text`);
    expect(inlined({ in: [{ var: 'account' }, ['3f2504e0-4f89-41d3-9a0c-0305e82c3301']] })).toBe(`r."account" = ANY('{"3f2504e0-4f89-41d3-9a0c-0305e82c3301"}'::uuid[])`);
  });

  it('refuses a fragment whose placeholders and parameters do not match', () => {
    expect(() => inlineParams({ sql: 'a = ? AND b = ?', params: [1] })).toThrow('more placeholders than parameters');
    expect(() => inlineParams({ sql: 'a = ?', params: [1, 2] })).toThrow('more parameters than placeholders');
  });
});
