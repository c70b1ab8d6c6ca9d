import { describe, expect, it } from 'vitest';
import type { RuleType } from '../../shared/rules/catalogue';
import { checkRule } from '../../shared/rules/check/check-rule';
import { compileExpr } from './compile-expr';
import { bindParams } from './ctx-param';

const types: Record<string, RuleType> = { amount: 'number', qty: 'number', name: 'string', stage: 'string', active: 'boolean', signed: 'date', seen: 'datetime', tags: 'list' };
const scope = { resolve: (p: string) => types[p], allowContext: true };
const column = (n: string) => `t."${n}"`;
const sql = (rule: unknown, mode: 'value' | 'predicate' = 'value') => {
  const { expr, issues } = checkRule(rule, scope);
  expect(issues).toEqual([]);
  return compileExpr(expr!, { column, now: 'bind', labels: () => ({ en: { it: 'IT' }, 'zh-CN': { it: '信息技术' } }) }, mode);
};

describe('rule → SQL', () => {
  it('compiles predicates without coalesce so indexes apply, and values never NULL', () => {
    expect(sql({ and: [{ '==': [{ var: 'stage' }, 'won'] }, { '>': [{ var: 'amount' }, 100] }] }, 'predicate')).toEqual({ sql: '(t."stage" = ?::text AND t."amount" > ?::numeric)', params: ['won', 100] });
    expect(sql({ '>': [{ var: 'amount' }, 100] }).sql).toBe('coalesce(t."amount" > ?::numeric, false)');
  });

  it('is null-aware for equality and inequality', () => {
    expect(sql({ '==': [{ var: 'name' }, null] }).sql).toBe('(t."name" IS NULL)');
    expect(sql({ '!=': [{ var: 'name' }, 'x'] }).sql).toBe('(t."name" IS DISTINCT FROM ?::text)');
    expect(sql({ '==': [{ var: 'name' }, { var: 'stage' }] }).sql).toBe('(t."name" IS NOT DISTINCT FROM t."stage")');
  });

  it('guards division and remainder by zero, rounds half away from zero', () => {
    expect(sql({ '/': [{ var: 'amount' }, { var: 'qty' }] }).sql).toBe('(round((t."amount")::numeric, 40) / NULLIF(t."qty", 0))');
    expect(sql({ '%': [{ var: 'amount' }, 3] }).sql).toBe('mod(t."amount", NULLIF(?::numeric, 0))');
    expect(sql({ round: [{ var: 'amount' }, 2] }).sql).toBe('round((t."amount")::numeric, (SELECT CASE WHEN w.n = trunc(w.n) THEN least(greatest(w.n, -1000), 1000)::int END FROM (SELECT (?::numeric)::numeric AS n) w))');
  });

  it('writes text the way the interpreter does', () => {
    expect(sql({ cat: [{ var: 'name' }, ': ', { var: 'amount' }, { var: 'active' }] }).sql).toBe(
      `concat(t."name", ?::text, trim_scale(((t."amount")::float8::text)::numeric)::text, (CASE t."active" WHEN true THEN 'true' WHEN false THEN 'false' END))`,
    );
  });

  it('compiles dates in UTC with month-end clamping by PostgreSQL', () => {
    expect(sql({ add_months: [{ var: 'signed' }, 1] }).sql).toBe(
      "(SELECT CASE WHEN s.d BETWEEN '0001-01-01'::date AND '9999-12-31'::date THEN s.d END FROM (SELECT (t.\"signed\" + make_interval(months => (SELECT CASE WHEN w.n = trunc(w.n) THEN CASE WHEN abs(w.n) <= 119999 THEN w.n::int END END FROM (SELECT (?::numeric)::numeric AS n) w)))::date AS d) s)",
    );
    expect(sql({ diff_days: [{ var: 'seen' }, { var: '$now' }] }).sql).toBe('floor(extract(epoch from (t."seen" - ?::timestamptz)) / 86400)::int');
    expect(sql({ '<': [{ var: 'signed' }, { today: [] }] }, 'predicate').sql).toBe('t."signed" < ?::date');
  });

  it('binds context values per request', () => {
    const out = sql({ and: [{ '==': [{ var: 'name' }, { var: '$user.id' }] }, { '<': [{ var: 'seen' }, { now: [] }] }] }, 'predicate');
    expect(bindParams(out.params, { now: new Date('2026-03-01T00:00:00Z'), user: { id: 'u1', roles: [] } })).toEqual(['u1', '2026-03-01T00:00:00.000Z']);
  });

  it('escapes LIKE wildcards of literal text matches', () => {
    expect(sql({ contains: [{ var: 'name' }, '50%'] }, 'predicate')).toEqual({ sql: 't."name" LIKE ?', params: ['%50\\%%'] });
    expect(sql({ contains: [{ var: 'tags' }, 'vip'] }).sql).toBe('coalesce(t."tags" @> ARRAY[?::text]::text[], false)');
  });

  it('compiles label_of per locale', () => {
    expect(sql({ label_of: [{ var: 'stage' }, 'stage'] }).sql).toBe(
      "(CASE WHEN ?::text = 'zh-CN' THEN (CASE t.\"stage\" WHEN ?::text THEN ?::text ELSE t.\"stage\" END) ELSE (CASE t.\"stage\" WHEN ?::text THEN ?::text ELSE t.\"stage\" END) END)",
    );
  });

  it('refuses what only the interpreter can run', () => {
    const { expr } = checkRule({ regex_match: [{ var: 'name' }, '^a'] }, scope);
    expect(() => compileExpr(expr!, { column, now: 'bind' })).toThrow(expect.objectContaining({ code: 'RULE_NOT_COMPILABLE' }));
  });

  it('refuses label_of on a field that has no picklist labels, naming the node', () => {
    const { expr } = checkRule({ '==': [{ label_of: [{ var: 'name' }, 'name'] }, 'x'] }, scope);
    expect(() => compileExpr(expr!, { column, now: 'bind', labels: () => undefined })).toThrow(
      expect.objectContaining({ code: 'RULE_NOT_COMPILABLE', message: 'label_of: "name" is not a picklist', details: { path: '/==/0/label_of' } }),
    );
  });
});

describe('rule checks', () => {
  const issue = (rule: unknown, ctx = true) => checkRule(rule, { resolve: (p) => types[p], allowContext: ctx }).issues[0];
  it('names the JSON path of the bad node', () => {
    expect(issue({ and: [{ '==': [{ var: 'amount' }, 'x'] }] })).toEqual({ path: '/and/0/==/1', message: '"==" cannot mix number and string' });
    expect(issue({ if: [true, { var: 'nope' }, 1] })).toEqual({ path: '/if/1/var', message: 'unknown field "nope"' });
    expect(issue({ frobnicate: [1] })).toEqual({ path: '/frobnicate', message: 'unknown operation "frobnicate"' });
    expect(issue({ '+': [1, { var: 'name' }] })?.path).toBe('/+/1');
    expect(issue({ regex_match: [{ var: 'name' }, '(a+)+'] })?.message).toMatch(/nested quantifiers/);
    expect(issue({ '==': [{ var: '$now' }, null] }, false)?.message).toMatch(/must not depend on who reads it/);
    expect(issue({ '<': [{ var: 'signed' }, { var: 'seen' }] })?.message).toBe('"<" cannot mix date and datetime');
  });

  it('limits depth and list size', () => {
    let deep: unknown = true;
    for (let i = 0; i < 70; i++) deep = { '!': [deep] };
    expect(issue(deep)?.message).toMatch(/at most 64 levels/);
    expect(issue({ in: [{ var: 'name' }, Array.from({ length: 10001 }, (_, i) => String(i))] })?.message).toMatch(/limited to 10000/);
  });
});
