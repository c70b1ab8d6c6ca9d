import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors';
import { decodeCursor, encodeCursor } from './cursor';
import { keysetPredicate } from './keyset';

describe('keyset paging', () => {
  it('builds "after" for a descending key then id', () => {
    expect(keysetPredicate([{ field: 'revenue', desc: true, cast: '', kind: 'number' }, { field: 'id', desc: true, cast: '::uuid', kind: 'uuid' }], [500, 'u1'])).toEqual({
      sql: '(("revenue" < ?) OR ("revenue" = ? AND "id" < ?::uuid))',
      params: [500, 500, 'u1'],
    });
  });

  it('places NULLs last ascending: after a NULL only equal NULLs with a larger id follow', () => {
    expect(keysetPredicate([{ field: 'revenue', desc: false, cast: '', kind: 'number' }, { field: 'id', desc: false, cast: '::uuid', kind: 'uuid' }], [null, 'u1'])).toEqual({
      sql: '(("revenue" IS NULL AND "id" > ?::uuid))',
      params: ['u1'],
    });
  });

  it('ascending non-null cursor keeps the NULL rows that come after', () => {
    expect(keysetPredicate([{ field: 'name', desc: false, cast: '', kind: 'string' }], ['b']).sql).toBe('((("name" > ? OR "name" IS NULL)))');
  });

  it('round-trips a cursor and refuses one for another sort', () => {
    const id = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
    const keys = [{ kind: 'number' as const }, { kind: 'uuid' as const }];
    const c = encodeCursor({ sort: '-revenue,-id', values: [1, id] });
    expect(decodeCursor(c, '-revenue,-id', keys)).toEqual([1, id]);
    expect(() => decodeCursor(c, 'name,id', keys)).toThrow(AppError);
    expect(() => decodeCursor('%%%', 'name,id', keys)).toThrow(AppError);
  });

  it('refuses forged values that do not fit their keys', () => {
    const forged = (values: unknown[]) => encodeCursor({ sort: '-revenue,-id', values });
    const keys = [{ kind: 'number' as const }, { kind: 'uuid' as const }];
    for (const values of [[1, 'not-a-uuid'], [], ['many', '3f2504e0-4f89-41d3-9a0c-0305e82c3301'], [1, '3f2504e0-4f89-41d3-9a0c-0305e82c3301', 'extra'], [{ a: 1 }, null]]) {
      expect(() => decodeCursor(forged(values), '-revenue,-id', keys)).toThrow(AppError);
    }
  });
});
