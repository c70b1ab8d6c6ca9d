import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors';
import { decodeCursor, encodeCursor } from './cursor';
import { keysetPredicate } from './keyset';

describe('keyset paging', () => {
  it('builds "after" for a descending key then id', () => {
    expect(keysetPredicate([{ field: 'revenue', desc: true, cast: '' }, { field: 'id', desc: true, cast: '::uuid' }], [500, 'u1'])).toEqual({
      sql: '(("revenue" < ?) OR ("revenue" = ? AND "id" < ?::uuid))',
      params: [500, 500, 'u1'],
    });
  });

  it('places NULLs last ascending: after a NULL only equal NULLs with a larger id follow', () => {
    expect(keysetPredicate([{ field: 'revenue', desc: false, cast: '' }, { field: 'id', desc: false, cast: '::uuid' }], [null, 'u1'])).toEqual({
      sql: '(("revenue" IS NULL AND "id" > ?::uuid))',
      params: ['u1'],
    });
  });

  it('ascending non-null cursor keeps the NULL rows that come after', () => {
    expect(keysetPredicate([{ field: 'name', desc: false, cast: '' }], ['b']).sql).toBe('((("name" > ? OR "name" IS NULL)))');
  });

  it('round-trips a cursor and refuses one for another sort', () => {
    const c = encodeCursor({ sort: '-revenue,-id', values: [1, 'x'] });
    expect(decodeCursor(c, '-revenue,-id')).toEqual([1, 'x']);
    expect(() => decodeCursor(c, 'name,id')).toThrow(AppError);
    expect(() => decodeCursor('%%%', 'name,id')).toThrow(AppError);
  });
});
