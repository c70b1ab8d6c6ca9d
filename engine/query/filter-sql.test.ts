import { describe, expect, it } from 'vitest';
import { FieldTypeRegistry } from '../field-types/registry';
import type { Field } from '../shared/metadata-types';
import { AppError } from '../core/errors';
import { parseFilter } from './filter-parse';
import { compileFilter } from './filter-sql';

const registry = new FieldTypeRegistry();
const field = (name: string, type: string, options: Record<string, unknown> = {}): Field => ({
  name, type, label: { en: name, 'zh-CN': name }, required: false, unique: false, indexed: false, options, system: false,
});
const fields = new Map(
  [
    field('name', 'text', { maxLength: 255 }),
    field('industry', 'picklist', { values: [] }),
    field('revenue', 'currency', { precision: 18, scale: 2 }),
    field('active', 'boolean'),
    field('signed', 'date'),
    field('seen_at', 'datetime'),
    field('tags', 'multipicklist', { values: [] }),
    field('account', 'lookup', { target: 'account' }),
  ].map((f) => [f.name, f]),
);
const sql = (rule: unknown) => compileFilter(parseFilter(rule, fields, registry));
const code = (rule: unknown) => {
  try {
    sql(rule);
    return 'accepted';
  } catch (e) {
    return (e as AppError).code;
  }
};

describe('json-logic → SQL', () => {
  it('compiles comparisons to bound parameters', () => {
    expect(sql({ and: [{ '==': [{ var: 'industry' }, 'it'] }, { '>': [{ var: 'revenue' }, 1000] }] })).toEqual({
      sql: '("industry" = ? AND "revenue" > ?::numeric)',
      params: ['it', 1000],
    });
  });

  it('flips a comparison written value-first', () => {
    expect(sql({ '<': [100, { var: 'revenue' }] })).toEqual({ sql: '"revenue" > ?::numeric', params: [100] });
  });

  it('compiles json-logic between into two comparisons', () => {
    expect(sql({ '<=': [1, { var: 'revenue' }, 5] })).toEqual({ sql: '("revenue" >= ?::numeric AND "revenue" <= ?::numeric)', params: [1, 5] });
  });

  it('treats null comparisons as IS NULL and != as null-aware', () => {
    expect(sql({ '==': [{ var: 'name' }, null] }).sql).toBe('"name" IS NULL');
    expect(sql({ '!=': [{ var: 'name' }, null] }).sql).toBe('"name" IS NOT NULL');
    expect(sql({ '!=': [{ var: 'name' }, 'x'] })).toEqual({ sql: '"name" IS DISTINCT FROM ?', params: ['x'] });
  });

  it('compiles in, or, not', () => {
    expect(sql({ or: [{ in: [{ var: 'industry' }, ['it', 'retail']] }, { '!': { var: 'active' } }] })).toEqual({
      sql: '("industry" = ANY(?) OR NOT coalesce("active" IS TRUE, false))',
      params: [['it', 'retail']],
    });
  });

  it('escapes LIKE wildcards in contains / starts_with / ends_with', () => {
    expect(sql({ contains: [{ var: 'name' }, '50%_off'] })).toEqual({ sql: '"name" LIKE ?', params: ['%50\\%\\_off%'] });
    expect(sql({ starts_with: [{ var: 'name' }, '华'] }).params).toEqual(['华%']);
    expect(sql({ ends_with: [{ var: 'name' }, 'Ltd'] }).params).toEqual(['%Ltd']);
    expect(sql({ in: ['abc', { var: 'name' }] }).params).toEqual(['%abc%']);
  });

  it('tests multi-select values with array containment', () => {
    expect(sql({ contains: [{ var: 'tags' }, 'vip'] })).toEqual({ sql: '"tags" @> ?::text[]', params: [['vip']] });
  });

  it('compiles emptiness per type', () => {
    expect(sql({ is_empty: [{ var: 'name' }] }).sql).toBe(`("name" IS NULL OR "name" = '')`);
    expect(sql({ not_empty: [{ var: 'tags' }] }).sql).toBe('("tags" IS NOT NULL AND NOT (cardinality("tags") = 0))');
    expect(sql({ is_empty: [{ var: 'revenue' }] }).sql).toBe('("revenue" IS NULL OR false)');
  });

  it('casts dates and normalizes datetimes to UTC ISO', () => {
    expect(sql({ '>=': [{ var: 'signed' }, '2026-01-31'] })).toEqual({ sql: '"signed" >= ?::date', params: ['2026-01-31'] });
    expect(sql({ '<': [{ var: 'seen_at' }, '2026-03-01T08:00:00+08:00'] }).params).toEqual(['2026-03-01T00:00:00.000Z']);
  });

  it('never puts a user value in the SQL text', () => {
    const evil = "'; DROP TABLE account; --";
    const out = sql({ '==': [{ var: 'name' }, evil] });
    expect(out.sql).not.toContain('DROP');
    expect(out.params).toEqual([evil]);
  });

  it('refuses what it cannot compile, with stable codes', () => {
    expect(code({ '==': [{ var: 'nope' }, 1] })).toBe('QUERY_UNKNOWN_FIELD');
    expect(code({ '==': [{ var: 'revenue' }, 'abc'] })).toBe('QUERY_INVALID_FILTER');
    expect(code({ '==': [{ var: 'account' }, 'not-a-uuid'] })).toBe('QUERY_INVALID_FILTER');
    expect(code({ '>': [{ var: 'active' }, true] })).toBe('QUERY_INVALID_FILTER');
    expect(code({ '==': [{ var: 'name' }, { var: 'industry' }] })).toBe('QUERY_INVALID_FILTER');
    expect(code({ reduce: [] })).toBe('QUERY_INVALID_FILTER');
    expect(code({ '==': [1] })).toBe('QUERY_INVALID_FILTER');
    expect(code('name')).toBe('QUERY_INVALID_FILTER');
    expect(code({ '>=': [{ var: 'signed' }, '2026-13-45'] })).toBe('QUERY_INVALID_FILTER');
    expect(code({ contains: [{ var: 'revenue' }, '1'] })).toBe('QUERY_INVALID_FILTER');
    expect(code({ var: 'name' })).toBe('QUERY_INVALID_FILTER');
  });

  it('limits nesting depth and list sizes', () => {
    let deep: unknown = { '==': [{ var: 'name' }, 'x'] };
    for (let i = 0; i < 70; i++) deep = { '!': [deep] };
    expect(code(deep)).toBe('QUERY_INVALID_FILTER');
    expect(code({ in: [{ var: 'industry' }, Array.from({ length: 10001 }, (_, i) => `v${i}`)] })).toBe('QUERY_INVALID_FILTER');
  });
});
