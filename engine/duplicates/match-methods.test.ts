import { describe, expect, it } from 'vitest';
import { matchKey, matchKeySql } from './match-methods';

describe('match keys (JavaScript form)', () => {
  it('normalized: lower case, full-width to half-width, every space removed; empty is null', () => {
    expect(matchKey('normalized', '  Ｈｅｌｌｏ　Ｗｏｒｌｄ ')).toBe('helloworld');
    expect(matchKey('normalized', 'A\tB\nC')).toBe('abc');
    expect(matchKey('normalized', '   ')).toBeNull();
    expect(matchKey('normalized', null)).toBeNull();
  });

  it('phone: digits only, a leading +86 / 0086 dropped', () => {
    for (const p of ['+86 138-0013-8000', '0086 13800138000', '(+86) 138 0013 8000', '＋８６１３８００１３８０００', '13800138000']) expect(matchKey('phone', p), p).toBe('13800138000');
    expect(matchKey('phone', '86 138 0013 8000')).toBe('8613800138000');
    expect(matchKey('phone', 'n/a')).toBeNull();
  });

  it('company: legal suffixes and punctuation removed', () => {
    const same = [['上海云杉科技有限公司', '上海云杉科技'], ['Acme Co., Ltd.', 'ACME'], ['IBM（中国）有限公司', 'ibm'], ['Globex Corporation', 'globex'], ['北京星河集团有限公司', '北京星河']];
    for (const [a, b] of same) expect(matchKey('company', a), a).toBe(matchKey('company', b));
    expect(matchKey('company', 'Costco')).toBe('costco');
    expect(matchKey('company', '有限公司')).toBeNull();
  });

  it('exact keeps the text as stored; only empty is null', () => {
    expect(matchKey('exact', ' A ')).toBe(' A ');
    expect(matchKey('exact', '')).toBeNull();
  });

  it('the SQL form uses no "?" (knex placeholders) and only immutable functions', () => {
    for (const m of ['exact', 'normalized', 'phone', 'company', 'fuzzy'] as const) {
      const sql = matchKeySql(m, '"x"');
      expect(sql).not.toContain('?');
      const code = sql.replace(/(U&)?'(?:[^']|'')*'/g, "''");
      const fns = [...code.matchAll(/([A-Za-z_]+)\(/g)].map((x) => x[1]!);
      expect(fns.filter((f) => !['NULLIF', 'translate', 'lower', 'regexp_replace', 'btrim', 'replace'].includes(f)), m).toEqual([]);
    }
  });
});
