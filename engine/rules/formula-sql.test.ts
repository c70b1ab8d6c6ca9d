import { describe, expect, it } from 'vitest';
import { inlineParams, sqlLiteral } from '../query/inline-params';
import { registry, snapshotOf } from '../schema-engine/plan-fixtures';
import { fieldSql, formulaColumns } from './formula-sql';

const snapshot = snapshotOf([
  { name: 'account', label: 'Account', fields: [{ name: 'industry', type: 'text', label: 'Industry' }, { name: 'tag', type: 'formula', label: 'Tag', options: { expression: { cat: [{ var: 'industry' }, '?'] }, returns: 'string' } }] },
  {
    name: 'deal',
    label: 'Deal',
    fields: [
      { name: 'amount', type: 'number', label: 'Amount' },
      { name: 'account', type: 'lookup', label: 'Account', options: { target: 'account' } },
      { name: 'doubled', type: 'formula', label: 'Doubled', options: { expression: { '*': [{ var: 'amount' }, 2] }, returns: 'number' } },
      { name: 'quad', type: 'formula', label: 'Quad', options: { expression: { '*': [{ var: 'doubled' }, 2] }, returns: 'number' } },
      { name: 'sector', type: 'formula', label: 'Sector', options: { expression: { var: 'account.tag' }, returns: 'string' } },
    ],
  },
]);
const deal = snapshot.objects.get('deal')!;

describe('formula SQL', () => {
  it('reads columns of the row, other formulas as their expressions, and lookups through a subquery', () => {
    expect(Object.fromEntries(formulaColumns(snapshot, registry, 't_x', deal))).toEqual({
      doubled: '((("t_x"."deal"."amount")::numeric * 2::numeric))',
      quad: '(((((("t_x"."deal"."amount")::numeric * 2::numeric)))::numeric * 2::numeric))',
      sector: `((SELECT (concat(l2."industry", E'\\x3f'::text)) FROM "t_x"."account" l2 WHERE l2.id = "t_x"."deal"."account"))`,
    });
    expect(fieldSql(snapshot, registry, 't_x', deal, 'd', 'account.industry')).toBe('(SELECT l1."industry" FROM "t_x"."account" l1 WHERE l1.id = d."account")');
    expect(() => fieldSql(snapshot, registry, 't_x', deal, 'd', 'account.nope')).toThrow('unknown field path deal.account.nope');
  });

  it('inlines constants so no question mark reaches knex as a placeholder', () => {
    expect(sqlLiteral("O'Brien")).toBe("'O''Brien'");
    expect(sqlLiteral('why?')).toBe("E'why\\x3f'");
    expect(sqlLiteral('a\\?')).toBe("E'a\\\\\\x3f'");
    expect(inlineParams({ sql: 'concat(?::text, ?::numeric)', params: ['a?', 2] })).toBe("concat(E'a\\x3f'::text, 2::numeric)");
    expect(() => inlineParams({ sql: '? + ?', params: [1] })).toThrow();
    expect(() => inlineParams({ sql: '?', params: [{ ctx: '$now' }] })).toThrow();
  });
});
