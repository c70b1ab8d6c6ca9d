import { describe, expect, it } from 'vitest';
import { inlineLiterals, sqlLiteral } from './sql-literal';

describe('SQL literals for stored definitions', () => {
  it('never lets a question mark reach knex as a placeholder', () => {
    expect(sqlLiteral("O'Brien")).toBe("'O''Brien'");
    expect(sqlLiteral('why?')).toBe("E'why\\x3f'");
    expect(sqlLiteral('a\\?')).toBe("E'a\\\\\\x3f'");
  });

  it('fills placeholders in order', () => {
    expect(inlineLiterals({ sql: 'concat(?::text, ?::numeric)', params: ['a?', 2] })).toBe("concat(E'a\\x3f'::text, 2::numeric)");
    expect(() => inlineLiterals({ sql: '? + ?', params: [1] })).toThrow();
    expect(() => inlineLiterals({ sql: '?', params: [{ ctx: '$now' }] })).toThrow();
  });
});
